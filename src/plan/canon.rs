//! What "the same rule" means: both sides in one canonical form before they
//! are compared, so that an unchanged rule plans as no change, ever.
//!
//! - wire form (seconds, timestamps, numbers);
//! - no tool keys, no metadata, no legacy fields (read, never written: D3);
//! - the server's documented defaults filled where a field is absent
//!   ([`DEFAULTS`], from the field table), so `sync_holidays` left out and
//!   `sync_holidays: true` are the same;
//! - empty arrays and empty objects removed (an empty array is "unchanged"
//!   on the wire, 注意 3a, and the read API shows `[]` for nothing);
//! - special days before today removed (history: D6);
//! - department ids as strings (the read documents show strings, files numbers).

use serde_json::{Map, Value, json};

use crate::model::Date;

use crate::model::fields::{LEGACY_IN_DAYS, NEWER_NESTED};

/// The three kinds of day of ot_info_v2 (`{conf}` in a default's path);
/// its other members (time_unit_config …) have defaults of their own.
pub const OT_CONFS: [&str; 3] = ["workdayconf", "restdayconf", "holidayconf"];

/// The field table's defaults (`否,默认…`), by path pattern (`[]` = any
/// element, `{conf}` = each of [`OT_CONFS`]).
pub type FieldDefault = (&'static str, fn() -> Value);

pub const DEFAULTS: &[FieldDefault] = &[
    ("sync_holidays", || json!(true)),
    ("need_photo", || json!(false)),
    ("note_can_use_local_pic", || json!(true)),
    ("allow_checkin_offworkday", || json!(false)),
    ("type", || json!(0)),
    ("allow_apply_offworkday", || json!(false)),
    ("allow_apply_bk_cnt", || json!(-1)),
    ("allow_apply_bk_day_limit", || json!(-1)),
    ("buka_limit_next_month", || json!(-1)),
    ("option_out_range", || json!(0)),
    ("use_face_detect", || json!(false)),
    ("open_face_live_detect", || json!(false)),
    ("sync_out_checkin", || json!(false)),
    ("buka_restriction", || json!(0)),
    ("span_day_time", || json!(0)),
    ("standard_work_duration", || json!(-1)),
    ("checkindate[].allow_flex", || json!(false)),
    ("checkindate[].flex_on_duty_time", || json!(0)),
    ("checkindate[].flex_off_duty_time", || json!(0)),
    ("checkindate[].max_allow_arrive_early", || json!(0)),
    ("checkindate[].max_allow_arrive_late", || json!(0)),
    ("checkindate[].late_rule.allow_offwork_after_time", || {
        json!(false)
    }),
    ("checkindate[].checkintime[].allow_rest", || json!(false)),
    ("checkindate[].checkintime[].no_need_checkon", || {
        json!(false)
    }),
    ("checkindate[].checkintime[].no_need_checkoff", || {
        json!(false)
    }),
    ("spe_workdays[].type", || json!(0)),
    ("spe_offdays[].type", || json!(0)),
    ("spe_workdays[].checkintime[].allow_rest", || json!(false)),
    ("spe_workdays[].checkintime[].no_need_checkon", || {
        json!(false)
    }),
    ("spe_workdays[].checkintime[].no_need_checkoff", || {
        json!(false)
    }),
    ("schedulelist[].allow_flex", || json!(true)),
    ("schedulelist[].flex_on_duty_time", || json!(0)),
    ("schedulelist[].flex_off_duty_time", || json!(0)),
    ("schedulelist[].max_allow_arrive_early", || json!(0)),
    ("schedulelist[].max_allow_arrive_late", || json!(0)),
    ("schedulelist[].late_rule.allow_offwork_after_time", || {
        json!(false)
    }),
    ("schedulelist[].time_section[].allow_rest", || json!(false)),
    ("schedulelist[].time_section[].no_need_checkon", || {
        json!(false)
    }),
    ("schedulelist[].time_section[].no_need_checkoff", || {
        json!(false)
    }),
    ("ot_info_v2.{conf}.type", || json!(2)),
    ("ot_info_v2.{conf}.ot_trans_enable", || json!(false)),
    ("ot_info_v2.{conf}.ot_trans_type", || json!(1)),
    ("ot_info_v2.{conf}.checkin.ot_time_start", || json!(1800)),
    ("ot_info_v2.{conf}.checkin.ot_time_min", || json!(1800)),
    ("ot_info_v2.{conf}.checkin.ot_time_max", || json!(14400)),
    ("ot_info_v2.{conf}.vacation.trans_ratio", || json!(100)),
    ("ot_info_v2.{conf}.vacation.sync_vacation", || json!(true)),
];

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
            fill_default(&mut v, segments, default);
        }
    }
    prune_empty(&mut v);
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A default with its path split into segments.
type SplitDefault = (Vec<&'static str>, fn() -> Value);

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

fn fill_default(v: &mut Value, segments: &[&str], default: &fn() -> Value) {
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
        obj.entry(key).or_insert_with(default);
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

/// The documented default at a path like `checkindate[].allow_flex` or `ot_info_v2.workdayconf.type`.
pub fn default_at(path: &str) -> Option<Value> {
    let segs: Vec<&str> = path.split('.').collect();
    DEFAULTS.iter().find_map(|(pattern, default)| {
        let pat: Vec<&str> = pattern.split('.').collect();
        let matches = pat.len() == segs.len()
            && pat
                .iter()
                .zip(&segs)
                .all(|(p, s)| p == s || (*p == "{conf}" && OT_CONFS.contains(s)));
        matches.then(default)
    })
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
