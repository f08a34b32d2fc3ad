//! The emulator's rule store and the semantics of the five rule endpoints, as
//! api-docs 002 documents them (see docs/api-notes.md for each behaviour and
//! the line it comes from). Pure state: no HTTP here.

use crate::client::ClearField;
use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::checks::{self, Level, registry};
use crate::diag::Severity;
use crate::live::{LiveRule, Meta};
use crate::load::LoadedRule;
use crate::model::Rule;

/// Who may change a rule: the app (by its index among the emulator's apps)
/// that created it, or nobody when it was made in the admin console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    App(usize),
    Console,
}

#[derive(Clone, Debug)]
pub struct StoredRule {
    pub rule: Rule,
    pub owner: Owner,
    pub meta: Meta,
}

/// An answer: errcode and errmsg (0, "ok" on success).
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub errcode: i64,
    pub errmsg: String,
}

impl Answer {
    pub fn ok() -> Self {
        Answer {
            errcode: 0,
            errmsg: "ok".into(),
        }
    }

    pub fn err(errcode: i64, errmsg: impl Into<String>) -> Self {
        Answer {
            errcode,
            errmsg: errmsg.into(),
        }
    }

    pub fn to_json(&self) -> Value {
        json!({ "errcode": self.errcode, "errmsg": self.errmsg })
    }
}

/// Errcode for a malformed request (a real WeCom code: "invalid Request Parameter").
const BAD_REQUEST: i64 = 40058;
/// Errcode for changing a rule the app did not create. The real code is not
/// documented (docs/api-notes.md: ownership); 60011 ("no privilege") is this emulator's choice.
pub const NOT_OWNER: i64 = 60011;

#[derive(Default, Debug)]
pub struct Store {
    pub rules: BTreeMap<i64, StoredRule>,
    next_groupid: i64,
    /// "Now" for the validator (special days must be in the future).
    pub now: Option<i64>,
}

impl Store {
    pub fn new(now: Option<i64>) -> Self {
        Store {
            now,
            ..Store::default()
        }
    }

    pub fn seed(&mut self, rules: Vec<LiveRule>, owner: Owner) {
        for r in rules {
            self.next_groupid = self.next_groupid.max(r.groupid);
            self.rules.insert(
                r.groupid,
                StoredRule {
                    rule: r.rule,
                    owner,
                    meta: r.meta,
                },
            );
        }
    }

    pub fn now(&self) -> i64 {
        self.now
            .unwrap_or_else(|| jiff::Timestamp::now().as_second())
    }

    /// add_checkin_option: a fresh groupid, not returned (注意 1: a groupid sent is ignored).
    pub fn add(&mut self, body: &Value, app: usize) -> Answer {
        let Some(Value::Object(group)) = body.get("group") else {
            return Answer::err(BAD_REQUEST, "invalid Request Parameter: group is required");
        };
        let mut group = group.clone();
        group.shift_remove("groupid");
        let rule = match parse_rule(&group) {
            Ok(r) => r,
            Err(a) => return a,
        };
        // An add is checked whole: a field it leaves out is as wrong as one it
        // sends wrong (a missing checkindate, range, Wi-Fi or location …).
        if let Some(a) = self.validate(&rule, None) {
            return a;
        }
        self.next_groupid += 1;
        let groupid = self.next_groupid;
        let mut rule = rule;
        rule.groupid = Some(groupid);
        let meta = Meta {
            create_time: Some(self.now()),
            create_userid: Some("emulator".into()),
            update_userid: Some("emulator".into()),
        };
        self.rules.insert(
            groupid,
            StoredRule {
                rule,
                owner: Owner::App(app),
                meta,
            },
        );
        Answer::ok()
    }

    /// update_checkin_option, 注意 3: per top-level field, an absent or empty
    /// array is unchanged, a present array replaces, a present non-array
    /// replaces recursively, an absent non-array is unchanged.
    pub fn update(&mut self, body: &Value, app: usize) -> Answer {
        let Some(Value::Object(group)) = body.get("group") else {
            return Answer::err(BAD_REQUEST, "invalid Request Parameter: group is required");
        };
        let Some(groupid) = group.get("groupid").and_then(Value::as_i64) else {
            return Answer::err(
                BAD_REQUEST,
                "invalid Request Parameter: groupid is required",
            );
        };
        let stored = match self.owned(groupid, app) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let mut merged = match serde_json::to_value(&stored.rule) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        let mut sent = Vec::new();
        for (key, value) in group {
            if key == "groupid" || matches!(value, Value::Array(a) if a.is_empty()) {
                continue;
            }
            merged.insert(key.clone(), value.clone());
            sent.push(key.clone());
        }
        let rule = match parse_rule(&merged) {
            Ok(r) => r,
            Err(a) => return a,
        };
        if let Some(a) = self.validate(&rule, Some(&sent)) {
            return a;
        }
        let stored = self.rules.get_mut(&groupid).expect("checked by owned()");
        stored.rule = rule;
        stored.rule.groupid = Some(groupid);
        stored.meta.update_userid = Some("emulator".into());
        Answer::ok()
    }

    /// clear_checkin_option_array_field: codes 1–4; Wi-Fi and locations may not both end empty.
    pub fn clear(&mut self, body: &Value, app: usize) -> Answer {
        let Some(groupid) = body.get("groupid").and_then(Value::as_i64) else {
            return Answer::err(
                BAD_REQUEST,
                "invalid Request Parameter: groupid is required",
            );
        };
        let Some(codes) = body.get("clear_field").and_then(Value::as_array) else {
            return Answer::err(
                BAD_REQUEST,
                "invalid Request Parameter: clear_field is required",
            );
        };
        let mut fields = Vec::new();
        for code in codes {
            match code.as_u64().and_then(ClearField::from_code) {
                Some(field) => fields.push(field),
                None => {
                    return Answer::err(
                        BAD_REQUEST,
                        format!("invalid Request Parameter: clear_field {code}"),
                    );
                }
            }
        }
        let stored = match self.owned(groupid, app) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let mut rule = stored.rule.clone();
        for field in fields {
            match field {
                ClearField::SpeWorkdays => rule.spe_workdays = None,
                ClearField::SpeOffdays => rule.spe_offdays = None,
                ClearField::WifimacInfos => rule.wifimac_infos = None,
                ClearField::LocInfos => rule.loc_infos = None,
            }
        }
        let no_wifi = rule.wifimac_infos.as_ref().is_none_or(Vec::is_empty);
        let no_locations = rule.loc_infos.as_ref().is_none_or(Vec::is_empty);
        if no_wifi
            && no_locations
            && let Some(check) = registry::by_id("wifi-or-location")
        {
            return Answer::err(check.code().into(), check.errmsg());
        }
        self.rules
            .get_mut(&groupid)
            .expect("checked by owned()")
            .rule = rule;
        Answer::ok()
    }

    pub fn delete(&mut self, body: &Value, app: usize) -> Answer {
        let Some(groupid) = body.get("groupid").and_then(Value::as_i64) else {
            return Answer::err(
                BAD_REQUEST,
                "invalid Request Parameter: groupid is required",
            );
        };
        if let Err(a) = self.owned(groupid, app) {
            return a;
        }
        self.rules.remove(&groupid);
        Answer::ok()
    }

    /// 打卡规则仅可由该规则的创建应用修改: only the creating app may change a rule.
    fn owned(&self, groupid: i64, app: usize) -> Result<&StoredRule, Answer> {
        let stored = self.rules.get(&groupid).ok_or_else(|| {
            Answer::err(
                BAD_REQUEST,
                format!("invalid Request Parameter: no rule with groupid {groupid}"),
            )
        })?;
        if stored.owner != Owner::App(app) {
            return Err(Answer::err(
                NOT_OWNER,
                "no privilege to modify this check-in rule",
            ));
        }
        Ok(stored)
    }

    /// The server's check of a write, on the whole rule after the write. For an
    /// update (`sent`), only findings in the top-level fields it sent count
    /// (docs/api-notes.md: an assumption — console-made values elsewhere in
    /// the rule are not the update's fault); an add counts every finding.
    fn validate(&self, rule: &Rule, sent: Option<&[String]>) -> Option<Answer> {
        let lr = LoadedRule {
            file: String::new(),
            doc: 0,
            rule: rule.clone(),
            spans: Default::default(),
            ..Default::default()
        };
        checks::check_rule(&lr, self.now())
            .into_iter()
            // The server refuses also what only warns in a file (a special
            // day not in the future: the checks' other levels).
            .filter(|d| {
                d.severity == Severity::Error
                    || registry::by_id(d.check).is_some_and(|c| c.level != Level::Error)
            })
            .find(|d| {
                let top = d.path.split('/').nth(1).unwrap_or_default();
                sent.is_none_or(|sent| sent.iter().any(|s| s == top)) || top.is_empty()
            })
            .map(|d| Answer::err(d.code.into(), d.errmsg))
    }
}

/// A request's `group` as the model. The tool's own keys are no API field: a
/// request carrying one is a bad request. Any other field the model does not
/// know is the API's, newer than this version: stored and served as given.
fn parse_rule(group: &Map<String, Value>) -> Result<Rule, Answer> {
    if let Some(key) = crate::model::TOOL_KEYS
        .into_iter()
        .find(|k| *k != "groupid" && group.contains_key(*k))
    {
        return Err(Answer::err(
            BAD_REQUEST,
            format!("invalid Request Parameter: group.{key} is not a field of the API"),
        ));
    }
    serde_path_to_error::deserialize::<_, Rule>(Value::Object(group.clone())).map_err(|e| {
        Answer::err(
            BAD_REQUEST,
            format!("invalid Request Parameter: {}: {}", e.path(), e.inner()),
        )
    })
}
