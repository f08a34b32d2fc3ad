//! Make-up check-ins (补卡), the make-up reminder, and face detection.

use super::{Check, Ctx, Level, Source::Row};
use crate::model::defaults::bool_at;
use crate::t;

pub const BUKA_REMIND: Check = Check {
    id: "buka-remind",
    source: Row(1),
    level: Level::Error,
    summary: "buka_remind_day is 15–30 for this month (buka_remind_month 0) or 1–26 for the next (1)",
};
pub const LIMIT_NEXT_MONTH: Check = Check {
    id: "buka-limit-next-month",
    source: Row(60),
    level: Level::Error,
    summary: "buka_limit_next_month is -1 or 1 … 28",
};
pub const BK_CNT: Check = Check {
    id: "allow-apply-bk-cnt",
    source: Row(61),
    level: Level::Error,
    summary: "allow_apply_bk_cnt is -1 … 99",
};
pub const NEEDS_ALLOW_APPLY: Check = Check {
    id: "buka-needs-allow-apply-offworkday",
    source: Row(65),
    level: Level::Error,
    summary: "make-up settings other than their defaults need allow_apply_offworkday",
};
pub const NEEDS_OPEN_REMIND: Check = Check {
    id: "buka-remind-needs-open-remind",
    source: Row(66),
    level: Level::Error,
    summary: "buka_remind_day / buka_remind_month need open_remind",
};
pub const FACE_DETECT: Check = Check {
    id: "face-live-detect",
    source: Row(67),
    level: Level::Error,
    summary: "open_face_live_detect needs use_face_detect",
};
pub const BK_DAY_LIMIT: Check = Check {
    id: "allow-apply-bk-day-limit",
    source: Row(89),
    level: Level::Error,
    summary: "allow_apply_bk_day_limit is -1 … 180",
};

pub fn check(ctx: &mut Ctx) {
    let rule = ctx.rule;
    if let Some(n) = rule.allow_apply_bk_cnt
        && !(-1..=99).contains(&n)
    {
        ctx.report(&BK_CNT, "/allow_apply_bk_cnt", t!("buka-cnt", value = n));
    }
    if let Some(n) = rule.allow_apply_bk_day_limit
        && !(-1..=180).contains(&n)
    {
        ctx.report(
            &BK_DAY_LIMIT,
            "/allow_apply_bk_day_limit",
            t!("buka-day-limit", value = n),
        );
    }
    if let Some(n) = rule.buka_limit_next_month
        && !(n == -1 || (1..=28).contains(&n))
    {
        ctx.report(
            &LIMIT_NEXT_MONTH,
            "/buka_limit_next_month",
            t!("buka-limit-next-month", value = n),
        );
    }
    let remind = rule.buka_remind.as_ref();
    let remind_on = remind.is_some_and(|r| r.open_remind == Some(true));
    if let Some(r) = remind {
        let (day, month) = (r.buka_remind_day, r.buka_remind_month);
        if (day.is_some() || month.is_some()) && !remind_on {
            ctx.report(
                &NEEDS_OPEN_REMIND,
                "/buka_remind/open_remind",
                t!("buka-needs-open-remind"),
            );
        }
        if remind_on {
            let ok = match (month.unwrap_or(0), day) {
                (0, Some(d)) => (15..=30).contains(&d),
                (1, Some(d)) => (1..=26).contains(&d),
                _ => false,
            };
            if !ok {
                let at = if day.is_none() {
                    "/buka_remind"
                } else if matches!(month, Some(0 | 1) | None) {
                    "/buka_remind/buka_remind_day"
                } else {
                    "/buka_remind/buka_remind_month"
                };
                ctx.report(
                    &BUKA_REMIND,
                    at,
                    t!(
                        "buka-remind",
                        month = month.map_or("(0)".into(), |m| m.to_string()),
                        day = day.map_or(t!("buka-remind-day-missing"), |d| d.to_string())
                    ),
                )
                .help = Some(t!("buka-remind-help"));
            }
        }
    }
    if !rule
        .allow_apply_offworkday
        .unwrap_or(const { bool_at("allow_apply_offworkday") })
    {
        let set = [
            (
                "allow_apply_bk_cnt",
                rule.allow_apply_bk_cnt.is_some_and(|n| n != -1),
            ),
            (
                "allow_apply_bk_day_limit",
                rule.allow_apply_bk_day_limit.is_some_and(|n| n != -1),
            ),
            (
                "buka_limit_next_month",
                rule.buka_limit_next_month.is_some_and(|n| n != -1),
            ),
            (
                "buka_restriction",
                rule.buka_restriction.is_some_and(|n| n != 0),
            ),
            ("buka_remind", remind_on),
        ];
        if let Some((field, _)) = set.iter().find(|(_, on)| *on) {
            ctx.report(
                &NEEDS_ALLOW_APPLY,
                format!("/{field}"),
                t!("buka-needs-allow-apply", field = *field),
            )
            .help = Some(t!("buka-needs-allow-apply-help"));
        }
    }
    if rule
        .open_face_live_detect
        .unwrap_or(const { bool_at("open_face_live_detect") })
        && !rule
            .use_face_detect
            .unwrap_or(const { bool_at("use_face_detect") })
    {
        ctx.report(
            &FACE_DETECT,
            "/open_face_live_detect",
            t!("buka-face-detect"),
        )
        .help = Some(t!("buka-face-detect-help"));
    }
}
