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
mod build;
pub mod canon;
pub mod card;
pub mod describe;
mod diff;
mod fingerprint;
mod matching;
pub mod render;
pub mod times;

pub use build::build;
pub use fingerprint::fingerprint;
pub(crate) use fingerprint::fnv;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::{Endpoint, Write};
use crate::diag::Diagnostic;
use crate::live::LiveRule;
use crate::load::LoadedRule;

/// Bumped whenever the JSON plan changes incompatibly (2: bound to its corp,
/// day, options and content).
pub const FORMAT_VERSION: u32 = 2;

#[derive(Clone, Debug)]
pub struct Options {
    pub prune: bool,
    pub allow_replace: bool,
    /// "Now" (special days before today are history).
    pub now: jiff::Timestamp,
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
            .map_err(|e| crate::t!("saved-call", rule = format!("{:?}", saved.rule), error = e))?;
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
    /// The language of the plan's sentences and lines (`--lang`, `LANG`):
    /// apply derives the lines again in it to hold the calls to them.
    #[serde(default, skip_serializing_if = "crate::i18n::Lang::is_en")]
    pub lang: crate::i18n::Lang,
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
