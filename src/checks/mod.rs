//! Offline checks: every constraint for which the server answers 301093 /
//! 301094, decided from the rule alone, answered with the server's errcode and
//! errmsg (docs/validation.md).
//!
//! One file per family of checks. Each check is a [`Check`] descriptor tied to
//! its row of the error table ([`table::ERROR_TABLE`]) or, for constraints the
//! field table states without an error row, to that text. [`registry::CHECKS`]
//! lists them all, and docs/validation.md is generated from it.

mod buka;
mod checkin_time;
mod corp;
pub mod docs;
mod flex;
mod group;
mod locations;
mod overtime;
pub mod registry;
mod schedules;
mod special_days;
pub mod table;

use crate::diag::{Diagnostic, Severity};
use crate::load::LoadedRule;
use crate::model::{Date, Rule};

/// Where a check's errcode and errmsg come from.
#[derive(Debug)]
pub enum Source {
    /// A row of the error table (1-based): the server's own errcode and errmsg.
    Row(usize),
    /// A constraint stated only in the field table (打卡规则字段说明): the
    /// server's words for it are unknown, so the errmsg says where it is from.
    FieldTable {
        errmsg: &'static str,
        explanation: &'static str,
    },
}

/// A check's static descriptor.
#[derive(Debug)]
pub struct Check {
    /// Stable id (SARIF rule id, docs anchor).
    pub id: &'static str,
    pub source: Source,
    /// How much a finding weighs, decided here once (as cargo's lints do).
    pub level: Level,
    /// What is checked, in a sentence.
    pub summary: &'static str,
}

/// What a check's finding is: every check reproduces a refusal of the
/// server, but not every value the server refuses is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The server refuses the rule: an error.
    Error,
    /// A file may hold it, and the server refuses it only when its field
    /// is sent (a special day that has already started): a warning, an
    /// error in a plan that sends the field.
    ErrorWhenSent,
    /// The server would refuse it, but the tool never sends it (a special
    /// day in the past is history, D6): a warning.
    NeverSent,
}

impl Level {
    /// The severity of a finding in a file.
    pub fn severity(self) -> Severity {
        match self {
            Level::Error => Severity::Error,
            Level::ErrorWhenSent | Level::NeverSent => Severity::Warning,
        }
    }
}

impl Check {
    pub fn code(&self) -> u32 {
        match self.source {
            Source::Row(n) => table::ERROR_TABLE[n - 1].errcode.unwrap_or(301093),
            Source::FieldTable { .. } => 301093,
        }
    }

    pub fn errmsg(&self) -> &'static str {
        match self.source {
            Source::Row(n) => table::ERROR_TABLE[n - 1].errmsg,
            Source::FieldTable { errmsg, .. } => errmsg,
        }
    }

    pub fn explanation(&self) -> &'static str {
        match self.source {
            Source::Row(n) => table::ERROR_TABLE[n - 1].explanation,
            Source::FieldTable { explanation, .. } => explanation,
        }
    }
}

/// What one rule's checks see, and where they report.
pub struct Ctx<'a> {
    pub lr: &'a LoadedRule,
    pub rule: &'a Rule,
    /// Today, as a China Standard Time day number (days since 1970-01-01).
    pub today: i64,
    pub out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// Reports `check` at the value `pointer` (or its parent's key when absent).
    pub fn report(
        &mut self,
        check: &'static Check,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let pointer = pointer.into();
        let (pos, end) = self.lr.locate(&pointer);
        self.out.push(Diagnostic {
            code: check.code(),
            errmsg: check.errmsg().to_owned(),
            severity: check.level.severity(),
            path: pointer,
            file: self.lr.file.clone(),
            line: pos.line,
            column: pos.col,
            message: message.into(),
            help: None,
            explanation: Some(check.explanation().replace('\n', " ")),
            check: check.id,
            end,
        });
        self.out.last_mut().expect("just pushed")
    }
}

/// Every check of one rule.
pub fn check_rule(lr: &LoadedRule, now: i64) -> Vec<Diagnostic> {
    let mut ctx = Ctx {
        lr,
        rule: &lr.rule,
        today: Date(now).cst_day(),
        out: Vec::new(),
    };
    group::check(&mut ctx);
    schedules::check(&mut ctx);
    checkin_time::check(&mut ctx);
    flex::check(&mut ctx);
    special_days::check(&mut ctx);
    locations::check(&mut ctx);
    overtime::check(&mut ctx);
    buka::check(&mut ctx);
    let mut out = ctx.out;
    strings(lr, &mut out);
    // Values the loader set aside were reported there; what the checks would
    // say of their absence is not news.
    // Nor is a check on the object that held it (it counts what is there).
    let under = |path: &str, p: &str| {
        path == p
            || path
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('/'))
            || p.rsplit_once('/').is_some_and(|(parent, _)| parent == path)
    };
    out.retain(|d| !lr.set_aside.iter().any(|p| under(&d.path, p)));
    // A number out of range stands where no server row speaks of it (or of
    // the list holding it).
    for d in &lr.out_of_range {
        let parent = d.path.rsplit_once('/').map_or("", |(p, _)| p);
        if !out
            .iter()
            .any(|o| o.path == d.path || (o.path == parent && !parent.is_empty()))
        {
            out.push(d.clone());
        }
    }
    out
}

/// Strings nobody can read for what they are: control characters, bidi
/// overrides and other invisible characters, and spaces at either end. The API
/// may take them, but a reviewer cannot see them (a name that reads the same
/// as another, text that runs backwards): a warning where they stand.
fn strings(lr: &LoadedRule, out: &mut Vec<Diagnostic>) {
    if lr.strings_clean {
        return;
    }
    for (pointer, message) in unreadable_strings(&lr.rule) {
        let (pos, end) = lr.locate(&pointer);
        // A warning by its registered severity.
        let d = Diagnostic::file_error("hidden characters", &lr.file, &pointer, pos, message)
            .with_end(end)
            .with_help(crate::t!("hidden-help"));
        out.push(d);
    }
}

/// Each string of `rule` nobody can read for what it is: its pointer, and what is wrong.
fn unreadable_strings(rule: &Rule) -> Vec<(String, String)> {
    // Most rules hold none. Serializing the rule into a formatter that only
    // looks at its strings shows it at a fraction of the cost of the walk,
    // which builds the rule's JSON tree to say where each one is.
    let mut look = StringLook::default();
    let clean = serde::Serialize::serialize(
        rule,
        &mut serde_json::Serializer::with_formatter(std::io::sink(), &mut look),
    )
    .is_ok();
    if clean && !look.suspect {
        return Vec::new();
    }
    all_unreadable_strings(rule)
}

/// A JSON formatter that writes nothing and notes whether any string (key or
/// value) holds a hidden character or begins or ends with whitespace.
#[derive(Default)]
struct StringLook {
    suspect: bool,
    /// Whether the current string has had a character yet, and its last one.
    started: bool,
    last: char,
}

impl StringLook {
    fn chars(&mut self, first: char, last: char, hidden: bool) {
        self.suspect |= hidden || (!self.started && first.is_whitespace());
        self.started = true;
        self.last = last;
    }
}

impl serde_json::ser::Formatter for &mut StringLook {
    fn begin_string<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.started = false;
        Ok(())
    }

    fn end_string<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.suspect |= self.started && self.last.is_whitespace();
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        _: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let (Some(first), Some(last)) = (fragment.chars().next(), fragment.chars().next_back())
        else {
            return Ok(());
        };
        // Below DEL, ASCII holds no hidden character (controls come escaped).
        let hidden =
            !fragment.bytes().all(|b| b < 0x7f) && fragment.chars().any(crate::escape::is_hidden);
        self.chars(first, last, hidden);
        Ok(())
    }

    fn write_char_escape<W: ?Sized + std::io::Write>(
        &mut self,
        _: &mut W,
        escape: serde_json::ser::CharEscape,
    ) -> std::io::Result<()> {
        use serde_json::ser::CharEscape;
        let c = match escape {
            CharEscape::Quote => '"',
            CharEscape::ReverseSolidus => '\\',
            CharEscape::Solidus => '/',
            // Every other escape is a control character.
            _ => '\u{0}',
        };
        self.chars(c, c, crate::escape::is_hidden(c));
        Ok(())
    }
}

fn all_unreadable_strings(rule: &Rule) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, pointer: &mut String, found: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => {
                if s.chars().any(crate::escape::is_hidden) {
                    found.push((
                        pointer.clone(),
                        crate::t!(
                            "hidden-characters",
                            text = crate::escape::text(s).into_owned()
                        ),
                    ));
                } else if s.trim() != s {
                    found.push((
                        pointer.clone(),
                        crate::t!("hidden-spaces", text = s.as_str()),
                    ));
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push_str(&format!("/{i}"));
                    walk(item, pointer, found);
                    pointer.truncate(len);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    walk(item, pointer, found);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    if let Ok(value) = serde_json::to_value(rule) {
        walk(&value, &mut String::new(), &mut found);
    }
    found
}

/// Values recorded in `keep_live` (console-made, rejected by the write API,
/// D4) are warnings while unchanged; once edited they are errors again. Only
/// validate does this: plan still refuses such a value in a field it sends.
fn keep_live(lr: &LoadedRule, mut found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let Some(kept) = lr.rule.keep_live.as_ref().filter(|k| !k.is_empty()) else {
        return found;
    };
    let wire = crate::model::wire::rule_to_wire(&lr.rule);
    for d in found.iter_mut().filter(|d| d.is_error()) {
        let now = wire
            .pointer(&d.path)
            .cloned()
            .unwrap_or(serde_json::Value::Null);
        if kept.iter().any(|k| k.path == d.path && k.value == now) {
            d.severity = Severity::Warning;
            d.message += " (kept from the live rule by keep_live: fine while unchanged; a change to this field must fix it first)";
        }
    }
    found
}

/// The checks across rules (duplicate groupname / groupid).
pub fn check_corp(rules: &[LoadedRule]) -> Vec<Diagnostic> {
    corp::check(rules)
}

/// What validate says of one rule: every check, with the values `keep_live`
/// records reported as warnings while unchanged.
pub fn check_validate(lr: &LoadedRule, now: i64) -> Vec<Diagnostic> {
    keep_live(lr, check_rule(lr, now))
}

/// What validate says of some rules: [`check_validate`] on each, and the
/// checks across rules. (validate itself runs the first as it loads.)
pub fn check_all(rules: &[LoadedRule], now: i64) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut out: Vec<Diagnostic> = rules
        .par_iter()
        .flat_map_iter(|r| check_validate(r, now))
        .collect();
    out.extend(corp::check(rules));
    out
}

/// `n` seconds as minutes for messages: "15 min", "1 h 30 min".
pub(crate) fn minutes(n: i64) -> String {
    if n % 60 != 0 {
        return crate::t!("dur-seconds", n = n);
    }
    let m = n / 60;
    match (m / 60, m % 60) {
        (0, m) => crate::t!("dur-minutes", m = m),
        (h, 0) => crate::t!("dur-hours", h = h),
        (h, m) => crate::t!("dur-hours-minutes", h = h, m = m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Strings made of the characters that matter: spaces of every kind,
    /// controls, bidi and zero-width characters, quotes and backslashes.
    fn tricky() -> impl Strategy<Value = String> {
        let chars = prop::sample::select(vec![
            'a', '中', ' ', '\u{3000}', '\u{a0}', '\t', '\n', '\u{7f}', '\u{85}', '\u{202e}',
            '\u{200b}', '\u{feff}', '"', '\\', ':',
        ]);
        prop::collection::vec(chars, 0..6).prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        /// The quick look at the JSON never hides a string the walk reports.
        #[test]
        fn the_quick_look_misses_nothing(name in tricky(), wifi in tricky(), user in tricky()) {
            let rule: Rule = serde_json::from_value(serde_json::json!({
                "groupname": name,
                "wifimac_infos": [{"wifiname": wifi, "wifimac": "c0:a5:dd:7e:66:10"}],
                "white_users": [user],
            }))
            .unwrap();
            prop_assert_eq!(unreadable_strings(&rule), all_unreadable_strings(&rule));
        }

        /// The YAML reader's look, which lets the checks skip theirs, never
        /// calls clean a file whose rule holds an unreadable string (written
        /// by the tool's own YAML writer, as quoted, escaped or plain).
        #[test]
        fn the_readers_look_misses_nothing(name in tricky(), wifi in tricky(), key in tricky()) {
            let value = serde_json::json!({
                "groupname": name,
                "wifimac_infos": [{"wifiname": wifi, "wifimac": "c0:a5:dd:7e:66:10"}],
                "range": {key: ["u"]},
            });
            let text = crate::emit::to_yaml(&value);
            let doc = &crate::load::yaml::parse_values(&text).unwrap()[0];
            let rule: Rule = serde_json::from_value(doc.value.to_value()).unwrap();
            if doc.strings_clean {
                prop_assert!(all_unreadable_strings(&rule).is_empty(), "{}", text);
            }
        }
    }
}
