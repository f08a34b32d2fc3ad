//! Executing a plan's calls, and checking afterwards that live state took them.
//!
//! Calls of one rule run in plan order; different rules may run concurrently
//! (bounded), within the client's rate limits. A failed call stops the rest
//! of its rule's calls (they are "not attempted"), never the other rules
//! unless `fail_fast`. After the calls, one re-read of live state finds each
//! added rule's groupid by its name (D1) and verifies every call.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::Value;

use crate::client::{Client, Endpoint};
use crate::live::LiveRule;
use crate::model::Date;
use crate::model::wire::rule_to_wire;
use crate::plan::{Call, canon};

/// How one call ended.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub rule: String,
    pub endpoint: String,
    pub result: Result<(), String>,
    pub elapsed: Duration,
}

#[derive(Clone, Debug, Default)]
pub struct Executed {
    pub outcomes: Vec<Outcome>,
    /// (rule, endpoint) of calls skipped after a failure.
    pub not_attempted: Vec<(String, String)>,
}

impl Executed {
    pub fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.result.is_err()).count()
    }

    /// Successful calls per endpoint.
    pub fn done(&self, endpoint: &str) -> usize {
        self.outcomes
            .iter()
            .filter(|o| o.endpoint == endpoint && o.result.is_ok())
            .count()
    }
}

/// The calls grouped by rule, each group in plan order.
fn by_rule(calls: &[Call]) -> Vec<(String, Vec<Call>)> {
    let mut groups: Vec<(String, Vec<Call>)> = Vec::new();
    for c in calls {
        match groups.iter_mut().find(|(r, _)| *r == c.rule) {
            Some((_, g)) => g.push(c.clone()),
            None => groups.push((c.rule.clone(), vec![c.clone()])),
        }
    }
    groups
}

/// Runs the calls; `progress` is called once per call as it completes.
pub async fn execute(
    client: Arc<Client>,
    calls: &[Call],
    concurrency: usize,
    fail_fast: bool,
    progress: impl Fn(&Outcome) + Send + Sync,
) -> Executed {
    let stop = Arc::new(AtomicBool::new(false));
    let progress = &progress;
    let results: Vec<Executed> = futures_util::stream::iter(by_rule(calls))
        .map(|(rule, group)| {
            let client = client.clone();
            let stop = stop.clone();
            async move {
                let mut done = Executed::default();
                let mut calls = group.into_iter();
                for call in calls.by_ref() {
                    if stop.load(Ordering::SeqCst) {
                        done.not_attempted
                            .push((rule.clone(), call.endpoint.clone()));
                        continue;
                    }
                    let started = Instant::now();
                    let result = match Endpoint::from_name(&call.endpoint) {
                        Some(e) => client
                            .call(e, call.body.clone())
                            .await
                            .map(drop)
                            .map_err(|e| e.to_string()),
                        None => Err(format!("unknown endpoint {}", call.endpoint)),
                    };
                    let failed = result.is_err();
                    let outcome = Outcome {
                        rule: rule.clone(),
                        endpoint: call.endpoint.clone(),
                        result,
                        elapsed: started.elapsed(),
                    };
                    progress(&outcome);
                    done.outcomes.push(outcome);
                    if failed {
                        if fail_fast {
                            stop.store(true, Ordering::SeqCst);
                        }
                        // The rest of this rule's calls depend on this one.
                        for rest in calls.by_ref() {
                            done.not_attempted
                                .push((rule.clone(), rest.endpoint.clone()));
                        }
                        break;
                    }
                }
                done
            }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    let mut all = Executed::default();
    for r in results {
        all.outcomes.extend(r.outcomes);
        all.not_attempted.extend(r.not_attempted);
    }
    all
}

/// A call whose effect live state does not show.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: String,
    pub message: String,
    /// The change takes effect tomorrow (effective_now false): the read API may
    /// still show the old rule, which is not a failure (D7).
    pub pending: bool,
}

/// Checks each successful call against live state read after the calls.
/// Returns the findings and the groupid of each added rule, by name.
pub fn verify(
    calls: &[Call],
    executed: &Executed,
    live: &[LiveRule],
    now: i64,
) -> (Vec<Finding>, BTreeMap<String, i64>) {
    let today = Date(now).cst_day();
    let ok = |c: &Call| {
        executed
            .outcomes
            .iter()
            .any(|o| o.rule == c.rule && o.endpoint == c.endpoint && o.result.is_ok())
    };
    let by_id = |id: i64| live.iter().find(|l| l.groupid == id);
    let by_name = |name: &str| {
        live.iter()
            .filter(|l| l.rule.groupname.as_deref() == Some(name))
            .collect::<Vec<_>>()
    };
    let mut findings = Vec::new();
    let mut added = BTreeMap::new();
    for call in calls.iter().filter(|c| ok(c)) {
        let pending = call.body.get("effective_now").and_then(Value::as_bool) != Some(true);
        let mut found = |message: String| {
            findings.push(Finding {
                rule: call.rule.clone(),
                message,
                pending,
            })
        };
        let group = call.body.get("group").cloned().unwrap_or(Value::Null);
        let groupid = call
            .body
            .get("groupid")
            .or_else(|| group.get("groupid"))
            .and_then(Value::as_i64);
        match call.endpoint.as_str() {
            "add_checkin_option" => {
                let name = group
                    .get("groupname")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                match by_name(name).as_slice() {
                    [] => found(format!(
                        "added, but no live rule is named \"{name}\" after the calls"
                    )),
                    [l] => {
                        added.insert(name.to_owned(), l.groupid);
                        for m in differing_fields(&group, l, today) {
                            found(m);
                        }
                    }
                    many => found(format!(
                        "{} live rules are named \"{name}\" after the add",
                        many.len()
                    )),
                }
            }
            "update_checkin_option" => match groupid.and_then(by_id) {
                None => found(format!(
                    "updated, but groupid {} is gone",
                    groupid.unwrap_or_default()
                )),
                Some(l) => {
                    for m in differing_fields(&group, l, today) {
                        found(m);
                    }
                }
            },
            "clear_checkin_option_array_field" => match groupid.and_then(by_id) {
                None => found(format!(
                    "cleared, but groupid {} is gone",
                    groupid.unwrap_or_default()
                )),
                Some(l) => {
                    let live = canon::canonical(&rule_to_wire(&l.rule), today, true);
                    for code in call
                        .body
                        .get("clear_field")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        let field = crate::plan::CLEARABLE
                            .iter()
                            .find(|(_, c)| Some(u64::from(*c)) == code.as_u64())
                            .map(|(f, _)| *f);
                        if let Some(f) = field.filter(|f| live.contains_key(*f)) {
                            found(format!("{f} was cleared but live still has entries"));
                        }
                    }
                }
            },
            "del_checkin_option" => {
                if let Some(id) = groupid.filter(|id| by_id(*id).is_some()) {
                    found(format!("deleted, but groupid {id} is still live"));
                }
            }
            _ => {}
        }
    }
    (findings, added)
}

/// The sent top-level fields whose live value differs, in canonical form.
fn differing_fields(sent: &Value, live: &LiveRule, today: i64) -> Vec<String> {
    let sent_c = canon::canonical(sent, today, true);
    let live_c = canon::canonical(&rule_to_wire(&live.rule), today, true);
    let Value::Object(fields) = sent else {
        return Vec::new();
    };
    fields
        .keys()
        .filter(|f| *f != "groupid" && sent_c.get(*f) != live_c.get(*f))
        .map(|f| {
            format!("{f} was sent but live shows a different value (the API may have ignored it)")
        })
        .collect()
}

/// Writes `groupid: N` into a single-rule YAML file: replaces a pinned groupid
/// (a replaced rule has a new one), or adds the line after the leading comments.
pub fn write_groupid(path: &std::path::Path, groupid: i64) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    if text.lines().any(|l| l.trim_end() == "---") {
        return Err("a file of several rules: add `groupid` by hand".into());
    }
    let mut out = String::new();
    let mut written = false;
    for line in text.split_inclusive('\n') {
        let is_head = line.trim().is_empty() || line.trim_start().starts_with('#');
        if line.starts_with("groupid:") {
            out += &format!("groupid: {groupid}\n");
            written = true;
            continue;
        }
        if !written && !is_head {
            out += &format!("groupid: {groupid}\n");
            written = true;
        }
        out += line;
    }
    if !written {
        out += &format!("groupid: {groupid}\n");
    }
    let tmp = path.with_extension("yaml.tmp");
    std::fs::write(&tmp, out)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn live(need_photo: bool) -> LiveRule {
        crate::live::normalize_group(
            &json!({"groupid": 7, "grouptype": 3, "groupname": "x", "need_photo": need_photo}),
        )
        .unwrap()
    }

    fn update(effective_now: bool) -> (Vec<Call>, Executed) {
        let call = Call {
            rule: "x".into(),
            endpoint: "update_checkin_option".into(),
            body: json!({"effective_now": effective_now, "group": {"groupid": 7, "need_photo": true}}),
        };
        let executed = Executed {
            outcomes: vec![Outcome {
                rule: "x".into(),
                endpoint: call.endpoint.clone(),
                result: Ok(()),
                elapsed: Duration::ZERO,
            }],
            not_attempted: Vec::new(),
        };
        (vec![call], executed)
    }

    #[test]
    fn a_change_not_yet_visible_is_pending_only_when_it_takes_effect_tomorrow() {
        let (calls, executed) = update(false);
        let (findings, _) = verify(&calls, &executed, &[live(false)], 0);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].pending, "effective tomorrow: pending (D7)");
        let (calls, executed) = update(true);
        let (findings, _) = verify(&calls, &executed, &[live(false)], 0);
        assert!(
            !findings[0].pending,
            "effective now: the API ignored the field"
        );
        let (findings, _) = verify(&calls, &executed, &[live(true)], 0);
        assert!(findings.is_empty(), "visible: verified");
    }
}
