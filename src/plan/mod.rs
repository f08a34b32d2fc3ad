//! The plan: the rules in git diffed against live state, as the exact API
//! calls that reconcile them (docs/planning.md).
//!
//! - Matching (D1): by pinned groupid, else by groupname. Unmatched desired
//!   rules are added; unmatched live rules are "not managed here", deleted
//!   only with `--prune`.
//! - Changes are judged on canonical forms ([`canon`]): an unchanged rule
//!   plans as no change, whatever the read shape.
//! - Calls (D2): one update per rule with each changed top-level field whole,
//!   then one clear_checkin_option_array_field for the arrays that must become
//!   empty. Update before clear, so Wi-Fi and locations are never both empty.
//!   Emptying any other array cannot be expressed: an error with advice.
//! - A grouptype change is a replacement (delete + add), refused without
//!   `--allow-replace`. readonly rules are compared, never written (D5).
//! - Validation is plan-aware (D4): a rule's errors block the plan only in
//!   fields the plan sends; in unchanged fields they are warnings.

pub mod audit;
pub mod canon;
pub mod card;
pub mod describe;
pub mod render;
pub mod times;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::checks;
use crate::client::write::{AddRule, ClearArrays, DeleteRule, UpdateGroup, UpdateRule};
use crate::client::{ClearField, Endpoint, Write};
use crate::diag::{Diagnostic, Severity};
use crate::live::LiveRule;
use crate::load::LoadedRule;
use crate::model::wire::rule_to_wire;
use crate::model::{Date, GroupType};

/// Bumped whenever the JSON plan changes incompatibly (2: bound to its corp,
/// day, options and content).
pub const FORMAT_VERSION: u32 = 2;

#[derive(Clone, Debug)]
pub struct Options {
    pub prune: bool,
    pub allow_replace: bool,
    /// Unix time of "now" (special days before today are history).
    pub now: i64,
    /// `--effective-now`: every change takes effect today.
    pub effective_now: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Add,
    Update,
    /// Only arrays to empty (clear_checkin_option_array_field).
    Clear,
    Replace,
    Delete,
    Unchanged,
    /// A readonly rule that differs from live: reported, never written.
    Drift,
    /// A live rule no file describes, left alone (without --prune).
    NotManaged,
    /// The rule cannot be planned (see the plan's errors).
    Blocked,
}

/// One field-level change, in readable units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RulePlan {
    pub groupname: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groupid: Option<i64>,
    pub action: Action,
    /// Why this action, in a sentence.
    pub reason: String,
    pub effective_now: bool,
    /// The day (China Standard Time) the rule's calls take effect, for the
    /// rules that have calls: tomorrow, or today with effective_now.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub takes_effect: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub changes: Vec<Change>,
    /// Arrays emptied with clear_checkin_option_array_field.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub clear: Vec<String>,
    /// Fields the live answer does not show (older read shape): not compared.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub unknown: Vec<String>,
    /// Fields without a default that the file leaves out: left as live has them.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub unmanaged: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub notes: Vec<String>,
    /// The working day drawn for the reviewer: an added rule's, or before
    /// and after for a rule whose times change.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub times: Vec<times::Day>,
}

/// One API call, exactly as apply makes it (the token is added by the client).
/// Saved as `rule`, `endpoint` and `body`, the request as sent; a body the
/// tool would not send fails when the plan is read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SavedCall", into = "SavedCall")]
pub struct Call {
    /// groupname of the rule the call is for.
    pub rule: String,
    pub write: Write,
}

impl Call {
    pub fn endpoint(&self) -> Endpoint {
        self.write.endpoint()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedCall {
    rule: String,
    endpoint: Endpoint,
    body: Value,
}

impl TryFrom<SavedCall> for Call {
    type Error = String;

    fn try_from(saved: SavedCall) -> Result<Self, String> {
        let write = Write::from_parts(saved.endpoint, saved.body)
            .map_err(|e| format!("the call for {:?}: {e}", saved.rule))?;
        Ok(Call {
            rule: saved.rule,
            write,
        })
    }
}

impl From<Call> for SavedCall {
    fn from(call: Call) -> Self {
        SavedCall {
            rule: call.rule,
            endpoint: call.write.endpoint(),
            body: call.write.body(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub add: usize,
    pub update: usize,
    pub clear: usize,
    pub delete: usize,
    pub replace: usize,
    pub unchanged: usize,
    pub drift: usize,
    pub not_managed: usize,
    /// Roster files (rule and month) with cells to set.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rosters: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveInfo {
    /// Where live state came from: a file, or the API's base URL (never with
    /// a user name or password: such a base is refused before any call).
    pub source: String,
    /// The corp whose live state this is, when known (WECOM_CORPID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpid: Option<String>,
    /// Fingerprint of the whole live state the plan was computed from.
    pub fingerprint: String,
    /// Fingerprint of each live rule, by groupid.
    pub rules: BTreeMap<i64, String>,
    /// Fingerprint of the live roster of the people of each roster file,
    /// by `groupid/yearmonth`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rosters: BTreeMap<String, String>,
}

/// What the plan was made with: a saved plan's deletes and replacements are
/// allowed only when these say so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Made {
    pub prune: bool,
    pub allow_replace: bool,
    pub effective_now: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub format_version: u32,
    /// "Now" as the plan saw it (RFC 3339, China Standard Time).
    pub now: String,
    /// The day (China Standard Time) the plan is for: a saved plan is applied
    /// that day or not at all (special days and effective dates depend on it).
    pub day: String,
    pub made_with: Made,
    pub live: LiveInfo,
    /// The git commit of the rules, when they are in a git work tree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    pub summary: Counts,
    pub rules: Vec<RulePlan>,
    /// Roster files (docs/rosters.md): the cells each sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rosters: Vec<crate::roster::plan::RosterPlan>,
    /// The calls apply makes, in order (none when the plan is blocked).
    pub calls: Vec<Call>,
    /// Whether errors refused the plan.
    pub blocked: bool,
    #[serde(skip_serializing_if = "Vec::is_empty", skip_deserializing)]
    pub errors: Vec<Diagnostic>,
    #[serde(skip_serializing_if = "Vec::is_empty", skip_deserializing)]
    pub warnings: Vec<Diagnostic>,
    /// SHA-256 over everything above but the diagnostics: an edit after the
    /// plan was made shows (see [`digest`]).
    #[serde(default)]
    pub digest: String,
}

/// The digest of a plan: SHA-256 of its JSON without `digest`, `errors` and
/// `warnings` (diagnostics are for people; apply never reads them).
pub fn digest(plan: &Plan) -> String {
    use sha2::{Digest, Sha256};
    let mut value = serde_json::to_value(plan).unwrap_or_default();
    if let Value::Object(obj) = &mut value {
        for key in ["digest", "errors", "warnings"] {
            obj.shift_remove(key);
        }
    }
    let hash = Sha256::digest(value.to_string().as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

impl Plan {
    pub fn has_changes(&self) -> bool {
        !self.calls.is_empty()
    }

    pub fn is_blocked(&self) -> bool {
        self.blocked
    }
}

impl RulePlan {
    /// The entry of a live rule no file keeps (not managed, a duplicate, the
    /// old half of a replacement): no file, no changes.
    fn live_only(l: &LiveRule, action: Action, reason: String, effective_now: bool) -> Self {
        let name = l.rule.groupname.clone().unwrap_or_default();
        let mut rp = RulePlan::new(name, None, action, reason, effective_now);
        rp.groupid = Some(l.groupid);
        rp
    }

    /// An entry with nothing found yet: no groupid, changes or notes.
    fn new(
        groupname: String,
        file: Option<String>,
        action: Action,
        reason: String,
        effective_now: bool,
    ) -> Self {
        RulePlan {
            groupname,
            file,
            groupid: None,
            action,
            reason,
            effective_now,
            takes_effect: None,
            changes: Vec::new(),
            clear: Vec::new(),
            unknown: Vec::new(),
            unmanaged: Vec::new(),
            notes: Vec::new(),
            times: Vec::new(),
        }
    }
}

/// del_checkin_option for the live rule `l`.
fn delete_call(l: &LiveRule, effective_now: bool) -> Call {
    Call {
        rule: l.rule.groupname.clone().unwrap_or_default(),
        write: Write::Delete(DeleteRule {
            groupid: l.groupid,
            effective_now,
        }),
    }
}

/// add_checkin_option for a whole rule (`group`: its wire form).
fn add_call(name: &str, effective_now: bool, group: Map<String, Value>) -> Call {
    Call {
        rule: name.to_owned(),
        write: Write::Add(AddRule {
            effective_now,
            group,
        }),
    }
}

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

fn fingerprint_of(live: &[LiveRule], prepared: &[LivePre]) -> LiveInfo {
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
struct LivePre {
    /// Of the canonical form with defaults filled.
    fingerprint: String,
}

/// `known`: fingerprints already taken while diffing (live index → fingerprint).
fn prepare_live(live: &[LiveRule], known: &HashMap<usize, String>, today: i64) -> Vec<LivePre> {
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
fn live_fingerprint(filled: &Map<String, Value>, l: &LiveRule) -> String {
    let mut text = serde_json::to_string(filled).unwrap_or_default();
    text.push_str(l.rule.groupname.as_deref().unwrap_or_default());
    fnv(text.as_bytes())
}

/// The canonical form of a live rule as compared: defaults filled only for
/// modern answers, whose missing fields are empty (D3).
fn live_compared(l: &LiveRule, today: i64) -> Map<String, Value> {
    canon::canonical(rule_to_wire(&l.rule), today, !l.legacy_shape)
}

/// What the plan needs of a desired rule: its checks, and its diff with the
/// live rule it matches. Computed for all rules in parallel; the canonical
/// forms are dropped as soon as they are compared (a large corp would hold
/// two JSON trees per rule otherwise).
struct DesiredPre {
    diagnostics: Vec<Diagnostic>,
    diff: Option<RuleDiff>,
    /// The matched live rule's fingerprint, taken from the canonical form
    /// the diff compared (a modern answer's: the same form), so that each
    /// live rule is made canonical once.
    live_fingerprint: Option<(usize, String)>,
}

fn prepare_desired(
    desired: &[LoadedRule],
    live: &[LiveRule],
    pairs: &HashMap<usize, usize>,
    now: i64,
    today: i64,
) -> Vec<DesiredPre> {
    use rayon::prelude::*;
    desired
        .par_iter()
        .enumerate()
        .map(|(di, d)| {
            let mut live_fingerprint = None;
            let diff = pairs.get(&di).map(|&li| {
                let l = &live[li];
                let lc = live_compared(l, today);
                if !l.legacy_shape {
                    live_fingerprint = Some((li, self::live_fingerprint(&lc, l)));
                }
                diff_rule(d, l, lc, today)
            });
            DesiredPre {
                diagnostics: checks::check_rule(d, now),
                diff,
                live_fingerprint,
            }
        })
        .collect()
}

/// Who is matched with whom (D1).
struct Matching {
    /// desired index → live index.
    pairs: HashMap<usize, usize>,
    /// Live rules a file's rule leaves behind: (desired index, live index, why).
    leftovers: Vec<(usize, usize, Leftover)>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// Why a live rule is left over beside the one a file keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Leftover {
    /// A second live rule of the file's groupname (two applies at once, a
    /// replay): the file keeps one; `--prune` deletes the others.
    Duplicate,
    /// The old rule of a replacement that added the new one and was stopped
    /// before deleting the old: `--allow-replace` finishes it.
    Replaced,
}

fn match_rules(desired: &[LoadedRule], live: &[LiveRule]) -> Matching {
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
                        format!(
                            "groupid {id} is pinned but no live rule has it; live rule {} has this groupname, and the file is matched with it",
                            live[*only].groupid
                        ),
                        "pin the new groupid in the file (`apply --write-ids` writes it after a replacement)",
                    ));
                }
                _ => m.errors.push(rule_error(
                    d,
                    "/groupid",
                    "pinned groupid",
                    format!("groupid {id} is pinned but no live rule has it (deleted in the admin console?)"),
                    "remove `groupid` to create the rule anew, or pin the groupid of the live rule it describes",
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
                format!(
                    "groupname \"{name}\" is also the name of live rule {}, which another file describes",
                    live[*li].groupid
                ),
                "rename one of them: after an add the tool finds the new rule by its name",
            ));
        }
    }
    m
}

fn rule_error(
    d: &LoadedRule,
    pointer: &str,
    check: &'static str,
    message: String,
    help: &str,
) -> Diagnostic {
    let (pos, end) = d.locate(pointer);
    Diagnostic::file_error(check, &d.file, pointer, pos, message)
        .with_end(end)
        .with_help(help)
}

/// Builds the plan. `desired` must have loaded without errors.
pub fn build(desired: &[LoadedRule], live: &[LiveRule], opts: &Options) -> Plan {
    let today = Date(opts.now).cst_day();
    let Matching {
        pairs,
        leftovers,
        mut errors,
        mut warnings,
    } = match_rules(desired, live);
    let mut rules = Vec::new();
    let mut calls = Vec::new();
    let mut counts = Counts::default();
    let matched_live: BTreeSet<usize> = pairs
        .values()
        .copied()
        .chain(leftovers.iter().map(|(_, li, _)| *li))
        .collect();
    let mut desired_pre = prepare_desired(desired, live, &pairs, opts.now, today);
    let known: HashMap<usize, String> = desired_pre
        .iter_mut()
        .filter_map(|p| p.live_fingerprint.take())
        .collect();
    let live_pre = prepare_live(live, &known, today);

    for (di, d) in desired.iter().enumerate() {
        let effective_now = opts.effective_now || d.rule.effective_now == Some(true);
        let name = d.rule.groupname.clone().unwrap_or_default();
        let pre = &mut desired_pre[di];
        let diagnostics = &pre.diagnostics;
        let mut rp = RulePlan::new(
            name.clone(),
            Some(d.file.clone()),
            Action::Unchanged,
            String::new(),
            effective_now,
        );
        let Some(&li) = pairs.get(&di) else {
            // Unmatched: a new rule, every field sent.
            let body_group = sendable(d, today);
            rp.action = Action::Add;
            rp.reason = "no live rule has this groupid or groupname".into();
            rp.changes = describe::new_rule(&body_group);
            rp.times = times::days("after", &body_group);
            classify(diagnostics, |_| true, &mut errors, &mut warnings);
            if d.rule.readonly == Some(true) {
                errors.push(rule_error(
                    d,
                    "/readonly",
                    "readonly rule missing",
                    format!("readonly rule \"{name}\" does not exist live"),
                    "a readonly rule documents a live rule: pin its groupid, or remove `readonly`",
                ));
                rp.action = Action::Blocked;
            } else {
                calls.push(add_call(&name, effective_now, body_group));
                counts.add += 1;
            }
            rules.push(rp);
            continue;
        };
        let l = &live[li];
        rp.groupid = Some(l.groupid);
        rp.notes.extend(l.notes.iter().cloned());
        if d.rule.grouptype != l.rule.grouptype {
            let (from, to) = (
                l.rule.grouptype.unwrap_or(GroupType(0)),
                d.rule.grouptype.unwrap_or(GroupType(0)),
            );
            rp.reason = format!(
                "grouptype {from} → {to} cannot be updated: the rule is added anew, then the old one deleted (a new groupid; attendance history stays with the old one)"
            );
            if d.rule.readonly == Some(true) {
                rp.action = Action::Drift;
                counts.drift += 1;
            } else if !opts.allow_replace {
                rp.action = Action::Blocked;
                errors.push(rule_error(
                    d,
                    "/grouptype",
                    "grouptype change",
                    format!("changing grouptype {from} → {to} replaces the rule (add the new, then delete the old)"),
                    "run with --allow-replace if that is what you want, or keep the grouptype",
                ));
            } else {
                classify(diagnostics, |_| true, &mut errors, &mut warnings);
                rp.action = Action::Replace;
                let body_group = sendable(d, today);
                rp.changes = describe::new_rule(&body_group);
                rp.times = times::days("before", &live_compared(l, today));
                rp.times.extend(times::days("after", &body_group));
                // Add first, then delete the old rule: people are never left
                // without a rule; a stop in between is finished by the next apply.
                calls.push(add_call(&name, effective_now, body_group));
                calls.push(delete_call(l, effective_now));
                counts.replace += 1;
                counts.delete += 1;
            }
            rules.push(rp);
            continue;
        }
        let diff = pre
            .diff
            .take()
            .unwrap_or_else(|| diff_rule(d, l, live_compared(l, today), today));
        rp.changes = diff.changes;
        rp.clear = diff.clear.iter().map(|f| f.field().to_owned()).collect();
        rp.unknown = diff.unknown;
        rp.unmanaged = diff.unmanaged;
        rp.times = diff.times;
        for (field, message) in &diff.inexpressible {
            errors.push(rule_error(d, &format!("/{field}"), "not expressible", message.clone(), "the API cannot empty this field: keep at least one entry, or change it in the admin console (then `wecom-checkin pull` to record it)"));
        }
        // A readonly rule is never written, so nothing of it can be erased.
        let erases = if d.rule.readonly == Some(true) {
            &[][..]
        } else {
            &diff.erases[..]
        };
        for (field, lost) in erases {
            errors.push(rule_error(
                d,
                &format!("/{field}"),
                "would erase live settings",
                format!(
                    "sending {field} would erase what live holds at {} and this file does not",
                    lost.join(", ")
                ),
                "these are settings newer than this file (made in the admin console, or fields this version does not know): run `wecom-checkin import --force` for this rule, or copy them into the file from `wecom-checkin pull`; to switch one off, write it with its off value (e.g. enable_weekday_recurrence: false)",
            ));
        }
        let changed =
            !diff.update.is_empty() || !diff.clear.is_empty() || !diff.inexpressible.is_empty();
        if d.rule.readonly == Some(true) {
            classify(diagnostics, |_| false, &mut errors, &mut warnings);
            rp.action = if changed {
                Action::Drift
            } else {
                Action::Unchanged
            };
            rp.reason = if changed {
                "readonly: live differs from the file; never written".into()
            } else {
                "readonly: live matches the file".into()
            };
            if changed {
                counts.drift += 1;
            } else {
                counts.unchanged += 1;
            }
            rules.push(rp);
            continue;
        }
        let sent: BTreeSet<String> = diff.update.keys().cloned().collect();
        classify(
            diagnostics,
            |top| sent.contains(top),
            &mut errors,
            &mut warnings,
        );
        if !changed {
            rp.reason = "live matches the file".into();
            counts.unchanged += 1;
        } else if !diff.inexpressible.is_empty() {
            rp.action = Action::Blocked;
            rp.reason = "a change the API cannot express".into();
        } else if !diff.erases.is_empty() {
            rp.action = Action::Blocked;
            rp.reason = "the update would erase live settings the file does not have".into();
        } else {
            rp.action = if diff.update.is_empty() {
                Action::Clear
            } else {
                Action::Update
            };
            rp.reason = format!(
                "{} changed",
                plural(
                    rp.changes
                        .iter()
                        .map(|c| top_field(&c.field))
                        .collect::<BTreeSet<_>>()
                        .len(),
                    "field"
                )
            );
            if !diff.update.is_empty() {
                calls.push(Call {
                    rule: name.clone(),
                    write: Write::Update(UpdateRule {
                        effective_now,
                        group: UpdateGroup {
                            groupid: l.groupid,
                            fields: diff.update,
                        },
                    }),
                });
                counts.update += 1;
            }
            if !diff.clear.is_empty() {
                let mut clear_field = diff.clear.clone();
                clear_field.sort_unstable();
                calls.push(Call {
                    rule: name.clone(),
                    write: Write::Clear(ClearArrays {
                        groupid: l.groupid,
                        clear_field,
                        effective_now,
                    }),
                });
                counts.clear += 1;
            }
        }
        rules.push(rp);
    }

    for (_, l) in live
        .iter()
        .enumerate()
        .filter(|(li, _)| !matched_live.contains(li))
    {
        let mut rp = RulePlan::live_only(
            l,
            Action::NotManaged,
            "no file describes this live rule; left alone (--prune deletes it)".into(),
            opts.effective_now,
        );
        if opts.prune {
            rp.action = Action::Delete;
            rp.reason = "no file describes this live rule, and --prune deletes such rules".into();
            calls.push(delete_call(l, opts.effective_now));
            counts.delete += 1;
        } else {
            counts.not_managed += 1;
        }
        rules.push(rp);
    }

    for (di, li, why) in leftovers {
        let (d, l) = (&desired[di], &live[li]);
        let name = l.rule.groupname.clone().unwrap_or_default();
        let kept = pairs.get(&di).map(|k| live[*k].groupid).unwrap_or_default();
        let effective_now = opts.effective_now || d.rule.effective_now == Some(true);
        let (allowed, action, reason, flag) = match why {
            Leftover::Duplicate => (
                opts.prune,
                Action::Delete,
                format!(
                    "a second live rule named \"{name}\": {} keeps groupid {kept}; this one is a duplicate (two applies at once, or a replayed add)",
                    d.file
                ),
                "--prune",
            ),
            Leftover::Replaced => (
                opts.allow_replace,
                Action::Replace,
                format!(
                    "the old rule of a replacement that was stopped after adding groupid {kept}: deleting it finishes the replacement"
                ),
                "--allow-replace",
            ),
        };
        let mut rp = RulePlan::live_only(l, action, reason.clone(), effective_now);
        if allowed {
            calls.push(delete_call(l, effective_now));
            counts.delete += 1;
        } else {
            rp.action = Action::Blocked;
            errors.push(rule_error(
                d,
                "/groupname",
                "duplicate live rule",
                format!("live rule {} ({reason})", l.groupid),
                &format!(
                    "run with {flag} to delete groupid {}, or rename one of the rules",
                    l.groupid
                ),
            ));
        }
        rules.push(rp);
    }

    let (today_ymd, tomorrow_ymd) = (Date(opts.now).ymd(), Date::from_cst_day(today + 1).ymd());
    // Looked up once per rule: a corp has thousands.
    let called: std::collections::HashSet<&str> = calls.iter().map(|c| c.rule.as_str()).collect();
    for r in &mut rules {
        let writes = matches!(
            r.action,
            Action::Add | Action::Update | Action::Clear | Action::Replace | Action::Delete
        );
        if writes && called.contains(r.groupname.as_str()) {
            r.takes_effect = Some(if r.effective_now {
                today_ymd.clone()
            } else {
                tomorrow_ymd.clone()
            });
        }
    }
    // Deletes last (a replacement's delete still follows its add).
    let (deletes, others): (Vec<Call>, Vec<Call>) = calls
        .into_iter()
        .partition(|c| c.endpoint() == Endpoint::Delete);
    let mut calls = others;
    calls.extend(deletes);
    if !errors.is_empty() {
        calls.clear();
    }
    let live_info = fingerprint_of(live, &live_pre);
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        now: jiff::Timestamp::from_second(opts.now)
            .map(|t| {
                t.to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)))
                    .strftime("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string()
            })
            .unwrap_or_default(),
        day: Date(opts.now).ymd(),
        made_with: Made {
            prune: opts.prune,
            allow_replace: opts.allow_replace,
            effective_now: opts.effective_now,
        },
        live: live_info,
        commit: None,
        summary: counts,
        rules,
        rosters: Vec::new(),
        calls,
        blocked: !errors.is_empty(),
        errors,
        warnings,
        digest: String::new(),
    };
    plan.seal();
    plan
}

impl Plan {
    /// Records the digest; call after any change to the plan (its source, commit).
    pub fn seal(&mut self) {
        self.digest = digest(self);
    }
}

/// "1 rule", "2 rules".
pub fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// `checkindate[0].work_sec` → `checkindate`.
fn top_field(path: &str) -> &str {
    path.split(['.', '[', ' ']).next().unwrap_or(path)
}

/// D4: a rule's errors block the plan in fields it sends; elsewhere they warn.
/// A special day that has already started is refused by the server when sent.
fn classify(
    diagnostics: &[Diagnostic],
    sent: impl Fn(&str) -> bool,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    for d in diagnostics {
        let top = d.path.split('/').nth(1).unwrap_or_default();
        let is_sent = top.is_empty() || sent(top);
        let mut d = d.clone();
        match (d.severity, is_sent) {
            (Severity::Error, true) => errors.push(d),
            (Severity::Error, false) => {
                d.severity = Severity::Warning;
                d.message = format!(
                    "{} (unchanged live value: fine while this field is not changed)",
                    d.message
                );
                warnings.push(d);
            }
            (Severity::Warning, true)
                if checks::registry::by_id(d.check)
                    .is_some_and(|c| c.level == checks::Level::ErrorWhenSent) =>
            {
                d.severity = Severity::Error;
                d.message = format!(
                    "{}; this list is sent, so the server would reject it",
                    d.message
                );
                errors.push(d);
            }
            (Severity::Warning, _) => warnings.push(d),
        }
    }
}

/// The rule's `group` as sent: wire form, no tool keys, no legacy fields, no history (D6).
fn sendable(d: &LoadedRule, today: i64) -> Map<String, Value> {
    let Value::Object(mut obj) = rule_to_wire(&d.rule) else {
        // A rule serializes as a map: its fields are named.
        return Map::new();
    };
    for key in crate::model::TOOL_KEYS {
        obj.shift_remove(key);
    }
    canon::strip_legacy(&mut obj);
    canon::strip_history(&mut obj, today);
    obj
}

struct RuleDiff {
    /// Top-level fields to send, each whole.
    update: Map<String, Value>,
    /// Sent fields whose live value holds settings the update would drop
    /// unseen (fields this version does not know): (field, paths).
    erases: Vec<(String, Vec<String>)>,
    clear: Vec<ClearField>,
    inexpressible: Vec<(String, String)>,
    changes: Vec<Change>,
    unknown: Vec<String>,
    unmanaged: Vec<String>,
    /// Before and after, when the working times change.
    times: Vec<times::Day>,
}

/// `lc`: the live rule's canonical form ([`live_compared`]).
fn diff_rule(rule: &LoadedRule, live: &LiveRule, lc: Map<String, Value>, today: i64) -> RuleDiff {
    let legacy = live.legacy_shape;
    let desired_wire = rule_to_wire(&rule.rule);
    let written: Vec<String> = desired_wire
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let dc = &canon::canonical(desired_wire, today, true);
    let lc = &lc;
    // Built only for rules that change: most rules of a large corp do not.
    let mut sendable_obj: Option<Map<String, Value>> = None;
    let has_default = crate::model::defaults::has_default;
    let written = |f: &str| written.iter().any(|w| w.as_str() == f);
    let mut out = RuleDiff {
        update: Map::new(),
        erases: Vec::new(),
        clear: Vec::new(),
        inexpressible: Vec::new(),
        changes: Vec::new(),
        unknown: Vec::new(),
        unmanaged: Vec::new(),
        times: Vec::new(),
    };
    let fields: BTreeSet<&String> = dc.keys().chain(lc.keys()).collect();
    for field in fields {
        let (dv, lv) = (dc.get(field), lc.get(field));
        let clear_code = ClearField::from_field(field);
        // A field the file leaves out, with no default and not clearable: not managed (left as live has it).
        if !written(field) && !has_default(field) && clear_code.is_none() {
            if lv.is_some() {
                out.unmanaged.push(field.clone());
            }
            continue;
        }
        let same = match (dv, lv) {
            (Some(dv), Some(lv)) if legacy => {
                canon::agrees_where_known(dv, lv, field, &mut out.unknown)
            }
            (Some(dv), None) if legacy => {
                if crate::model::defaults::default_at(field).is_none_or(|default| default != *dv) {
                    out.unknown.push(field.clone());
                }
                true
            }
            (dv, lv) => dv == lv,
        };
        if same {
            continue;
        }
        out.changes.extend(describe::field_changes(field, lv, dv));
        match (dv, clear_code) {
            (None, Some(code)) => out.clear.push(code),
            (None, None) if lv.is_some_and(Value::is_array) => out
                .inexpressible
                .push((field.clone(), format!("{field} would become empty"))),
            _ => {
                if let Some(message) = nested_emptying(field, dv, lv) {
                    out.inexpressible.push((field.clone(), message));
                }
                let body = sendable_obj.get_or_insert_with(|| sendable(rule, today));
                let value = body
                    .shift_remove(field)
                    .or_else(|| dv.cloned())
                    .unwrap_or(json!({}));
                // Last line of defence: never send a field whose live value
                // holds a setting the file does not have and cannot express.
                if let (Some(lv), Some(dv)) = (lv, dv) {
                    let lost = canon::would_erase(field, lv, dv);
                    if !lost.is_empty() {
                        out.erases.push((field.clone(), lost));
                    }
                }
                out.update.insert(field.clone(), value);
            }
        }
    }
    out.unknown.sort();
    out.unknown.dedup();
    if ["checkindate", "schedulelist"]
        .iter()
        .any(|f| out.update.contains_key(*f))
    {
        out.times = times::days("before", lc);
        out.times.extend(times::days("after", dc));
    }
    out
}

/// D2: inside an object sent whole, a list that goes from entries to none
/// cannot be emptied by the API (range members, reporters, rest periods …).
fn nested_emptying(field: &str, desired: Option<&Value>, live: Option<&Value>) -> Option<String> {
    fn walk(path: &str, d: Option<&Value>, l: &Value, out: &mut Option<String>) {
        match l {
            Value::Object(lo) => {
                for (k, lv) in lo {
                    walk(&format!("{path}.{k}"), d.and_then(|d| d.get(k)), lv, out);
                }
            }
            Value::Array(la) if !la.is_empty() && d.is_none_or(canon::is_empty) => {
                out.get_or_insert_with(|| format!("{path} would become empty"));
            }
            _ => {}
        }
    }
    let (Some(Value::Object(_)), Some(l)) = (desired, live) else {
        return None;
    };
    let mut out = None;
    walk(field, desired, l, &mut out);
    out
}
