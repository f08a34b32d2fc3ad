//! Building the plan: each file's rule planned against the live rule it
//! matches ([`super::matching`]) through its diff ([`super::diff`]), then the
//! live rules no file keeps, then the calls in the order apply makes them.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::{Map, Value};

use super::diff::{RuleDiff, diff_rule, live_compared, sendable};
use super::fingerprint::{LivePre, fingerprint_of, live_fingerprint, prepare_live};
use super::matching::{Leftover, Matching, match_rules};
use super::{
    Action, Call, Counts, FORMAT_VERSION, Made, Options, Plan, RulePlan, describe, rule_error,
    times, top_field,
};
use crate::checks;
use crate::client::write::{AddRule, ClearArrays, DeleteRule, UpdateGroup, UpdateRule};
use crate::client::{ClearField, Endpoint, Write};
use crate::diag::{Diagnostic, Severity};
use crate::live::LiveRule;
use crate::load::LoadedRule;
use crate::model::{Date, GroupType};
use crate::t;

// del_checkin_option for the live rule `l`.
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
    // The messages made on other cores are in this thread's language.
    let lang = crate::i18n::lang();
    desired
        .par_iter()
        .enumerate()
        .map(|(di, d)| {
            crate::i18n::with_lang(lang, || {
                let mut fingerprint = None;
                let diff = pairs.get(&di).map(|&li| {
                    let l = &live[li];
                    let lc = live_compared(l, today);
                    if !l.legacy_shape {
                        fingerprint = Some((li, live_fingerprint(&lc, l)));
                    }
                    diff_rule(d, l, lc, today)
                });
                DesiredPre {
                    diagnostics: checks::check_rule(d, now),
                    diff,
                    live_fingerprint: fingerprint,
                }
            })
        })
        .collect()
}

/// Builds the plan. `desired` must have loaded without errors.
pub fn build(desired: &[LoadedRule], live: &[LiveRule], opts: &Options) -> Plan {
    let now = opts.now.as_second();
    let today = Date(now).cst_day();
    let Matching {
        pairs,
        leftovers,
        errors,
        warnings,
    } = match_rules(desired, live);
    let matched_live: BTreeSet<usize> = pairs
        .values()
        .copied()
        .chain(leftovers.iter().map(|(_, li, _)| *li))
        .collect();
    let mut desired_pre = prepare_desired(desired, live, &pairs, now, today);
    let known: HashMap<usize, String> = desired_pre
        .iter_mut()
        .filter_map(|p| p.live_fingerprint.take())
        .collect();
    let live_pre = prepare_live(live, &known, today);

    let mut b = Builder {
        opts,
        today,
        rules: Vec::new(),
        calls: Vec::new(),
        counts: Counts::default(),
        errors,
        warnings,
    };
    for (di, d) in desired.iter().enumerate() {
        let pre = &mut desired_pre[di];
        let rp = match pairs.get(&di).map(|&li| &live[li]) {
            None => b.added(d, &pre.diagnostics),
            Some(l) if d.rule.grouptype != l.rule.grouptype => b.regrouped(d, l, &pre.diagnostics),
            Some(l) => {
                let diff = pre
                    .diff
                    .take()
                    .unwrap_or_else(|| diff_rule(d, l, live_compared(l, today), today));
                b.matched(d, l, diff, &pre.diagnostics)
            }
        };
        b.rules.push(rp);
    }
    for (_, l) in live
        .iter()
        .enumerate()
        .filter(|(li, _)| !matched_live.contains(li))
    {
        let rp = b.unmanaged(l);
        b.rules.push(rp);
    }
    for (di, li, why) in leftovers {
        let kept = pairs.get(&di).map(|k| live[*k].groupid);
        let rp = b.leftover(&desired[di], &live[li], kept, why);
        b.rules.push(rp);
    }
    b.finish(live, &live_pre)
}

/// What the plan holds so far.
struct Builder<'a> {
    opts: &'a Options,
    /// The CST day of `opts.now`.
    today: i64,
    rules: Vec<RulePlan>,
    calls: Vec<Call>,
    counts: Counts,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Builder<'_> {
    fn effective_now(&self, d: &LoadedRule) -> bool {
        self.opts.effective_now || d.rule.effective_now == Some(true)
    }

    /// The entry of a file's rule, before it is planned.
    fn entry(&self, d: &LoadedRule) -> RulePlan {
        RulePlan::new(
            d.rule.groupname.clone().unwrap_or_default(),
            Some(d.file.clone()),
            Action::Unchanged,
            String::new(),
            self.effective_now(d),
        )
    }

    /// D4 for this rule's diagnostics: errors block only in sent fields.
    fn classify(&mut self, diagnostics: &[Diagnostic], sent: impl Fn(&str) -> bool) {
        classify(diagnostics, sent, &mut self.errors, &mut self.warnings);
    }

    /// A rule no live rule matches: added, every field sent.
    fn added(&mut self, d: &LoadedRule, diagnostics: &[Diagnostic]) -> RulePlan {
        let mut rp = self.entry(d);
        let group = sendable(d, self.today);
        rp.action = Action::Add;
        rp.reason = t!("reason-add");
        rp.changes = describe::new_rule(&group);
        rp.times = times::days("after", &group);
        self.classify(diagnostics, |_| true);
        if d.rule.readonly == Some(true) {
            self.errors.push(rule_error(
                d,
                "/readonly",
                "readonly rule missing",
                t!("plan-readonly-missing", name = rp.groupname.as_str()),
                &t!("plan-readonly-missing-help"),
            ));
            rp.action = Action::Blocked;
        } else {
            self.calls
                .push(add_call(&rp.groupname, rp.effective_now, group));
            self.counts.add += 1;
        }
        rp
    }

    /// A rule whose grouptype changes: the API cannot update it, so it is
    /// replaced (add, then delete), only with `--allow-replace`.
    fn regrouped(&mut self, d: &LoadedRule, l: &LiveRule, diagnostics: &[Diagnostic]) -> RulePlan {
        let mut rp = self.entry(d);
        rp.groupid = Some(l.groupid);
        rp.notes.extend(l.notes.iter().cloned());
        let (from, to) = (
            l.rule.grouptype.unwrap_or(GroupType(0)),
            d.rule.grouptype.unwrap_or(GroupType(0)),
        );
        rp.reason = t!(
            "reason-regrouped",
            from = from.to_string(),
            to = to.to_string()
        );
        if d.rule.readonly == Some(true) {
            rp.action = Action::Drift;
            self.counts.drift += 1;
        } else if !self.opts.allow_replace {
            rp.action = Action::Blocked;
            self.errors.push(rule_error(
                d,
                "/grouptype",
                "grouptype change",
                t!(
                    "plan-grouptype-change",
                    from = from.to_string(),
                    to = to.to_string()
                ),
                &t!("plan-grouptype-change-help"),
            ));
        } else {
            self.classify(diagnostics, |_| true);
            rp.action = Action::Replace;
            let group = sendable(d, self.today);
            rp.changes = describe::new_rule(&group);
            rp.times = times::days("before", &live_compared(l, self.today));
            rp.times.extend(times::days("after", &group));
            // Add first, then delete the old rule: people are never left
            // without a rule; a stop in between is finished by the next apply.
            self.calls
                .push(add_call(&rp.groupname, rp.effective_now, group));
            self.calls.push(delete_call(l, rp.effective_now));
            self.counts.replace += 1;
            self.counts.delete += 1;
        }
        rp
    }

    /// A rule matched with a live rule of its grouptype: updated, cleared,
    /// unchanged, or (readonly) drift.
    fn matched(
        &mut self,
        d: &LoadedRule,
        l: &LiveRule,
        diff: RuleDiff,
        diagnostics: &[Diagnostic],
    ) -> RulePlan {
        let mut rp = self.entry(d);
        rp.groupid = Some(l.groupid);
        rp.notes.extend(l.notes.iter().cloned());
        rp.changes = diff.changes;
        rp.clear = diff.clear.iter().map(|f| f.field().to_owned()).collect();
        rp.unknown = diff.unknown;
        rp.unmanaged = diff.unmanaged;
        rp.times = diff.times;
        let readonly = d.rule.readonly == Some(true);
        for (field, message) in &diff.inexpressible {
            self.errors.push(rule_error(
                d,
                &format!("/{field}"),
                "not expressible",
                message.clone(),
                &t!("plan-not-expressible-help"),
            ));
        }
        // A readonly rule is never written, so nothing of it can be erased.
        if !readonly {
            for (field, lost) in &diff.erases {
                self.errors.push(rule_error(
                    d,
                    &format!("/{field}"),
                    "would erase live settings",
                    t!(
                        "plan-would-erase",
                        field = field.as_str(),
                        paths = lost.join(&t!("list-separator"))
                    ),
                    &t!("plan-would-erase-help"),
                ));
            }
        }
        let changed =
            !diff.update.is_empty() || !diff.clear.is_empty() || !diff.inexpressible.is_empty();
        if readonly {
            self.classify(diagnostics, |_| false);
            if changed {
                rp.action = Action::Drift;
                rp.reason = t!("reason-readonly-drift");
                self.counts.drift += 1;
            } else {
                rp.reason = t!("reason-readonly-same");
                self.counts.unchanged += 1;
            }
            return rp;
        }
        self.classify(diagnostics, |top| diff.update.contains_key(top));
        if !changed {
            rp.reason = t!("reason-unchanged");
            self.counts.unchanged += 1;
        } else if !diff.inexpressible.is_empty() {
            rp.action = Action::Blocked;
            rp.reason = t!("reason-inexpressible");
        } else if !diff.erases.is_empty() {
            rp.action = Action::Blocked;
            rp.reason = t!("reason-erases");
        } else {
            rp.action = if diff.update.is_empty() {
                Action::Clear
            } else {
                Action::Update
            };
            let fields: BTreeSet<&str> = rp.changes.iter().map(|c| top_field(&c.field)).collect();
            rp.reason = t!("reason-fields-changed", n = fields.len());
            self.changes(&rp, l.groupid, diff.update, diff.clear);
        }
        rp
    }

    /// The update (each changed field whole) and then the clear, of one rule.
    fn changes(
        &mut self,
        rp: &RulePlan,
        groupid: i64,
        update: Map<String, Value>,
        mut clear_field: Vec<ClearField>,
    ) {
        if !update.is_empty() {
            self.calls.push(Call {
                rule: rp.groupname.clone(),
                write: Write::Update(UpdateRule {
                    effective_now: rp.effective_now,
                    group: UpdateGroup {
                        groupid,
                        fields: update,
                    },
                }),
            });
            self.counts.update += 1;
        }
        if !clear_field.is_empty() {
            clear_field.sort_unstable();
            self.calls.push(Call {
                rule: rp.groupname.clone(),
                write: Write::Clear(ClearArrays {
                    groupid,
                    clear_field,
                    effective_now: rp.effective_now,
                }),
            });
            self.counts.clear += 1;
        }
    }

    /// A live rule no file describes: left alone, or deleted with `--prune`.
    fn unmanaged(&mut self, l: &LiveRule) -> RulePlan {
        let effective_now = self.opts.effective_now;
        if self.opts.prune {
            self.calls.push(delete_call(l, effective_now));
            self.counts.delete += 1;
            return RulePlan::live_only(l, Action::Delete, t!("reason-pruned"), effective_now);
        }
        self.counts.not_managed += 1;
        RulePlan::live_only(
            l,
            Action::NotManaged,
            t!("reason-not-managed"),
            effective_now,
        )
    }

    /// A live rule left over beside the one file `d` keeps (`kept`).
    fn leftover(
        &mut self,
        d: &LoadedRule,
        l: &LiveRule,
        kept: Option<i64>,
        why: Leftover,
    ) -> RulePlan {
        let name = l.rule.groupname.clone().unwrap_or_default();
        let kept = kept.map(|k| k.to_string()).unwrap_or_default();
        let effective_now = self.effective_now(d);
        let (allowed, action, reason, flag) = match why {
            Leftover::Duplicate => (
                self.opts.prune,
                Action::Delete,
                t!(
                    "reason-duplicate",
                    name = name.as_str(),
                    file = d.file.as_str(),
                    kept = kept.as_str()
                ),
                "--prune",
            ),
            Leftover::Replaced => (
                self.opts.allow_replace,
                Action::Replace,
                t!("reason-replaced-old", kept = kept.as_str()),
                "--allow-replace",
            ),
        };
        let mut rp = RulePlan::live_only(l, action, reason.clone(), effective_now);
        if allowed {
            self.calls.push(delete_call(l, effective_now));
            self.counts.delete += 1;
        } else {
            rp.action = Action::Blocked;
            self.errors.push(rule_error(
                d,
                "/groupname",
                "duplicate live rule",
                t!("plan-live-rule", groupid = l.groupid, reason = reason),
                &t!("plan-live-rule-help", flag = flag, groupid = l.groupid),
            ));
        }
        rp
    }

    /// The day each written rule takes effect, the calls in apply's order
    /// (deletes last), and the plan sealed.
    fn finish(self, live: &[LiveRule], live_pre: &[LivePre]) -> Plan {
        let Builder {
            opts,
            today,
            mut rules,
            calls,
            counts,
            errors,
            warnings,
        } = self;
        let (today_ymd, tomorrow_ymd) = (
            Date::from_cst_day(today).ymd(),
            Date::from_cst_day(today + 1).ymd(),
        );
        // Looked up once per rule: a corp has thousands.
        let called: HashSet<&str> = calls.iter().map(|c| c.rule.as_str()).collect();
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
        let mut plan = Plan {
            format_version: FORMAT_VERSION,
            now: opts
                .now
                .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)))
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string(),
            day: today_ymd,
            made_with: Made {
                prune: opts.prune,
                allow_replace: opts.allow_replace,
                effective_now: opts.effective_now,
            },
            lang: crate::i18n::lang(),
            live: fingerprint_of(live, live_pre),
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
