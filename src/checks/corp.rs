//! Checks across the rules of a corp: what makes a rule's identity ambiguous
//! (docs/planning.md: identity). After an add the server answers no groupid, so the new rule
//! is found again by its groupname: two desired rules may not share one.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

use crate::diag::Diagnostic;
use crate::load::LoadedRule;
use crate::t;

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
                t!(
                    "corp-duplicate-groupname",
                    name = name,
                    place = place(first, "/groupname")
                ),
                t!("corp-duplicate-groupname-help"),
            ));
        }
        if let Some(id) = r.rule.groupid
            && let Some(first) = seen_before(&mut by_id, id, r)
        {
            out.push(duplicate(
                r,
                "/groupid",
                "duplicate groupid",
                t!(
                    "corp-duplicate-groupid",
                    id = id,
                    place = place(first, "/groupid")
                ),
                t!("corp-duplicate-groupid-help"),
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
    help: String,
) -> Diagnostic {
    let (pos, end) = r.locate(pointer);
    Diagnostic::file_error(check, &r.file, pointer, pos, message)
        .with_end(end)
        .with_help(help)
}
