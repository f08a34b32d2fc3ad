//! Changes in words an HR admin reads: `checkindate[0].checkintime[0].work_sec:
//! 09:00 → 09:30`, `spe_offdays: + 2027-01-01 元旦`. Values are shown in their
//! readable form, by what their field holds.

use serde_json::{Map, Value};

use super::Change;
use crate::model::defaults::int_at;
use crate::model::fields::{ENTRY_LISTS, Kind};
use crate::model::{Date, TimeOfDay};
use crate::t;

/// A wire value as people read it, by what its field holds ([`Kind::of`]).
pub fn readable(path: &[String], v: &Value) -> String {
    let kind = path
        .iter()
        .rev()
        .find(|seg| seg.parse::<usize>().is_err())
        .and_then(|key| Kind::of(key));
    match (kind, v.as_i64()) {
        (Some(kind), Some(n)) => kind.readable(n),
        _ => match v {
            Value::String(s) => s.clone(),
            Value::Array(items) => {
                let mut p = path.to_vec();
                p.push("0".into());
                format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|i| readable(&p, i))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            Value::Object(obj) => {
                let parts: Vec<String> = obj
                    .iter()
                    .map(|(k, v)| {
                        let mut p = path.to_vec();
                        p.push(k.clone());
                        format!("{k}: {}", readable(&p, v))
                    })
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
            other => other.to_string(),
        },
    }
}

/// One entry of a special-day, Wi-Fi or location list, in a line.
pub(super) fn entry(list: &str, v: &Value) -> String {
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let date = |k: &str| {
        v.get(k)
            .and_then(Value::as_i64)
            .map(|t| Date(t).to_string())
            .unwrap_or_default()
    };
    match list {
        "spe_workdays" | "spe_offdays" => {
            let kind = v.get("type").and_then(Value::as_i64);
            let when = match kind.unwrap_or(const { int_at("spe_workdays[].type") }) {
                1 => format!("{}…{}", date("begtime"), date("endtime")),
                2 => crate::t!(
                    "card-every-other-week",
                    from = date("timestamp"),
                    to = date("endtime")
                ),
                _ => date("timestamp"),
            };
            let hours = v
                .get("checkintime")
                .and_then(Value::as_array)
                .map(|ts| {
                    let spans: Vec<String> = ts
                        .iter()
                        .map(|t| {
                            let at = |k: &str| {
                                t.get(k)
                                    .and_then(Value::as_i64)
                                    .map(|n| TimeOfDay(n).to_string())
                                    .unwrap_or_default()
                            };
                            format!("{}–{}", at("work_sec"), at("off_work_sec"))
                        })
                        .collect();
                    format!(" {}", spans.join(", "))
                })
                .unwrap_or_default();
            format!("{when} {}{hours}", s("notes"))
        }
        "wifimac_infos" => s("wifiname") + &t!("aside", what = s("wifimac")),
        "loc_infos" => {
            let distance = v.get("distance").map(Value::to_string).unwrap_or_default();
            let what = format!("{distance} m") + &t!("clause-separator") + &s("loc_detail");
            s("loc_title") + &t!("aside", what = what)
        }
        _ => readable(&[list.to_owned(), "0".into()], v),
    }
}

/// The changes of one top-level field, from live (`old`) to desired (`new`),
/// both canonical wire values.
pub fn field_changes(field: &str, old: Option<&Value>, new: Option<&Value>) -> Vec<Change> {
    let mut out = Vec::new();
    if ENTRY_LISTS.contains(&field) {
        let empty = Vec::new();
        let old = old.and_then(Value::as_array).unwrap_or(&empty);
        let new = new.and_then(Value::as_array).unwrap_or(&empty);
        for o in old.iter().filter(|o| !new.contains(o)) {
            out.push(Change {
                field: field.to_owned(),
                old: Some(entry(field, o)),
                new: None,
            });
        }
        for n in new.iter().filter(|n| !old.contains(n)) {
            out.push(Change {
                field: field.to_owned(),
                old: None,
                new: Some(entry(field, n)),
            });
        }
        return out;
    }
    leaves(&mut vec![field.to_owned()], old, new, &mut out);
    if field == "schedulelist" {
        // Which shift: its name after its index (`schedulelist[1] 早班.…`).
        let name = |i: usize| {
            [new, old]
                .into_iter()
                .flatten()
                .find_map(|v| v.get(i)?.get("schedule_name")?.as_str())
                .map(str::to_owned)
        };
        for c in &mut out {
            let index = c
                .field
                .strip_prefix("schedulelist[")
                .and_then(|r| r.split_once(']'));
            if let Some((i, rest)) = index
                && let Some(name) = i.parse().ok().and_then(name)
            {
                c.field = format!("schedulelist[{i}] {name}{rest}");
            }
        }
    }
    out
}

fn display(path: &[String]) -> String {
    let mut s = String::new();
    for seg in path {
        if seg.parse::<usize>().is_ok() {
            s += &format!("[{seg}]");
        } else {
            if !s.is_empty() {
                s.push('.');
            }
            s += seg;
        }
    }
    s
}

pub(super) fn leaves(
    path: &mut Vec<String>,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<Change>,
) {
    match (old, new) {
        (Some(Value::Object(o)), Some(Value::Object(n))) => {
            let keys: std::collections::BTreeSet<&String> = o.keys().chain(n.keys()).collect();
            for k in keys {
                path.push(k.clone());
                leaves(path, o.get(k), n.get(k), out);
                path.pop();
            }
        }
        // A whole object or list of objects set or removed: a line per leaf.
        (None, Some(Value::Object(n))) | (Some(Value::Object(n)), None) if !n.is_empty() => {
            let children = n.iter().map(|(k, v)| (k.clone(), v));
            one_sided(path, children, new.is_some(), out);
        }
        (None, Some(Value::Array(n))) | (Some(Value::Array(n)), None)
            if n.iter().any(Value::is_object) =>
        {
            let children = n.iter().enumerate().map(|(i, v)| (i.to_string(), v));
            one_sided(path, children, new.is_some(), out);
        }
        (Some(Value::Array(o)), Some(Value::Array(n)))
            if o.iter().chain(n).any(|v| v.is_object()) =>
        {
            for i in 0..o.len().max(n.len()) {
                path.push(i.to_string());
                leaves(path, o.get(i), n.get(i), out);
                path.pop();
            }
        }
        (o, n) if o == n => {}
        (o, n) => out.push(Change {
            field: display(path),
            old: o.map(|v| readable(path, v)),
            new: n.map(|v| readable(path, v)),
        }),
    }
}

/// The leaves of values only one side has: set (`set`) or removed.
fn one_sided<'a>(
    path: &mut Vec<String>,
    children: impl Iterator<Item = (String, &'a Value)>,
    set: bool,
    out: &mut Vec<Change>,
) {
    for (key, v) in children {
        path.push(key);
        if set {
            leaves(path, None, Some(v), out);
        } else {
            leaves(path, Some(v), None, out);
        }
        path.pop();
    }
}

/// What a new rule sets, in full: see [`super::card`].
pub fn new_rule(group: &Map<String, Value>) -> Vec<Change> {
    super::card::card(group)
}
