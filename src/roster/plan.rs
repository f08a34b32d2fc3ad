//! A roster file against the live roster: the managed cells that differ,
//! as setcheckinschedulist calls grouped by rule and month, their items in
//! batches. Days before today are history: never sent, and a differing one
//! is warned about, as special days are.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::client::Write;
use crate::client::write::{ScheduleItem, SetScheduleList};
use crate::diag::{Diagnostic, Severity};
use crate::live::LiveRule;
use crate::load::LoadedRule;
use crate::model::Date;
use crate::plan::{Action, Call, Plan};
use crate::t;
use serde::{Deserialize, Serialize};

use super::check::{REST, rule_of, shifts};
use super::file::RosterFile;
use super::live::{Cells, fingerprint};

/// Items per setcheckinschedulist call unless `--roster-batch` says otherwise.
/// The documents give no limit; this is the tool's choice (docs/rosters.md).
pub const DEFAULT_BATCH: usize = 200;

/// One cell to set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellChange {
    pub userid: String,
    pub day: u8,
    /// The live shift's name, or none when live has no shift that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    pub new: String,
    pub schedule_id: i64,
}

/// One roster file's entry in a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterPlan {
    pub groupname: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupid: Option<i64>,
    /// 202612.
    pub yearmonth: u32,
    /// The people in the file: whose live roster the plan read.
    pub users: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<CellChange>,
    /// Cells before today that differ from live: history, never sent.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub history: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl RosterPlan {
    /// `2026-12`.
    pub fn month(&self) -> String {
        format!("{:04}-{:02}", self.yearmonth / 100, self.yearmonth % 100)
    }

    /// The key of its live fingerprint in the plan: `groupid/yearmonth`.
    pub fn key(&self) -> Option<String> {
        self.groupid.map(|id| format!("{id}/{}", self.yearmonth))
    }
}

/// The CST day number of a roster cell.
fn day_of(yearmonth: u32, day: u8) -> Option<i64> {
    let ymd = format!("{:04}-{:02}-{day:02}", yearmonth / 100, yearmonth % 100);
    Date::parse(&ymd).map(Date::cst_day)
}

/// Where the shift names of a rule point: the file's schedule_id, else the
/// live rule's shift of that name.
fn shift_ids(rule: &LoadedRule, live: Option<&LiveRule>) -> BTreeMap<String, Option<i64>> {
    let live_ids: BTreeMap<String, i64> = live
        .and_then(|l| l.rule.schedulelist.as_ref())
        .into_iter()
        .flatten()
        .filter_map(|s| Some((s.schedule_name.clone()?, s.schedule_id?)))
        .collect();
    shifts(rule)
        .into_iter()
        .map(|(name, id)| {
            let id = id.or_else(|| live_ids.get(&name).copied());
            let id = if name == REST { Some(0) } else { id };
            (name, id)
        })
        .collect()
}

/// What a roster needs before its live cells are read: the rule's groupid,
/// or why it cannot be planned in this run.
pub fn target(plan: &Plan, roster: &RosterFile) -> Result<i64, String> {
    let entry = plan
        .rules
        .iter()
        .find(|r| r.groupname == roster.groupname && r.file.is_some());
    match entry {
        None => Err(t!("roster-target-no-rule")),
        Some(r) if matches!(r.action, Action::Add | Action::Replace) => Err(t!(
            "roster-target-new",
            action = if r.action == Action::Add {
                "add"
            } else {
                "replace"
            }
        )),
        Some(r) if r.action == Action::Blocked => Err(t!("roster-target-blocked")),
        Some(r) => r.groupid.ok_or_else(|| t!("roster-target-no-groupid")),
    }
}

/// Plans one roster against its live cells; adds its entry, its calls and
/// its live fingerprint to `plan`.
#[allow(clippy::too_many_arguments)]
pub fn plan_one(
    plan: &mut Plan,
    roster: &RosterFile,
    rules: &[LoadedRule],
    live: &[LiveRule],
    groupid: i64,
    cells: &Cells,
    today: i64,
    batch: usize,
) {
    let mut entry = entry(roster, Some(groupid));
    let ids = rule_of(roster, rules)
        .map(|r| shift_ids(r, live.iter().find(|l| l.groupid == groupid)))
        .unwrap_or_default();
    let mut unknown_ids = BTreeSet::new();
    for row in &roster.rows {
        for cell in &row.cells {
            let Some(Some(id)) = ids.get(&cell.name) else {
                unknown_ids.insert(cell.name.clone());
                continue;
            };
            let was = cells.get(&(row.userid.clone(), cell.day));
            if was.is_some_and(|s| s.schedule_id == *id) {
                continue;
            }
            if day_of(roster.yearmonth(), cell.day).is_none_or(|d| d < today) {
                entry.history += 1;
                continue;
            }
            entry.changes.push(CellChange {
                userid: row.userid.clone(),
                day: cell.day,
                old: was.map(|s| s.name.clone()),
                new: cell.name.clone(),
                schedule_id: *id,
            });
        }
    }
    for name in &unknown_ids {
        plan.errors.push(roster_diag(
            roster,
            Severity::Error,
            t!("roster-no-schedule-id", shift = format!("{name:?}")),
            &t!("roster-no-schedule-id-help"),
        ));
    }
    if entry.history > 0 {
        plan.warnings.push(roster_diag(
            roster,
            Severity::Warning,
            t!("roster-history", cells = entry.history),
            &t!("roster-history-help"),
        ));
    }
    entry
        .changes
        .sort_by(|a, b| (&a.userid, a.day).cmp(&(&b.userid, b.day)));
    for items in entry.changes.chunks(batch.max(1)) {
        plan.calls.push(set_call(
            &roster.groupname,
            groupid,
            roster.yearmonth(),
            items,
        ));
    }
    if !entry.changes.is_empty() {
        plan.summary.rosters += 1;
    }
    plan.live.rosters.insert(
        format!("{groupid}/{}", roster.yearmonth()),
        fingerprint(cells),
    );
    plan.rosters.push(entry);
}

/// An entry that is not compared (the rule has no groupid yet, or live
/// rosters cannot be read): the reason is its note.
pub fn not_planned(plan: &mut Plan, roster: &RosterFile, why: String) {
    let mut e = entry(roster, None);
    plan.warnings.push(roster_diag(
        roster,
        Severity::Warning,
        t!("roster-not-compared", why = why.as_str()),
        &t!("roster-not-compared-help"),
    ));
    e.notes.push(why);
    plan.rosters.push(e);
}

fn entry(roster: &RosterFile, groupid: Option<i64>) -> RosterPlan {
    RosterPlan {
        groupname: roster.groupname.clone(),
        file: roster.file.clone(),
        groupid,
        yearmonth: roster.yearmonth(),
        users: roster.rows.iter().map(|r| r.userid.clone()).collect(),
        changes: Vec::new(),
        history: 0,
        notes: Vec::new(),
    }
}

fn roster_diag(roster: &RosterFile, severity: Severity, message: String, help: &str) -> Diagnostic {
    let mut d = roster.problem("roster-plan", message).with_help(help);
    d.severity = severity;
    d
}

/// Cells set by calls: (groupid, yearmonth, userid, day) → schedule_id.
pub type SetCells = BTreeMap<(i64, u32, String, u8), i64>;

/// setcheckinschedulist for some cells of one rule and month.
pub fn set_call(groupname: &str, groupid: i64, yearmonth: u32, items: &[CellChange]) -> Call {
    let items = items
        .iter()
        .map(|c| ScheduleItem {
            userid: c.userid.clone(),
            day: c.day,
            schedule_id: c.schedule_id,
        })
        .collect();
    Call {
        rule: groupname.to_owned(),
        write: Write::SetSchedule(SetScheduleList {
            groupid,
            items,
            yearmonth,
        }),
    }
}

/// The roster writes among a plan's calls, with the rule each is labelled for.
fn roster_writes(plan: &Plan) -> impl Iterator<Item = (&str, &SetScheduleList)> {
    plan.calls.iter().filter_map(|c| match &c.write {
        Write::SetSchedule(set) => Some((c.rule.as_str(), set)),
        _ => None,
    })
}

/// What a saved plan's roster calls must be: exactly the cells its roster
/// entries show, each once. Returns the reasons it is not.
pub fn audit(plan: &Plan) -> Vec<String> {
    let mut reasons = Vec::new();
    let mut sent = SetCells::new();
    let mut items = 0;
    for (rule, set) in roster_writes(plan) {
        let entry = plan.rosters.iter().find(|r| {
            r.groupid == Some(set.groupid) && r.yearmonth == set.yearmonth && r.groupname == rule
        });
        if entry.is_none() {
            reasons.push(t!(
                "roster-audit-no-entry",
                rule = rule,
                groupid = set.groupid,
                yearmonth = set.yearmonth.to_string()
            ));
        }
        items += set.items.len();
        for item in &set.items {
            sent.insert(
                (set.groupid, set.yearmonth, item.userid.clone(), item.day),
                item.schedule_id,
            );
        }
    }
    let mut shown = BTreeMap::new();
    for r in &plan.rosters {
        for c in &r.changes {
            let Some(id) = r.groupid else {
                return vec![t!(
                    "roster-audit-no-groupid",
                    file = r.file.as_str(),
                    month = r.month()
                )];
            };
            shown.insert((id, r.yearmonth, c.userid.clone(), c.day), c.schedule_id);
        }
    }
    if items != sent.len() {
        reasons.push(t!("roster-audit-twice"));
    }
    for (k, id) in &sent {
        if shown.get(k) != Some(id) {
            reasons.push(t!(
                "roster-audit-not-shown",
                userid = k.2.as_str(),
                day = usize::from(k.3),
                yearmonth = k.1.to_string(),
                groupid = k.0,
                id = *id
            ));
        }
    }
    for k in shown.keys().filter(|k| !sent.contains_key(*k)) {
        reasons.push(t!(
            "roster-audit-not-sent",
            userid = k.2.as_str(),
            day = usize::from(k.3),
            yearmonth = k.1.to_string(),
            groupid = k.0
        ));
    }
    reasons
}

/// The changed days of each person, in a line: "3 早班 → 晚班 · 4 (none) → 早班".
fn person_lines(r: &RosterPlan) -> Vec<(String, String)> {
    let mut by_user: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let none = t!("roster-no-shift");
    for c in &r.changes {
        by_user.entry(&c.userid).or_default().push(format!(
            "{} {} → {}",
            c.day,
            c.old.as_deref().unwrap_or(&none),
            c.new
        ));
    }
    by_user
        .into_iter()
        .map(|(u, days)| (u.to_owned(), days.join(" · ")))
        .collect()
}

fn title(r: &RosterPlan) -> String {
    match r.groupid {
        Some(id) => t!(
            "roster-title-id",
            name = r.groupname.as_str(),
            month = r.month(),
            groupid = id,
            file = r.file.as_str()
        ),
        None => t!(
            "roster-title",
            name = r.groupname.as_str(),
            month = r.month(),
            file = r.file.as_str()
        ),
    }
}

fn counted(r: &RosterPlan) -> String {
    let people: BTreeSet<&str> = r.changes.iter().map(|c| c.userid.as_str()).collect();
    t!(
        "roster-counted",
        cells = r.changes.len(),
        people = people.len()
    )
}

/// The rosters part of the text plan: every changed cell, per person.
pub fn text(p: &Plan, out: &mut String) {
    for r in p
        .rosters
        .iter()
        .filter(|r| !r.changes.is_empty() || !r.notes.is_empty())
    {
        let head = if r.changes.is_empty() {
            format!("? {}", title(r))
        } else {
            format!(
                "~ {}",
                t!("roster-set", title = title(r), counted = counted(r))
            )
        };
        let _ = writeln!(out, "{}", crate::escape::text(&head));
        for note in &r.notes {
            let _ = writeln!(out, "    {}", crate::escape::text(note));
        }
        let width = r
            .changes
            .iter()
            .map(|c| c.userid.chars().count())
            .max()
            .unwrap_or(0);
        for (user, days) in person_lines(r) {
            let pad = width - user.chars().count();
            let _ = writeln!(
                out,
                "    {}{}  {}",
                crate::escape::text(&user),
                " ".repeat(pad),
                crate::escape::text(&days)
            );
        }
        out.push('\n');
    }
}

/// The rosters part of the markdown plan: a grid per roster, a row per
/// person and a column per changed day, each cell "old → new".
pub fn markdown(p: &Plan) -> Vec<String> {
    let cell = |s: &str| crate::escape::markdown(&crate::escape::text(s)).replace('|', "\\|");
    let mut sections = Vec::new();
    for r in p
        .rosters
        .iter()
        .filter(|r| !r.changes.is_empty() || !r.notes.is_empty())
    {
        let mut body = String::new();
        for note in &r.notes {
            let _ = writeln!(body, "{}\n", cell(note));
        }
        if !r.changes.is_empty() {
            let days: BTreeSet<u8> = r.changes.iter().map(|c| c.day).collect();
            let users: BTreeSet<&str> = r.changes.iter().map(|c| c.userid.as_str()).collect();
            let _ = writeln!(
                body,
                "| userid | {} |\n| --- |{}",
                days.iter()
                    .map(|d| format!("{}-{d:02}", &r.month()[5..]))
                    .collect::<Vec<_>>()
                    .join(" | "),
                " --- |".repeat(days.len())
            );
            for u in users {
                let row: Vec<String> = days
                    .iter()
                    .map(|d| {
                        r.changes
                            .iter()
                            .find(|c| c.userid == u && c.day == *d)
                            .map(|c| {
                                format!(
                                    "{} → **{}**",
                                    cell(c.old.as_deref().unwrap_or("—")),
                                    cell(&c.new)
                                )
                            })
                            .unwrap_or_default()
                    })
                    .collect();
                let _ = writeln!(body, "| {} | {} |", cell(u), row.join(" | "));
            }
        }
        let summary = if r.changes.is_empty() {
            format!("? {}", title(r))
        } else {
            format!(
                "🗓️ {}",
                t!("roster-set", title = title(r), counted = counted(r))
            )
        };
        sections.push(format!(
            "<details><summary>{}</summary>\n\n{body}\n</details>\n",
            crate::escape::html(&summary)
        ));
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    /// A day live has no shift for is said as such, in the plan's language.
    #[test]
    fn a_day_without_a_live_shift() {
        let plan = RosterPlan {
            groupname: "门店".into(),
            file: "rosters/门店/2026-12.csv".into(),
            groupid: Some(1),
            yearmonth: 202612,
            users: vec!["u001".into()],
            changes: vec![CellChange {
                userid: "u001".into(),
                day: 4,
                old: None,
                new: "早班".into(),
                schedule_id: 1,
            }],
            history: 0,
            notes: Vec::new(),
        };
        let line = |lang| with_lang(lang, || person_lines(&plan))[0].1.clone();
        assert_eq!(line(Lang::En), "4 (none) → 早班");
        assert_eq!(line(Lang::ZhCn), "4 （无） → 早班");
    }
}
