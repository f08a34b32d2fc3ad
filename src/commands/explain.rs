//! `wecom-checkin explain USERID… [--date DAY]`: for each person, the rule
//! that applies that day (getcheckinoption), the rule file in git that
//! describes it, the shift from the live roster (getcheckinschedulist) or
//! the fixed hours, the check-in windows, and whether live matches git. The
//! answer to "why was she marked late?".

use serde_json::{Map, Value, json};

use crate::Exit;
use crate::cli::ExplainArgs;
use crate::client::{Client, Endpoint};
use crate::error::ToolError;
use crate::escape;
use crate::model::wire::rule_to_wire;
use crate::model::{Date, GroupType};
use crate::plan::{self, Action, card};
use crate::roster::{self, live as roster_live};
use crate::t;

/// The people's rules, 100 people a call (001: 用户列表不超过100个).
fn rules_of(
    client: &Client,
    runtime: &tokio::runtime::Runtime,
    day: Date,
    users: &[String],
) -> Result<Map<String, Value>, ToolError> {
    let mut out = Map::new();
    for batch in users.chunks(100) {
        let answer = runtime
            .block_on(client.call(
                Endpoint::GetCheckinOption,
                json!({"datetime": day.0, "useridlist": batch}),
            ))
            .map_err(|e| ToolError::new(t!("err-whose-rule", error = e.to_string())))?;
        for info in answer["info"].as_array().into_iter().flatten() {
            if let Some(u) = info["userid"].as_str() {
                out.insert(u.to_owned(), info["group"].clone());
            }
        }
    }
    Ok(out)
}

/// The working periods of a fixed rule on a day: a special day first, then
/// the day group whose workdays hold the weekday.
fn fixed_hours(wire: &Value, day: Date, weekday: i64) -> Vec<String> {
    let on_day =
        |v: &Value| v["timestamp"].as_i64().map(|t| Date(t).cst_day()) == Some(day.cst_day());
    if wire["spe_offdays"]
        .as_array()
        .into_iter()
        .flatten()
        .any(on_day)
    {
        return vec![t!("explain-special-offday")];
    }
    let periods = |list: &Value| -> Vec<String> {
        list.as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
            .map(card::period)
            .collect()
    };
    if let Some(special) = wire["spe_workdays"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| on_day(v))
    {
        let mut out = vec![t!("explain-special-workday")];
        out.extend(periods(&special["checkintime"]));
        return out;
    }
    let group = wire["checkindate"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| {
            d["workdays"]
                .as_array()
                .is_some_and(|w| w.iter().any(|x| x.as_i64() == Some(weekday)))
        });
    match group {
        Some(g) => periods(&g["checkintime"]),
        None => vec![t!("explain-not-working-day")],
    }
}

pub fn run(args: &ExplainArgs) -> Result<Exit, ToolError> {
    let clock = crate::cli::now_or_clock(args.now);
    let now = clock.as_second();
    let day = match &args.date {
        Some(d) => Date::parse(d).ok_or_else(|| {
            ToolError::new(t!("err-date", date = format!("{d:?}"))).with_help(t!("err-date-help"))
        })?,
        None => Date::from_cst_day(Date(now).cst_day()),
    };
    let ymd = day.ymd();
    let civil: jiff::civil::Date = ymd.parse().map_err(|_| {
        ToolError::new(t!("err-date", date = ymd.as_str())).with_help(t!("err-date-help"))
    })?;
    let weekday = i64::from(civil.weekday().to_sunday_zero_offset());
    let yearmonth = (civil.year() as u32) * 100 + civil.month() as u32;

    let paths = crate::cli::paths_or_default(&args.paths);
    let mut loaded = crate::load::load_paths(&paths)?;
    let (rosters, _) = roster::load(&mut loaded);
    let client = super::connect(&args.api)?;
    let runtime = super::runtime()?;
    let assigned = rules_of(&client, &runtime, day, &args.userids)?;
    let (live, _) = crate::pipeline::read_live_api(&client, &runtime)?;
    let planned = plan::build(
        &loaded.rules,
        &live,
        &plan::Options {
            prune: false,
            allow_replace: false,
            now: clock,
            effective_now: false,
        },
    );

    let mut out = String::new();
    let mut unexplained = 0;
    for userid in &args.userids {
        out += &t!(
            "explain-person",
            userid = userid.as_str(),
            day = ymd.to_string(),
            weekday = weekday as usize
        );
        out.push('\n');
        let Some(groupid) = assigned.get(userid).and_then(|g| g["groupid"].as_i64()) else {
            out += &line("explain-rule", t!("explain-rule-none"));
            out.push('\n');
            unexplained += 1;
            continue;
        };
        let Some(rule) = live.iter().find(|l| l.groupid == groupid) else {
            out += &line(
                "explain-rule",
                t!("explain-rule-unlisted", groupid = groupid),
            );
            out.push('\n');
            unexplained += 1;
            continue;
        };
        let name = rule.rule.groupname.clone().unwrap_or_default();
        let entry = planned.rules.iter().find(|r| r.groupid == Some(groupid));
        let file = entry
            .and_then(|e| e.file.clone())
            .unwrap_or_else(|| t!("explain-no-file"));
        let kind = match rule.rule.grouptype {
            Some(GroupType::FIXED) => "fixed",
            Some(GroupType::SCHEDULE) => "schedule",
            Some(GroupType::FREE) => "free",
            _ => "unknown",
        };
        out += &line(
            "explain-rule",
            t!(
                "explain-rule-is",
                name = name.as_str(),
                groupid = groupid,
                kind = kind,
                file = file
            ),
        );
        let wire = rule_to_wire(&rule.rule);
        let mut hours: Vec<String> = Vec::new();
        if rule.rule.grouptype == Some(GroupType::SCHEDULE) {
            let cells = runtime
                .block_on(roster_live::read(
                    &client,
                    groupid,
                    yearmonth,
                    std::slice::from_ref(userid),
                ))
                .map_err(|e| ToolError::new(t!("err-live-rosters", error = e.to_string())))?;
            let live_shift = cells.get(&(userid.clone(), civil.day() as u8));
            match live_shift {
                Some(s) => {
                    out += &line(
                        "explain-shift",
                        t!(
                            "explain-shift-is",
                            name = s.name.as_str(),
                            id = s.schedule_id
                        ),
                    );
                    let shift = wire["schedulelist"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .find(|x| x["schedule_id"].as_i64() == Some(s.schedule_id));
                    if let Some(shift) = shift {
                        hours.extend(
                            shift["time_section"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .filter_map(Value::as_object)
                                .map(card::period),
                        );
                    }
                    if s.schedule_id == 0 {
                        hours.push(t!("explain-rest-day"));
                    }
                }
                None => out += &line("explain-shift", t!("explain-shift-none")),
            }
            let in_git = rosters
                .iter()
                .find(|r| r.groupname == name && r.yearmonth() == yearmonth);
            let cell = in_git.and_then(|r| {
                r.rows
                    .iter()
                    .find(|row| row.userid == *userid)
                    .map(|row| (r, row.cells.iter().find(|c| c.day == civil.day() as u8)))
            });
            let said = match cell {
                None => t!("explain-roster-none"),
                Some((r, None)) => t!("explain-roster-empty", file = r.file.as_str()),
                Some((r, Some(c))) => {
                    let agrees = live_shift.is_some_and(|s| s.name == c.name);
                    t!(
                        "explain-roster-says",
                        at = format!("{}:{}:{}", r.file, c.at.line, c.at.col),
                        name = c.name.as_str(),
                        agrees = if agrees { "yes" } else { "no" }
                    )
                }
            };
            out += &line("explain-roster", said);
        } else if rule.rule.grouptype == Some(GroupType::FIXED) {
            hours = fixed_hours(&wire, day, weekday);
        } else {
            hours.push(t!("explain-free"));
        }
        for h in hours {
            out += &line("explain-hours", h);
        }
        let live_said = match entry.map(|e| e.action) {
            Some(Action::Unchanged) => t!("explain-live-same"),
            Some(Action::NotManaged) | None => t!("explain-live-not-managed"),
            Some(a) => t!(
                "explain-live-differs",
                n = entry.map_or(0, |e| e.changes.len()),
                readonly = if a == Action::Drift { "yes" } else { "no" }
            ),
        };
        out += &line("explain-live", live_said);
        out.push('\n');
    }
    print!(
        "{}",
        escape::guard_lines(
            out.lines()
                .map(|l| escape::text(l).into_owned() + "\n")
                .collect()
        )
    );
    Ok(if unexplained > 0 {
        Exit::Failure
    } else {
        Exit::Success
    })
}

/// One line of a person's explanation: its label ("rule", "shift", …) in a
/// column eight terminal cells wide (a Chinese character takes two), then
/// what it says.
fn line(label: &str, said: String) -> String {
    let label = t!(label);
    let cells: usize = label
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum();
    let pad = " ".repeat(8usize.saturating_sub(cells));
    format!("  {label}{pad} {said}\n")
}
