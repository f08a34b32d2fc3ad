//! The emulator's rosters (排班): getcheckinschedulist and
//! setcheckinschedulist as 000 documents them, with the limits it states
//! (100 people and one month a read) and, where it is silent, the
//! assumptions docs/api-notes.md lists (errcodes, items per call, past days).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::rules::{Answer, Store};
use crate::model::{Date, GroupType};
use crate::roster::file::days_in_month;

/// 301075 输入参数错误: the documented errcode of getcheckinschedulist for bad
/// parameters; the emulator answers it for setcheckinschedulist too (assumption).
pub const BAD_PARAMETER: i64 = 301075;
/// 301021 userid错误.
pub const BAD_USERID: i64 = 301021;

/// Items a setcheckinschedulist call may carry unless `--max-schedule-items`
/// says otherwise. Not documented: the emulator's assumption.
pub const DEFAULT_MAX_ITEMS: usize = 200;

#[derive(Debug, Default)]
pub struct Rosters {
    /// (groupid, yearmonth, userid) → day → schedule_id.
    cells: BTreeMap<(i64, u32, String), BTreeMap<u8, i64>>,
}

/// A schedule rule's shifts as getcheckinschedulist shows them: id → (name, time_section).
fn shifts_of(store: &Store, groupid: i64) -> BTreeMap<i64, (String, Value)> {
    let mut out = BTreeMap::from([(0, ("休息".to_owned(), json!([])))]);
    let Some(stored) = store.rules.get(&groupid) else {
        return out;
    };
    let wire = crate::model::wire::rule_to_wire(&stored.rule);
    for s in wire["schedulelist"].as_array().into_iter().flatten() {
        let Some(id) = s["schedule_id"].as_i64() else {
            continue;
        };
        let sections: Vec<Value> = s["time_section"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| {
                json!({"id": t["time_id"], "work_sec": t["work_sec"], "off_work_sec": t["off_work_sec"],
                       "remind_work_sec": t["remind_work_sec"], "remind_off_work_sec": t["remind_off_work_sec"]})
            })
            .collect();
        let name = s["schedule_name"].as_str().unwrap_or_default().to_owned();
        out.insert(id, (name, Value::Array(sections)));
    }
    out
}

fn bad(errmsg: impl Into<String>) -> Value {
    Answer::err(BAD_PARAMETER, errmsg).to_json()
}

impl Rosters {
    /// Sets one cell as the admin console would (tests, seeding).
    pub fn put(&mut self, groupid: i64, yearmonth: u32, userid: &str, day: u8, schedule_id: i64) {
        self.cells
            .entry((groupid, yearmonth, userid.to_owned()))
            .or_default()
            .insert(day, schedule_id);
    }

    /// getcheckinschedulist `{starttime, endtime, useridlist}`.
    pub fn get(&self, store: &Store, known_user: impl Fn(&str) -> bool, body: &Value) -> Value {
        let (Some(start), Some(end)) = (
            body.get("starttime").and_then(Value::as_i64),
            body.get("endtime").and_then(Value::as_i64),
        ) else {
            return bad("invalid starttime or endtime");
        };
        if end < start || end - start >= 31 * 86_400 {
            return bad("the span of starttime and endtime is over one month");
        }
        let users: Option<Vec<&str>> = match body.get("useridlist") {
            None | Some(Value::Null) => None,
            Some(Value::Array(l)) => Some(l.iter().filter_map(Value::as_str).collect()),
            Some(_) => return bad("useridlist is not a list"),
        };
        if let Some(users) = &users {
            if users.len() > 100 {
                return bad("useridlist has more than 100 users");
            }
            if let Some(u) = users.iter().find(|u| !known_user(u)) {
                return Answer::err(BAD_USERID, format!("invalid userid {u}")).to_json();
            }
        }
        let (first, last) = (Date(start).cst_day(), Date(end).cst_day());
        let mut list = Vec::new();
        for ((groupid, ym, userid), days) in &self.cells {
            if users
                .as_ref()
                .is_some_and(|u| !u.contains(&userid.as_str()))
            {
                continue;
            }
            let shifts = shifts_of(store, *groupid);
            let in_span: Vec<Value> = days
                .iter()
                .filter(|(d, _)| {
                    let ymd = format!("{:04}-{:02}-{d:02}", ym / 100, ym % 100);
                    Date::parse(&ymd).is_some_and(|t| (first..=last).contains(&t.cst_day()))
                })
                .map(|(d, id)| {
                    let (name, sections) = shifts.get(id).cloned().unwrap_or_default();
                    json!({"day": d, "schedule_info": {"schedule_id": id, "schedule_name": name, "time_section": sections}})
                })
                .collect();
            if in_span.is_empty() {
                continue;
            }
            let groupname = store
                .rules
                .get(groupid)
                .and_then(|r| r.rule.groupname.clone())
                .unwrap_or_default();
            list.push(json!({"userid": userid, "yearmonth": ym, "groupid": groupid, "groupname": groupname,
                             "schedule": {"scheduleList": in_span}}));
        }
        json!({"errcode": 0, "errmsg": "ok", "schedule_list": list})
    }

    /// setcheckinschedulist `{groupid, items: [{userid, day, schedule_id}], yearmonth}`:
    /// every item checked before any is stored.
    pub fn set(&mut self, store: &Store, max_items: usize, body: &Value) -> Answer {
        let err = |m: String| Answer::err(BAD_PARAMETER, m);
        let Some(groupid) = body.get("groupid").and_then(Value::as_i64) else {
            return err("groupid is required".into());
        };
        let Some(stored) = store.rules.get(&groupid) else {
            return err(format!("invalid groupid {groupid}"));
        };
        if stored.rule.grouptype != Some(GroupType::SCHEDULE) {
            return err(format!(
                "groupid {groupid} is not a schedule rule (按班次上下班)"
            ));
        }
        let ym = body.get("yearmonth").and_then(Value::as_u64).unwrap_or(0);
        let Some(days) = u32::try_from(ym)
            .ok()
            .and_then(|ym| days_in_month((ym / 100) as i16, (ym % 100) as i8).map(|d| (ym, d)))
        else {
            return err(format!("invalid yearmonth {ym}"));
        };
        let (ym, days) = days;
        let Some(items) = body
            .get("items")
            .and_then(Value::as_array)
            .filter(|i| !i.is_empty())
        else {
            return err("items is required".into());
        };
        if items.len() > max_items {
            return err(format!(
                "items has {} entries, more than {max_items}",
                items.len()
            ));
        }
        let shifts = shifts_of(store, groupid);
        let today = Date(store.now()).cst_day();
        let mut set = Vec::new();
        for item in items {
            let userid = item
                .get("userid")
                .and_then(Value::as_str)
                .filter(|u| !u.is_empty());
            let day = item
                .get("day")
                .and_then(Value::as_u64)
                .filter(|d| (1..=u64::from(days)).contains(d));
            let id = item.get("schedule_id").and_then(Value::as_i64);
            let (Some(userid), Some(day), Some(id)) = (userid, day, id) else {
                return err(format!(
                    "invalid item {item}: day must be 1 to {days} in {ym}"
                ));
            };
            if !shifts.contains_key(&id) {
                return err(format!(
                    "invalid schedule_id {id}: not a shift of groupid {groupid}"
                ));
            }
            let ymd = format!("{:04}-{:02}-{day:02}", ym / 100, ym % 100);
            if Date::parse(&ymd).is_some_and(|d| d.cst_day() < today) {
                return err(format!("{ymd} is in the past"));
            }
            set.push((userid.to_owned(), day as u8, id));
        }
        for (userid, day, id) in set {
            self.cells
                .entry((groupid, ym, userid))
                .or_default()
                .insert(day, id);
        }
        Answer::ok()
    }
}
