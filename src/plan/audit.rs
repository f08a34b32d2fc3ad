//! Does a saved plan hold together? Before apply makes the calls of a plan
//! file, every call must follow from the plan's own rule entries — the part
//! a reviewer reads. (That the file is unedited, made for this corp and day,
//! apply checks before: its digest.) Here:
//!
//! - each call targets an entry whose action allows that endpoint (an add for
//!   an added rule, an update or clear for a changed one, a delete only for a
//!   rule deleted under `--prune` or the old half of a listed replacement);
//! - each body is exactly what the entry's recorded changes produce: an added
//!   rule's body describes as the entry's lines, and an update's fields,
//!   compared with live state (the same state the plan was made from: apply
//!   checks that first), give the entry's changes, line for line.

use std::collections::BTreeSet;

use serde_json::Value;

use super::diff::live_compared;
use super::{Action, Call, Plan, RulePlan, canon, describe, top_field};
use crate::client::{Endpoint, Write};
use crate::live::LiveRule;
use crate::t;

/// What does not hold together, in sentences; empty when the plan is sound.
/// `live` must be the state the plan was made from, `today` its CST day.
pub fn audit(plan: &Plan, live: &[LiveRule], today: i64) -> Vec<String> {
    let mut problems = Vec::new();
    // Which calls claim which entry.
    let mut claims: Vec<Vec<usize>> = vec![Vec::new(); plan.rules.len()];
    for (ci, call) in plan.calls.iter().enumerate() {
        // Roster calls follow from roster entries (roster::plan::audit).
        if call.endpoint() == Endpoint::SetCheckinScheduList {
            continue;
        }
        match entry_of(plan, call) {
            Ok(ri) => claims[ri].push(ci),
            Err(why) => problems.push(t!("audit-call", n = ci + 1, call = shown(call), why = why)),
        }
    }
    for (ri, cis) in claims.iter().enumerate() {
        if cis.is_empty() {
            continue;
        }
        let entry = &plan.rules[ri];
        let calls: Vec<&Call> = cis.iter().map(|&ci| &plan.calls[ci]).collect();
        let follows =
            crate::i18n::with_lang(plan.lang, || follows(plan, entry, &calls, live, today));
        if let Err(why) = follows {
            problems.push(match entry.groupid {
                Some(id) => t!(
                    "audit-not-following-id",
                    name = entry.groupname.as_str(),
                    groupid = id,
                    why = why
                ),
                None => t!(
                    "audit-not-following",
                    name = entry.groupname.as_str(),
                    why = why
                ),
            });
        }
    }
    problems.extend(crate::roster::plan::audit(plan));
    problems
}

fn shown(call: &Call) -> String {
    t!(
        "audit-call-for",
        endpoint = call.endpoint().to_string(),
        name = call.rule.as_str()
    )
}

/// The entry a call belongs to, by the rule it names in its body.
fn entry_of(plan: &Plan, call: &Call) -> Result<usize, String> {
    let find = |pred: &dyn Fn(&RulePlan) -> bool, what: String| {
        plan.rules
            .iter()
            .position(pred)
            .ok_or_else(|| t!("audit-no-entry", what = what))
    };
    let changes = |id: i64| {
        find(
            &|r| {
                r.file.is_some()
                    && r.groupid == Some(id)
                    && matches!(r.action, Action::Update | Action::Clear)
            },
            t!("audit-what-changes", groupid = id),
        )
    };
    match &call.write {
        Write::Add(add) => {
            let name = add.groupname();
            find(
                &|r| {
                    r.file.is_some()
                        && r.groupname == name
                        && matches!(r.action, Action::Add | Action::Replace)
                },
                t!("audit-what-adds", name = name),
            )
        }
        Write::Update(update) => changes(update.group.groupid),
        Write::Clear(clear) => changes(clear.groupid),
        Write::Delete(delete) => {
            let id = delete.groupid;
            find(
                &|r| r.groupid == Some(id) && matches!(r.action, Action::Delete | Action::Replace),
                t!("audit-what-deletes", groupid = id),
            )
        }
        // Skipped by the caller: roster calls follow from roster entries.
        Write::SetSchedule(_) => Err(t!("audit-roster-call")),
    }
}

/// Whether `calls` are exactly what `entry` produces.
fn follows(
    plan: &Plan,
    entry: &RulePlan,
    calls: &[&Call],
    live: &[LiveRule],
    today: i64,
) -> Result<(), String> {
    for call in calls {
        if call.rule != entry.groupname {
            return Err(t!(
                "audit-label",
                call = call.rule.as_str(),
                entry = entry.groupname.as_str()
            ));
        }
        if let Some(sent) = call.write.effective_now()
            && sent != entry.effective_now
        {
            return Err(t!(
                "audit-effective-now",
                endpoint = call.endpoint().to_string(),
                sent = sent.to_string(),
                entry = entry.effective_now.to_string()
            ));
        }
    }
    let count = |e: Endpoint| {
        calls
            .iter()
            .filter(|c| c.endpoint() == e)
            .collect::<Vec<_>>()
    };
    let (adds, updates, clears, deletes) = (
        count(Endpoint::Add),
        count(Endpoint::Update),
        count(Endpoint::Clear),
        count(Endpoint::Delete),
    );
    if adds.len() > 1 || updates.len() > 1 || clears.len() > 1 || deletes.len() > 1 {
        return Err(t!("audit-two-of-a-kind"));
    }
    if let Some(group) = adds.first().and_then(|add| add.write.group()) {
        let described = describe::new_rule(group);
        if described != entry.changes {
            return Err(first_difference(
                &t!("audit-added-body"),
                &described,
                &entry.changes,
            ));
        }
    }
    if !deletes.is_empty() {
        match entry.action {
            Action::Delete if !plan.made_with.prune => {
                return Err(t!("audit-delete-no-prune"));
            }
            Action::Replace if !plan.made_with.allow_replace => {
                return Err(t!("audit-delete-no-allow-replace"));
            }
            Action::Replace => {
                // The old half of a replacement listed in the plan: a rule
                // file of the same name is added or kept by this plan.
                let listed = plan.rules.iter().any(|r| {
                    r.file.is_some()
                        && r.groupname == entry.groupname
                        && (entry.file.is_some() || r.groupid != entry.groupid)
                        && !matches!(r.action, Action::Blocked | Action::NotManaged)
                });
                if !listed {
                    return Err(t!("audit-delete-no-replacement"));
                }
            }
            _ => {}
        }
    }
    if matches!(entry.action, Action::Update | Action::Clear) {
        let id = entry.groupid.ok_or_else(|| t!("audit-no-groupid"))?;
        let l = live
            .iter()
            .find(|l| l.groupid == id)
            .ok_or_else(|| t!("audit-live-no-groupid", groupid = id))?;
        let lc = live_compared(l, today);
        let sent = updates.first().and_then(|u| u.write.group());
        let dc = sent
            .map(|g| canon::canonical(Value::Object(g.clone()), today, true))
            .unwrap_or_default();
        let cleared: Vec<String> = match clears.first().map(|c| &c.write) {
            Some(Write::Clear(clear)) => {
                let mut fields = clear.clear_field.clone();
                fields.sort_unstable();
                fields.iter().map(|f| f.field().to_owned()).collect()
            }
            _ => Vec::new(),
        };
        let mut recorded_clear = entry.clear.clone();
        recorded_clear.sort();
        let mut sorted_cleared = cleared.clone();
        sorted_cleared.sort();
        if sorted_cleared != recorded_clear {
            return Err(t!(
                "audit-empties",
                sent = format!("{sorted_cleared:?}"),
                entry = format!("{recorded_clear:?}")
            ));
        }
        let fields: BTreeSet<&str> = sent
            .into_iter()
            .flat_map(|g| g.keys().map(String::as_str))
            .chain(cleared.iter().map(String::as_str))
            .collect();
        let derived: Vec<_> = fields
            .iter()
            .flat_map(|f| describe::field_changes(f, lc.get(*f), dc.get(*f)))
            .collect();
        // Changes to fields the update does not send (readonly or unknown)
        // are not what the calls make; the sent ones must match exactly.
        let recorded: Vec<_> = entry
            .changes
            .iter()
            .filter(|c| fields.contains(top_field(&c.field)))
            .cloned()
            .collect();
        if derived != recorded || recorded.len() != entry.changes.len() {
            return Err(first_difference(
                &t!("audit-what-calls-change"),
                &derived,
                &entry.changes,
            ));
        }
    }
    Ok(())
}

/// "X shows `a`, the entry shows `b`" for the first line that differs.
fn first_difference(what: &str, got: &[super::Change], recorded: &[super::Change]) -> String {
    let line = |c: Option<&super::Change>| match c {
        None => t!("audit-nothing"),
        Some(c) => format!(
            "{}: {} → {}",
            c.field,
            c.old.clone().unwrap_or_else(|| t!("audit-none")),
            c.new.clone().unwrap_or_else(|| t!("audit-none"))
        ),
    };
    let i = (0..got.len().max(recorded.len()))
        .find(|&i| got.get(i) != recorded.get(i))
        .unwrap_or(0);
    t!(
        "audit-difference",
        what = what,
        got = line(got.get(i)),
        entry = line(recorded.get(i))
    )
}
