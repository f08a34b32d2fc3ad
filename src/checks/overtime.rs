//! Overtime rules (加班规则): ot_info_v2 with a configuration for working days,
//! rest days and holidays, and how rest is deducted from overtime.

use super::{Check, Ctx, Level, Source, Source::Row, minutes};
use crate::model::{OtConf, RestInfo};

pub const REST_ITEM_VALUES: Check = Check {
    id: "ot-rest-item-values",
    source: Row(38),
    level: Level::Error,
    summary: "cal_ottime_rule: rest_time ≤ ot_time, both multiples of 15 minutes, at most 360 minutes",
};
pub const REST_ITEM_REQUIRED: Check = Check {
    id: "ot-rest-item-required",
    source: Row(39),
    level: Level::Error,
    summary: "each cal_ottime_rule item has ot_time and rest_time",
};
pub const REST_ITEMS_INCREASING: Check = Check {
    id: "ot-rest-items-increasing",
    source: Row(40),
    level: Level::Error,
    summary: "cal_ottime_rule items have increasing ot_time",
};
pub const REST_ITEMS_SIZE: Check = Check {
    id: "ot-rest-items-size",
    source: Row(41),
    level: Level::Error,
    summary: "deduction by overtime length has 1 to 5 items",
};
pub const REST_NOT_ENABLED: Check = Check {
    id: "ot-rest-not-enabled",
    source: Row(42),
    level: Level::Error,
    summary: "restinfo type 0 configures no rest",
};
pub const FIX_TIME_SIZE: Check = Check {
    id: "ot-fix-time-size",
    source: Row(43),
    level: Level::Error,
    summary: "deduction of fixed rest periods has 1 to 10 periods",
};
pub const APPLY_REST_TYPE: Check = Check {
    id: "ot-apply-rest-type",
    source: Row(44),
    level: Level::Error,
    summary: "apply.restinfo.type is 0, 1 or 2",
};
pub const APPLYCHECKIN_REST_TYPE: Check = Check {
    id: "ot-applycheckin-rest-type",
    source: Row(45),
    level: Level::Error,
    summary: "applycheckin.restinfo.type is 0, 1 or 2",
};
pub const CHECKIN_REST_TYPE: Check = Check {
    id: "ot-checkin-rest-type",
    source: Row(46),
    level: Level::Error,
    summary: "checkin.restinfo.type is 0, 1 or 2",
};
pub const FIX_TIME_VALUES: Check = Check {
    id: "ot-fix-time-values",
    source: Row(47),
    level: Level::Error,
    summary: "fixed rest periods: whole minutes, 00:00 … next-day 23:59, begin before end, at most 24 h, not overlapping",
};
pub const TRANS_RATIO: Check = Check {
    id: "ot-trans-ratio",
    source: Row(48),
    level: Level::Error,
    summary: "vacation.trans_ratio is at most 3000",
};
pub const OT_TIME_MIN_MAX: Check = Check {
    id: "ot-time-min-max",
    source: Row(49),
    level: Level::Error,
    summary: "ot_time_min < ot_time_max, both at most 720 minutes",
};
pub const OT_TIME_START: Check = Check {
    id: "ot-time-start",
    source: Source::FieldTable {
        errmsg: "field table: ot_time_start must not exceed 720 minutes",
        explanation: "下班后多久开始计算加班,不超过720分钟",
    },
    level: Level::Error,
    summary: "ot_time_start is at most 720 minutes",
};
pub const TRANS_TYPE: Check = Check {
    id: "ot-trans-type",
    source: Row(50),
    level: Level::Error,
    summary: "ot_trans_type is 1 or 2",
};
pub const OT_TYPE: Check = Check {
    id: "ot-type",
    source: Row(52),
    level: Level::Error,
    summary: "type is 0, 1 or 2",
};
pub const BY_LENGTH_NO_PERIODS: Check = Check {
    id: "ot-by-length-no-periods",
    source: Row(54),
    level: Level::Error,
    summary: "deduction by overtime length sets no fixed rest periods",
};
pub const BY_PERIODS_NO_LENGTH: Check = Check {
    id: "ot-by-periods-no-length",
    source: Row(55),
    level: Level::Error,
    summary: "deduction of fixed rest periods sets no cal_ottime_rule",
};
pub const OT_INFO_V2: Check = Check {
    id: "ot-info-v2-required",
    source: Row(56),
    level: Level::Error,
    summary: "ot_info_v2 is given",
};
pub const CONFS: Check = Check {
    id: "ot-confs-required",
    source: Row(57),
    level: Level::Error,
    summary: "ot_info_v2 has workdayconf, restdayconf and holidayconf, each with allow_ot (and type for rest days and holidays)",
};
pub const FIX_TIME_REQUIRED: Check = Check {
    id: "ot-fix-time-required",
    source: Row(102),
    level: Level::Error,
    summary: "each fixed rest period has fix_time_begin_sec and fix_time_end_sec",
};

pub fn check(ctx: &mut Ctx) {
    let Some(ot) = &ctx.rule.ot_info_v2 else {
        if ctx.rule.ot_info.is_none() {
            ctx.report(&OT_INFO_V2, "/ot_info_v2", "the rule has no overtime settings (ot_info_v2)").help =
                Some("add ot_info_v2 with workdayconf, restdayconf and holidayconf, e.g. `{allow_ot: false, type: 2}` each".into());
        }
        return;
    };
    for (name, conf, needs_type) in [
        ("workdayconf", &ot.workdayconf, false),
        ("restdayconf", &ot.restdayconf, true),
        ("holidayconf", &ot.holidayconf, true),
    ] {
        let at = format!("/ot_info_v2/{name}");
        let Some(conf) = conf else {
            ctx.report(&CONFS, "/ot_info_v2", format!("ot_info_v2 has no {name}"))
                .help = Some(format!(
                "add `{name}: {{allow_ot: false, type: 2}}` (or the overtime this kind of day allows)"
            ));
            continue;
        };
        if conf.allow_ot.is_none() || (needs_type && conf.r#type.is_none()) {
            let what = if conf.allow_ot.is_none() {
                "allow_ot"
            } else {
                "type"
            };
            ctx.report(&CONFS, at.clone(), format!("{name} has no {what}"));
        }
        one_conf(ctx, &at, conf);
    }
}

fn one_conf(ctx: &mut Ctx, at: &str, conf: &OtConf) {
    if let Some(t) = conf.r#type
        && !(0..=2).contains(&t)
    {
        ctx.report(
            &OT_TYPE,
            format!("{at}/type"),
            format!("type {t} is not 0 (approvals and check-ins), 1 (check-ins) or 2 (approvals)"),
        );
    }
    if let Some(t) = conf.ot_trans_type
        && !(1..=2).contains(&t)
    {
        ctx.report(
            &TRANS_TYPE,
            format!("{at}/ot_trans_type"),
            format!("ot_trans_type {t} is not 1 (time off in lieu) or 2 (overtime pay)"),
        );
    }
    if let Some(r) = conf.vacation.as_ref().and_then(|v| v.trans_ratio)
        && !(0..=3000).contains(&r)
    {
        ctx.report(
            &TRANS_RATIO,
            format!("{at}/vacation/trans_ratio"),
            format!("trans_ratio {r} is more than 3000 (1:30)"),
        );
    }
    if let Some(c) = &conf.checkin {
        let f = |n: &str| format!("{at}/checkin/{n}");
        let cap = 720 * 60;
        if let Some(s) = c.ot_time_start.filter(|s| s.0 < 0 || s.0 > cap) {
            ctx.report(
                &OT_TIME_START,
                f("ot_time_start"),
                format!("ot_time_start {s} is more than 720 minutes"),
            );
        }
        for (name, v) in [
            ("ot_time_min", c.ot_time_min),
            ("ot_time_max", c.ot_time_max),
        ] {
            if let Some(v) = v.filter(|v| v.0 < 0 || v.0 > cap) {
                ctx.report(
                    &OT_TIME_MIN_MAX,
                    f(name),
                    format!("{name} {v} is more than 720 minutes"),
                );
            }
        }
        if let (Some(min), Some(max)) = (c.ot_time_min, c.ot_time_max)
            && min >= max
        {
            ctx.report(
                &OT_TIME_MIN_MAX,
                f("ot_time_min"),
                format!("ot_time_min {min} is not less than ot_time_max {max}"),
            );
        }
        if let Some(r) = &c.restinfo {
            restinfo(ctx, &f("restinfo"), r, &CHECKIN_REST_TYPE);
        }
    }
    if let Some(r) = conf.apply.as_ref().and_then(|a| a.restinfo.as_ref()) {
        restinfo(ctx, &format!("{at}/apply/restinfo"), r, &APPLY_REST_TYPE);
    }
    if let Some(r) = conf.applycheckin.as_ref().and_then(|a| a.restinfo.as_ref()) {
        restinfo(
            ctx,
            &format!("{at}/applycheckin/restinfo"),
            r,
            &APPLYCHECKIN_REST_TYPE,
        );
    }
}

fn restinfo(ctx: &mut Ctx, at: &str, r: &RestInfo, type_check: &'static Check) {
    let periods = r.fix_time_rule_list.as_deref().unwrap_or_default();
    let items = r
        .cal_ottime_rule
        .as_ref()
        .and_then(|c| c.items.as_deref())
        .unwrap_or_default();
    let f = |n: &str| format!("{at}/{n}");
    match r.r#type.unwrap_or(0) {
        0 if !periods.is_empty() || !items.is_empty() => {
            let field = if periods.is_empty() {
                "cal_ottime_rule"
            } else {
                "fix_time_rule_list"
            };
            ctx.report(&REST_NOT_ENABLED, f(field), "restinfo type 0 deducts no rest, but rest is configured").help =
                Some("set type 1 (fixed rest periods) or 2 (by overtime length), or remove the rest settings".into());
        }
        0 => {}
        1 => {
            if !(1..=10).contains(&periods.len()) {
                ctx.report(
                    &FIX_TIME_SIZE,
                    f("fix_time_rule_list"),
                    format!("{} fixed rest periods; type 1 needs 1 to 10", periods.len()),
                );
            }
            if !items.is_empty() {
                ctx.report(
                    &BY_PERIODS_NO_LENGTH,
                    f("cal_ottime_rule"),
                    "type 1 deducts fixed rest periods: cal_ottime_rule is not allowed",
                );
            }
            fix_times(ctx, at, r);
        }
        2 => {
            if !(1..=5).contains(&items.len()) {
                ctx.report(
                    &REST_ITEMS_SIZE,
                    f("cal_ottime_rule"),
                    format!(
                        "{} items; deduction by overtime length needs 1 to 5",
                        items.len()
                    ),
                );
            }
            if !periods.is_empty() {
                ctx.report(
                    &BY_LENGTH_NO_PERIODS,
                    f("fix_time_rule_list"),
                    "type 2 deducts by overtime length: fix_time_rule_list is not allowed",
                );
            }
            let mut previous = None;
            for (k, item) in items.iter().enumerate() {
                let ia = format!("{at}/cal_ottime_rule/items/{k}");
                let (Some(ot), Some(rest)) = (item.ot_time, item.rest_time) else {
                    ctx.report(
                        &REST_ITEM_REQUIRED,
                        ia,
                        "this item needs ot_time and rest_time",
                    );
                    continue;
                };
                let bad = |v: i64| v < 0 || v % 900 != 0 || v > 21_600;
                if bad(ot.0) || bad(rest.0) || rest > ot {
                    ctx.report(&REST_ITEM_VALUES, format!("{ia}/rest_time"), format!("ot_time {ot}, rest_time {rest}: both must be multiples of 15 minutes up to 6 h, rest not longer than overtime"));
                }
                if let Some(p) = previous
                    && ot <= p
                {
                    ctx.report(
                        &REST_ITEMS_INCREASING,
                        format!("{ia}/ot_time"),
                        format!("ot_time {ot} is not more than the item before ({p})"),
                    );
                }
                previous = Some(ot);
            }
        }
        other => {
            ctx.report(type_check, f("type"), format!("restinfo type {other} is not 0 (none), 1 (fixed periods) or 2 (by overtime length)"));
        }
    }
}

fn fix_times(ctx: &mut Ctx, at: &str, r: &RestInfo) {
    let mut seen: Vec<(i64, i64, usize)> = Vec::new();
    for (k, p) in r.fix_time_rule_list.iter().flatten().enumerate() {
        let pa = format!("{at}/fix_time_rule_list/{k}");
        let (Some(b), Some(e)) = (p.fix_time_begin_sec, p.fix_time_end_sec) else {
            ctx.report(
                &FIX_TIME_REQUIRED,
                pa,
                "this rest period needs fix_time_begin_sec and fix_time_end_sec",
            );
            continue;
        };
        let in_range = |v: i64| (0..=86_400 + 86_340).contains(&v);
        let problem = if b.0 % 60 != 0 || e.0 % 60 != 0 {
            Some("must be whole minutes".to_owned())
        } else if !in_range(b.0) || !in_range(e.0) {
            Some("must be between 00:00 and next-day 23:59".to_owned())
        } else if e <= b || e.0 - b.0 > 86_400 {
            Some(format!(
                "must begin before it ends, at most 24 h ({})",
                minutes(e.0 - b.0)
            ))
        } else if let Some((_, _, other)) = seen.iter().find(|(sb, se, _)| b.0 < *se && *sb < e.0) {
            Some(format!("overlaps fix_time_rule_list[{other}]"))
        } else {
            None
        };
        if let Some(problem) = problem {
            ctx.report(&FIX_TIME_VALUES, pa, format!("rest {b}–{e} {problem}"));
        }
        seen.push((b.0, e.0, k));
    }
}
