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
use crate::live::LiveRule;
use crate::model::wire::rule_to_wire;
use crate::model::{Date, GroupType};
use crate::plan::{self, Action, card};
use crate::roster::{self, live as roster_live};

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
            .map_err(|e| ToolError::new(format!("cannot read whose rule is whose: {e}")))?;
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
        return vec!["a special day off (spe_offdays): no check-in".into()];
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
        let mut out = vec!["a special working day (spe_workdays)".to_owned()];
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
        None => vec!["not a working day of the rule".into()],
    }
}

pub fn run(args: &ExplainArgs) -> Result<Exit, ToolError> {
    let clock = crate::cli::now_or_clock(args.now);
    let now = clock.as_second();
    let day = match &args.date {
        Some(d) => Date::parse(d).ok_or_else(|| {
            ToolError::new(format!("--date {d:?} is not a day"))
                .with_help("write the day as YYYY-MM-DD, e.g. --date 2026-12-03")
        })?,
        None => Date::from_cst_day(Date(now).cst_day()),
    };
    let ymd = day.ymd();
    let civil: jiff::civil::Date = ymd
        .parse()
        .map_err(|e| ToolError::new(format!("{ymd}: {e}")))?;
    let weekday = i64::from(civil.weekday().to_sunday_zero_offset());
    let yearmonth = (civil.year() as u32) * 100 + civil.month() as u32;

    let paths = crate::cli::paths_or_default(&args.paths);
    let mut loaded = crate::load::load_paths(&paths)?;
    let (rosters, _) = roster::load(&mut loaded);
    let client =
        Client::new(super::client_config(&args.api)?).map_err(|e| ToolError::new(e.to_string()))?;
    let runtime = super::runtime()?;
    let assigned = rules_of(&client, &runtime, day, &args.userids)?;
    let answer = runtime
        .block_on(client.get_corp_checkin_option())
        .map_err(|e| ToolError::new(format!("cannot read the live rules: {e}")))?;
    let live: Vec<LiveRule> = crate::live::parse_answer(&answer)
        .map_err(|e| ToolError::new(format!("the live answer is not usable: {e}")))?;
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
        out += &format!("{userid} on {ymd} ({}):\n", civil.strftime("%A"));
        let Some(groupid) = assigned.get(userid).and_then(|g| g["groupid"].as_i64()) else {
            out += "  rule     none: getcheckinoption names no rule for this person that day\n\n";
            unexplained += 1;
            continue;
        };
        let Some(rule) = live.iter().find(|l| l.groupid == groupid) else {
            out += &format!(
                "  rule     groupid {groupid}, which getcorpcheckinoption does not list\n\n"
            );
            unexplained += 1;
            continue;
        };
        let name = rule.rule.groupname.clone().unwrap_or_default();
        let entry = planned.rules.iter().find(|r| r.groupid == Some(groupid));
        let file = entry
            .and_then(|e| e.file.clone())
            .unwrap_or_else(|| "no rule file describes it".into());
        let kind = match rule.rule.grouptype {
            Some(GroupType::FIXED) => "fixed hours",
            Some(GroupType::SCHEDULE) => "shifts",
            Some(GroupType::FREE) => "free check-in",
            _ => "unknown type",
        };
        out += &format!("  rule     {name} (groupid {groupid}, {kind}) — {file}\n");
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
                .map_err(|e| ToolError::new(format!("cannot read the live roster: {e}")))?;
            let live_shift = cells.get(&(userid.clone(), civil.day() as u8));
            match live_shift {
                Some(s) => {
                    out += &format!(
                        "  shift    {} (schedule_id {}) in the live roster\n",
                        s.name, s.schedule_id
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
                        hours.push("rest day: no check-in".into());
                    }
                }
                None => {
                    out +=
                        "  shift    none: the live roster has no shift for this person that day\n"
                }
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
            out += &match cell {
                None => "  roster   no roster file in git has this person that month\n".to_owned(),
                Some((r, None)) => {
                    format!("  roster   {}: the cell is empty (not managed)\n", r.file)
                }
                Some((r, Some(c))) => {
                    let agrees = live_shift.is_some_and(|s| s.name == c.name);
                    format!(
                        "  roster   {}:{}:{} says {}{}\n",
                        r.file,
                        c.at.line,
                        c.at.col,
                        c.name,
                        if agrees {
                            ", as live"
                        } else {
                            " — live differs: run `wecom-checkin plan`"
                        }
                    )
                }
            };
        } else if rule.rule.grouptype == Some(GroupType::FIXED) {
            hours = fixed_hours(&wire, day, weekday);
        } else {
            hours.push("free check-in: no fixed hours".into());
        }
        for h in &hours {
            out += &format!("  hours    {h}\n");
        }
        out += &match entry.map(|e| e.action) {
            Some(Action::Unchanged) => "  live     the rule matches git\n".to_owned(),
            Some(Action::NotManaged) | None => {
                "  live     not managed here: no rule file describes it\n".to_owned()
            }
            Some(a) => format!(
                "  live     the rule differs from git ({}): run `wecom-checkin plan` to see how\n",
                plan::plural(entry.map_or(0, |e| e.changes.len()), "change")
                    + match a {
                        Action::Drift => ", readonly",
                        _ => "",
                    }
            ),
        };
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
