//! Flexible hours (弹性打卡) and leave-late/arrive-late rules (晚走晚到), on
//! checkindate entries of fixed rules and on shifts of schedule rules.

use super::{Check, Ctx, Level, Source::Row, minutes};
use crate::model::defaults::bool_at;
use crate::model::{Duration, LateRule};
use crate::t;

/// The same default in checkindate and schedulelist (model::defaults).
const LATE_RULE_ON: bool = bool_at("checkindate[].late_rule.allow_offwork_after_time");

pub const FLEX_ON_OFF_MAX: Check = Check {
    id: "flex-on-off-max",
    source: Row(2),
    level: Level::Error,
    summary: "flex_on_duty_time and flex_off_duty_time are at most 360 minutes",
};
pub const FLEX_VALUES: Check = Check {
    id: "flex-values",
    source: Row(8),
    level: Level::Error,
    summary: "flex_on/off_duty_time and max_allow_arrive_early/late are multiples of 5 minutes, at most 360 minutes",
};
pub const FLEX_NEEDS_A_PAIR: Check = Check {
    id: "flex-needs-a-pair",
    source: Row(59),
    level: Level::Error,
    summary: "allow_flex needs the late/early pair or the arrive-early/late pair",
};
pub const FLEX_NEEDS_ALLOW_FLEX: Check = Check {
    id: "flex-needs-allow-flex",
    source: Row(62),
    level: Level::Error,
    summary: "flex values and late_rule need allow_flex",
};
pub const FLEX_ONE_PAIR: Check = Check {
    id: "flex-one-pair",
    source: Row(70),
    level: Level::Error,
    summary: "the two flex pairs are not both set",
};
pub const LATE_RULE_VALUES: Check = Check {
    id: "late-rule-values",
    source: Row(7),
    level: Level::Error,
    summary: "late_rule times are multiples of 15 minutes, at most 600 minutes",
};
pub const LATE_RULE_NEEDS_ALLOW: Check = Check {
    id: "late-rule-needs-allow",
    source: Row(68),
    level: Level::Error,
    summary: "late_rule times need allow_offwork_after_time",
};
pub const LATE_RULE_ORDER: Check = Check {
    id: "late-rule-order",
    source: Row(86),
    level: Level::Error,
    summary: "offwork_after_time ≥ onwork_flex_time",
};

struct Flex<'a> {
    allow_flex: bool,
    on: Option<Duration>,
    off: Option<Duration>,
    early: Option<Duration>,
    late: Option<Duration>,
    late_rule: Option<&'a LateRule>,
}

pub fn check(ctx: &mut Ctx) {
    let rule = ctx.rule;
    for (i, d) in rule.checkindate.iter().flatten().enumerate() {
        let flex = Flex {
            allow_flex: d
                .allow_flex
                .unwrap_or(const { bool_at("checkindate[].allow_flex") }),
            on: d.flex_on_duty_time,
            off: d.flex_off_duty_time,
            early: d.max_allow_arrive_early,
            late: d.max_allow_arrive_late,
            late_rule: d.late_rule.as_ref(),
        };
        one(ctx, &format!("/checkindate/{i}"), &flex);
    }
    for (i, s) in rule.schedulelist.iter().flatten().enumerate() {
        if s.schedule_id == Some(0) {
            continue; // the rest shift has no hours to flex
        }
        let flex = Flex {
            allow_flex: s
                .allow_flex
                .unwrap_or(const { bool_at("schedulelist[].allow_flex") }),
            on: s.flex_on_duty_time,
            off: s.flex_off_duty_time,
            early: s.max_allow_arrive_early,
            late: s.max_allow_arrive_late,
            late_rule: s.late_rule.as_ref(),
        };
        one(ctx, &format!("/schedulelist/{i}"), &flex);
    }
}

fn set(d: Option<Duration>) -> bool {
    d.is_some_and(|d| d.0 != 0)
}

fn one(ctx: &mut Ctx, base: &str, flex: &Flex) {
    let f = |name: &str| format!("{base}/{name}");
    let values = [
        ("flex_on_duty_time", flex.on),
        ("flex_off_duty_time", flex.off),
        ("max_allow_arrive_early", flex.early),
        ("max_allow_arrive_late", flex.late),
    ];
    for (name, v) in values {
        let Some(v) = v else { continue };
        // The late/early pair has a row of its own for the maximum; a value
        // that also misses the 5-minute grid breaks both rows, and both are said.
        let over_own_max = name.starts_with("flex_") && v.0 > 21_600;
        if over_own_max {
            ctx.report(
                &FLEX_ON_OFF_MAX,
                f(name),
                t!("flex-over-max", field = name, value = minutes(v.0)),
            );
        }
        if v.0 < 0 || v.0 % 300 != 0 || (v.0 > 21_600 && !over_own_max) {
            ctx.report(
                &FLEX_VALUES,
                f(name),
                t!("flex-values", field = name, value = v.to_string()),
            );
        }
    }
    let pair_late_early = set(flex.on) || set(flex.off);
    let pair_arrive = set(flex.early) || set(flex.late);
    let late_rule_on = flex
        .late_rule
        .is_some_and(|l| l.allow_offwork_after_time.unwrap_or(LATE_RULE_ON));
    if !flex.allow_flex {
        if let Some((name, _)) = values.iter().find(|(_, v)| set(*v)) {
            ctx.report(
                &FLEX_NEEDS_ALLOW_FLEX,
                f(name),
                t!("flex-needs-allow", field = *name),
            )
            .help = Some(t!("flex-needs-allow-help"));
        } else if late_rule_on {
            ctx.report(
                &FLEX_NEEDS_ALLOW_FLEX,
                f("late_rule"),
                t!("flex-late-rule-needs-allow"),
            )
            .help = Some(t!("flex-late-rule-needs-allow-help"));
        }
    } else if pair_late_early && pair_arrive {
        ctx.report(
            &FLEX_ONE_PAIR,
            f("max_allow_arrive_early"),
            t!("flex-one-pair"),
        )
        .help = Some(t!("flex-one-pair-help"));
    } else if !pair_late_early && !pair_arrive {
        ctx.report(&FLEX_NEEDS_A_PAIR, f("allow_flex"), t!("flex-needs-a-pair"))
            .help = Some(t!("flex-needs-a-pair-help"));
    }
    if let Some(l) = flex.late_rule {
        late_rule(ctx, &f("late_rule"), l);
    }
}

fn late_rule(ctx: &mut Ctx, base: &str, l: &LateRule) {
    let mut pairs: Vec<(String, Option<Duration>, Option<Duration>)> =
        vec![(base.to_owned(), l.offwork_after_time, l.onwork_flex_time)];
    for (k, t) in l.timerules.iter().flatten().enumerate() {
        pairs.push((
            format!("{base}/timerules/{k}"),
            t.offwork_after_time,
            t.onwork_flex_time,
        ));
    }
    let any_set = pairs.iter().any(|(_, a, b)| set(*a) || set(*b));
    if any_set && !l.allow_offwork_after_time.unwrap_or(LATE_RULE_ON) {
        ctx.report(
            &LATE_RULE_NEEDS_ALLOW,
            format!("{base}/allow_offwork_after_time"),
            t!("flex-late-rule-off"),
        )
        .help = Some(t!("flex-late-rule-off-help"));
    }
    for (at, after, flex) in pairs {
        for (name, v) in [("offwork_after_time", after), ("onwork_flex_time", flex)] {
            if let Some(v) = v
                && (v.0 < 0 || v.0 % 900 != 0 || v.0 > 36_000)
            {
                ctx.report(
                    &LATE_RULE_VALUES,
                    format!("{at}/{name}"),
                    t!("flex-late-rule-values", field = name, value = v.to_string()),
                );
            }
        }
        if let (Some(a), Some(f)) = (after, flex)
            && a < f
        {
            ctx.report(
                &LATE_RULE_ORDER,
                format!("{at}/onwork_flex_time"),
                t!(
                    "flex-late-rule-order",
                    flex = f.to_string(),
                    after = a.to_string()
                ),
            )
            .help = Some(t!("flex-late-rule-order-help"));
        }
    }
}
