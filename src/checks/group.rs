//! The rule as a whole: its name and type, who it applies to, the fields each
//! grouptype may or may not carry, and old fields the write API refuses.
//!
//! The server's errmsgs call a schedule rule (grouptype 2) "freegroup" and a
//! free rule (grouptype 3) "unrestrain group"; messages here use our words.

use super::{Check, Ctx, Level, Source::Row, minutes};
use crate::model::{GroupType, Rule};
use crate::t;

pub const GROUPNAME: Check = Check {
    id: "groupname",
    source: Row(5),
    level: Level::Error,
    summary: "groupname is 1 to 40 characters",
};
pub const GROUPTYPE: Check = Check {
    id: "grouptype",
    source: Row(6),
    level: Level::Error,
    summary: "grouptype is 1 (fixed), 2 (schedule) or 3 (free)",
};
pub const CHECKIN_TYPE: Check = Check {
    id: "checkin-type",
    source: Row(18),
    level: Level::Error,
    summary: "type (check-in method) is 0, 1 or 3",
};
pub const RANGE: Check = Check {
    id: "range",
    source: Row(17),
    level: Level::Error,
    summary: "range names at least one department, user or tag",
};
pub const REPORTER: Check = Check {
    id: "reporter",
    source: Row(37),
    level: Level::Error,
    summary: "each reporter has a userid or a tagid",
};
pub const OPTION_OUT_RANGE: Check = Check {
    id: "option-out-range",
    source: Row(85),
    level: Level::Error,
    summary: "option_out_range is 0, 1 or 2",
};
pub const OLD_CHECKIN_FIELDS: Check = Check {
    id: "old-checkindate-fields",
    source: Row(3),
    level: Level::Error,
    summary: "checkindate (and schedulelist) carry no flex_time, limit_aheadtime, limit_offtime or noneed_offwork",
};
pub const OLD_SCHEDULE_FIELDS: Check = Check {
    id: "old-schedule-fields",
    source: Row(4),
    level: Level::Error,
    summary: "schedulelist entries carry no flex_time, limit_aheadtime or noneed_offwork",
};
pub const OLD_OT_INFO: Check = Check {
    id: "old-ot-info",
    source: Row(9),
    level: Level::Error,
    summary: "no ot_info: overtime is ot_info_v2",
};
pub const SCHEDULELIST_ON_FIXED: Check = Check {
    id: "schedulelist-on-fixed",
    source: Row(58),
    level: Level::Error,
    summary: "only schedule rules (grouptype 2) have a schedulelist",
};
pub const SCHEDULELIST_ON_FREE: Check = Check {
    id: "schedulelist-on-free",
    source: Row(101),
    level: Level::Error,
    summary: "free rules (grouptype 3) have no schedulelist",
};
pub const CHECKINDATE_ON_SCHEDULE: Check = Check {
    id: "checkindate-on-schedule",
    source: Row(98),
    level: Level::Error,
    summary: "schedule rules have no checkindate",
};
pub const CHECKINDATE_SIZE: Check = Check {
    id: "checkindate-size",
    source: Row(26),
    level: Level::Error,
    summary: "a fixed rule has 1 to 7 checkindate entries",
};
pub const SPAN_DAY_TIME_ON_FIXED: Check = Check {
    id: "span-day-time-on-fixed",
    source: Row(103),
    level: Level::Error,
    summary: "fixed rules have no span_day_time",
};
pub const STANDARD_DURATION_ON_FIXED: Check = Check {
    id: "standard-work-duration-on-fixed",
    source: Row(104),
    level: Level::Error,
    summary: "fixed rules have no standard_work_duration",
};
pub const SPAN_DAY_TIME_ON_SCHEDULE: Check = Check {
    id: "span-day-time-on-schedule",
    source: Row(105),
    level: Level::Error,
    summary: "schedule rules have no span_day_time",
};
pub const STANDARD_DURATION_ON_SCHEDULE: Check = Check {
    id: "standard-work-duration-on-schedule",
    source: Row(106),
    level: Level::Error,
    summary: "schedule rules have no standard_work_duration",
};
pub const SPAN_DAY_TIME_RANGE: Check = Check {
    id: "span-day-time-range",
    source: Row(107),
    level: Level::Error,
    summary: "span_day_time is from 00:00 to before 24:00",
};
pub const SPAN_DAY_TIME_MINUTES: Check = Check {
    id: "span-day-time-minutes",
    source: Row(108),
    level: Level::Error,
    summary: "span_day_time is whole minutes",
};
pub const STANDARD_DURATION: Check = Check {
    id: "standard-work-duration",
    source: Row(109),
    level: Level::Error,
    summary: "standard_work_duration is -1 or 1 h to 24 h in half-hour steps",
};
pub const OFFWORK_INTERVAL: Check = Check {
    id: "offwork-interval-time",
    source: Row(100),
    level: Level::Error,
    summary: "offwork_interval_time is a multiple of 5 minutes, at most 1435 minutes",
};

pub fn check(ctx: &mut Ctx) {
    let rule: &Rule = ctx.rule;
    if let Some(name) = &rule.groupname {
        let n = name.chars().count();
        if n == 0 || n > 40 {
            ctx.report(
                &GROUPNAME,
                "/groupname",
                t!("name-length", field = "groupname", n = n),
            )
            .help = Some(t!("name-length-help"));
        }
    }
    let gt = rule.grouptype;
    if let Some(t) = gt
        && !(1..=3).contains(&t.0)
    {
        ctx.report(
            &GROUPTYPE,
            "/grouptype",
            t!("group-type-unknown", value = t.0),
        )
        .help = Some(t!("group-type-unknown-help"));
    }
    if let Some(t) = rule.r#type
        && ![0, 1, 3].contains(&t)
    {
        ctx.report(&CHECKIN_TYPE, "/type", t!("group-checkin-type", value = t))
            .help = Some(t!("group-checkin-type-help"));
    }
    range(ctx);
    if let Some(reporters) = rule
        .reporterinfo
        .as_ref()
        .and_then(|r| r.reporters.as_ref())
    {
        for (i, r) in reporters.iter().enumerate() {
            if r.userid.as_deref().is_none_or(str::is_empty) && r.tagid.is_none() {
                ctx.report(
                    &REPORTER,
                    format!("/reporterinfo/reporters/{i}"),
                    t!("group-reporter-empty"),
                )
                .help = Some(t!("group-reporter-empty-help"));
            }
        }
    }
    if let Some(o) = rule.option_out_range
        && !(0..=2).contains(&o)
    {
        ctx.report(
            &OPTION_OUT_RANGE,
            "/option_out_range",
            t!("group-option-out-range", value = o),
        )
        .help = Some(t!("group-option-out-range-help"));
    }
    old_fields(ctx);
    by_grouptype(ctx, gt);
    free_fields(ctx);
}

fn range(ctx: &mut Ctx) {
    let empty = match &ctx.rule.range {
        None => true,
        Some(r) => {
            r.party_id.as_ref().is_none_or(Vec::is_empty)
                && r.userid.as_ref().is_none_or(Vec::is_empty)
                && r.tagid.as_ref().is_none_or(Vec::is_empty)
        }
    };
    if empty {
        ctx.report(&RANGE, "/range", t!("group-range-empty")).help =
            Some(t!("group-range-empty-help"));
    }
}

fn old_fields(ctx: &mut Ctx) {
    let rule = ctx.rule;
    let hint = |field: &str| t!("group-old-field-help", field = field);
    for (i, d) in rule.checkindate.iter().flatten().enumerate() {
        let present = [
            ("flex_time", d.flex_time.is_some()),
            ("limit_aheadtime", d.limit_aheadtime.is_some()),
            ("limit_offtime", d.limit_offtime.is_some()),
            ("noneed_offwork", d.noneed_offwork.is_some()),
        ];
        for (field, _) in present.iter().filter(|(_, p)| *p) {
            ctx.report(
                &OLD_CHECKIN_FIELDS,
                format!("/checkindate/{i}/{field}"),
                t!("group-old-field", field = *field),
            )
            .help = Some(hint(field));
        }
    }
    for (i, s) in rule.schedulelist.iter().flatten().enumerate() {
        let present = [
            (
                "limit_aheadtime",
                s.limit_aheadtime.is_some(),
                &OLD_SCHEDULE_FIELDS,
            ),
            (
                "noneed_offwork",
                s.noneed_offwork.is_some(),
                &OLD_SCHEDULE_FIELDS,
            ),
            (
                "limit_offtime",
                s.limit_offtime.is_some(),
                &OLD_CHECKIN_FIELDS,
            ),
        ];
        for (field, _, check) in present.iter().filter(|(_, p, _)| *p) {
            ctx.report(
                check,
                format!("/schedulelist/{i}/{field}"),
                t!("group-old-field", field = *field),
            )
            .help = Some(hint(field));
        }
    }
    if rule.ot_info.is_some() {
        ctx.report(&OLD_OT_INFO, "/ot_info", t!("group-old-ot-info"))
            .help = Some(t!("group-old-ot-info-help"));
    }
}

fn by_grouptype(ctx: &mut Ctx, gt: Option<GroupType>) {
    let rule = ctx.rule;
    let has_schedules = rule.schedulelist.as_ref().is_some_and(|s| !s.is_empty());
    let n_dates = rule.checkindate.as_ref().map_or(0, Vec::len);
    match gt {
        Some(GroupType::FIXED) => {
            if has_schedules {
                ctx.report(
                    &SCHEDULELIST_ON_FIXED,
                    "/schedulelist",
                    t!("group-schedulelist-on-fixed"),
                )
                .help = Some(t!("group-remove-schedulelist"));
            }
            if !(1..=7).contains(&n_dates) {
                ctx.report(
                    &CHECKINDATE_SIZE,
                    "/checkindate",
                    t!("group-checkindate-size", n = n_dates),
                )
                .help = Some(t!("group-checkindate-size-help"));
            }
            free_only(ctx, &SPAN_DAY_TIME_ON_FIXED, &STANDARD_DURATION_ON_FIXED);
        }
        Some(GroupType::SCHEDULE) => {
            if n_dates > 0 {
                ctx.report(
                    &CHECKINDATE_ON_SCHEDULE,
                    "/checkindate",
                    t!("group-checkindate-on-schedule"),
                )
                .help = Some(t!("group-remove-checkindate"));
            }
            free_only(
                ctx,
                &SPAN_DAY_TIME_ON_SCHEDULE,
                &STANDARD_DURATION_ON_SCHEDULE,
            );
        }
        Some(GroupType::FREE) if has_schedules => {
            ctx.report(
                &SCHEDULELIST_ON_FREE,
                "/schedulelist",
                t!("group-schedulelist-on-free"),
            )
            .help = Some(t!("group-remove-schedulelist"));
        }
        _ => {}
    }
}

/// span_day_time and standard_work_duration belong to free rules; each other
/// type answers with its own row (103–106).
fn free_only(ctx: &mut Ctx, span_check: &'static Check, duration_check: &'static Check) {
    let rule = ctx.rule;
    for (present, check, field) in [
        (rule.span_day_time.is_some(), span_check, "span_day_time"),
        (
            rule.standard_work_duration.is_some(),
            duration_check,
            "standard_work_duration",
        ),
    ] {
        if present {
            ctx.report(
                check,
                format!("/{field}"),
                t!("group-free-only", field = field),
            )
            .help = Some(t!("remove-it"));
        }
    }
}

fn free_fields(ctx: &mut Ctx) {
    let rule = ctx.rule;
    if let Some(t) = rule.span_day_time {
        if !(0..86_400).contains(&t.0) {
            ctx.report(
                &SPAN_DAY_TIME_RANGE,
                "/span_day_time",
                t!("group-span-day-time-range", value = t.to_string()),
            );
        }
        // Every row a value breaks is reported, as the next fix would meet it.
        if t.0 % 60 != 0 {
            ctx.report(
                &SPAN_DAY_TIME_MINUTES,
                "/span_day_time",
                t!("group-span-day-time-minutes", value = t.to_string()),
            );
        }
    }
    if let Some(d) = rule.standard_work_duration
        && d.0 != -1
        && !(d.0 >= 3600 && d.0 <= 86_400 && d.0 % 1800 == 0)
    {
        ctx.report(
            &STANDARD_DURATION,
            "/standard_work_duration",
            t!("group-standard-duration", value = d.to_string()),
        )
        .help = Some(t!("group-standard-duration-help"));
    }
    if let Some(d) = rule.offwork_interval_time
        && (d.0 < 0 || d.0 % 300 != 0 || d.0 > 1435 * 60)
    {
        ctx.report(
            &OFFWORK_INTERVAL,
            "/offwork_interval_time",
            t!("group-offwork-interval", value = minutes(d.0)),
        )
        .help = Some(t!("group-offwork-interval-help"));
    }
}
