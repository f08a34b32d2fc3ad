//! Which file's rule is which live rule (D1): by pinned groupid, else by
//! groupname. A pinned groupid belongs to its file whatever the names say;
//! other live rules of a managed name are duplicates or the old half of a
//! replacement, and a new rule may not take a name live already uses.

use std::collections::{BTreeSet, HashMap};

use super::rule_error;
use crate::diag::Diagnostic;
use crate::live::LiveRule;
use crate::load::LoadedRule;

/// Who is matched with whom (D1).
pub(super) struct Matching {
    /// desired index → live index.
    pub(super) pairs: HashMap<usize, usize>,
    /// Live rules a file's rule leaves behind: (desired index, live index, why).
    pub(super) leftovers: Vec<(usize, usize, Leftover)>,
    pub(super) errors: Vec<Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
}

/// Why a live rule is left over beside the one a file keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Leftover {
    /// A second live rule of the file's groupname (two applies at once, a
    /// replay): the file keeps one; `--prune` deletes the others.
    Duplicate,
    /// The old rule of a replacement that added the new one and was stopped
    /// before deleting the old: `--allow-replace` finishes it.
    Replaced,
}

pub(super) fn match_rules(desired: &[LoadedRule], live: &[LiveRule]) -> Matching {
    let mut m = Matching {
        pairs: HashMap::new(),
        leftovers: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let by_id: HashMap<i64, usize> = live
        .iter()
        .enumerate()
        .map(|(i, l)| (l.groupid, i))
        .collect();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (li, l) in live.iter().enumerate() {
        by_name
            .entry(l.rule.groupname.as_deref().unwrap_or_default())
            .or_default()
            .push(li);
    }
    // A pinned groupid belongs to its file, whatever the name pass finds.
    let mut taken: BTreeSet<usize> = desired
        .iter()
        .filter_map(|d| d.rule.groupid.and_then(|id| by_id.get(&id).copied()))
        .collect();
    let name_of = |d: &LoadedRule| d.rule.groupname.as_deref().unwrap_or_default().to_owned();
    // The unmatched live rules of a name, the one to keep first: of the
    // desired grouptype (a finished half of a replacement), then the oldest.
    let candidates = |name: &str, grouptype, taken: &BTreeSet<usize>| {
        let mut c: Vec<usize> = by_name
            .get(name)
            .into_iter()
            .flatten()
            .copied()
            .filter(|li| !taken.contains(li))
            .collect();
        c.sort_by_key(|&li| {
            let l = &live[li];
            (
                l.rule.grouptype != grouptype,
                l.meta.create_time.unwrap_or(i64::MAX),
                l.groupid,
            )
        });
        c
    };
    for (di, d) in desired.iter().enumerate() {
        let Some(id) = d.rule.groupid else { continue };
        let name = name_of(d);
        match by_id.get(&id) {
            Some(&li) if live[li].rule.grouptype != d.rule.grouptype => {
                // An interrupted replacement: the new rule was added, the
                // old (pinned) one not yet deleted.
                match candidates(&name, d.rule.grouptype, &taken).first() {
                    Some(&new) if live[new].rule.grouptype == d.rule.grouptype => {
                        m.pairs.insert(di, new);
                        taken.insert(new);
                        m.leftovers.push((di, li, Leftover::Replaced));
                    }
                    _ => {
                        m.pairs.insert(di, li);
                    }
                }
            }
            Some(&li) => {
                m.pairs.insert(di, li);
            }
            None => match candidates(&name, d.rule.grouptype, &taken).as_slice() {
                // A replacement finished but the file still pins the old groupid.
                [only, ..] if live[*only].rule.grouptype == d.rule.grouptype => {
                    m.pairs.insert(di, *only);
                    taken.insert(*only);
                    m.warnings.push(rule_error(
                        d,
                        "/groupid",
                        "pinned groupid",
                        crate::t!(
                            "plan-pinned-renamed",
                            groupid = id,
                            live = live[*only].groupid
                        ),
                        &crate::t!("plan-pinned-renamed-help"),
                    ));
                }
                _ => m.errors.push(rule_error(
                    d,
                    "/groupid",
                    "pinned groupid",
                    crate::t!("plan-pinned-missing", groupid = id),
                    &crate::t!("plan-pinned-missing-help"),
                )),
            },
        }
    }
    for (di, d) in desired.iter().enumerate() {
        if d.rule.groupid.is_some() {
            continue;
        }
        if let Some(&keep) = candidates(&name_of(d), d.rule.grouptype, &taken).first() {
            m.pairs.insert(di, keep);
            taken.insert(keep);
        }
    }
    // After the plan, every name must identify one rule (D1): other live
    // rules of a managed name are duplicates the file does not keep.
    for (di, d) in desired.iter().enumerate() {
        if !m.pairs.contains_key(&di) {
            continue;
        }
        for extra in candidates(&name_of(d), d.rule.grouptype, &taken) {
            taken.insert(extra);
            m.leftovers.push((di, extra, Leftover::Duplicate));
        }
    }
    // A new rule must not take a name live already uses (the add is found by it).
    for (di, d) in desired.iter().enumerate() {
        if m.pairs.contains_key(&di) {
            continue;
        }
        let name = name_of(d);
        if let Some(li) = by_name.get(name.as_str()).into_iter().flatten().next() {
            m.errors.push(rule_error(
                d,
                "/groupname",
                "groupname collision",
                crate::t!(
                    "plan-name-collision",
                    name = name.as_str(),
                    groupid = live[*li].groupid
                ),
                &crate::t!("plan-name-collision-help"),
            ));
        }
    }
    m
}
