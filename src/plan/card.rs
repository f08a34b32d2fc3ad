//! An added rule in full, as a reviewer reads it: a line per working period
//! (work and off-work times, rest, the check-in and check-out windows,
//! reminders), per working-day group and shift, per special day, location and
//! Wi-Fi, an overtime summary per kind of day — and every other field as a
//! `path: value` line, so nothing the rule sets is left out.

use serde_json::{Map, Value};

use super::Change;
use super::describe::{entry, leaves};
use crate::model::{Duration, TimeOfDay, Weekday};
use crate::t;

fn line(field: String, shown: String) -> Change {
    Change {
        field,
        old: None,
        new: Some(shown),
    }
}

/// Every field of `obj` not in `consumed`, a leaf a line, under `path`.
fn rest_of(path: &[String], obj: &Map<String, Value>, consumed: &[&str], out: &mut Vec<Change>) {
    for (k, v) in obj.iter().filter(|(k, _)| !consumed.contains(&k.as_str())) {
        let mut p = path.to_vec();
        p.push(k.clone());
        leaves(&mut p, None, Some(v), out);
    }
}

fn time(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_i64)
        .map(|n| TimeOfDay(n).to_string())
}

fn duration(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_i64)
        .map(|n| Duration(n).to_string())
}

fn on(obj: &Map<String, Value>, key: &str) -> bool {
    obj.get(key) == Some(&Value::Bool(true))
}

fn span(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(format!(
            "{}–{}",
            a.unwrap_or_else(|| "?".into()),
            b.unwrap_or_else(|| "?".into())
        )),
    }
}

/// The keys a working period's line shows.
const PERIOD_KEYS: [&str; 15] = [
    "time_id",
    "work_sec",
    "off_work_sec",
    "allow_rest",
    "rest_begin_time",
    "rest_end_time",
    "rest_times",
    "earliest_work_sec",
    "latest_work_sec",
    "earliest_off_work_sec",
    "latest_off_work_sec",
    "remind_work_sec",
    "remind_off_work_sec",
    "no_need_checkon",
    "no_need_checkoff",
];

/// `09:00–18:00 · rest 12:00–13:30 · check in 07:00–11:00 · check out
/// 14:00–+1 02:00 · reminders 08:50, 18:00 (time_id 1)`.
pub fn period(t: &Map<String, Value>) -> String {
    let mut parts = vec![span(time(t, "work_sec"), time(t, "off_work_sec")).unwrap_or_default()];
    let rests: Vec<String> = super::times::rests(t)
        .into_iter()
        .map(|[b, e]| format!("{}–{}", TimeOfDay(b), TimeOfDay(e)))
        .collect();
    if !rests.is_empty() {
        parts.push(t!("card-rest", spans = rests.join(&t!("list-separator"))));
    } else if t.contains_key("allow_rest") && !on(t, "allow_rest") {
        parts.push(t!("card-no-rest"));
    }
    if on(t, "no_need_checkon") {
        parts.push(t!("card-no-checkin"));
    } else if let Some(w) = span(time(t, "earliest_work_sec"), time(t, "latest_work_sec")) {
        parts.push(t!("card-checkin", span = w));
    }
    if on(t, "no_need_checkoff") {
        parts.push(t!("card-no-checkout"));
    } else if let Some(w) = span(
        time(t, "earliest_off_work_sec"),
        time(t, "latest_off_work_sec"),
    ) {
        parts.push(t!("card-checkout", span = w));
    }
    let reminders: Vec<String> = [time(t, "remind_work_sec"), time(t, "remind_off_work_sec")]
        .into_iter()
        .flatten()
        .collect();
    if !reminders.is_empty() {
        parts.push(t!(
            "card-reminders",
            times = reminders.join(&t!("list-separator"))
        ));
    }
    let mut shown = parts.join(" · ");
    if let Some(id) = t.get("time_id").and_then(Value::as_i64) {
        shown += &t!("aside", what = format!("time_id {id}"));
    }
    shown
}

/// `flexible: 10m late, 10m early` for a day group or shift, or None.
fn flex(obj: &Map<String, Value>) -> Option<String> {
    if !on(obj, "allow_flex") {
        return obj.contains_key("allow_flex").then(|| t!("card-no-flex"));
    }
    let mut parts = Vec::new();
    if let Some(d) = duration(obj, "flex_on_duty_time") {
        parts.push(t!("card-flex-late", d = d));
    }
    if let Some(d) = duration(obj, "flex_off_duty_time") {
        parts.push(t!("card-flex-early", d = d));
    }
    if let Some(d) = duration(obj, "max_allow_arrive_early") {
        parts.push(t!("card-flex-shift-early", d = d));
    }
    if let Some(d) = duration(obj, "max_allow_arrive_late") {
        parts.push(t!("card-flex-shift-late", d = d));
    }
    Some(if parts.is_empty() {
        t!("card-flex")
    } else {
        t!("card-flex-parts", parts = parts.join(&t!("list-separator")))
    })
}

const FLEX_KEYS: [&str; 5] = [
    "allow_flex",
    "flex_on_duty_time",
    "flex_off_duty_time",
    "max_allow_arrive_early",
    "max_allow_arrive_late",
];

/// The working periods of a day group, shift or special day, a line each.
fn periods(path: &str, list: Option<&Value>, out: &mut Vec<Change>) {
    for (j, t) in list
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let at = format!("{path}[{j}]");
        match t.as_object() {
            Some(t) => {
                out.push(line(at.clone(), period(t)));
                rest_of(&segments(&at), t, &PERIOD_KEYS, out);
            }
            None => leaves(&mut segments(&at), None, Some(t), out),
        }
    }
}

/// `checkindate[0].checkintime` → ["checkindate", "0", "checkintime"].
fn segments(path: &str) -> Vec<String> {
    path.split(['.', '['])
        .map(|s| s.trim_end_matches(']').to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn weekdays(v: Option<&Value>) -> String {
    let days: Vec<String> = v
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_i64)
        .map(|d| Weekday(d).to_string())
        .collect();
    if days.is_empty() {
        t!("card-no-weekdays")
    } else {
        days.join(", ")
    }
}

/// `workdayconf: allowed, by check-in times (from 30m after work, 30m … 4h)`.
fn overtime(conf: &Map<String, Value>) -> String {
    if !on(conf, "allow_ot") {
        return t!("card-no-overtime");
    }
    let how = match conf.get("type").and_then(Value::as_i64) {
        Some(0) => "card-ot-by-both",
        Some(1) => "card-ot-by-checkin",
        _ => "card-ot-by-approval",
    };
    let mut shown = t!("card-overtime", how = t!(how));
    if conf.get("type").and_then(Value::as_i64) == Some(1)
        && let Some(c) = conf.get("checkin").and_then(Value::as_object)
    {
        let parts: Vec<String> = [
            duration(c, "ot_time_start").map(|d| t!("card-ot-from", d = d)),
            duration(c, "ot_time_min").map(|d| t!("card-ot-min", d = d)),
            duration(c, "ot_time_max").map(|d| t!("card-ot-max", d = d)),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !parts.is_empty() {
            shown += &t!("card-ot-details", parts = parts.join(&t!("list-separator")));
        }
    }
    if on(conf, "ot_trans_enable") {
        shown += &t!(match conf.get("ot_trans_type").and_then(Value::as_i64) {
            Some(2) => "card-ot-paid",
            _ => "card-ot-in-lieu",
        });
    }
    shown
}

/// The card of an added rule (its `group` as sent).
pub fn card(obj: &Map<String, Value>) -> Vec<Change> {
    let mut out = Vec::new();
    for (k, v) in obj {
        let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
        match k.as_str() {
            "checkindate" => {
                for (i, d) in items.iter().enumerate() {
                    let at = format!("checkindate[{i}]");
                    let Some(d) = d.as_object() else {
                        leaves(&mut segments(&at), None, Some(d), &mut out);
                        continue;
                    };
                    let mut head = weekdays(d.get("workdays"));
                    if let Some(f) = flex(d) {
                        head += &format!(" · {f}");
                    }
                    out.push(line(at.clone(), head));
                    periods(&format!("{at}.checkintime"), d.get("checkintime"), &mut out);
                    let mut consumed = vec!["workdays", "checkintime"];
                    consumed.extend(FLEX_KEYS);
                    rest_of(&segments(&at), d, &consumed, &mut out);
                }
            }
            "schedulelist" => {
                for (i, s) in items.iter().enumerate() {
                    let at = format!("schedulelist[{i}]");
                    let Some(s) = s.as_object() else {
                        leaves(&mut segments(&at), None, Some(s), &mut out);
                        continue;
                    };
                    let name = s
                        .get("schedule_name")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    let id = s.get("schedule_id").and_then(Value::as_i64);
                    let mut head = t!("card-shift", name = name);
                    if let Some(id) = id {
                        head += &t!("aside", what = format!("schedule_id {id}"));
                    }
                    let sections = s.get("time_section").and_then(Value::as_array);
                    if sections.is_none_or(Vec::is_empty) {
                        head += &format!(" · {}", t!("card-day-off"));
                    }
                    if let Some(f) = flex(s) {
                        head += &format!(" · {f}");
                    }
                    out.push(line(at.clone(), head));
                    periods(
                        &format!("{at}.time_section"),
                        s.get("time_section"),
                        &mut out,
                    );
                    let mut consumed = vec!["schedule_id", "schedule_name", "time_section"];
                    consumed.extend(FLEX_KEYS);
                    rest_of(&segments(&at), s, &consumed, &mut out);
                }
            }
            "spe_workdays" | "spe_offdays" => {
                for (i, d) in items.iter().enumerate() {
                    let at = format!("{k}[{i}]");
                    let Some(o) = d.as_object() else {
                        leaves(&mut segments(&at), None, Some(d), &mut out);
                        continue;
                    };
                    let mut without_hours = o.clone();
                    without_hours.shift_remove("checkintime");
                    out.push(line(
                        at.clone(),
                        entry(k, &Value::Object(without_hours))
                            .trim_end()
                            .to_owned(),
                    ));
                    periods(&format!("{at}.checkintime"), o.get("checkintime"), &mut out);
                    let consumed = [
                        "type",
                        "timestamp",
                        "begtime",
                        "endtime",
                        "notes",
                        "checkintime",
                    ];
                    rest_of(&segments(&at), o, &consumed, &mut out);
                }
            }
            "wifimac_infos" | "loc_infos" => {
                for (i, d) in items.iter().enumerate() {
                    let at = format!("{k}[{i}]");
                    out.push(line(at.clone(), entry(k, d)));
                    if let Some(o) = d.as_object() {
                        let consumed: &[&str] = if k == "wifimac_infos" {
                            &["wifiname", "wifimac"]
                        } else {
                            &["lat", "lng", "loc_title", "loc_detail", "distance"]
                        };
                        rest_of(&segments(&at), o, consumed, &mut out);
                    }
                }
            }
            "ot_info_v2" => {
                let Some(o) = v.as_object() else {
                    leaves(&mut vec![k.clone()], None, Some(v), &mut out);
                    continue;
                };
                for (ck, cv) in o {
                    let at = vec![k.clone(), ck.clone()];
                    match (
                        cv.as_object(),
                        crate::model::defaults::OT_CONFS.contains(&ck.as_str()),
                    ) {
                        (Some(conf), true) => {
                            out.push(line(format!("{k}.{ck}"), overtime(conf)));
                            let mut consumed = vec!["allow_ot"];
                            if !on(conf, "allow_ot") {
                                rest_of(&at, conf, &consumed, &mut out);
                                continue;
                            }
                            consumed.push("type");
                            if conf.get("type").and_then(Value::as_i64) == Some(1)
                                && let Some(c) = conf.get("checkin").and_then(Value::as_object)
                            {
                                // The summary showed these three; the rest stays a leaf.
                                rest_of(
                                    &[k.clone(), ck.clone(), "checkin".into()],
                                    c,
                                    &["ot_time_start", "ot_time_min", "ot_time_max"],
                                    &mut out,
                                );
                                consumed.push("checkin");
                            }
                            if on(conf, "ot_trans_enable") {
                                consumed.extend(["ot_trans_enable", "ot_trans_type"]);
                            }
                            rest_of(&at, conf, &consumed, &mut out);
                        }
                        _ => leaves(&mut at.clone(), None, Some(cv), &mut out),
                    }
                }
            }
            _ => leaves(&mut vec![k.clone()], None, Some(v), &mut out),
        }
    }
    out
}
