//! The shifts of a schedule rule (grouptype 2): the rest shift, real shifts,
//! their ids and names, and the first period's earliest check-in.

use std::collections::HashMap;

use super::{Check, Ctx, Level, Source::Row, minutes};
use crate::model::GroupType;
use crate::t;

pub const VALID_SCHEDULE: Check = Check {
    id: "schedule-required",
    source: Row(16),
    level: Level::Error,
    summary: "besides the rest shift there is at least one shift",
};
pub const REST_SCHEDULE: Check = Check {
    id: "rest-schedule-required",
    source: Row(90),
    level: Level::Error,
    summary: "there is a rest shift with schedule_id 0",
};
pub const FIRST_PERIOD_EARLIEST: Check = Check {
    id: "first-period-earliest",
    source: Row(91),
    level: Level::Error,
    summary: "a shift's first earliest_work_sec is at most 4 hours before its work_sec",
};
pub const NAME_UNIQUE: Check = Check {
    id: "schedule-name-unique",
    source: Row(92),
    level: Level::Error,
    summary: "schedule names are unique",
};
pub const ID_UNIQUE: Check = Check {
    id: "schedule-id-unique",
    source: Row(93),
    level: Level::Error,
    summary: "schedule ids are unique",
};
pub const REST_NO_PERIODS: Check = Check {
    id: "rest-schedule-no-periods",
    source: Row(94),
    level: Level::Error,
    summary: "the rest shift has no time_section",
};
pub const REST_NAME: Check = Check {
    id: "rest-schedule-name",
    source: Row(95),
    level: Level::Error,
    summary: "the rest shift is named 休息",
};
pub const NAME: Check = Check {
    id: "schedule-name",
    source: Row(96),
    level: Level::Error,
    summary: "a schedule name is 1 to 40 characters",
};
pub const SIZE: Check = Check {
    id: "schedule-size",
    source: Row(99),
    level: Level::Error,
    summary: "at most 50 shifts",
};

pub fn check(ctx: &mut Ctx) {
    if ctx.rule.grouptype != Some(GroupType::SCHEDULE) {
        return;
    }
    let schedules = ctx.rule.schedulelist.as_deref().unwrap_or_default();
    if !schedules.iter().any(|s| s.schedule_id == Some(0)) {
        ctx.report(&REST_SCHEDULE, "/schedulelist", t!("schedule-no-rest"))
            .help = Some(t!("schedule-no-rest-help"));
    }
    if !schedules.iter().any(|s| s.schedule_id != Some(0)) {
        ctx.report(&VALID_SCHEDULE, "/schedulelist", t!("schedule-none"))
            .help = Some(t!("schedule-none-help"));
    }
    if schedules.len() > 50 {
        ctx.report(
            &SIZE,
            "/schedulelist",
            t!("schedule-size", n = schedules.len()),
        );
    }
    let mut ids = HashMap::new();
    let mut names = HashMap::new();
    for (i, s) in schedules.iter().enumerate() {
        let at = format!("/schedulelist/{i}");
        if let Some(id) = s.schedule_id
            && let Some(first) = ids.insert(id, i)
        {
            ctx.report(
                &ID_UNIQUE,
                format!("{at}/schedule_id"),
                t!("schedule-id-repeated", id = id, first = first),
            );
        }
        let name = s.schedule_name.as_deref().unwrap_or_default();
        let n = name.chars().count();
        if s.schedule_id == Some(0) {
            if name != "休息" {
                ctx.report(
                    &REST_NAME,
                    format!("{at}/schedule_name"),
                    t!("schedule-rest-name", name = name),
                );
            }
            if s.time_section.as_ref().is_some_and(|t| !t.is_empty()) {
                ctx.report(
                    &REST_NO_PERIODS,
                    format!("{at}/time_section"),
                    t!("schedule-rest-periods"),
                )
                .help = Some(t!("schedule-rest-periods-help"));
            }
        } else if n == 0 || n > 40 {
            ctx.report(
                &NAME,
                format!("{at}/schedule_name"),
                t!("name-length", field = "schedule_name", n = n),
            );
        }
        if let Some(first) = (n > 0).then(|| names.insert(name, i)).flatten() {
            ctx.report(
                &NAME_UNIQUE,
                format!("{at}/schedule_name"),
                t!("schedule-name-repeated", name = name, first = first),
            );
        }
        if let Some(t) = s.time_section.as_ref().and_then(|t| t.first())
            && let (Some(e), Some(w)) = (t.earliest_work_sec, t.work_sec)
            && w.0 - e.0 > 4 * 3600
        {
            ctx.report(
                &FIRST_PERIOD_EARLIEST,
                format!("{at}/time_section/0/earliest_work_sec"),
                t!(
                    "schedule-earliest",
                    e = e.to_string(),
                    d = minutes(w.0 - e.0),
                    w = w.to_string()
                ),
            );
        }
    }
}
