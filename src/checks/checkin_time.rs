//! Working periods (打卡时段): `checkindate[].checkintime[]` of fixed rules,
//! `schedulelist[].time_section[]` of schedule rules, and the periods of
//! special working days, which have rules of their own.

use std::collections::HashMap;

use super::{Check, Ctx, Level, Source, Source::Row, minutes};
use crate::model::defaults::bool_at;
use crate::model::{CheckinTime, GroupType, TimeOfDay};
use crate::t;

pub const TIME_ID_UNIQUE: Check = Check {
    id: "time-id-unique",
    source: Row(10),
    level: Level::Error,
    summary: "time_id is unique in the rule",
};
pub const TIME_ID_RANGE: Check = Check {
    id: "time-id-range",
    source: Source::FieldTable {
        errmsg: "field table: time_id must be greater than 0 and less than 99999",
        explanation: "时段标识,规则内唯一,大于0,小于99999",
    },
    level: Level::Error,
    summary: "time_id is given and is 1 … 99998",
};
pub const CHECKINTIME_SIZE: Check = Check {
    id: "checkintime-size",
    source: Row(25),
    level: Level::Error,
    summary: "each checkindate entry of a fixed rule has 1 to 4 periods",
};
pub const WORKDAYS: Check = Check {
    id: "workdays",
    source: Row(27),
    level: Level::Error,
    summary: "workdays are 0 … 6, at least one per entry, none repeated in the rule",
};
pub const WINDOW_ORDER: Check = Check {
    id: "window-order",
    source: Row(19),
    level: Level::Error,
    summary: "earliest_work_sec < latest_work_sec and earliest_off_work_sec < latest_off_work_sec",
};
pub const LATEST_OFF: Check = Check {
    id: "latest-off-work-sec",
    source: Row(20),
    level: Level::Error,
    summary: "off_work_sec ≤ latest_off_work_sec < off_work_sec + 24 h",
};
pub const EARLIEST_OFF: Check = Check {
    id: "earliest-off-work-sec",
    source: Row(21),
    level: Level::Error,
    summary: "work_sec < earliest_off_work_sec < off_work_sec",
};
pub const WORK_WINDOW: Check = Check {
    id: "work-window",
    source: Row(22),
    level: Level::Error,
    summary: "earliest_work_sec < work_sec < latest_work_sec < off_work_sec",
};
pub const FIXED_WINDOW_CAPS: Check = Check {
    id: "fixed-window-caps",
    source: Row(28),
    level: Level::Error,
    summary: "fixed rules: windows not negative; earliest_work_sec ≤ next-day 00:00, latest_work_sec ≤ next-day 23:59, earliest/latest_off_work_sec ≤ next-day 04:00",
};
pub const TIME_SECTION_SIZE: Check = Check {
    id: "time-section-size",
    source: Row(29),
    level: Level::Error,
    summary: "each working shift has 1 to 4 periods",
};
pub const WORK_OFF_ORDER: Check = Check {
    id: "work-off-order",
    source: Row(30),
    level: Level::Error,
    summary: "work_sec < off_work_sec, more than 1 minute and less than 24 h apart",
};
pub const REST_TIME: Check = Check {
    id: "rest-time",
    source: Row(31),
    level: Level::Error,
    summary: "with allow_rest, work_sec < rest_begin_time < rest_end_time < off_work_sec",
};
pub const WINDOW_REQUIRED: Check = Check {
    id: "window-required",
    source: Row(32),
    level: Level::Error,
    summary: "earliest/latest work and off-work secs are all given",
};
pub const WHOLE_MINUTES: Check = Check {
    id: "whole-minutes",
    source: Row(33),
    level: Level::Error,
    summary: "every time of a period is a whole minute",
};
pub const OFF_WORK_SEC: Check = Check {
    id: "off-work-sec",
    source: Row(34),
    level: Level::Error,
    summary: "off_work_sec is given and before next-day 23:59",
};
pub const WORK_SEC: Check = Check {
    id: "work-sec",
    source: Row(35),
    level: Level::Error,
    summary: "work_sec is given and not after next-day 00:00",
};
pub const REMIND_REQUIRED: Check = Check {
    id: "remind-required",
    source: Row(36),
    level: Level::Error,
    summary: "remind_work_sec and remind_off_work_sec are given",
};
pub const REMIND_WORK: Check = Check {
    id: "remind-work-sec",
    source: Row(64),
    level: Level::Error,
    summary: "remind_work_sec is work_sec or 5, 10, 15, 20 minutes before",
};
pub const REST_NEEDS_ALLOW_REST: Check = Check {
    id: "rest-needs-allow-rest",
    source: Row(69),
    level: Level::Error,
    summary: "rest_begin_time / rest_end_time need allow_rest",
};
pub const REMIND_OFF_WORK: Check = Check {
    id: "remind-off-work-sec",
    source: Row(87),
    level: Level::Error,
    summary: "remind_off_work_sec is off_work_sec or 10, 20, 30, 60 minutes after",
};
pub const NO_OVERLAP: Check = Check {
    id: "periods-overlap",
    source: Row(88),
    level: Level::Error,
    summary: "the periods of one day, and their check-in windows, do not overlap",
};
pub const SPECIAL_NO_WINDOWS: Check = Check {
    id: "special-workday-windows",
    source: Row(80),
    level: Level::Error,
    summary: "special workdays' periods have no earliest/latest secs",
};
pub const SPECIAL_TIMES: Check = Check {
    id: "special-workday-times",
    source: Row(81),
    level: Level::Error,
    summary: "special workdays: whole minutes, work_sec 04:00–18:00, off_work_sec 04:00–next-day 03:00, work before off, at most 24 h",
};

const NEXT_DAY: i64 = 86_400;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Fixed,
    Schedule,
    Special,
}

pub fn check(ctx: &mut Ctx) {
    let rule = ctx.rule;
    let fixed = rule.grouptype == Some(GroupType::FIXED);
    let mut time_ids: HashMap<i64, String> = HashMap::new();
    let mut seen_days: HashMap<i64, usize> = HashMap::new();
    for (i, d) in rule.checkindate.iter().flatten().enumerate() {
        let base = format!("/checkindate/{i}");
        workdays(
            ctx,
            &base,
            d.workdays.as_deref().unwrap_or_default(),
            fixed,
            &mut seen_days,
            i,
        );
        let periods = d.checkintime.as_deref().unwrap_or_default();
        if fixed && !(1..=4).contains(&periods.len()) {
            ctx.report(
                &CHECKINTIME_SIZE,
                format!("{base}/checkintime"),
                t!("time-checkintime-size", n = periods.len()),
            );
        }
        day(
            ctx,
            &format!("{base}/checkintime"),
            periods,
            Kind::Fixed,
            &mut time_ids,
        );
    }
    for (i, s) in rule.schedulelist.iter().flatten().enumerate() {
        if s.schedule_id == Some(0) {
            continue; // the rest shift has no periods (checked with the schedules)
        }
        let periods = s.time_section.as_deref().unwrap_or_default();
        let base = format!("/schedulelist/{i}/time_section");
        if !(1..=4).contains(&periods.len()) {
            ctx.report(
                &TIME_SECTION_SIZE,
                base.clone(),
                t!("time-section-size", n = periods.len()),
            );
        }
        day(ctx, &base, periods, Kind::Schedule, &mut time_ids);
    }
    // time_id is unique in the whole rule (field table: 时段标识,规则内唯一),
    // special working days included.
    for (i, s) in rule.spe_workdays.iter().flatten().enumerate() {
        day(
            ctx,
            &format!("/spe_workdays/{i}/checkintime"),
            s.checkintime.as_deref().unwrap_or_default(),
            Kind::Special,
            &mut time_ids,
        );
    }
}

fn workdays(
    ctx: &mut Ctx,
    base: &str,
    days: &[crate::model::Weekday],
    fixed: bool,
    seen: &mut HashMap<i64, usize>,
    entry: usize,
) {
    if fixed && days.is_empty() {
        ctx.report(
            &WORKDAYS,
            format!("{base}/workdays"),
            t!("time-workdays-empty"),
        )
        .help = Some(t!("time-workdays-empty-help"));
    }
    for (k, w) in days.iter().enumerate() {
        // Formatted only for a report: seven days of every rule.
        let at = || format!("{base}/workdays/{k}");
        if !(0..=6).contains(&w.0) {
            ctx.report(&WORKDAYS, at(), t!("time-weekday-unknown", value = w.0));
        } else if let Some(first) = seen.insert(w.0, entry) {
            let message = if first == entry {
                t!("time-workday-repeated-here", day = w.to_string())
            } else {
                t!("time-workday-repeated", day = w.to_string(), first = first)
            };
            ctx.report(&WORKDAYS, at(), message).help = Some(t!("time-workday-repeated-help"));
        }
    }
}

/// Where a period is (`{base}/{j}`): formatted where a string is needed (a
/// report, the place a time_id was first seen), once per period rather than
/// once up front and again for that place.
#[derive(Clone, Copy)]
struct At<'a> {
    base: &'a str,
    j: usize,
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.base, self.j)
    }
}

/// The periods of one day: each on its own, then against each other.
fn day(
    ctx: &mut Ctx,
    base: &str,
    periods: &[CheckinTime],
    kind: Kind,
    time_ids: &mut HashMap<i64, String>,
) {
    for (j, t) in periods.iter().enumerate() {
        let at = At { base, j };
        time_id(ctx, at, t, kind, time_ids);
        if kind == Kind::Special {
            special(ctx, at, t);
        } else {
            period(ctx, at, t, kind);
        }
        reminders(ctx, at, t);
    }
    // A special working day's periods may not overlap either (the row names no kind of day).
    overlaps(ctx, base, periods);
}

fn time_id(
    ctx: &mut Ctx,
    at: At<'_>,
    t: &CheckinTime,
    kind: Kind,
    seen: &mut HashMap<i64, String>,
) {
    match t.time_id {
        None if kind != Kind::Special => {
            ctx.report(&TIME_ID_RANGE, at.to_string(), t!("time-id-missing"))
                .help = Some(t!("time-id-missing-help"));
        }
        None => {}
        Some(id) if !(1..99_999).contains(&id) => {
            ctx.report(
                &TIME_ID_RANGE,
                format!("{at}/time_id"),
                t!("time-id-range", id = id),
            );
        }
        Some(id) => {
            if let Some(first) = seen.insert(id, at.to_string()) {
                ctx.report(
                    &TIME_ID_UNIQUE,
                    format!("{at}/time_id"),
                    t!("time-id-repeated", id = id, first = first),
                )
                .help = Some(t!("time-id-repeated-help"));
            }
        }
    }
}

/// A period of a fixed rule or a shift.
fn period(ctx: &mut Ctx, at: At<'_>, t: &CheckinTime, kind: Kind) {
    let f = |name: &str| format!("{at}/{name}");
    let fields = [
        ("work_sec", t.work_sec),
        ("off_work_sec", t.off_work_sec),
        ("remind_work_sec", t.remind_work_sec),
        ("remind_off_work_sec", t.remind_off_work_sec),
        ("rest_begin_time", t.rest_begin_time),
        ("rest_end_time", t.rest_end_time),
        ("earliest_work_sec", t.earliest_work_sec),
        ("latest_work_sec", t.latest_work_sec),
        ("earliest_off_work_sec", t.earliest_off_work_sec),
        ("latest_off_work_sec", t.latest_off_work_sec),
    ];
    for (name, v) in fields {
        if let Some(v) = v.filter(|v| v.0 % 60 != 0) {
            ctx.report(
                &WHOLE_MINUTES,
                f(name),
                t!(
                    "time-whole-minute",
                    field = name,
                    value = v.to_string(),
                    secs = v.0
                ),
            )
            .help = Some(t!("time-whole-minute-help"));
        }
    }
    let (work, off) = (t.work_sec, t.off_work_sec);
    match work {
        None => {
            ctx.report(&WORK_SEC, at.to_string(), t!("time-work-sec-missing"));
        }
        Some(w) if w.0 < 0 || w.0 > NEXT_DAY => {
            ctx.report(
                &WORK_SEC,
                f("work_sec"),
                t!("time-work-sec-late", value = w.to_string()),
            );
        }
        _ => {}
    }
    match off {
        None => {
            ctx.report(
                &OFF_WORK_SEC,
                at.to_string(),
                t!("time-off-work-sec-missing"),
            );
        }
        Some(o) if o.0 < 0 || o.0 >= NEXT_DAY + 86_340 => {
            ctx.report(
                &OFF_WORK_SEC,
                f("off_work_sec"),
                t!("time-off-work-sec-late", value = o.to_string()),
            );
        }
        _ => {}
    }
    if let (Some(w), Some(o)) = (work, off) {
        let gap = o.0 - w.0;
        if gap <= 60 || gap >= 86_400 {
            ctx.report(
                &WORK_OFF_ORDER,
                f("off_work_sec"),
                t!(
                    "time-work-off-span",
                    work = w.to_string(),
                    off = o.to_string(),
                    span = span(gap)
                ),
            )
            .help = Some(t!("time-work-off-span-help"));
        }
    }
    rest(ctx, at, t);
    windows(ctx, at, t, kind);
}

fn span(secs: i64) -> String {
    if secs <= 0 {
        t!("time-before", d = minutes(-secs))
    } else {
        minutes(secs)
    }
}

fn rest(ctx: &mut Ctx, at: At<'_>, t: &CheckinTime) {
    let f = |name: &str| format!("{at}/{name}");
    let has_rest_times = t.rest_begin_time.is_some() || t.rest_end_time.is_some();
    // The same default wherever a check-in time stands (model::defaults).
    if !t
        .allow_rest
        .unwrap_or(const { bool_at("checkindate[].checkintime[].allow_rest") })
    {
        if has_rest_times {
            let field = if t.rest_begin_time.is_some() {
                "rest_begin_time"
            } else {
                "rest_end_time"
            };
            ctx.report(
                &REST_NEEDS_ALLOW_REST,
                f(field),
                t!("time-rest-needs-allow"),
            )
            .help = Some(t!("time-rest-needs-allow-help"));
        }
        return;
    }
    let (Some(b), Some(e)) = (t.rest_begin_time, t.rest_end_time) else {
        ctx.report(&REST_TIME, f("allow_rest"), t!("time-rest-missing"))
            .help = Some(t!("time-rest-missing-help"));
        return;
    };
    let (Some(w), Some(o)) = (t.work_sec, t.off_work_sec) else {
        return;
    };
    let inside = |v: TimeOfDay| w < v && v < o;
    if !inside(b) || !inside(e) || b >= e {
        let field = if !inside(b) {
            "rest_begin_time"
        } else {
            "rest_end_time"
        };
        ctx.report(
            &REST_TIME,
            f(field),
            t!(
                "time-rest-inside",
                begin = b.to_string(),
                end = e.to_string(),
                work = w.to_string(),
                off = o.to_string()
            ),
        );
    }
}

fn windows(ctx: &mut Ctx, at: At<'_>, t: &CheckinTime, kind: Kind) {
    let f = |name: &str| format!("{at}/{name}");
    let (ew, lw, eo, lo) = (
        t.earliest_work_sec,
        t.latest_work_sec,
        t.earliest_off_work_sec,
        t.latest_off_work_sec,
    );
    let (Some(ew), Some(lw), Some(eo), Some(lo)) = (ew, lw, eo, lo) else {
        let missing: Vec<&str> = [
            ("earliest_work_sec", ew),
            ("latest_work_sec", lw),
            ("earliest_off_work_sec", eo),
            ("latest_off_work_sec", lo),
        ]
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| *n)
        .collect();
        ctx.report(
            &WINDOW_REQUIRED,
            at.to_string(),
            t!("time-window-missing", fields = missing.join(", ")),
        )
        .help = Some(t!("time-window-missing-help"));
        return;
    };
    if kind == Kind::Fixed {
        let caps = [
            ("earliest_work_sec", ew, NEXT_DAY, "00:00"),
            ("latest_work_sec", lw, NEXT_DAY + 86_340, "23:59"),
            ("earliest_off_work_sec", eo, NEXT_DAY + 14_400, "04:00"),
            ("latest_off_work_sec", lo, NEXT_DAY + 14_400, "04:00"),
        ];
        for (name, v, cap, cap_name) in caps {
            if v.0 < 0 || v.0 > cap {
                ctx.report(
                    &FIXED_WINDOW_CAPS,
                    f(name),
                    if v.0 < 0 {
                        t!("time-window-negative", field = name, value = v.to_string())
                    } else {
                        t!(
                            "time-window-after-next-day",
                            field = name,
                            value = v.to_string(),
                            cap = cap_name
                        )
                    },
                );
            }
        }
    }
    if ew >= lw {
        ctx.report(
            &WINDOW_ORDER,
            f("latest_work_sec"),
            t!(
                "time-window-order",
                later = "latest_work_sec",
                lv = lw.to_string(),
                earlier = "earliest_work_sec",
                ev = ew.to_string()
            ),
        );
    }
    if eo >= lo {
        ctx.report(
            &WINDOW_ORDER,
            f("latest_off_work_sec"),
            t!(
                "time-window-order",
                later = "latest_off_work_sec",
                lv = lo.to_string(),
                earlier = "earliest_off_work_sec",
                ev = eo.to_string()
            ),
        );
    }
    let (Some(w), Some(o)) = (t.work_sec, t.off_work_sec) else {
        return;
    };
    if !(ew < w && w < lw && lw < o) {
        let (field, msg) = if ew >= w {
            (
                "earliest_work_sec",
                t!("time-earliest-work", ew = ew.to_string(), w = w.to_string()),
            )
        } else if lw <= w {
            (
                "latest_work_sec",
                t!(
                    "time-latest-work-after",
                    lw = lw.to_string(),
                    w = w.to_string()
                ),
            )
        } else {
            (
                "latest_work_sec",
                t!(
                    "time-latest-work-before",
                    lw = lw.to_string(),
                    o = o.to_string()
                ),
            )
        };
        ctx.report(&WORK_WINDOW, f(field), msg);
    }
    if !(w < eo && eo < o) {
        ctx.report(
            &EARLIEST_OFF,
            f("earliest_off_work_sec"),
            t!(
                "time-earliest-off",
                eo = eo.to_string(),
                w = w.to_string(),
                o = o.to_string()
            ),
        );
    }
    if !(o <= lo && lo.0 < o.0 + 86_400) {
        ctx.report(
            &LATEST_OFF,
            f("latest_off_work_sec"),
            t!("time-latest-off", lo = lo.to_string(), o = o.to_string()),
        );
    }
}

fn reminders(ctx: &mut Ctx, at: At<'_>, t: &CheckinTime) {
    let f = |name: &str| format!("{at}/{name}");
    if t.remind_work_sec.is_none() || t.remind_off_work_sec.is_none() {
        ctx.report(&REMIND_REQUIRED, at.to_string(), t!("time-remind-required"))
            .help = Some(t!("time-remind-required-help"));
    }
    // How far each reminder may stand from its time: before work, after the end.
    let reminders = [
        (
            &REMIND_WORK,
            "remind_work_sec",
            "time-remind-work",
            t.remind_work_sec,
            t.work_sec,
            -1,
            [0, 300, 600, 900, 1200],
        ),
        (
            &REMIND_OFF_WORK,
            "remind_off_work_sec",
            "time-remind-off-work",
            t.remind_off_work_sec,
            t.off_work_sec,
            1,
            [0, 600, 1200, 1800, 3600],
        ),
    ];
    for (check, field, id, remind, time, sign, allowed) in reminders {
        let (Some(r), Some(time)) = (remind, time) else {
            continue;
        };
        let after = r.0 - time.0;
        if !allowed.contains(&(after * sign)) {
            let dir = if after >= 0 { "after" } else { "before" };
            let said = t!(
                id,
                r = r.to_string(),
                d = minutes(after.abs()),
                dir = dir,
                time = time.to_string()
            );
            ctx.report(check, f(field), said);
        }
    }
}

/// Periods of one day may not overlap, nor may their check-in windows.
fn overlaps(ctx: &mut Ctx, base: &str, periods: &[CheckinTime]) {
    // (working hours, check-in window) of each period, as second ranges.
    type Interval = (i64, i64);
    let spans: Vec<Option<(Interval, Option<Interval>)>> = periods
        .iter()
        .map(|t| {
            let work = (t.work_sec?.0, t.off_work_sec?.0);
            let window = t
                .earliest_work_sec
                .zip(t.latest_off_work_sec)
                .map(|(e, l)| (e.0, l.0));
            Some((work, window))
        })
        .collect();
    let hit = |a: (i64, i64), b: (i64, i64)| a.0 < b.1 && b.0 < a.1;
    for j in 0..spans.len() {
        for k in 0..j {
            let (Some((wj, winj)), Some((wk, wink))) = (spans[j], spans[k]) else {
                continue;
            };
            let windows_hit = matches!((winj, wink), (Some(a), Some(b)) if hit(a, b));
            if hit(wj, wk) || windows_hit {
                let what = if hit(wj, wk) { "hours" } else { "windows" };
                ctx.report(
                    &NO_OVERLAP,
                    format!("{base}/{j}"),
                    t!("time-overlap", what = what, k = k),
                )
                .help = Some(t!("time-overlap-help"));
            }
        }
    }
}

/// A period of a special working day.
fn special(ctx: &mut Ctx, at: At<'_>, t: &CheckinTime) {
    let f = |name: &str| format!("{at}/{name}");
    for (name, v) in [
        ("earliest_work_sec", t.earliest_work_sec),
        ("latest_work_sec", t.latest_work_sec),
        ("earliest_off_work_sec", t.earliest_off_work_sec),
        ("latest_off_work_sec", t.latest_off_work_sec),
    ] {
        if v.is_some() {
            ctx.report(
                &SPECIAL_NO_WINDOWS,
                f(name),
                t!("time-special-no-window", field = name),
            )
            .help = Some(t!("remove-it"));
        }
    }
    let (Some(w), Some(o)) = (t.work_sec, t.off_work_sec) else {
        ctx.report(
            &SPECIAL_TIMES,
            at.to_string(),
            t!("time-special-times-missing"),
        );
        return;
    };
    let problem = if w.0 % 60 != 0 || o.0 % 60 != 0 {
        Some(("work_sec", t!("time-special-whole-minutes")))
    } else if !(14_400..=64_800).contains(&w.0) {
        Some(("work_sec", t!("time-special-work", w = w.to_string())))
    } else if !(14_400..=NEXT_DAY + 10_800).contains(&o.0) {
        Some(("off_work_sec", t!("time-special-off", o = o.to_string())))
    } else if w > o || o.0 - w.0 > 86_400 {
        Some((
            "off_work_sec",
            t!("time-special-forward", w = w.to_string(), o = o.to_string()),
        ))
    } else {
        None
    };
    if let Some((field, msg)) = problem {
        ctx.report(&SPECIAL_TIMES, f(field), msg);
    }
}
