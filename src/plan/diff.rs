//! One rule's diff: the file's rule against the live rule it matches, both
//! in canonical form, as the top-level fields to send whole (D2), the arrays
//! to clear, and what cannot be sent (an emptying the API cannot express, a
//! live setting the update would erase).

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::{Change, canon, describe, times};
use crate::client::ClearField;
use crate::live::LiveRule;
use crate::load::LoadedRule;
use crate::model::wire::rule_to_wire;
use crate::t;

/// The canonical form of a live rule as compared: defaults filled only for
/// modern answers, whose missing fields are empty (D3).
pub(crate) fn live_compared(l: &LiveRule, today: i64) -> Map<String, Value> {
    canon::canonical(rule_to_wire(&l.rule), today, !l.legacy_shape)
}

/// The rule's `group` as sent: wire form, no tool keys, no legacy fields, no history (D6).
pub(super) fn sendable(d: &LoadedRule, today: i64) -> Map<String, Value> {
    let Value::Object(mut obj) = rule_to_wire(&d.rule) else {
        // A rule serializes as a map: its fields are named.
        return Map::new();
    };
    for key in crate::model::TOOL_KEYS {
        obj.shift_remove(key);
    }
    canon::strip_legacy(&mut obj);
    canon::strip_history(&mut obj, today);
    obj
}

pub(super) struct RuleDiff {
    /// Top-level fields to send, each whole.
    pub(super) update: Map<String, Value>,
    /// Sent fields whose live value holds settings the update would drop
    /// unseen (fields this version does not know): (field, paths).
    pub(super) erases: Vec<(String, Vec<String>)>,
    pub(super) clear: Vec<ClearField>,
    pub(super) inexpressible: Vec<(String, String)>,
    pub(super) changes: Vec<Change>,
    pub(super) unknown: Vec<String>,
    pub(super) unmanaged: Vec<String>,
    /// Before and after, when the working times change.
    pub(super) times: Vec<times::Day>,
}

/// `lc`: the live rule's canonical form ([`live_compared`]).
pub(super) fn diff_rule(
    rule: &LoadedRule,
    live: &LiveRule,
    lc: Map<String, Value>,
    today: i64,
) -> RuleDiff {
    let legacy = live.legacy_shape;
    let desired_wire = rule_to_wire(&rule.rule);
    let written: Vec<String> = desired_wire
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let dc = &canon::canonical(desired_wire, today, true);
    let lc = &lc;
    // Built only for rules that change: most rules of a large corp do not.
    let mut sendable_obj: Option<Map<String, Value>> = None;
    let has_default = crate::model::defaults::has_default;
    let written = |f: &str| written.iter().any(|w| w.as_str() == f);
    let mut out = RuleDiff {
        update: Map::new(),
        erases: Vec::new(),
        clear: Vec::new(),
        inexpressible: Vec::new(),
        changes: Vec::new(),
        unknown: Vec::new(),
        unmanaged: Vec::new(),
        times: Vec::new(),
    };
    let fields: BTreeSet<&String> = dc.keys().chain(lc.keys()).collect();
    for field in fields {
        let (dv, lv) = (dc.get(field), lc.get(field));
        let clear_code = ClearField::from_field(field);
        // A field the file leaves out, with no default and not clearable: not managed (left as live has it).
        if !written(field) && !has_default(field) && clear_code.is_none() {
            if lv.is_some() {
                out.unmanaged.push(field.clone());
            }
            continue;
        }
        let same = match (dv, lv) {
            (Some(dv), Some(lv)) if legacy => {
                canon::agrees_where_known(dv, lv, field, &mut out.unknown)
            }
            (Some(dv), None) if legacy => {
                if crate::model::defaults::default_at(field).is_none_or(|default| default != *dv) {
                    out.unknown.push(field.clone());
                }
                true
            }
            (dv, lv) => dv == lv,
        };
        if same {
            continue;
        }
        out.changes.extend(describe::field_changes(field, lv, dv));
        match (dv, clear_code) {
            (None, Some(code)) => out.clear.push(code),
            (None, None) if lv.is_some_and(Value::is_array) => out.inexpressible.push((
                field.clone(),
                t!("plan-would-become-empty", path = field.as_str()),
            )),
            _ => {
                if let Some(message) = nested_emptying(field, dv, lv) {
                    out.inexpressible.push((field.clone(), message));
                }
                let body = sendable_obj.get_or_insert_with(|| sendable(rule, today));
                let value = body
                    .shift_remove(field)
                    .or_else(|| dv.cloned())
                    .unwrap_or(json!({}));
                // Last line of defence: never send a field whose live value
                // holds a setting the file does not have and cannot express.
                if let (Some(lv), Some(dv)) = (lv, dv) {
                    let lost = canon::would_erase(field, lv, dv);
                    if !lost.is_empty() {
                        out.erases.push((field.clone(), lost));
                    }
                }
                out.update.insert(field.clone(), value);
            }
        }
    }
    out.unknown.sort();
    out.unknown.dedup();
    if ["checkindate", "schedulelist"]
        .iter()
        .any(|f| out.update.contains_key(*f))
    {
        out.times = times::days("before", lc);
        out.times.extend(times::days("after", dc));
    }
    out
}

/// D2: inside an object sent whole, a list that goes from entries to none
/// cannot be emptied by the API (range members, reporters, rest periods …).
fn nested_emptying(field: &str, desired: Option<&Value>, live: Option<&Value>) -> Option<String> {
    fn walk(path: &str, d: Option<&Value>, l: &Value, out: &mut Option<String>) {
        match l {
            Value::Object(lo) => {
                for (k, lv) in lo {
                    walk(&format!("{path}.{k}"), d.and_then(|d| d.get(k)), lv, out);
                }
            }
            Value::Array(la) if !la.is_empty() && d.is_none_or(canon::is_empty) => {
                out.get_or_insert_with(|| t!("plan-would-become-empty", path = path));
            }
            _ => {}
        }
    }
    let (Some(Value::Object(_)), Some(l)) = (desired, live) else {
        return None;
    };
    let mut out = None;
    walk(field, desired, l, &mut out);
    out
}
