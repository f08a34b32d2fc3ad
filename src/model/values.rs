//! Values that rule files may write in wire form or in readable form (README: values).
//!
//! Each type holds the wire value exactly as the API sends it (seconds, a Unix
//! timestamp, a weekday number) and reads either form. Serializing writes the
//! wire form, the one the diff, the fingerprints and the API use; only the YAML
//! the tool writes asks for the readable form ([`to_readable_value`]), and gets
//! it where it is lossless, so that model → YAML → model is the identity for
//! every value the API can hold.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

const DAY: i64 = 86_400;
/// China Standard Time, the zone of every WeCom date (UTC+8, no daylight saving).
pub const CST_OFFSET_SECS: i64 = 8 * 3600;

thread_local! {
    /// Set while [`to_readable_value`] runs on this thread.
    static READABLE: Cell<bool> = const { Cell::new(false) };
}

/// `value` as JSON with readable values (`"09:00"`, `"5m"`, `"2027-01-01"`,
/// `mon`, `fixed`) wherever they are lossless: the file boundary, for the
/// YAML the tool writes. Everything else serializes wire numbers.
pub fn to_readable_value<T: Serialize + ?Sized>(
    value: &T,
) -> serde_json::Result<serde_json::Value> {
    /// Restores the mode even if serializing fails part way.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            READABLE.set(self.0);
        }
    }
    let _restore = Restore(READABLE.replace(true));
    serde_json::to_value(value)
}

/// The wire number, or inside [`to_readable_value`] the readable form when there is one.
fn serialize_value<S: Serializer, R: AsRef<str>>(
    s: S,
    wire: i64,
    readable: impl FnOnce() -> Option<R>,
) -> Result<S::Ok, S::Error> {
    match READABLE.get().then(readable).flatten() {
        Some(r) => s.serialize_str(r.as_ref()),
        None => s.serialize_i64(wire),
    }
}

/// Accepts an integer or a string, and hands either to `parse`. Any other
/// value is refused with `not_a` (a message taking `$found`), in the user's
/// language rather than serde's "invalid type: …, expected …".
struct IntOrStr<F> {
    not_a: &'static str,
    parse: F,
}

impl<F> IntOrStr<F> {
    fn wrong<T, E: de::Error>(&self, found: String) -> Result<T, E> {
        Err(E::custom(crate::t!(self.not_a, found = found)))
    }
}

/// A string as the messages quote it: `"09:00"`.
fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

impl<'de, T, F> Visitor<'de> for IntOrStr<F>
where
    F: Fn(IntOrStrValue<'_>) -> Result<T, String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&crate::t!(self.not_a, found = crate::t!("value-this")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        (self.parse)(IntOrStrValue::Int(v)).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        match i64::try_from(v) {
            Ok(v) => (self.parse)(IntOrStrValue::Int(v)).map_err(E::custom),
            Err(_) => self.wrong(crate::t!("shape-the-number", n = v.to_string())),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(IntOrStrValue::Str(v)).map_err(E::custom)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        self.wrong(format!("`{v}`"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        // As the file wrote it: `2.0`, not Rust's `2`.
        let n = serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string());
        self.wrong(crate::t!("shape-the-number", n = n))
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.wrong(crate::t!("shape-a-type", json_type = "null"))
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        self.visit_unit()
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        self.wrong(crate::t!("shape-a-type", json_type = "array"))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        self.wrong(crate::t!("shape-a-type", json_type = "object"))
    }
}

enum IntOrStrValue<'a> {
    Int(i64),
    Str(&'a str),
}

fn deserialize_int_or_str<'de, D, T>(
    deserializer: D,
    not_a: &'static str,
    parse: impl Fn(IntOrStrValue<'_>) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_any(IntOrStr { not_a, parse })
}

/// Parses `HH:MM` or `HH:MM:SS` into seconds since midnight.
fn parse_clock(s: &str) -> Option<i64> {
    let mut parts = s.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    let sec = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let two_digits = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(h) || !two_digits(m) || sec.is_some_and(|s| !two_digits(s)) {
        return None;
    }
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    let s: i64 = sec.map_or(Some(0), |s| s.parse().ok())?;
    (h < 24 && m < 60 && s < 60).then_some(h * 3600 + m * 60 + s)
}

/// A time of day in seconds from midnight (`work_sec`, `rest_begin_time`, …).
///
/// Readable form: `"09:00"`, `"09:00:30"`; a time on the next day is written
/// `"+1 04:00"` (= 86400 + 14400), which several fields allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(pub i64);

impl TimeOfDay {
    pub const PATTERN: &'static str = r"^(\+[1-9] )?([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";

    pub fn parse(s: &str) -> Option<Self> {
        let (days, clock) = match s.strip_prefix('+') {
            Some(rest) => {
                let (d, clock) = rest.split_once(' ')?;
                if d.len() != 1 || !d.bytes().all(|b| (b'1'..=b'9').contains(&b)) {
                    return None;
                }
                (d.parse::<i64>().ok()?, clock)
            }
            None => (0, s),
        };
        Some(TimeOfDay(days * DAY + parse_clock(clock)?))
    }

    /// The readable form, or `None` when only the wire form can say it.
    pub fn readable(self) -> Option<String> {
        if !(0..10 * DAY).contains(&self.0) {
            return None;
        }
        let (days, rem) = (self.0 / DAY, self.0 % DAY);
        let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
        let clock = if s == 0 {
            format!("{h:02}:{m:02}")
        } else {
            format!("{h:02}:{m:02}:{s:02}")
        };
        Some(if days == 0 {
            clock
        } else {
            format!("+{days} {clock}")
        })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.readable() {
            Some(r) => f.write_str(&r),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_value(s, self.0, || self.readable())
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_int_or_str(d, "value-not-a-time", |v| match v {
            IntOrStrValue::Int(i) => Ok(TimeOfDay(i)),
            IntOrStrValue::Str(s) => TimeOfDay::parse(s).ok_or_else(|| {
                let mut m = crate::t!("value-not-a-time", found = quoted(s));
                if let Some(next) = next_day_form(s) {
                    m += &crate::t!("value-next-day", next = next);
                }
                m
            }),
        })
    }
}

/// `"24:00"` or `"25:30"` as the next day's time (`"+1 00:00"`, `"+1 01:30"`).
fn next_day_form(s: &str) -> Option<String> {
    let (h, rest) = s.trim().split_once(':')?;
    let h: i64 = h.parse().ok().filter(|h| (24..48).contains(h))?;
    let probe = format!("{:02}:{rest}", h - 24);
    TimeOfDay::parse(&probe).map(|_| format!("+1 {probe}"))
}

impl JsonSchema for TimeOfDay {
    fn schema_name() -> Cow<'static, str> {
        "TimeOfDay".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "TimeOfDay",
            "description": "Time of day: \"09:00\", \"09:00:30\", \"+1 04:00\" (next day), or seconds since midnight (32400). 距0点秒数",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": 864000 },
                { "type": "string", "pattern": TimeOfDay::PATTERN }
            ]
        })
    }
}

/// A length of time in seconds (`flex_on_duty_time`, `ot_time_min`, …).
///
/// Readable form: `"5m"`, `"1h30m"`, `"45s"`, `"0m"`. Negative values (the API's
/// `-1` for "unlimited" or "use flex_time") are written as integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration(pub i64);

impl Duration {
    pub const PATTERN: &'static str = r"^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$";

    pub fn parse(s: &str) -> Option<Self> {
        if s.is_empty() {
            return None;
        }
        let mut total: i64 = 0;
        let mut rest = s;
        let mut last_unit = 0; // h=1, m=2, s=3: units in order, each once
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 9 {
                return None;
            }
            let n: i64 = rest[..digits].parse().ok()?;
            let (unit, factor) = match rest.as_bytes().get(digits)? {
                b'h' => (1, 3600),
                b'm' => (2, 60),
                b's' => (3, 1),
                _ => return None,
            };
            if unit <= last_unit {
                return None;
            }
            last_unit = unit;
            total = total.checked_add(n.checked_mul(factor)?)?;
            rest = &rest[digits + 1..];
        }
        Some(Duration(total))
    }

    pub fn readable(self) -> Option<String> {
        if self.0 < 0 {
            return None;
        }
        if self.0 == 0 {
            return Some("0m".into());
        }
        let (h, m, s) = (self.0 / 3600, self.0 % 3600 / 60, self.0 % 60);
        let mut out = String::new();
        if h > 0 {
            out += &format!("{h}h");
        }
        if m > 0 {
            out += &format!("{m}m");
        }
        if s > 0 {
            out += &format!("{s}s");
        }
        Some(out)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.readable() {
            Some(r) => f.write_str(&r),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_value(s, self.0, || self.readable())
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_int_or_str(d, "value-not-a-duration", |v| match v {
            IntOrStrValue::Int(i) => Ok(Duration(i)),
            IntOrStrValue::Str(s) => Duration::parse(s)
                .ok_or_else(|| crate::t!("value-not-a-duration", found = quoted(s))),
        })
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Duration",
            "description": "Duration: \"5m\", \"1h30m\", \"45s\", or seconds (300). -1 where the API allows it. 单位:秒",
            "anyOf": [
                { "type": "integer", "minimum": -1 },
                { "type": "string", "pattern": Duration::PATTERN }
            ]
        })
    }
}

/// The calendar (jiff) for a count of days since 1970-01-01, and back.
const EPOCH: jiff::civil::Date = jiff::civil::date(1970, 1, 1);

fn civil_from_days(days: i64) -> Option<jiff::civil::Date> {
    EPOCH
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

fn days_from_civil(date: jiff::civil::Date) -> i64 {
    // Whole days between two dates: a span of days only.
    date.since(EPOCH)
        .map_or(0, |span| i64::from(span.get_days()))
}

/// A date as the API sends it: the Unix timestamp of midnight, China Standard Time.
///
/// Readable form: `"2027-01-01"`. A timestamp that is not a CST midnight (which
/// the server rejects) is written as the integer, so nothing is lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i64);

impl Date {
    pub const PATTERN: &'static str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let p = &s[r];
            p.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| p.parse().ok())?
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        // Four digits each way: the numbers fit jiff's types.
        let date = jiff::civil::Date::new(y as i16, m as i8, d as i8).ok()?;
        Some(Date::from_cst_day(days_from_civil(date)))
    }

    /// Whether this timestamp is midnight in China Standard Time.
    pub fn is_cst_midnight(self) -> bool {
        (i128::from(self.0) + i128::from(CST_OFFSET_SECS)).rem_euclid(i128::from(DAY)) == 0
    }

    /// The CST calendar day this timestamp falls on, as days since 1970-01-01.
    /// (Any i64 is a day: a hostile answer's timestamp must not overflow.)
    pub fn cst_day(self) -> i64 {
        self.0.saturating_add(CST_OFFSET_SECS).div_euclid(DAY)
    }

    pub fn from_cst_day(day: i64) -> Self {
        Date(day.saturating_mul(DAY).saturating_sub(CST_OFFSET_SECS))
    }

    /// `YYYY-MM-DD` of the CST day, whether or not the timestamp is a
    /// midnight; the timestamp itself outside the calendar (years 9999 and
    /// -9999 either way: only a hostile answer holds such a date).
    pub fn ymd(self) -> String {
        match civil_from_days(self.cst_day()) {
            Some(date) => date.strftime("%Y-%m-%d").to_string(),
            None => self.0.to_string(),
        }
    }

    /// The same calendar day `years` later (29 February becomes 28
    /// February); None outside the calendar.
    pub fn add_years(self, years: i16) -> Option<Self> {
        let later = civil_from_days(self.cst_day())?
            .checked_add(jiff::Span::new().years(years))
            .ok()?;
        Some(Date::from_cst_day(days_from_civil(later)))
    }

    pub fn readable(self) -> Option<String> {
        let in_range = (0..=253_402_271_999).contains(&self.0);
        (in_range && self.is_cst_midnight()).then(|| self.ymd())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.readable() {
            Some(r) => f.write_str(&r),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_value(s, self.0, || self.readable())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_int_or_str(d, "value-not-a-date", |v| match v {
            IntOrStrValue::Int(i) => Ok(Date(i)),
            IntOrStrValue::Str(s) => {
                Date::parse(s).ok_or_else(|| crate::t!("value-not-a-date", found = quoted(s)))
            }
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Date",
            "description": "Date: \"2027-01-01\", or the Unix timestamp of that day's midnight in China Standard Time (1798732800). 某天零点的时间戳(UTC+8)",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": Date::PATTERN }
            ]
        })
    }
}

/// A day of the week: 0 = Sunday … 6 = Saturday, as the API counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weekday(pub i64);

impl Weekday {
    pub const NAMES: [&'static str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    pub fn name(self) -> Option<&'static str> {
        usize::try_from(self.0)
            .ok()
            .and_then(|i| Self::NAMES.get(i).copied())
    }

    /// A weekday as people write it: `mon` in any case, or 周一 / 星期一 …
    /// 周日 / 星期日 (日 or 天 for Sunday). Files written by the tool use `mon`.
    pub fn parse(s: &str) -> Option<Weekday> {
        let lower = s.trim().to_ascii_lowercase();
        if let Some(i) = Self::NAMES.iter().position(|n| *n == lower) {
            return Some(Weekday(i as i64));
        }
        let day = s
            .trim()
            .strip_prefix("星期")
            .or_else(|| s.trim().strip_prefix('周'))?;
        let i = ["日", "一", "二", "三", "四", "五", "六"]
            .iter()
            .position(|d| *d == day)
            .or((day == "天").then_some(0))?;
        Some(Weekday(i as i64))
    }

    /// What the schema takes besides the names: any case, and Chinese.
    pub const PATTERN: &'static str = "^(?:[Ss][Uu][Nn]|[Mm][Oo][Nn]|[Tt][Uu][Ee]|[Ww][Ee][Dd]|[Tt][Hh][Uu]|[Ff][Rr][Ii]|[Ss][Aa][Tt]|(?:周|星期)[一二三四五六日天])$";
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for Weekday {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_value(s, self.0, || self.name())
    }
}

impl<'de> Deserialize<'de> for Weekday {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_int_or_str(d, "value-not-a-weekday", |v| match v {
            IntOrStrValue::Int(i) => Ok(Weekday(i)),
            IntOrStrValue::Str(s) => {
                Weekday::parse(s).ok_or_else(|| crate::t!("value-not-a-weekday", found = quoted(s)))
            }
        })
    }
}

impl JsonSchema for Weekday {
    fn schema_name() -> Cow<'static, str> {
        "Weekday".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Weekday",
            "description": "Weekday: mon, tue, wed, thu, fri, sat, sun (any case), 周一 … 周日 or 星期一 … 星期日, or 1 … 6 = Monday … Saturday, 0 = Sunday. 0表示星期日",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": 6 },
                { "type": "string", "enum": Weekday::NAMES },
                { "type": "string", "pattern": Weekday::PATTERN }
            ]
        })
    }
}

/// The rule type: 1 fixed hours (固定时间上下班), 2 shifts (按班次上下班), 3 free (自由上下班).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupType(pub i64);

impl GroupType {
    pub const FIXED: GroupType = GroupType(1);
    pub const SCHEDULE: GroupType = GroupType(2);
    pub const FREE: GroupType = GroupType(3);
    const NAMES: [(&'static str, i64); 3] = [("fixed", 1), ("schedule", 2), ("free", 3)];

    pub fn name(self) -> Option<&'static str> {
        Self::NAMES
            .iter()
            .find(|(_, n)| *n == self.0)
            .map(|(name, _)| *name)
    }
}

impl fmt::Display for GroupType {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for GroupType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_value(s, self.0, || self.name())
    }
}

impl<'de> Deserialize<'de> for GroupType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_int_or_str(d, "value-not-a-grouptype", |v| match v {
            IntOrStrValue::Int(i) => Ok(GroupType(i)),
            IntOrStrValue::Str(s) => GroupType::NAMES
                .iter()
                .find(|(n, _)| *n == s)
                .map(|(_, i)| GroupType(*i))
                .ok_or_else(|| crate::t!("value-not-a-grouptype", found = quoted(s))),
        })
    }
}

impl JsonSchema for GroupType {
    fn schema_name() -> Cow<'static, str> {
        "GroupType".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "GroupType",
            "description": "Rule type: fixed (1, 固定时间上下班), schedule (2, 按班次上下班), free (3, 自由上下班).",
            "anyOf": [
                { "type": "integer" },
                { "type": "string", "enum": ["fixed", "schedule", "free"] }
            ]
        })
    }
}

/// A department id in `range.party_id`: the documents show both numbers and strings.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(untagged)]
pub enum PartyId {
    Id(i64),
    Name(String),
}

impl fmt::Display for PartyId {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            PartyId::Id(i) => write!(f, "{i}"),
            PartyId::Name(s) => f.write_str(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_as_people_write_them() {
        let days: Vec<Weekday> = serde_json::from_value(serde_json::json!([
            "Mon",
            "周二",
            "星期三",
            "SUN",
            "周天",
            "sat",
            4
        ]))
        .unwrap();
        assert_eq!(
            days.iter().map(|d| d.0).collect::<Vec<_>>(),
            [1, 2, 3, 0, 0, 6, 4]
        );
        // The tool writes the short English name.
        assert_eq!(serde_json::to_value(Weekday(1)).unwrap(), 1);
        assert_eq!(Weekday(1).to_string(), "mon");
        for bad in ["周八", "Monday", "星期", "m"] {
            assert!(Weekday::parse(bad).is_none(), "{bad}");
        }
        let pattern =
            jsonschema::validator_for(&serde_json::json!({"pattern": Weekday::PATTERN})).unwrap();
        for good in ["Mon", "TUE", "周一", "星期日", "周天"] {
            assert!(pattern.is_valid(&serde_json::json!(good)), "{good}");
            assert!(Weekday::parse(good).is_some(), "{good}");
        }
    }

    /// A value of the wrong type is named in the tool's words (and so in
    /// the user's language), never serde's "invalid type: …, expected …".
    #[test]
    fn a_value_of_the_wrong_type_is_named() {
        use serde_json::json;
        let said = |v: serde_json::Value| {
            serde_json::from_value::<TimeOfDay>(v)
                .unwrap_err()
                .to_string()
        };
        let tail = " is not a time of day: write \"HH:MM\" (e.g. \"09:00\"), \"+1 HH:MM\" for the next day, or seconds since midnight";
        for (v, found) in [
            (json!(true), "`true`"),
            (json!(1.5), "the number 1.5"),
            (json!(null), "an empty value"),
            (json!([1]), "a list"),
            (json!({"a": 1}), "a mapping"),
            (json!(u64::MAX), "the number 18446744073709551615"),
        ] {
            assert_eq!(said(v), format!("{found}{tail}"));
        }
        let e = serde_json::from_value::<Weekday>(json!(false)).unwrap_err();
        assert!(e.to_string().starts_with("`false` is not a weekday"), "{e}");
        let e = serde_json::from_value::<GroupType>(json!(2.0)).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the number 2.0 is not a rule type"),
            "{e}"
        );
    }

    #[test]
    fn hour_24_suggests_the_next_day() {
        let e = serde_json::from_value::<TimeOfDay>(serde_json::json!("24:00")).unwrap_err();
        assert!(e.to_string().contains("\"+1 00:00\""), "{e}");
        let e = serde_json::from_value::<TimeOfDay>(serde_json::json!("25:30")).unwrap_err();
        assert!(e.to_string().contains("\"+1 01:30\""), "{e}");
        let e = serde_json::from_value::<TimeOfDay>(serde_json::json!("9:0x")).unwrap_err();
        assert!(!e.to_string().contains("hour 24"), "{e}");
    }

    #[test]
    fn time_of_day_forms() {
        assert_eq!(TimeOfDay::parse("09:00"), Some(TimeOfDay(32400)));
        assert_eq!(TimeOfDay::parse("+1 04:00"), Some(TimeOfDay(100800)));
        assert_eq!(TimeOfDay::parse("23:59:59"), Some(TimeOfDay(86399)));
        for bad in ["9:00", "24:00", "09:60", "+0 01:00", "+1  01:00", "09", ""] {
            assert_eq!(TimeOfDay::parse(bad), None, "{bad}");
        }
        assert_eq!(TimeOfDay(107940).readable().as_deref(), Some("+1 05:59"));
        assert_eq!(TimeOfDay(35000).readable().as_deref(), Some("09:43:20"));
        assert_eq!(TimeOfDay(-5).readable(), None);
    }

    #[test]
    fn duration_forms() {
        assert_eq!(Duration::parse("1h30m"), Some(Duration(5400)));
        assert_eq!(Duration::parse("45s"), Some(Duration(45)));
        assert_eq!(Duration::parse("0m"), Some(Duration(0)));
        for bad in ["", "m", "30m1h", "5", "1h1h", "-5m", "1.5h"] {
            assert_eq!(Duration::parse(bad), None, "{bad}");
        }
        assert_eq!(Duration(3661).readable().as_deref(), Some("1h1m1s"));
        assert_eq!(Duration(-1).readable(), None);
    }

    #[test]
    fn date_forms() {
        assert_eq!(Date::parse("2027-01-01"), Some(Date(1_798_732_800)));
        assert_eq!(
            Date(1_798_732_800).readable().as_deref(),
            Some("2027-01-01")
        );
        assert_eq!(Date::parse("2027-02-29"), None);
        assert_eq!(
            Date::parse("2028-02-29").map(|d| d.ymd()).as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(Date(1_798_732_801).readable(), None);
        assert!(Date(1_512_144_000).is_cst_midnight());
        let leap = Date::parse("2028-02-29").unwrap();
        assert_eq!(
            leap.add_years(1).map(Date::ymd).as_deref(),
            Some("2029-02-28")
        );
        assert_eq!(
            leap.add_years(4).map(Date::ymd).as_deref(),
            Some("2032-02-29")
        );
        // Outside the calendar: shown as the number, never a panic.
        assert_eq!(Date(i64::MAX).ymd(), i64::MAX.to_string());
        assert_eq!(Date(i64::MAX).add_years(1), None);
        assert_eq!(
            Date::parse("0000-01-01").map(Date::ymd).as_deref(),
            Some("0000-01-01")
        );
    }
}
