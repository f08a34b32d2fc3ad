//! Fingerprints of live state: per rule and for the whole, from canonical
//! forms, so a saved plan can tell that live changed since it was made (a
//! change of metadata or key order alone does not count).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::{LiveInfo, canon};
use crate::live::LiveRule;
use crate::model::Date;
use crate::model::wire::rule_to_wire;

/// FNV-1a, 64 bits: a stable fingerprint that needs no dependency.
pub(crate) fn fnv(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Fingerprints of live state, per rule and for the whole, from canonical forms
/// (so a change in metadata or key order alone does not make a plan stale).
pub fn fingerprint(live: &[LiveRule], now: i64) -> LiveInfo {
    let prepared = prepare_live(live, &HashMap::new(), Date(now).cst_day());
    fingerprint_of(live, &prepared)
}

pub(super) fn fingerprint_of(live: &[LiveRule], prepared: &[LivePre]) -> LiveInfo {
    let mut rules = BTreeMap::new();
    for (l, pre) in live.iter().zip(prepared) {
        rules.insert(l.groupid, pre.fingerprint.clone());
    }
    let all: String = rules.iter().map(|(id, f)| format!("{id}:{f};")).collect();
    LiveInfo {
        source: String::new(),
        fingerprint: fnv(all.as_bytes()),
        corpid: None,
        rules,
        rosters: BTreeMap::new(),
    }
}

/// What the plan keeps of every live rule: its fingerprint.
pub(super) struct LivePre {
    /// Of the canonical form with defaults filled.
    pub(super) fingerprint: String,
}

/// `known`: fingerprints already taken while diffing (live index → fingerprint).
pub(super) fn prepare_live(
    live: &[LiveRule],
    known: &HashMap<usize, String>,
    today: i64,
) -> Vec<LivePre> {
    use rayon::prelude::*;
    live.par_iter()
        .enumerate()
        .map(|(li, l)| LivePre {
            fingerprint: match known.get(&li) {
                Some(f) => f.clone(),
                None => live_fingerprint(&canon::canonical(rule_to_wire(&l.rule), today, true), l),
            },
        })
        .collect()
}

/// The fingerprint of a live rule, from its canonical form with defaults filled.
pub(super) fn live_fingerprint(filled: &Map<String, Value>, l: &LiveRule) -> String {
    let mut text = serde_json::to_string(filled).unwrap_or_default();
    text.push_str(l.rule.groupname.as_deref().unwrap_or_default());
    fnv(text.as_bytes())
}
