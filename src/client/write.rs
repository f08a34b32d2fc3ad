//! The writes the tool makes, typed: what the planner builds, a saved plan
//! holds (as `endpoint` and `body`, exactly the request sent), apply makes and
//! verifies. A body with a key the tool never sends, a missing key or a code
//! that is not a clearable array fails when a saved plan is read, before any
//! call is made.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ClearField, Endpoint};

/// One write call: its endpoint and its body.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Add(AddRule),
    Update(UpdateRule),
    Clear(ClearArrays),
    Delete(DeleteRule),
    SetSchedule(SetScheduleList),
}

/// add_checkin_option: a whole rule, in wire form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddRule {
    pub effective_now: bool,
    pub group: Map<String, Value>,
}

impl AddRule {
    /// The added rule's name: how it is found after the add (D1).
    pub fn groupname(&self) -> &str {
        self.group
            .get("groupname")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// update_checkin_option: the groupid and the top-level fields to change,
/// each whole (an absent field is left as it is).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateRule {
    pub effective_now: bool,
    pub group: UpdateGroup,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateGroup {
    pub groupid: i64,
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

/// clear_checkin_option_array_field: arrays to empty, by code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClearArrays {
    pub groupid: i64,
    pub clear_field: Vec<ClearField>,
    pub effective_now: bool,
}

/// del_checkin_option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteRule {
    pub groupid: i64,
    pub effective_now: bool,
}

/// setcheckinschedulist: roster cells of one schedule rule and month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetScheduleList {
    pub groupid: i64,
    pub items: Vec<ScheduleItem>,
    /// YYYYMM.
    pub yearmonth: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleItem {
    pub userid: String,
    pub day: u8,
    pub schedule_id: i64,
}

impl Write {
    /// The write `body` makes at `endpoint`, or why it is not one the tool makes.
    pub fn from_parts(endpoint: Endpoint, body: Value) -> Result<Write, String> {
        let typed = match endpoint {
            Endpoint::Add => serde_json::from_value(body).map(Write::Add),
            Endpoint::Update => serde_json::from_value(body).map(Write::Update),
            Endpoint::Clear => serde_json::from_value(body).map(Write::Clear),
            Endpoint::Delete => serde_json::from_value(body).map(Write::Delete),
            Endpoint::SetCheckinScheduList => serde_json::from_value(body).map(Write::SetSchedule),
            other => return Err(crate::t!("saved-call-endpoint", endpoint = other.name())),
        };
        typed.map_err(|e| {
            crate::t!(
                "saved-call-body",
                endpoint = endpoint.name(),
                error = e.to_string()
            )
        })
    }

    pub fn endpoint(&self) -> Endpoint {
        match self {
            Write::Add(_) => Endpoint::Add,
            Write::Update(_) => Endpoint::Update,
            Write::Clear(_) => Endpoint::Clear,
            Write::Delete(_) => Endpoint::Delete,
            Write::SetSchedule(_) => Endpoint::SetCheckinScheduList,
        }
    }

    /// The request body, as sent.
    pub fn body(&self) -> Value {
        let body = match self {
            Write::Add(b) => serde_json::to_value(b),
            Write::Update(b) => serde_json::to_value(b),
            Write::Clear(b) => serde_json::to_value(b),
            Write::Delete(b) => serde_json::to_value(b),
            Write::SetSchedule(b) => serde_json::to_value(b),
        };
        // Maps, strings and numbers only: serializing cannot fail.
        body.unwrap_or(Value::Null)
    }

    /// The rule's groupid, for every write but an add (the server answers
    /// none: an added rule is found by its name).
    pub fn groupid(&self) -> Option<i64> {
        match self {
            Write::Add(_) => None,
            Write::Update(b) => Some(b.group.groupid),
            Write::Clear(b) => Some(b.groupid),
            Write::Delete(b) => Some(b.groupid),
            Write::SetSchedule(b) => Some(b.groupid),
        }
    }

    /// `effective_now`, for the rule writes (a roster cell has none).
    pub fn effective_now(&self) -> Option<bool> {
        match self {
            Write::Add(b) => Some(b.effective_now),
            Write::Update(b) => Some(b.effective_now),
            Write::Clear(b) => Some(b.effective_now),
            Write::Delete(b) => Some(b.effective_now),
            Write::SetSchedule(_) => None,
        }
    }

    /// The rule fields an add or update sends (without the update's groupid).
    pub fn group(&self) -> Option<&Map<String, Value>> {
        match self {
            Write::Add(b) => Some(&b.group),
            Write::Update(b) => Some(&b.group.fields),
            _ => None,
        }
    }
}

/// By its code, as the API takes it; any other code fails when read.
impl Serialize for ClearField {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.code())
    }
}

impl<'de> Deserialize<'de> for ClearField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = u64::deserialize(d)?;
        ClearField::from_code(code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "clear_field {code} is not a clearable array (1 spe_workdays, 2 spe_offdays, 3 wifimac_infos, 4 loc_infos)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parts(w: &Value) -> Result<Write, String> {
        let endpoint = Endpoint::from_name(w["endpoint"].as_str().unwrap()).unwrap();
        Write::from_parts(endpoint, w["body"].clone())
    }

    #[test]
    fn a_write_reads_back_as_written_and_its_body_is_the_request() {
        let writes = [
            json!({"endpoint": "add_checkin_option", "body": {"effective_now": false, "group": {"groupname": "x"}}}),
            json!({"endpoint": "update_checkin_option", "body": {"effective_now": true, "group": {"groupid": 7, "need_photo": true}}}),
            json!({"endpoint": "clear_checkin_option_array_field", "body": {"groupid": 7, "clear_field": [1, 4], "effective_now": false}}),
            json!({"endpoint": "del_checkin_option", "body": {"groupid": 7, "effective_now": false}}),
            json!({"endpoint": "setcheckinschedulist", "body": {"groupid": 7, "items": [{"userid": "u", "day": 3, "schedule_id": 2}], "yearmonth": 202611}}),
        ];
        for w in writes {
            let typed = parts(&w).unwrap();
            assert_eq!(
                typed.body().to_string(),
                w["body"].to_string(),
                "keys in order"
            );
            assert_eq!(typed.endpoint().name(), w["endpoint"]);
        }
    }

    #[test]
    fn what_the_tool_never_sends_fails_when_read() {
        let bad = [
            (
                json!({"endpoint": "getcheckinoption", "body": {}}),
                "apply never calls getcheckinoption",
            ),
            (
                json!({"endpoint": "update_checkin_option", "body": {"effective_now": true, "group": {"groupid": 7}, "debug": 1}}),
                "unknown field `debug`",
            ),
            (
                json!({"endpoint": "clear_checkin_option_array_field", "body": {"groupid": 7, "clear_field": [5], "effective_now": false}}),
                "clear_field 5 is not a clearable array",
            ),
            (
                json!({"endpoint": "del_checkin_option", "body": {"effective_now": false}}),
                "missing field `groupid`",
            ),
            (
                json!({"endpoint": "update_checkin_option", "body": {"effective_now": true, "group": {"need_photo": true}}}),
                "missing field `groupid`",
            ),
        ];
        for (w, needle) in bad {
            let err = parts(&w).unwrap_err();
            assert!(err.contains(needle), "{err}");
        }
    }
}
