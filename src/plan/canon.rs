//! What "the same rule" means: both sides in one canonical form before they
//! are compared, so that an unchanged rule plans as no change, ever.
//!
//! - wire form (seconds, timestamps, numbers);
//! - no tool keys, no metadata, no legacy fields (read, never written: D3);
//! - the server's documented defaults filled where a field is absent
//!   ([`crate::model::defaults`], the field table's), so `sync_holidays` left out and
//!   `sync_holidays: true` are the same;
//! - empty arrays and empty objects removed (an empty array is "unchanged"
//!   on the wire, 注意 3a, and the read API shows `[]` for nothing);
//! - special days before today removed (history: D6);
//! - department ids as strings (the read documents show strings, files numbers).

use serde_json::{Map, Value};

use crate::model::Date;

use crate::model::fields::{LEGACY_IN_DAYS, NEWER_NESTED};

use crate::model::defaults::{DEFAULTS, OT_CONFS, WireDefault, default_at};

/// The canonical form of a rule's wire value. `fill` applies the defaults
/// (not for legacy live answers, whose absent fields are unknown).
pub fn canonical(mut v: Value, today: i64, fill: bool) -> Map<String, Value> {
    if let Value::Object(obj) = &mut v {
        for key in crate::model::TOOL_KEYS
            .into_iter()
            .chain(crate::model::fields::METADATA)
        {
            obj.shift_remove(key);
        }
        if let Some(Value::Object(r)) = obj.get_mut("reporterinfo") {
            r.shift_remove("updatetime");
        }
        if let Some(Value::Object(range)) = obj.get_mut("range") {
            if let Some(ids) = range.shift_remove("partyid") {
                range.entry("party_id").or_insert(ids);
            }
            if let Some(Value::Array(ids)) = range.get_mut("party_id") {
                for id in ids.iter_mut() {
                    if let Value::Number(n) = id {
                        *id = Value::String(n.to_string());
                    }
                }
            }
        }
        strip_legacy(obj);
        strip_history(obj, today);
    }
    if fill {
        for (segments, default) in split_defaults() {
            fill_default(&mut v, segments, *default);
        }
    }
    prune_empty(&mut v);
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A default with its path split into segments.
type SplitDefault = (Vec<&'static str>, WireDefault);

/// [`DEFAULTS`] with each path split into its segments, once per process.
fn split_defaults() -> &'static [SplitDefault] {
    static SPLIT: std::sync::OnceLock<Vec<SplitDefault>> = std::sync::OnceLock::new();
    SPLIT.get_or_init(|| {
        DEFAULTS
            .iter()
            .map(|(pattern, default)| (pattern.split('.').collect(), *default))
            .collect()
    })
}

/// Removes what the read shape shows but the write API refuses (D3): `ot_info`
/// and the old checkindate / schedulelist fields.
pub fn strip_legacy(obj: &mut Map<String, Value>) {
    obj.shift_remove("ot_info");
    for list in ["checkindate", "schedulelist"] {
        let items = obj
            .get_mut(list)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten();
        for item in items.filter_map(Value::as_object_mut) {
            for key in LEGACY_IN_DAYS {
                item.shift_remove(key);
            }
        }
    }
}

/// Removes the special days that ended before today: history (D6).
pub fn strip_history(obj: &mut Map<String, Value>, today: i64) {
    for list in ["spe_workdays", "spe_offdays"] {
        if let Some(Value::Array(days)) = obj.get_mut(list) {
            days.retain(|d| !is_history(d, today));
        }
    }
}

/// A special day that ended before today (D6).
pub fn is_history(day: &Value, today: i64) -> bool {
    let end = match day.get("type").and_then(Value::as_i64).unwrap_or(0) {
        0 => day.get("timestamp"),
        _ => day.get("endtime"),
    };
    end.and_then(Value::as_i64)
        .is_some_and(|t| Date(t).cst_day() < today)
}

fn fill_default(v: &mut Value, segments: &[&str], default: WireDefault) {
    let Some((first, rest)) = segments.split_first() else {
        return;
    };
    let Value::Object(obj) = v else { return };
    if *first == "{conf}" {
        for (_, child) in obj
            .iter_mut()
            .filter(|(k, _)| OT_CONFS.contains(&k.as_str()))
        {
            fill_default(child, rest, default);
        }
        return;
    }
    let (key, each) = match first.strip_suffix("[]") {
        Some(k) => (k, true),
        None => (*first, false),
    };
    if rest.is_empty() {
        obj.entry(key).or_insert_with(|| default.value());
        return;
    }
    let Some(child) = obj.get_mut(key) else {
        return;
    };
    if each {
        for item in child.as_array_mut().into_iter().flatten() {
            fill_default(item, rest, default);
        }
    } else {
        fill_default(child, rest, default);
    }
}

fn prune_empty(v: &mut Value) {
    match v {
        Value::Object(obj) => {
            obj.values_mut().for_each(prune_empty);
            obj.retain(|_, child| !is_empty(child));
        }
        Value::Array(items) => items.iter_mut().for_each(prune_empty),
        _ => {}
    }
}

pub fn is_empty(v: &Value) -> bool {
    matches!(v, Value::Null)
        || matches!(v, Value::Array(a) if a.is_empty())
        || matches!(v, Value::Object(o) if o.is_empty())
}

/// Compares a desired value with a legacy live one: keys the live side lacks
/// are unknown (recorded, not compared). Returns whether they agree on what
/// both show.
pub fn agrees_where_known(
    desired: &Value,
    live: &Value,
    path: &str,
    unknown: &mut Vec<String>,
) -> bool {
    match (desired, live) {
        (Value::Object(d), Value::Object(l)) => {
            let mut same = true;
            for (k, dv) in d {
                match l.get(k) {
                    Some(lv) => same &= agrees_where_known(dv, lv, &format!("{path}.{k}"), unknown),
                    None => {
                        let at = format!("{path}.{k}");
                        if default_at(&at).is_none_or(|default| default != *dv) {
                            unknown.push(at);
                        }
                    }
                }
            }
            same && l.keys().all(|k| d.contains_key(k))
        }
        (Value::Array(d), Value::Array(l)) => {
            // Element paths say `[]`: one unknown key is listed once, not per element.
            d.len() == l.len()
                && d.iter()
                    .zip(l)
                    .all(|(dv, lv)| agrees_where_known(dv, lv, &format!("{path}[]"), unknown))
        }
        _ => desired == live,
    }
}

/// The paths of what live holds under `field` that sending `sent` in its
/// place would drop, among keys this version does not know or knows only as
/// newer than its documents. A known key the file leaves out is a change the
/// plan shows; these are settings the file cannot have meant to remove.
pub fn would_erase(field: &str, live: &Value, sent: &Value) -> Vec<String> {
    let schema = crate::schema::schema_value();
    let node = schema.get("properties").and_then(|p| p.get(field));
    let mut out = Vec::new();
    erase_walk(field, live, sent, node, schema, &mut out);
    out
}

fn erase_walk(
    path: &str,
    live: &Value,
    sent: &Value,
    schema: Option<&Value>,
    root: &Value,
    out: &mut Vec<String>,
) {
    let schema = schema.map(|s| crate::schema::resolve(s, root));
    match (live, sent) {
        (Value::Object(l), _) => {
            let props = schema.and_then(|s| s.get("properties"));
            for (k, lv) in l {
                let known = props.and_then(|p| p.get(k));
                match sent.get(k) {
                    None if known.is_none() || NEWER_NESTED.contains(&k.as_str()) => {
                        out.push(format!("{path}.{k}"));
                    }
                    None => {}
                    Some(sv) => erase_walk(&format!("{path}.{k}"), lv, sv, known, root, out),
                }
            }
        }
        (Value::Array(l), Value::Array(s)) => {
            let items = schema.and_then(|s| s.get("items"));
            for (i, (lv, sv)) in l.iter().zip(s).enumerate() {
                erase_walk(&format!("{path}[{i}]"), lv, sv, items, root, out);
            }
        }
        _ => {}
    }
}
