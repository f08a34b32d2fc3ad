//! The working day of a rule as a picture: for each day group (fixed rules)
//! or shift (schedule rules), its work periods, rests and check-in and
//! check-out windows — drawn in the markdown comment as a Mermaid `gantt`,
//! which GitHub renders. Kept in the plan for added rules and for rules
//! whose times change (before and after).

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{TimeOfDay, Weekday};

/// One day group or shift at one moment (before or after the change).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Day {
    /// "before" or "after".
    pub when: String,
    /// The weekdays of a day group, or a shift's name.
    pub name: String,
    pub periods: Vec<Period>,
}

/// Seconds from midnight; past 24:00 is the next day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub work: [i64; 2],
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rest: Vec<[i64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in: Option<[i64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_out: Option<[i64; 2]>,
}

fn secs(o: &Map<String, Value>, key: &str) -> Option<i64> {
    o.get(key).and_then(Value::as_i64)
}

fn pair(o: &Map<String, Value>, a: &str, b: &str) -> Option<[i64; 2]> {
    Some([secs(o, a)?, secs(o, b)?]).filter(|[a, b]| a < b)
}

/// A working period's rests: the one of allow_rest, then rest_times.
pub fn rests(t: &Map<String, Value>) -> Vec<[i64; 2]> {
    let mut rest: Vec<[i64; 2]> = Vec::new();
    if t.get("allow_rest") == Some(&Value::Bool(true)) {
        rest.extend(pair(t, "rest_begin_time", "rest_end_time"));
    }
    rest.extend(
        t.get("rest_times")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
            .filter_map(|r| pair(r, "rest_begin_time", "rest_end_time")),
    );
    rest
}

fn periods(list: Option<&Value>) -> Vec<Period> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .filter_map(|t| {
            Some(Period {
                work: pair(t, "work_sec", "off_work_sec")?,
                rest: rests(t),
                check_in: pair(t, "earliest_work_sec", "latest_work_sec"),
                check_out: pair(t, "earliest_off_work_sec", "latest_off_work_sec"),
            })
        })
        .collect()
}

/// The days of a rule's wire value (fixed: day groups; schedule: shifts).
pub fn days(when: &str, rule: &Map<String, Value>) -> Vec<Day> {
    let mut out = Vec::new();
    for d in rule
        .get("checkindate")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
    {
        let name: Vec<String> = d
            .get("workdays")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_i64)
            .map(|w| Weekday(w).to_string())
            .collect();
        let periods = periods(d.get("checkintime"));
        if !periods.is_empty() {
            out.push(Day {
                when: when.into(),
                name: name.join(" "),
                periods,
            });
        }
    }
    for s in rule
        .get("schedulelist")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
    {
        let periods = periods(s.get("time_section"));
        if !periods.is_empty() {
            out.push(Day {
                when: when.into(),
                name: s
                    .get("schedule_name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                periods,
            });
        }
    }
    out
}

/// Text from a file or the API, made safe for a Mermaid line: one line, no
/// character that ends a task name or starts a comment, a directive or a
/// link, no backtick (the fence), at most 40 characters.
fn label(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            ':' => '∶',
            '#' => '＃',
            ';' => '；',
            '%' => '％',
            '`' => 'ʼ',
            '<' => '‹',
            '>' => '›',
            '{' => '（',
            '}' => '）',
            '"' => '＂',
            '&' => '＆',
            c if c.is_control() || crate::escape::is_hidden(c) => ' ',
            c => c,
        })
        .collect();
    let trimmed = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = trimmed.chars().take(40).collect();
    if trimmed.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// `2000-01-01 09:00`; past midnight, the next day.
fn at(secs: i64) -> String {
    let secs = secs.clamp(0, 2 * 86_400 - 60);
    format!(
        "2000-01-{:02} {:02}:{:02}",
        1 + secs / 86_400,
        (secs % 86_400) / 3600,
        (secs % 3600) / 60
    )
}

/// `09∶00–18∶00` (a ratio sign: a colon would end the task's name).
fn shown(span: [i64; 2]) -> String {
    format!(
        "{}–{}",
        TimeOfDay(span[0]).to_string().replace(':', "∶"),
        TimeOfDay(span[1]).to_string().replace(':', "∶")
    )
}

/// A Mermaid gantt of `days`, titled with the rule's name.
pub fn gantt(title: &str, days: &[Day]) -> String {
    let mut out = String::from("gantt\n");
    let _ = writeln!(out, "    title {}", label(title));
    out += "    dateFormat YYYY-MM-DD HH:mm\n    axisFormat %H:%M\n    todayMarker off\n";
    for day in days {
        let _ = writeln!(
            out,
            "    section {} · {}",
            label(&day.name),
            label(&crate::t!("gantt-when", when = day.when.as_str()))
        );
        for p in &day.periods {
            let mut task = |name: &str, tag: &str, span: [i64; 2]| {
                let _ = writeln!(
                    out,
                    "    {name} {} :{tag}, {}, {}",
                    shown(span),
                    at(span[0]),
                    at(span[1])
                );
            };
            if let Some(w) = p.check_in {
                task(&crate::t!("gantt-check-in"), "done", w);
            }
            task(&crate::t!("gantt-work"), "active", p.work);
            for r in &p.rest {
                task(&crate::t!("gantt-rest"), "crit", *r);
            }
            if let Some(w) = p.check_out {
                task(&crate::t!("gantt-check-out"), "done", w);
            }
        }
    }
    out
}
