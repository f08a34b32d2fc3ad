//! Executing a plan's calls, and checking afterwards that live state took them.
//!
//! Calls of one rule run in plan order; different rules may run concurrently
//! (bounded), within the client's rate limits. A failed call stops the rest
//! of its rule's calls (they are "not attempted"), never the other rules
//! unless `fail_fast`. After the calls, one re-read of live state finds each
//! added rule's groupid by its name (D1) and verifies every call.

use crate::t;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::{Map, Value};

use crate::client::{Client, Endpoint, Write};
use crate::live::LiveRule;
use crate::model::Date;
use crate::model::wire::rule_to_wire;
use crate::plan::{Call, canon};

/// How one call ended.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub rule: String,
    pub endpoint: Endpoint,
    pub result: Result<(), String>,
    pub elapsed: Duration,
}

#[derive(Clone, Debug, Default)]
pub struct Executed {
    pub outcomes: Vec<Outcome>,
    /// (rule, endpoint) of calls skipped after a failure.
    pub not_attempted: Vec<(String, Endpoint)>,
}

impl Executed {
    pub fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.result.is_err()).count()
    }

    /// Successful calls per endpoint.
    pub fn done(&self, endpoint: Endpoint) -> usize {
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

/// How many times a write whose answer was lost is looked for and made again.
const SETTLE_ROUNDS: usize = 3;

/// Makes one call, exactly once. A write whose answer is lost may have been
/// applied (a timeout, a dropped connection, an HTTP 5xx from a gateway after
/// WeCom took it): update and clear are idempotent and the client replays
/// them; add and delete are not, so live state is re-read and decides — an
/// add whose rule now exists, or a delete whose rule is gone, is done; else
/// the call is made again. `prior` holds the groupids live had when the plan
/// was made: a rule of the added name that is not among them is the added one.
async fn make(
    client: &Client,
    endpoint: Endpoint,
    call: &Call,
    prior: &BTreeSet<i64>,
    note: &(impl Fn(&str) + Sync),
) -> Result<(), String> {
    let mut round = 1;
    loop {
        let err = match client.write(&call.write).await {
            Ok(_) => return Ok(()),
            Err(e) if !e.outcome_unknown() => return Err(e.to_string()),
            Err(e) => e,
        };
        note(&t!(
            "settle-lost",
            rule = call.rule.as_str(),
            endpoint = endpoint.name(),
            error = err.to_string()
        ));
        let live = client
            .get_corp_checkin_option()
            .await
            .map_err(|e| e.to_string())
            .and_then(|a| crate::live::parse_answer(&a));
        let live = match live {
            Ok(l) => l,
            Err(read) => {
                return Err(t!("settle-unknown", error = err.to_string(), read = read));
            }
        };
        let applied = match &call.write {
            Write::Add(add) => live.iter().any(|l| {
                l.rule.groupname.as_deref() == Some(add.groupname()) && !prior.contains(&l.groupid)
            }),
            Write::Delete(delete) => !live.iter().any(|l| l.groupid == delete.groupid),
            _ => false,
        };
        if applied {
            note(&t!(
                "settle-applied",
                rule = call.rule.as_str(),
                endpoint = endpoint.name()
            ));
            return Ok(());
        }
        if round == SETTLE_ROUNDS {
            return Err(t!(
                "settle-gave-up",
                error = err.to_string(),
                rounds = SETTLE_ROUNDS
            ));
        }
        round += 1;
        note(&t!(
            "settle-again",
            rule = call.rule.as_str(),
            endpoint = endpoint.name(),
            round = round,
            rounds = SETTLE_ROUNDS
        ));
    }
}

/// Runs the calls; `progress` is called once per call as it completes, and
/// `progress_note` for what happens on the way (an answer lost, a re-read).
/// `prior`: the groupids live had when the plan was made.
pub async fn execute(
    client: Arc<Client>,
    calls: &[Call],
    prior: &BTreeSet<i64>,
    concurrency: usize,
    fail_fast: bool,
    progress: impl Fn(&Outcome) + Send + Sync,
    progress_note: impl Fn(&str) + Send + Sync,
) -> Executed {
    let stop = Arc::new(AtomicBool::new(false));
    let progress = &progress;
    let progress_note = &progress_note;
    let results: Vec<Executed> = futures_util::stream::iter(by_rule(calls))
        .map(|(rule, group)| {
            let client = client.clone();
            let stop = stop.clone();
            async move {
                let mut done = Executed::default();
                let mut calls = group.into_iter();
                for call in calls.by_ref() {
                    if stop.load(Ordering::SeqCst) {
                        done.not_attempted.push((rule.clone(), call.endpoint()));
                        continue;
                    }
                    let started = Instant::now();
                    let result = make(&client, call.endpoint(), &call, prior, progress_note).await;
                    let failed = result.is_err();
                    let outcome = Outcome {
                        rule: rule.clone(),
                        endpoint: call.endpoint(),
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
                            done.not_attempted.push((rule.clone(), rest.endpoint()));
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
    prior: &BTreeSet<i64>,
    now: i64,
) -> (Vec<Finding>, BTreeMap<String, i64>) {
    let today = Date(now).cst_day();
    let ok = |c: &Call| {
        executed
            .outcomes
            .iter()
            .any(|o| o.rule == c.rule && o.endpoint == c.endpoint() && o.result.is_ok())
    };
    let by_id = |id: i64| live.iter().find(|l| l.groupid == id);
    let by_name = |name: &str| {
        live.iter()
            .filter(|l| l.rule.groupname.as_deref() == Some(name))
            .collect::<Vec<_>>()
    };
    let findings = std::cell::RefCell::new(Vec::new());
    let mut added = BTreeMap::new();
    for call in calls.iter().filter(|c| ok(c)) {
        // Only field values may wait for tomorrow (effective_now false); a
        // rule that should exist and does not, or exists twice, or was deleted
        // and is still there, is a failure whatever effective_now says.
        let pending = call.write.effective_now() != Some(true);
        let found = |message: String| {
            findings.borrow_mut().push(Finding {
                rule: call.rule.clone(),
                message,
                pending,
            })
        };
        let missing = |message: String| {
            findings.borrow_mut().push(Finding {
                rule: call.rule.clone(),
                message,
                pending: false,
            })
        };
        match &call.write {
            Write::Add(add) => {
                let name = add.groupname();
                // A replacement adds before it deletes: the old rule of the
                // same name is not the added one.
                let new: Vec<&LiveRule> = by_name(name)
                    .into_iter()
                    .filter(|l| !prior.contains(&l.groupid))
                    .collect();
                match new.as_slice() {
                    [] => missing(t!("verify-added-missing", name = name)),
                    [l] => {
                        added.insert(name.to_owned(), l.groupid);
                        for m in differing_fields(&add.group, l, today) {
                            found(m);
                        }
                    }
                    many => missing(t!(
                        "verify-added-many",
                        n = many.len(),
                        name = name,
                        ids = many
                            .iter()
                            .map(|l| l.groupid.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                }
            }
            Write::Update(update) => match by_id(update.group.groupid) {
                None => missing(t!("verify-updated-gone", groupid = update.group.groupid)),
                Some(l) => {
                    for m in differing_fields(&update.group.fields, l, today) {
                        found(m);
                    }
                }
            },
            Write::Clear(clear) => match by_id(clear.groupid) {
                None => missing(t!("verify-cleared-gone", groupid = clear.groupid)),
                Some(l) => {
                    let live = canon::canonical(rule_to_wire(&l.rule), today, true);
                    for f in clear.clear_field.iter().map(|f| f.field()) {
                        if live.contains_key(f) {
                            found(t!("verify-cleared-still", field = f));
                        }
                    }
                }
            },
            Write::Delete(delete) => {
                if by_id(delete.groupid).is_some() {
                    missing(t!("verify-deleted-still", groupid = delete.groupid));
                }
            }
            // Roster cells are verified by the roster module.
            Write::SetSchedule(_) => {}
        }
    }
    (findings.into_inner(), added)
}

/// The sent top-level fields whose live value differs, in canonical form.
fn differing_fields(sent: &Map<String, Value>, live: &LiveRule, today: i64) -> Vec<String> {
    let sent_c = canon::canonical(Value::Object(sent.clone()), today, true);
    let live_c = canon::canonical(rule_to_wire(&live.rule), today, true);
    sent.keys()
        .filter(|f| *f != "groupid" && sent_c.get(*f) != live_c.get(*f))
        .map(|f| t!("verify-field-differs", field = f.as_str()))
        .collect()
}

/// Writes `groupid: N` into a single-rule YAML file: replaces a pinned groupid
/// (a replaced rule has a new one), or adds the line after the leading comments.
pub fn write_groupid(path: &std::path::Path, groupid: i64) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    if text.lines().any(|l| l.trim_end() == "---") {
        return Err(t!("write-ids-several"));
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
    crate::atomic::write(path, out).map_err(|e| e.to_string())
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
            write: Write::from_parts(
                Endpoint::Update,
                json!({"effective_now": effective_now, "group": {"groupid": 7, "need_photo": true}}),
            )
            .unwrap(),
        };
        let executed = Executed {
            outcomes: vec![Outcome {
                rule: "x".into(),
                endpoint: call.endpoint(),
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
        let (findings, _) = verify(&calls, &executed, &[live(false)], &BTreeSet::new(), 0);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].pending, "effective tomorrow: pending (D7)");
        let (calls, executed) = update(true);
        let (findings, _) = verify(&calls, &executed, &[live(false)], &BTreeSet::new(), 0);
        assert!(
            !findings[0].pending,
            "effective now: the API ignored the field"
        );
        let (findings, _) = verify(&calls, &executed, &[live(true)], &BTreeSet::new(), 0);
        assert!(findings.is_empty(), "visible: verified");
    }
}
