//! Overtime rules (加班规则): ot_info_v2 with a configuration for working days,
//! rest days and holidays, and how rest is deducted from overtime.

use super::{Check, Ctx, Level, Source, Source::Row, minutes};
use crate::model::{OtConf, RestInfo};
use crate::t;

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
            ctx.report(&OT_INFO_V2, "/ot_info_v2", t!("ot-none")).help = Some(t!("ot-none-help"));
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
            ctx.report(&CONFS, "/ot_info_v2", t!("ot-conf-missing", conf = name))
                .help = Some(t!("ot-conf-missing-help", conf = name));
            continue;
        };
        if conf.allow_ot.is_none() || (needs_type && conf.r#type.is_none()) {
            let what = if conf.allow_ot.is_none() {
                "allow_ot"
            } else {
                "type"
            };
            ctx.report(
                &CONFS,
                at.clone(),
                t!("ot-conf-field-missing", conf = name, field = what),
            );
        }
        one_conf(ctx, &at, conf);
    }
}

fn one_conf(ctx: &mut Ctx, at: &str, conf: &OtConf) {
    if let Some(t) = conf.r#type
        && !(0..=2).contains(&t)
    {
        ctx.report(&OT_TYPE, format!("{at}/type"), t!("ot-type", value = t));
    }
    if let Some(t) = conf.ot_trans_type
        && !(1..=2).contains(&t)
    {
        ctx.report(
            &TRANS_TYPE,
            format!("{at}/ot_trans_type"),
            t!("ot-trans-type", value = t),
        );
    }
    if let Some(r) = conf.vacation.as_ref().and_then(|v| v.trans_ratio)
        && !(0..=3000).contains(&r)
    {
        ctx.report(
            &TRANS_RATIO,
            format!("{at}/vacation/trans_ratio"),
            t!("ot-trans-ratio", value = r),
        );
    }
    if let Some(c) = &conf.checkin {
        let f = |n: &str| format!("{at}/checkin/{n}");
        let cap = 720 * 60;
        if let Some(s) = c.ot_time_start.filter(|s| s.0 < 0 || s.0 > cap) {
            ctx.report(
                &OT_TIME_START,
                f("ot_time_start"),
                t!(
                    "ot-over-720",
                    field = "ot_time_start",
                    value = s.to_string()
                ),
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
                    t!("ot-over-720", field = name, value = v.to_string()),
                );
            }
        }
        if let (Some(min), Some(max)) = (c.ot_time_min, c.ot_time_max)
            && min >= max
        {
            ctx.report(
                &OT_TIME_MIN_MAX,
                f("ot_time_min"),
                t!("ot-min-max", min = min.to_string(), max = max.to_string()),
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
            ctx.report(&REST_NOT_ENABLED, f(field), t!("ot-rest-not-enabled"))
                .help = Some(t!("ot-rest-not-enabled-help"));
        }
        0 => {}
        1 => {
            if !(1..=10).contains(&periods.len()) {
                ctx.report(
                    &FIX_TIME_SIZE,
                    f("fix_time_rule_list"),
                    t!("ot-fix-time-size", n = periods.len()),
                );
            }
            if !items.is_empty() {
                ctx.report(
                    &BY_PERIODS_NO_LENGTH,
                    f("cal_ottime_rule"),
                    t!("ot-by-periods-no-length"),
                );
            }
            fix_times(ctx, at, r);
        }
        2 => {
            if !(1..=5).contains(&items.len()) {
                ctx.report(
                    &REST_ITEMS_SIZE,
                    f("cal_ottime_rule"),
                    t!("ot-rest-items-size", n = items.len()),
                );
            }
            if !periods.is_empty() {
                ctx.report(
                    &BY_LENGTH_NO_PERIODS,
                    f("fix_time_rule_list"),
                    t!("ot-by-length-no-periods"),
                );
            }
            let mut previous = None;
            for (k, item) in items.iter().enumerate() {
                let ia = format!("{at}/cal_ottime_rule/items/{k}");
                let (Some(ot), Some(rest)) = (item.ot_time, item.rest_time) else {
                    ctx.report(&REST_ITEM_REQUIRED, ia, t!("ot-rest-item-required"));
                    continue;
                };
                let bad = |v: i64| v < 0 || v % 900 != 0 || v > 21_600;
                if bad(ot.0) || bad(rest.0) || rest > ot {
                    ctx.report(
                        &REST_ITEM_VALUES,
                        format!("{ia}/rest_time"),
                        t!(
                            "ot-rest-item-values",
                            ot = ot.to_string(),
                            rest = rest.to_string()
                        ),
                    );
                }
                if let Some(p) = previous
                    && ot <= p
                {
                    ctx.report(
                        &REST_ITEMS_INCREASING,
                        format!("{ia}/ot_time"),
                        t!(
                            "ot-rest-items-increasing",
                            ot = ot.to_string(),
                            before = p.to_string()
                        ),
                    );
                }
                previous = Some(ot);
            }
        }
        other => {
            ctx.report(type_check, f("type"), t!("ot-rest-type", value = other));
        }
    }
}

fn fix_times(ctx: &mut Ctx, at: &str, r: &RestInfo) {
    let mut seen: Vec<(i64, i64, usize)> = Vec::new();
    for (k, p) in r.fix_time_rule_list.iter().flatten().enumerate() {
        let pa = format!("{at}/fix_time_rule_list/{k}");
        let (Some(b), Some(e)) = (p.fix_time_begin_sec, p.fix_time_end_sec) else {
            ctx.report(&FIX_TIME_REQUIRED, pa, t!("ot-fix-time-required"));
            continue;
        };
        let in_range = |v: i64| (0..=86_400 + 86_340).contains(&v);
        let (begin, end) = (b.to_string(), e.to_string());
        let problem = if b.0 % 60 != 0 || e.0 % 60 != 0 {
            Some(t!("ot-fix-time-minutes", b = begin, e = end))
        } else if !in_range(b.0) || !in_range(e.0) {
            Some(t!("ot-fix-time-range", b = begin, e = end))
        } else if e <= b || e.0 - b.0 > 86_400 {
            Some(t!(
                "ot-fix-time-order",
                b = begin,
                e = end,
                d = minutes(e.0 - b.0)
            ))
        } else if let Some((_, _, other)) = seen.iter().find(|(sb, se, _)| b.0 < *se && *sb < e.0) {
            Some(t!(
                "ot-fix-time-overlap",
                b = begin,
                e = end,
                other = *other
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            ctx.report(&FIX_TIME_VALUES, pa, problem);
        }
        seen.push((b.0, e.0, k));
    }
}
