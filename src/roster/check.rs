//! A roster against the rule files: its folder names a rule, the rule is a
//! schedule rule (按班次上下班), and every cell names one of its shifts, as
//! the rule will be once the plan is applied (a renamed or removed shift
//! shows here, before any call).

use crate::diag::Diagnostic;
use crate::load::LoadedRule;
use crate::model::GroupType;
use crate::t;

use super::file::RosterFile;

/// The rest shift's name, as getcheckinschedulist answers it (schedule_id 0).
pub const REST: &str = "休息";

/// The shift names of a rule, with their schedule_id where the file pins it;
/// the rest shift (休息, 0) is always among them.
pub fn shifts(rule: &LoadedRule) -> Vec<(String, Option<i64>)> {
    let mut out: Vec<(String, Option<i64>)> = rule
        .rule
        .schedulelist
        .iter()
        .flatten()
        .filter_map(|s| Some((s.schedule_name.clone()?, s.schedule_id)))
        .collect();
    if !out.iter().any(|(n, _)| n == REST) {
        out.push((REST.to_owned(), Some(0)));
    }
    out
}

/// The rule file a roster is for: the one whose groupname is its folder's name.
pub fn rule_of<'a>(roster: &RosterFile, rules: &'a [LoadedRule]) -> Option<&'a LoadedRule> {
    rules
        .iter()
        .find(|r| r.rule.groupname.as_deref() == Some(roster.groupname.as_str()))
}

/// "早班, 晚班 or 休息".
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("{one:?}"),
        [init @ .., last] => format!(
            "{}{}{last:?}",
            init.iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(&t!("list-separator")),
            t!("shape-or")
        ),
    }
}

/// The closest name, when one is a likely typo of `got` (one edit away,
/// spaces and case ignored).
fn closest<'a>(got: &str, names: &[&'a str]) -> Option<&'a str> {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let g = squash(got);
    names
        .iter()
        .map(|n| (strsim::levenshtein(&g, &squash(n)), *n))
        .filter(|(d, _)| *d <= 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

/// Every problem of the rosters against the rules.
pub fn check(rosters: &[RosterFile], rules: &[LoadedRule]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for roster in rosters {
        let Some(rule) = rule_of(roster, rules) else {
            let names: Vec<&str> = rules
                .iter()
                .filter_map(|r| r.rule.groupname.as_deref())
                .collect();
            let help = match closest(&roster.groupname, &names) {
                Some(n) => t!("roster-rule-did-you-mean", folder = format!("{n:?}")),
                None => t!("roster-rule-help"),
            };
            out.push(
                roster
                    .problem(
                        "roster-rule",
                        t!(
                            "roster-rule-none",
                            folder = format!("{:?}", roster.groupname)
                        ),
                    )
                    .with_help(help),
            );
            continue;
        };
        if rule.rule.grouptype != Some(GroupType::SCHEDULE) {
            out.push(
                roster
                    .problem(
                        "roster-rule",
                        t!(
                            "roster-rule-not-schedule",
                            name = format!("{:?}", roster.groupname),
                            file = rule.file.as_str()
                        ),
                    )
                    .with_help(t!("roster-rule-not-schedule-help")),
            );
            continue;
        }
        let shifts = shifts(rule);
        let names: Vec<&str> = shifts.iter().map(|(n, _)| n.as_str()).collect();
        for row in &roster.rows {
            for cell in &row.cells {
                if names.contains(&cell.name.as_str()) {
                    continue;
                }
                let help = match closest(&cell.name, &names) {
                    Some(n) => t!(
                        "roster-shift-did-you-mean",
                        shift = format!("{n:?}"),
                        name = format!("{:?}", roster.groupname),
                        shifts = listed(&names)
                    ),
                    None => t!(
                        "roster-shift-help",
                        name = format!("{:?}", roster.groupname),
                        file = rule.file.as_str(),
                        shifts = listed(&names)
                    ),
                };
                out.push(
                    Diagnostic::file_error(
                        "roster-shift",
                        &roster.file,
                        "",
                        cell.at,
                        t!(
                            "roster-shift-unknown",
                            userid = row.userid.as_str(),
                            date = format!("{}-{:02}", roster.month_label(), cell.day),
                            shift = format!("{:?}", cell.name),
                            name = format!("{:?}", roster.groupname)
                        ),
                    )
                    .with_end(Some(cell.end))
                    .with_help(help),
                );
            }
        }
    }
    out
}
