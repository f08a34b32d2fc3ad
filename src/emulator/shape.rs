//! How getcorpcheckinoption shows a stored rule: the read shape, not a mirror
//! of what was written (docs/api-notes.md: the read shape, docs/api-notes.md).

use serde_json::{Map, Value, json};

use super::rules::StoredRule;
use crate::model::wire::rule_to_wire;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadShape {
    /// As current servers answer: metadata, `range.party_id`, `ot_info_v2`,
    /// and the old checkindate fields still beside the new ones.
    Modern,
    /// As the older documented servers answered: `range.partyid`, `ot_info`
    /// instead of `ot_info_v2`, flex times in milliseconds, no newer fields.
    Legacy,
}

/// Fields the older read documents do not show.
const NEWER_TOP: [&str; 10] = [
    "checkin_method_type",
    "open_sp_checkin",
    "ot_info_v2",
    "buka_remind",
    "buka_restriction",
    "buka_limit_next_month",
    "span_day_time",
    "standard_work_duration",
    "open_face_live_detect",
    "sync_out_checkin",
];
const NEWER_PERIOD: [&str; 8] = [
    "rest_times",
    "time_id",
    "earliest_work_sec",
    "latest_work_sec",
    "earliest_off_work_sec",
    "latest_off_work_sec",
    "no_need_checkon",
    "no_need_checkoff",
];
const NEWER_DAY: [&str; 5] = [
    "biweekly",
    "allow_flex",
    "max_allow_arrive_early",
    "max_allow_arrive_late",
    "late_rule",
];

pub fn render(stored: &StoredRule, shape: ReadShape) -> Value {
    let mut v = rule_to_wire(&stored.rule);
    let Value::Object(obj) = &mut v else { return v };
    for tool_key in crate::model::TOOL_KEYS
        .into_iter()
        .filter(|k| *k != "groupid")
    {
        obj.shift_remove(tool_key);
    }
    obj.insert(
        "create_time".into(),
        json!(stored.meta.create_time.unwrap_or(0)),
    );
    obj.insert(
        "create_userid".into(),
        json!(stored.meta.create_userid.clone().unwrap_or_default()),
    );
    obj.insert(
        "update_userid".into(),
        json!(stored.meta.update_userid.clone().unwrap_or_default()),
    );
    if let Some(Value::Object(r)) = obj.get_mut("reporterinfo") {
        r.insert(
            "updatetime".into(),
            json!(stored.meta.create_time.unwrap_or(0)),
        );
    }
    match shape {
        ReadShape::Modern => {
            // Real answers still carry the old fields beside the new (WxJava #3323).
            for_each_day(obj, |day| {
                day.entry("noneed_offwork").or_insert(json!(false));
                day.entry("limit_aheadtime").or_insert(json!(0));
            });
        }
        ReadShape::Legacy => legacy(obj),
    }
    v
}

fn for_each_day(obj: &mut Map<String, Value>, mut f: impl FnMut(&mut Map<String, Value>)) {
    if let Some(Value::Array(days)) = obj.get_mut("checkindate") {
        for day in days.iter_mut().filter_map(Value::as_object_mut) {
            f(day);
        }
    }
}

fn legacy(obj: &mut Map<String, Value>) {
    for key in NEWER_TOP {
        obj.shift_remove(key);
    }
    obj.insert("ot_info".into(), json!({}));
    if let Some(Value::Object(range)) = obj.get_mut("range")
        && let Some(ids) = range.shift_remove("party_id")
    {
        range.insert("partyid".into(), ids);
    }
    let strip_periods = |periods: Option<&mut Value>| {
        for p in periods
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object_mut)
        {
            for key in NEWER_PERIOD {
                p.shift_remove(key);
            }
        }
    };
    for list in ["checkindate", "schedulelist"] {
        if let Some(Value::Array(items)) = obj.get_mut(list) {
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                for key in NEWER_DAY {
                    item.shift_remove(key);
                }
                for key in ["flex_on_duty_time", "flex_off_duty_time"] {
                    if let Some(v) = item.get(key).and_then(Value::as_i64).filter(|v| *v > 0) {
                        item.insert(key.into(), json!(v * 1000));
                    }
                }
                strip_periods(item.get_mut("checkintime"));
                strip_periods(item.get_mut("time_section"));
                if list == "checkindate" {
                    item.entry("noneed_offwork").or_insert(json!(false));
                    item.entry("limit_aheadtime").or_insert(json!(0));
                }
            }
        }
    }
    for list in ["spe_workdays", "spe_offdays"] {
        for day in obj
            .get_mut(list)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(day) = day.as_object_mut() {
                strip_periods(day.get_mut("checkintime"));
            }
        }
    }
}

/// The `group` of a getcheckinoption answer: the rule as one person sees it,
/// without who else it applies to (api-docs 001 shows no range, white_users
/// or reporters there).
pub fn render_for_user(stored: &StoredRule, shape: ReadShape) -> Value {
    let mut v = render(stored, shape);
    if let Value::Object(obj) = &mut v {
        for key in [
            "range",
            "white_users",
            "reporterinfo",
            "create_userid",
            "update_userid",
        ] {
            obj.shift_remove(key);
        }
    }
    v
}
