//! Special days: spe_workdays (must work) and spe_offdays (day off). Each is a
//! day (type 0), a period (type 1) or a day every other week (type 2); together
//! they may not overlap, and only future days may be set (docs/validation.md: dates: days
//! before today are history, ignored and never sent, so they only warn).

use std::collections::HashMap;

use super::{Check, Ctx, Level, Source, Source::Row};
use crate::model::defaults::int_at;
use crate::model::{Date, GroupType, SpecialDay};
use crate::t;

pub const FUTURE_ONLY: Check = Check {
    id: "special-day-future",
    source: Row(72),
    level: Level::NeverSent,
    summary: "special days are in the future; one that ended before today is history (a warning: never sent)",
};
pub const STARTED: Check = Check {
    id: "special-day-started",
    source: Row(72),
    level: Level::ErrorWhenSent,
    summary: "a special day that starts today or earlier and has not ended warns; the plan refuses it when its list is sent",
};
pub const BEGTIME: Check = Check {
    id: "special-day-begtime",
    source: Row(73),
    level: Level::Error,
    summary: "begtime is a midnight (UTC+8) after 2000-01-01",
};
pub const ENDTIME: Check = Check {
    id: "special-day-endtime",
    source: Row(74),
    level: Level::Error,
    summary: "endtime is given for types 1 and 2, a midnight (UTC+8) after 2000-01-01",
};
pub const CONFLICT: Check = Check {
    id: "special-day-conflict",
    source: Row(75),
    level: Level::Error,
    summary: "no two special days overlap, across spe_workdays and spe_offdays",
};
pub const TIMESTAMP: Check = Check {
    id: "special-day-timestamp",
    source: Row(76),
    level: Level::Error,
    summary: "timestamp is given for types 0 and 2, a midnight (UTC+8) after 2000-01-01",
};
pub const PERIOD: Check = Check {
    id: "special-day-period",
    source: Row(77),
    level: Level::Error,
    summary: "a period has begtime and endtime, endtime not before its start",
};
pub const ONE_YEAR: Check = Check {
    id: "special-day-one-year",
    source: Row(78),
    level: Level::Error,
    summary: "a period or repeat lasts at most one year",
};
pub const MAX_366: Check = Check {
    id: "special-day-count",
    source: Row(79),
    level: Level::Error,
    summary: "at most 366 spe_workdays and 366 spe_offdays",
};
pub const OFFDAY_CHECKINTIME: Check = Check {
    id: "special-offday-checkintime",
    source: Row(71),
    level: Level::Error,
    summary: "special days off have no checkintime",
};
pub const WORKDAY_CHECKINTIME: Check = Check {
    id: "special-workday-checkintime",
    source: Row(82),
    level: Level::Error,
    summary: "special working days have checkintime",
};
pub const NOTES: Check = Check {
    id: "special-day-notes",
    source: Row(83),
    level: Level::Error,
    summary: "notes are not empty",
};
pub const NOTES_BYTES: Check = Check {
    id: "special-day-notes-length",
    source: Source::FieldTable {
        errmsg: "field table: notes must be at most 40 bytes",
        explanation: "特殊日期备注,字节长度不超过40",
    },
    level: Level::Error,
    summary: "notes are at most 40 bytes (UTF-8)",
};
pub const TYPE: Check = Check {
    id: "special-day-type",
    source: Row(84),
    level: Level::Error,
    summary: "type is 0, 1 or 2",
};
pub const NO_WORKDAYS: Check = Check {
    id: "special-workdays-not-allowed",
    source: Row(97),
    level: Level::Error,
    summary: "schedule and free rules have no spe_workdays",
};

/// 2000-01-01 00:00 China Standard Time.
const Y2000: i64 = 946_656_000;

/// The CST days one entry covers: first day, last day, step (1 or 14).
#[derive(Clone, Copy)]
struct Days {
    first: i64,
    last: i64,
    step: usize,
}

pub fn check(ctx: &mut Ctx) {
    let rule = ctx.rule;
    let workdays = rule.spe_workdays.as_deref().unwrap_or_default();
    let offdays = rule.spe_offdays.as_deref().unwrap_or_default();
    if !workdays.is_empty() && matches!(rule.grouptype, Some(GroupType::SCHEDULE | GroupType::FREE))
    {
        ctx.report(&NO_WORKDAYS, "/spe_workdays", t!("spe-no-workdays"))
            .help = Some(t!("spe-no-workdays-help"));
    }
    let mut taken: HashMap<i64, String> = HashMap::new();
    for (list, days, work) in [
        ("spe_workdays", workdays, true),
        ("spe_offdays", offdays, false),
    ] {
        if days.len() > 366 {
            ctx.report(
                &MAX_366,
                format!("/{list}"),
                t!("spe-max-366", n = days.len()),
            );
        }
        for (i, d) in days.iter().enumerate() {
            let at = format!("/{list}/{i}");
            entry_fields(ctx, &at, d, work);
            if let Some(span) = entry_days(ctx, &at, d) {
                future(ctx, &at, span);
                conflicts(ctx, &at, span, &mut taken);
            }
        }
    }
}

fn entry_fields(ctx: &mut Ctx, at: &str, d: &SpecialDay, work: bool) {
    let notes = d.notes.as_deref().unwrap_or_default();
    if notes.is_empty() {
        ctx.report(&NOTES, format!("{at}/notes"), t!("spe-notes-empty"))
            .help = Some(t!("spe-notes-empty-help"));
    } else if notes.len() > 40 {
        ctx.report(
            &NOTES_BYTES,
            format!("{at}/notes"),
            t!("spe-notes-bytes", n = notes.len()),
        );
    }
    let has_times = d.checkintime.as_ref().is_some_and(|c| !c.is_empty());
    if work && !has_times {
        ctx.report(
            &WORKDAY_CHECKINTIME,
            at.to_owned(),
            t!("spe-workday-checkintime"),
        )
        .help = Some(t!("spe-workday-checkintime-help"));
    }
    if !work && has_times {
        ctx.report(
            &OFFDAY_CHECKINTIME,
            format!("{at}/checkintime"),
            t!("spe-offday-checkintime"),
        )
        .help = Some(t!("spe-offday-checkintime-help"));
    }
}

fn midnight_after_2000(d: Date) -> bool {
    d.is_cst_midnight() && d.0 > Y2000
}

/// Checks the entry's dates and returns the days it covers, if they are sound.
fn entry_days(ctx: &mut Ctx, at: &str, d: &SpecialDay) -> Option<Days> {
    // spe_offdays[].type has the same default (model::defaults).
    let kind = d.r#type.unwrap_or(const { int_at("spe_workdays[].type") });
    let bad_date = |field: &str, v: Date| t!("spe-bad-date", field = field, value = v.to_string());
    let (start, start_field, step) = match kind {
        0 | 2 => match d.timestamp {
            Some(t) if midnight_after_2000(t) => (t, "timestamp", if kind == 0 { 0 } else { 14 }),
            Some(t) => {
                ctx.report(
                    &TIMESTAMP,
                    format!("{at}/timestamp"),
                    bad_date("timestamp", t),
                )
                .help = Some(t!("spe-bad-date-help"));
                return None;
            }
            None => {
                ctx.report(
                    &TIMESTAMP,
                    at.to_owned(),
                    t!("spe-needs-field", kind = kind, field = "timestamp"),
                );
                return None;
            }
        },
        1 => match d.begtime {
            Some(b) if midnight_after_2000(b) => (b, "begtime", 1),
            Some(b) => {
                ctx.report(&BEGTIME, format!("{at}/begtime"), bad_date("begtime", b));
                return None;
            }
            None => {
                ctx.report(&PERIOD, at.to_owned(), t!("spe-period-needs-times"));
                return None;
            }
        },
        other => {
            ctx.report(&TYPE, format!("{at}/type"), t!("spe-type", value = other));
            return None;
        }
    };
    if step == 0 {
        return Some(Days {
            first: start.cst_day(),
            last: start.cst_day(),
            step: 1,
        });
    }
    let end = match d.endtime {
        Some(e) if midnight_after_2000(e) => e,
        Some(e) => {
            ctx.report(&ENDTIME, format!("{at}/endtime"), bad_date("endtime", e));
            return None;
        }
        None => {
            let check = if kind == 1 { &PERIOD } else { &ENDTIME };
            ctx.report(
                check,
                at.to_owned(),
                t!("spe-needs-field", kind = kind, field = "endtime"),
            );
            return None;
        }
    };
    if end < start {
        ctx.report(
            &PERIOD,
            format!("{at}/endtime"),
            t!(
                "spe-end-before-start",
                end = end.to_string(),
                field = start_field,
                start = start.to_string()
            ),
        );
        return None;
    }
    // "不可超过一年": both days count, so a period holds at most one year's
    // days: 2028-01-01 … 2028-12-31 (366 days), not … 2029-01-01 (367).
    // A start outside the calendar is reported as a date of its own.
    let last_allowed = Date(start.add_years(1)?.0 - 86_400);
    if end > last_allowed {
        let days = end.cst_day() - start.cst_day() + 1;
        ctx.report(
            &ONE_YEAR,
            format!("{at}/endtime"),
            t!(
                "spe-one-year",
                start = start.to_string(),
                end = end.to_string(),
                days = days
            ),
        )
        .help = Some(t!("spe-one-year-help", last = last_allowed.to_string()));
        return None;
    }
    Some(Days {
        first: start.cst_day(),
        last: end.cst_day(),
        step,
    })
}

fn future(ctx: &mut Ctx, at: &str, span: Days) {
    let today = ctx.today;
    if span.first > today {
        return;
    }
    let (check, message, help) = if span.last < today {
        (
            &FUTURE_ONLY,
            t!("spe-past", day = Date::from_cst_day(span.last).to_string()),
            t!("spe-past-help"),
        )
    } else {
        (
            &STARTED,
            t!(
                "spe-started",
                first = Date::from_cst_day(span.first).to_string(),
                today = Date::from_cst_day(today).to_string()
            ),
            t!("spe-started-help"),
        )
    };
    ctx.report(check, at.to_owned(), message).help = Some(help);
}

fn conflicts(ctx: &mut Ctx, at: &str, span: Days, taken: &mut HashMap<i64, String>) {
    let mut clash = None;
    for day in (span.first..=span.last).step_by(span.step) {
        match taken.get(&day) {
            Some(other) if clash.is_none() => clash = Some((day, other.clone())),
            Some(_) => {}
            None => {
                taken.insert(day, at.to_owned());
            }
        }
    }
    if let Some((day, other)) = clash {
        ctx.report(
            &CONFLICT,
            at.to_owned(),
            t!(
                "spe-conflict",
                day = Date::from_cst_day(day).to_string(),
                other = other
            ),
        )
        .help = Some(t!("spe-conflict-help"));
    }
}
