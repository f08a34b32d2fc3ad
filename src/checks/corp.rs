//! Checks across the rules of a corp: what makes a rule's identity ambiguous
//! (docs/planning.md: identity). After an add the server answers no groupid, so the new rule
//! is found again by its groupname: two desired rules may not share one.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

use crate::diag::Diagnostic;
use crate::load::LoadedRule;

pub fn check(rules: &[LoadedRule]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut by_name: HashMap<&str, &LoadedRule> = HashMap::new();
    let mut by_id: HashMap<i64, &LoadedRule> = HashMap::new();
    for r in rules {
        if let Some(name) = r.rule.groupname.as_deref()
            && let Some(first) = seen_before(&mut by_name, name, r)
        {
            out.push(duplicate(
                r,
                "/groupname",
                "duplicate groupname",
                format!(
                    "groupname \"{name}\" is also used by {}",
                    place(first, "/groupname")
                ),
                "groupnames identify rules after they are created: give each rule its own name",
            ));
        }
        if let Some(id) = r.rule.groupid
            && let Some(first) = seen_before(&mut by_id, id, r)
        {
            out.push(duplicate(
                r,
                "/groupid",
                "duplicate groupid",
                format!(
                    "groupid {id} is also pinned by {}",
                    place(first, "/groupid")
                ),
                "a live rule can be described by one file only: remove one of them",
            ));
        }
    }
    out
}

/// The rule that had `key` first, or `None` (and `r` recorded) if nobody did.
fn seen_before<'a, K: Hash + Eq>(
    seen: &mut HashMap<K, &'a LoadedRule>,
    key: K,
    r: &'a LoadedRule,
) -> Option<&'a LoadedRule> {
    match seen.entry(key) {
        Entry::Occupied(e) => Some(*e.get()),
        Entry::Vacant(e) => {
            e.insert(r);
            None
        }
    }
}

fn place(r: &LoadedRule, pointer: &str) -> String {
    let (pos, _) = r.locate(pointer);
    format!("{}:{}:{}", r.file, pos.line, pos.col)
}

fn duplicate(
    r: &LoadedRule,
    pointer: &str,
    check: &'static str,
    message: String,
    help: &str,
) -> Diagnostic {
    let (pos, end) = r.locate(pointer);
    Diagnostic::file_error(check, &r.file, pointer, pos, message)
        .with_end(end)
        .with_help(help)
}
