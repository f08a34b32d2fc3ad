//! `wecom-checkin apply [PLANFILE | PATH...]`: make the calls, then check them.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::Exit;
use crate::apply::{self, Executed};
use crate::cli::ApplyArgs;
use crate::client::{Client, Endpoint};
use crate::diag::render;
use crate::error::ToolError;
use crate::escape;
use crate::live;
use crate::model::Date;
use crate::pipeline::{self, Planned};
use crate::plan::{self, Action, Plan};
use crate::roster::{self, plan::RosterPlan};
use crate::t;

/// A saved plan, when the only target is one.
fn saved_plan(targets: &[PathBuf]) -> Result<Option<Plan>, ToolError> {
    let [only] = targets else { return Ok(None) };
    if !only.is_file() || only.extension().is_none_or(|e| e != "json") {
        return Ok(None);
    }
    read_plan(only)
}

/// The plan in `path`, or None when it is a rule file in JSON.
fn read_plan(path: &Path) -> Result<Option<Plan>, ToolError> {
    let text = std::fs::read_to_string(path).map_err(|e| ToolError::cannot_read(path, e))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        ToolError::new(crate::t!(
            "err-not-json",
            path = path.display().to_string(),
            error = e.to_string()
        ))
    })?;
    if value.get("format_version").is_none() {
        return Ok(None);
    }
    if value["format_version"] != plan::FORMAT_VERSION {
        return Err(ToolError::new(crate::t!(
            "err-plan-version",
            path = path.display().to_string(),
            theirs = value["format_version"].to_string(),
            ours = plan::FORMAT_VERSION.to_string()
        ))
        .with_help(crate::t!("err-plan-version-help")));
    }
    serde_json::from_value(value).map(Some).map_err(|e| {
        ToolError::new(crate::t!(
            "err-not-a-plan",
            path = path.display().to_string(),
            error = e.to_string()
        ))
    })
}

/// Why a saved plan cannot be applied here and now: it belongs to another
/// corp or API, it was edited, or (`same_day`) its day has passed.
fn unbound(plan: &Plan, args: &ApplyArgs, base: &str, now: i64, same_day: bool) -> Vec<String> {
    let mut problems = Vec::new();
    match (&plan.live.corpid, super::corpid(&args.api)) {
        (None, _) => problems.push(t!("unbound-from-file", source = plan.live.source.as_str())),
        (Some(theirs), None) => problems.push(t!("unbound-no-corpid", theirs = theirs.as_str())),
        (Some(theirs), Some(ours)) if *theirs != ours => problems.push(t!(
            "unbound-other-corp",
            theirs = theirs.as_str(),
            ours = ours
        )),
        _ => {}
    }
    if plan.live.corpid.is_some()
        && plan.live.source.trim_end_matches('/') != base.trim_end_matches('/')
    {
        problems.push(t!(
            "unbound-other-api",
            source = plan.live.source.as_str(),
            base = base
        ));
    }
    let today = Date(now).ymd();
    if same_day && plan.day != today {
        problems.push(t!(
            "unbound-other-day",
            day = plan.day.as_str(),
            today = today
        ));
    }
    let recomputed = plan::digest(plan);
    if plan.digest != recomputed {
        problems.push(t!(
            "unbound-edited",
            digest = format!("{:?}", plan.digest),
            recomputed = recomputed
        ));
    }
    problems
}

/// The reviewed calls against the ones planned now: what differs, or None.
fn differs(reviewed: &Plan, now: &Plan) -> Option<Vec<String>> {
    if reviewed.calls == now.calls {
        return None;
    }
    let line = |c: &plan::Call| {
        t!(
            "differs-call",
            endpoint = c.endpoint().name(),
            rule = c.rule.as_str()
        )
    };
    let same_target =
        |a: &plan::Call, b: &plan::Call| a.endpoint() == b.endpoint() && a.rule == b.rule;
    let mut lines = Vec::new();
    for c in now.calls.iter().filter(|c| !reviewed.calls.contains(c)) {
        match reviewed.calls.iter().find(|r| same_target(r, c)) {
            Some(r) => lines.push(t!(
                "differs-changed",
                call = line(c),
                keys = changed_keys(&r.write.body(), &c.write.body()).join(", ")
            )),
            None => lines.push(t!("differs-not-reviewed", call = line(c))),
        }
    }
    for r in reviewed
        .calls
        .iter()
        .filter(|r| !now.calls.contains(r) && !now.calls.iter().any(|c| same_target(r, c)))
    {
        lines.push(t!("differs-no-longer-planned", call = line(r)));
    }
    if lines.is_empty() {
        lines.push(t!("differs-order"));
    }
    Some(lines)
}

/// The keys (of `group` for add and update) whose values differ.
fn changed_keys(a: &serde_json::Value, b: &serde_json::Value) -> Vec<String> {
    let (a, b) = match (a.get("group"), b.get("group")) {
        (Some(a), Some(b)) => (a, b),
        _ => (a, b),
    };
    let empty = serde_json::Map::new();
    let (a, b) = (
        a.as_object().unwrap_or(&empty),
        b.as_object().unwrap_or(&empty),
    );
    a.keys()
        .chain(b.keys().filter(|k| !a.contains_key(*k)))
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

fn refuse(message: impl AsRef<str>) -> Result<Exit, ToolError> {
    say_err(&t!("apply-refused", message = message.as_ref()));
    Ok(Exit::Failure)
}

/// Why apply will not start, with its reasons a line each (a newline inside
/// a name or a reason stays visible as `\n`: say() escapes each line whole).
struct Refusal {
    message: String,
    reasons: Vec<String>,
    after: String,
}

impl Refusal {
    fn new(message: impl Into<String>) -> Self {
        Refusal {
            message: message.into(),
            reasons: Vec::new(),
            after: String::new(),
        }
    }

    /// Refused when `reasons` is not empty.
    fn unless_empty(message: impl Into<String>, reasons: Vec<String>) -> Result<(), Self> {
        if reasons.is_empty() {
            return Ok(());
        }
        Err(Refusal {
            reasons,
            ..Refusal::new(message)
        })
    }

    fn say(self) -> Result<Exit, ToolError> {
        say_err(&t!("apply-refused", message = self.message.as_str()));
        for reason in &self.reasons {
            say_err(&format!("  {reason}"));
        }
        if !self.after.is_empty() {
            say_err(&self.after);
        }
        Ok(Exit::Failure)
    }
}

/// A saved plan (bound to here and today: checked before live is read),
/// applied as it is: made from the live state `live_now` is, and every call
/// following from its entries.
fn check_saved(plan: &Plan, now: i64, live_now: &[live::LiveRule]) -> Result<(), Refusal> {
    // The plan was reviewed against one live state: refuse if it moved.
    if let Some(changed) = moved(plan, live_now, now) {
        return Err(Refusal::new(t!("refused-stale", changed = changed)));
    }
    // Live is what the plan was made from: every call must follow from the
    // entries a reviewer read.
    Refusal::unless_empty(
        t!("refused-audit"),
        plan::audit::audit(plan, live_now, Date(now).cst_day()),
    )
}

/// The plan made now against the reviewed one: usable, and the same calls.
fn check_reviewed(
    reviewed: &Plan,
    plan: &Plan,
    args: &ApplyArgs,
    base: &str,
    now: i64,
) -> Result<(), Refusal> {
    Refusal::unless_empty(
        t!(
            "refused-reviewed-unbound",
            path = args
                .reviewed
                .as_deref()
                .unwrap_or(Path::new(""))
                .display()
                .to_string()
        ),
        unbound(reviewed, args, base, now, false),
    )?;
    if reviewed.blocked {
        return Err(Refusal::new(t!("refused-reviewed-blocked")));
    }
    if let Some(diff) = differs(reviewed, plan) {
        return Err(Refusal {
            message: match reviewed.commit.as_deref() {
                Some(commit) => t!("refused-not-reviewed-commit", commit = commit),
                None => t!("refused-not-reviewed"),
            },
            reasons: diff,
            after: t!("refused-not-reviewed-after"),
        });
    }
    Ok(())
}

/// A failed checkout or a typo must not delete a corp's rules.
fn check_deletes(plan: &Plan, args: &ApplyArgs) -> Result<(), Refusal> {
    let replaced: BTreeSet<&str> = plan
        .rules
        .iter()
        .filter(|r| r.action == Action::Replace)
        .map(|r| r.groupname.as_str())
        .collect();
    let is_delete = |c: &&plan::Call| c.endpoint() == Endpoint::Delete;
    let all_deletes = plan.calls.iter().filter(is_delete).count();
    let deletes = plan
        .calls
        .iter()
        .filter(is_delete)
        .filter(|c| !replaced.contains(c.rule.as_str()))
        .count();
    if deletes > 0 && !args.change.prune {
        return Err(Refusal::new(t!("refused-deletes", n = deletes)));
    }
    if all_deletes > deletes && !args.change.allow_replace {
        return Err(Refusal::new(t!(
            "refused-replaces",
            n = all_deletes - deletes
        )));
    }
    // Replacements delete too: every delete counts toward the bound.
    if all_deletes > args.max_deletes {
        return Err(Refusal::new(t!(
            "refused-max-deletes",
            n = all_deletes,
            replaced = all_deletes - deletes,
            max = args.max_deletes
        )));
    }
    let desired = plan.rules.iter().filter(|r| r.file.is_some()).count();
    if deletes > 0 && desired == 0 {
        return Err(Refusal::new(t!("refused-no-files")));
    }
    Ok(())
}

/// One line of apply's report: names and server messages in it are made
/// visible (escape::text), and it cannot pose as a workflow command.
fn say(line: &str) {
    print!(
        "{}",
        escape::guard_lines(format!("{}\n", escape::text(line)))
    );
}

/// say(), on stderr: why apply refused to start is an error, not a report.
fn say_err(line: &str) {
    eprint!(
        "{}",
        escape::guard_lines(format!("{}\n", escape::text(line)))
    );
}

pub fn run(args: &ApplyArgs) -> Result<Exit, ToolError> {
    let runtime = super::runtime()?;
    let client = super::connect_for_writes(&args.api, args.write_rate_limit)?;
    let base = client.base().to_owned();
    let read_live = || pipeline::read_live_api(&client, &runtime).map(|(live, _)| live);

    let now = crate::cli::now_seconds(args.now);
    let reviewed = match &args.reviewed {
        None => None,
        Some(path) => Some(read_plan(path)?.ok_or_else(|| {
            ToolError::new(t!(
                "err-not-a-saved-plan",
                path = path.display().to_string()
            ))
            .with_help(t!("err-not-a-saved-plan-help"))
        })?),
    };
    let saved = if reviewed.is_some() {
        None
    } else {
        saved_plan(&args.targets)?
    };
    let (plan, from_file) = match saved {
        Some(plan) => {
            if let Err(r) = Refusal::unless_empty(
                t!("refused-saved-unbound"),
                unbound(&plan, args, &base, now, true),
            ) {
                return r.say();
            }
            if let Err(r) = check_saved(&plan, now, &read_live()?) {
                return r.say();
            }
            if let Some(changed) = rosters_moved(&plan, &client, &runtime)? {
                return Refusal::new(t!("refused-stale-rosters", changed = changed)).say();
            }
            (plan, true)
        }
        None => match pipeline::make(pipeline::Input {
            paths: crate::cli::paths_or_default(&args.targets),
            live: pipeline::Live::Api(Box::new(|| Ok(client.clone()))),
            options: args.change.options(args.now),
            roster_batch: args.change.roster_batch,
            corpid: super::corpid(&args.api),
        })? {
            Planned::Refused(blocking, loaded) => {
                print!(
                    "{}",
                    render::diagnostics_text(&blocking, &loaded.sources, super::stdout_color())
                );
                return refuse(t!("refused-file-errors"));
            }
            Planned::Plan(plan, loaded) => {
                let diagnostics: Vec<_> =
                    plan.errors.iter().chain(&plan.warnings).cloned().collect();
                print!(
                    "{}",
                    render::diagnostics_text(&diagnostics, &loaded.sources, super::stdout_color())
                );
                (*plan, false)
            }
        },
    };
    if let Some(reviewed) = &reviewed {
        if let Err(r) = check_reviewed(reviewed, &plan, args, &base, now) {
            return r.say();
        }
        say(&t!(
            "apply-reviewed",
            n = reviewed.calls.len(),
            day = reviewed.day.as_str(),
            digest = &reviewed.digest[..reviewed.digest.len().min(12)]
        ));
        if reviewed.day != plan.day {
            say(&t!(
                "apply-reviewed-earlier",
                reviewed = reviewed.day.as_str(),
                today = plan.day.as_str()
            ));
        }
    }
    if plan.blocked {
        return refuse(t!("refused-plan-errors"));
    }
    if !from_file {
        print!("{}", plan::render::text(&plan, super::stdout_color()));
    }
    if plan.calls.is_empty() {
        println!("{}", t!("apply-nothing"));
        return Ok(Exit::Success);
    }

    if let Err(r) = check_deletes(&plan, args) {
        return r.say();
    }
    if !from_file && !args.auto_approve {
        if !std::io::stdin().is_terminal() {
            return refuse(t!("refused-not-a-terminal"));
        }
        print!("{}", t!("apply-ask", n = plan.calls.len()));
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if answer.trim() != "yes" {
            return refuse(t!("refused-not-confirmed"));
        }
    }

    // The API has no lock: re-read right before the first write, so another
    // apply (or an admin) that changed live since the plan is caught here
    // rather than doubled. What remains is the moment between this read and
    // the writes; verification after the calls catches what slips through.
    let changed = match moved(&plan, &read_live()?, now) {
        Some(changed) => Some(changed),
        None => rosters_moved(&plan, &client, &runtime)?,
    };
    if let Some(changed) = changed {
        return refuse(t!("refused-moved", changed = changed));
    }
    println!("{}", t!("apply-applying", n = plan.calls.len()));
    let prior: BTreeSet<i64> = plan.live.rules.keys().copied().collect();
    let executed = runtime.block_on(apply::execute(
        client.clone(),
        &plan.calls,
        &prior,
        args.concurrency,
        args.fail_fast,
        |o: &apply::Outcome| {
            let result = match &o.result {
                Ok(()) => t!("apply-call-ok"),
                Err(e) => t!("apply-call-failed", error = e.to_string()),
            };
            // One line per call: a multi-line error (help) is kept apart.
            for (i, part) in format!(
                "  {}  {}  {}  ({:.2}s)",
                o.rule,
                o.endpoint,
                result,
                o.elapsed.as_secs_f64()
            )
            .lines()
            .enumerate()
            {
                say(&if i == 0 {
                    part.to_owned()
                } else {
                    format!("    {}", part.trim_start())
                });
            }
        },
        |note: &str| say(&format!("  … {note}")),
    ));

    // Verify: one re-read finds the new groupids and shows what took effect.
    // What was done is said even when that re-read fails.
    let after = match read_live() {
        Ok(after) => after,
        Err(e) => {
            say(&summary(&executed, 0, 0));
            say(&t!("apply-verify-failed", error = e.message.as_str()));
            return Ok(Exit::Failure);
        }
    };
    let (findings, added) = apply::verify(&plan.calls, &executed, &after, &prior, now);
    for (name, id) in &added {
        let pinned = plan
            .rules
            .iter()
            .find(|r| r.groupname == *name && r.action == Action::Replace)
            .and_then(|r| r.groupid);
        match pinned {
            Some(old) => say(&format!(
                "  {}{}",
                t!(
                    "apply-replaced",
                    name = name.as_str(),
                    old = old.to_string(),
                    id = id.to_string()
                ),
                if args.write_ids {
                    String::new()
                } else {
                    t!("apply-replaced-pin")
                }
            )),
            None => say(&format!(
                "  {}",
                t!("apply-new-id", name = name.as_str(), id = id.to_string())
            )),
        }
        if args.write_ids {
            write_id(&plan, name, *id);
        }
    }
    let (pending, mut errors): (Vec<_>, Vec<_>) = findings.into_iter().partition(|f| f.pending);
    errors.extend(roster_findings(&plan, &executed, &client, &runtime));
    let pending_lines = pending.iter().map(|f| ("apply-pending", f));
    for (id, f) in pending_lines.chain(errors.iter().map(|f| ("apply-not-applied", f))) {
        let line = t!(id, rule = f.rule.as_str(), message = f.message.as_str());
        say(&format!("  {line}"));
    }
    say(&summary(&executed, errors.len(), pending.len()));
    let failed = executed.failed() > 0 || !executed.not_attempted.is_empty() || !errors.is_empty();
    Ok(if failed { Exit::Failure } else { Exit::Success })
}

/// The live cells now of every roster entry with cells to set, by entry
/// index: one read per month and 100 people, whatever their rules.
fn rosters_now(
    plan: &Plan,
    client: &Client,
    runtime: &tokio::runtime::Runtime,
) -> Result<BTreeMap<usize, roster::live::Cells>, String> {
    let entries: Vec<(usize, &RosterPlan)> = plan
        .rosters
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.changes.is_empty())
        .collect();
    let months: BTreeSet<u32> = entries.iter().map(|(_, r)| r.yearmonth).collect();
    let mut out = BTreeMap::new();
    for month in months {
        let users: BTreeSet<String> = entries
            .iter()
            .filter(|(_, r)| r.yearmonth == month)
            .flat_map(|(_, r)| r.users.iter().cloned())
            .collect();
        let users: Vec<String> = users.into_iter().collect();
        let mut live = runtime.block_on(roster::live::read_month(client, month, &users))?;
        for (i, entry) in entries.iter().filter(|(_, r)| r.yearmonth == month) {
            let id = entry.groupid.ok_or_else(|| t!("roster-entry-no-groupid"))?;
            let mut cells = live.remove(&id).unwrap_or_default();
            cells.retain(|(u, _), _| entry.users.contains(u));
            out.insert(*i, cells);
        }
    }
    Ok(out)
}

/// The roster entries with cells to set whose live roster moved since the
/// plan, or None when none did.
fn rosters_moved(
    plan: &Plan,
    client: &Client,
    runtime: &tokio::runtime::Runtime,
) -> Result<Option<String>, ToolError> {
    let mut changed = Vec::new();
    let now = rosters_now(plan, client, runtime)
        .map_err(|e| ToolError::new(t!("err-live-rosters", error = e.to_string())))?;
    for (i, cells) in &now {
        let entry = &plan.rosters[*i];
        let key = entry.key().unwrap_or_default();
        if plan.live.rosters.get(&key) != Some(&roster::live::fingerprint(cells)) {
            changed.push(t!(
                "differs-roster",
                name = entry.groupname.as_str(),
                month = entry.month()
            ));
        }
    }
    Ok((!changed.is_empty()).then(|| changed.join(", ")))
}

/// Each set cell that the live roster does not show after the calls.
fn roster_findings(
    plan: &Plan,
    executed: &Executed,
    client: &Client,
    runtime: &tokio::runtime::Runtime,
) -> Vec<apply::Finding> {
    let mut out = Vec::new();
    let ok = |o: &&apply::Outcome| o.endpoint == Endpoint::SetCheckinScheduList && o.result.is_ok();
    if !executed.outcomes.iter().any(|o| ok(&o)) {
        return out;
    }
    let now = match rosters_now(plan, client, runtime) {
        Ok(now) => now,
        Err(e) => {
            return vec![apply::Finding {
                rule: "rosters".into(),
                message: t!("verify-rosters-unread", error = e.to_string()),
                pending: false,
            }];
        }
    };
    for (i, cells) in &now {
        let entry = &plan.rosters[*i];
        if !executed
            .outcomes
            .iter()
            .filter(ok)
            .any(|o| o.rule == entry.groupname)
        {
            continue;
        }
        let missing: Vec<String> = entry
            .changes
            .iter()
            .filter(|c| {
                cells.get(&(c.userid.clone(), c.day)).map(|s| s.schedule_id) != Some(c.schedule_id)
            })
            .map(|c| {
                t!(
                    "verify-roster-cell",
                    userid = c.userid.as_str(),
                    day = usize::from(c.day),
                    shift = c.new.as_str()
                )
            })
            .collect();
        if !missing.is_empty() {
            out.push(apply::Finding {
                rule: entry.groupname.clone(),
                message: t!(
                    "verify-roster-missing",
                    month = entry.month(),
                    cells = missing.len(),
                    list = missing.join(&t!("list-separator"))
                ),
                pending: false,
            });
        }
    }
    out
}

/// The rules whose live state differs from what the plan was made from, or
/// None when nothing moved.
fn moved(plan: &Plan, live_now: &[live::LiveRule], now: i64) -> Option<String> {
    let current = plan::fingerprint(live_now, now);
    if current.fingerprint == plan.live.fingerprint {
        return None;
    }
    let ids: BTreeSet<i64> = current
        .rules
        .keys()
        .chain(plan.live.rules.keys())
        .copied()
        .collect();
    let changed: Vec<String> = ids
        .into_iter()
        .filter(|id| current.rules.get(id) != plan.live.rules.get(id))
        .map(|id| {
            let name = live_now
                .iter()
                .find(|l| l.groupid == id)
                .and_then(|l| l.rule.groupname.clone())
                .or_else(|| {
                    plan.rules
                        .iter()
                        .find(|r| r.groupid == Some(id))
                        .map(|r| r.groupname.clone())
                });
            name.unwrap_or_default() + &t!("aside", what = format!("groupid {id}"))
        })
        .collect();
    Some(changed.join(", "))
}

fn write_id(plan: &Plan, name: &str, id: i64) {
    let Some(file) = plan
        .rules
        .iter()
        .find(|r| r.groupname == name)
        .and_then(|r| r.file.as_deref())
    else {
        return;
    };
    match apply::write_groupid(Path::new(file), id) {
        Ok(()) => say(&format!(
            "  {}",
            t!("write-ids-wrote", id = id.to_string(), file = file)
        )),
        Err(e) => say(&format!(
            "  {}",
            t!(
                "write-ids-failed",
                id = id.to_string(),
                file = file,
                error = e.to_string()
            )
        )),
    }
}

fn summary(e: &Executed, unverified: usize, pending: usize) -> String {
    let mut s = t!(
        "apply-summary",
        added = e.done(Endpoint::Add),
        updated = e.done(Endpoint::Update),
        cleared = e.done(Endpoint::Clear),
        deleted = e.done(Endpoint::Delete),
        rosters = e.done(Endpoint::SetCheckinScheduList),
        failed = e.failed(),
        skipped = e.not_attempted.len()
    );
    if unverified > 0 {
        s += &t!("apply-summary-unverified", n = unverified);
    }
    if pending > 0 {
        s += &t!("apply-summary-pending", n = pending);
    }
    if e.failed() > 0 || !e.not_attempted.is_empty() {
        let names: BTreeSet<&str> = e
            .outcomes
            .iter()
            .filter(|o| o.result.is_err())
            .map(|o| o.rule.as_str())
            .chain(e.not_attempted.iter().map(|(r, _)| r.as_str()))
            .collect();
        s += &t!(
            "apply-summary-unfinished",
            names = names.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    s + &t!("sentence-end")
}
