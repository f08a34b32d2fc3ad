//! Live state: a getcorpcheckinoption answer, normalized from the read shape
//! into the rule model (docs/api-notes.md: the read shape). The read shape is not the write shape:
//! it carries metadata (groupid, create_time, …), legacy fields beside new ones,
//! `range.partyid` or `range.party_id`, flex times in milliseconds on old
//! servers, and fields added over time. Metadata is set aside; legacy fields
//! are kept (read, never written); fields this version does not know are kept
//! too, at any depth (never erase what the tool does not know: see
//! docs/api-notes.md, "Newer fields"), so that a rule sent back carries them
//! unchanged.

use serde_json::{Map, Value};

use crate::model::Rule;
use crate::t;

use crate::model::fields::METADATA;

/// Who made and changed a live rule, as the read API says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub create_time: Option<i64>,
    pub create_userid: Option<String>,
    pub update_userid: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LiveRule {
    pub groupid: i64,
    /// The rule, with `groupid` set.
    pub rule: Rule,
    pub meta: Meta,
    /// What normalization changed or dropped, for the plan to show.
    pub notes: Vec<String>,
    /// Whether the answer is in the older read shape (`ot_info` without
    /// `ot_info_v2`, or `range.partyid`), whose missing fields are unknown (D3).
    pub legacy_shape: bool,
}

/// The rules of a getcorpcheckinoption answer (`{"errcode":0,"group":[…]}`).
pub fn parse_answer(answer: &Value) -> Result<Vec<LiveRule>, String> {
    let errcode = answer.get("errcode").and_then(Value::as_i64).unwrap_or(0);
    if errcode != 0 {
        let errmsg = answer
            .get("errmsg")
            .and_then(Value::as_str)
            .unwrap_or_default();
        return Err(t!("live-answer-error", errcode = errcode, errmsg = errmsg));
    }
    let groups = match answer.get("group") {
        Some(Value::Array(g)) => g,
        Some(Value::Null) | None => return Ok(Vec::new()),
        Some(_) => return Err(t!("live-group-not-list")),
    };
    use rayon::prelude::*;
    let rules: Vec<LiveRule> = groups
        .par_iter()
        .enumerate()
        .map(|(i, g)| normalize_group(g).map_err(|e| format!("group[{i}]: {e}")))
        .collect::<Result<_, _>>()?;
    unique_groupids(rules)
}

/// One groupid is one rule: an answer naming one twice cannot be planned
/// against (the plan would update and then delete the same rule).
fn unique_groupids(rules: Vec<LiveRule>) -> Result<Vec<LiveRule>, String> {
    let mut seen = std::collections::HashMap::new();
    for (i, r) in rules.iter().enumerate() {
        if let Some(first) = seen.insert(r.groupid, i) {
            return Err(t!(
                "live-groupid-twice",
                groupid = r.groupid,
                first = first,
                second = i
            ));
        }
    }
    Ok(rules)
}

/// The rules of a getcorpcheckinoption answer given as text (a saved file):
/// each group is parsed on its own, in parallel, so a corp of 10,000 rules is
/// never one JSON tree in memory.
pub fn parse_answer_text(text: &str) -> Result<Vec<LiveRule>, String> {
    use rayon::prelude::*;
    use serde_json::value::RawValue;
    #[derive(serde::Deserialize)]
    struct Answer<'a> {
        // Every answer of the server has it: a file without it (a rule, a
        // request body, `{}`) is not what pull wrote, and is not read as a
        // corp with no rules.
        errcode: i64,
        #[serde(default)]
        errmsg: String,
        #[serde(borrow, default)]
        group: Option<Vec<&'a RawValue>>,
    }
    let answer: Answer =
        serde_json::from_str(text).map_err(|e| t!("live-not-an-answer", error = e.to_string()))?;
    if answer.errcode != 0 {
        return Err(t!(
            "live-answer-error",
            errcode = answer.errcode,
            errmsg = answer.errmsg
        ));
    }
    let rules: Vec<LiveRule> = answer
        .group
        .unwrap_or_default()
        .par_iter()
        .enumerate()
        .map(|(i, raw)| {
            let group: Value =
                serde_json::from_str(raw.get()).map_err(|e| format!("group[{i}]: {e}"))?;
            normalize_group(&group).map_err(|e| format!("group[{i}]: {e}"))
        })
        .collect::<Result<_, _>>()?;
    unique_groupids(rules)
}

/// One rule of the read shape as the model.
pub fn normalize_group(group: &Value) -> Result<LiveRule, String> {
    let Value::Object(obj) = group else {
        return Err(t!("live-rule-not-object"));
    };
    let legacy_shape = is_legacy_shape(group);
    let mut obj = obj.clone();
    let groupid = obj
        .get("groupid")
        .and_then(Value::as_i64)
        .ok_or_else(|| t!("live-rule-no-groupid"))?;
    let meta = Meta {
        create_time: obj.get("create_time").and_then(Value::as_i64),
        create_userid: obj
            .get("create_userid")
            .and_then(Value::as_str)
            .map(str::to_owned),
        update_userid: obj
            .get("update_userid")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    for key in METADATA {
        obj.shift_remove(key);
    }
    if let Some(Value::Object(r)) = obj.get_mut("reporterinfo") {
        r.shift_remove("updatetime");
    }
    let mut notes = Vec::new();
    for list in ["checkindate", "schedulelist"] {
        if let Some(Value::Array(items)) = obj.get_mut(list) {
            for (i, item) in items.iter_mut().enumerate() {
                if let Value::Object(item) = item {
                    flex_from_milliseconds(item, &format!("{list}[{i}]"), &mut notes);
                }
            }
        }
    }
    let value = Value::Object(obj);
    match serde_path_to_error::deserialize::<_, Rule>(&value) {
        Ok(mut rule) => {
            rule.groupid = Some(groupid);
            Ok(LiveRule {
                groupid,
                rule,
                meta,
                notes,
                legacy_shape,
            })
        }
        Err(e) => Err(format!("{}: {}", e.path(), e.inner())),
    }
}

/// The older read shape: `ot_info` without `ot_info_v2`, or `range.partyid`.
pub fn is_legacy_shape(raw: &Value) -> bool {
    let ot_v1_only = raw.get("ot_info").is_some() && raw.get("ot_info_v2").is_none();
    let partyid = raw.get("range").and_then(|r| r.get("partyid")).is_some();
    ot_v1_only || partyid
}

/// D3: flex_on/off_duty_time are seconds now; the old read document said
/// milliseconds. A value above 6 h (21600) that divides by 1000 is taken as
/// milliseconds. -1 ("use flex_time") is kept.
fn flex_from_milliseconds(item: &mut Map<String, Value>, at: &str, notes: &mut Vec<String>) {
    for field in ["flex_on_duty_time", "flex_off_duty_time"] {
        if let Some(v) = item.get(field).and_then(Value::as_i64)
            && v > 21_600
            && v % 1000 == 0
        {
            item.insert(field.into(), Value::from(v / 1000));
            notes.push(crate::t!(
                "live-note-milliseconds",
                at = at,
                field = field,
                value = v.to_string(),
                seconds = (v / 1000).to_string()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_an_answer_reads_as_live_rules() {
        for not_an_answer in [
            "{}",
            r#"{"group": []}"#,
            r#"{"grouptype": 1, "groupname": "a"}"#,
        ] {
            let e = parse_answer_text(not_an_answer).unwrap_err();
            assert!(e.contains("errcode"), "{not_an_answer}: {e}");
        }
        let empty = parse_answer_text(r#"{"errcode": 0, "errmsg": "ok"}"#).unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn a_groupid_twice_or_missing_is_refused() {
        let twice = json!({"errcode": 0, "group": [
            {"groupid": 3, "grouptype": 3, "groupname": "a"},
            {"groupid": 3, "grouptype": 3, "groupname": "b"}]});
        let e = parse_answer(&twice).unwrap_err();
        assert!(e.contains("groupid 3 appears twice"), "{e}");
        let e = parse_answer_text(&twice.to_string()).unwrap_err();
        assert!(e.contains("groupid 3 appears twice"), "{e}");
        let missing = json!({"errcode": 0, "group": [{"grouptype": 3, "groupname": "a"}]});
        let e = parse_answer(&missing).unwrap_err();
        assert!(e.contains("no numeric groupid"), "{e}");
    }

    #[test]
    fn metadata_is_set_aside_and_unknown_fields_kept() {
        let live = normalize_group(&json!({
            "groupid": 69, "grouptype": 1, "groupname": "x", "create_time": 1606204343,
            "create_userid": "gaogao", "open_sp_checkin": true, "brand_new_field": 1,
            "range": {"partyid": ["1"]}, "reporterinfo": {"reporters": [], "updatetime": 1},
            "checkindate": [{"flex_on_duty_time": 300000, "flex_off_duty_time": -1, "limit_aheadtime": 10800000}],
        }))
        .unwrap();
        assert_eq!(live.groupid, 69);
        assert_eq!(live.rule.groupid, Some(69));
        assert_eq!(live.meta.create_userid.as_deref(), Some("gaogao"));
        let d = &live.rule.checkindate.as_ref().unwrap()[0];
        assert_eq!(d.flex_on_duty_time.map(|d| d.0), Some(300));
        assert_eq!(d.flex_off_duty_time.map(|d| d.0), Some(-1));
        assert_eq!(d.limit_aheadtime, Some(10_800_000));
        assert_eq!(live.rule.open_sp_checkin, Some(true));
        assert_eq!(live.rule.other.get("brand_new_field"), Some(&json!(1)));
        assert!(live.notes.iter().all(|n| !n.contains("brand_new_field")));
    }
}
