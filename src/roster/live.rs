//! Live rosters: getcheckinschedulist read for one rule and month, in
//! batches of at most 100 people (the documented limit), and its answer
//! checked before use (a hostile or odd answer is an error, never a panic).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::client::Client;
use crate::model::Date;

/// At most this many people per getcheckinschedulist call (000: 不超过100个).
pub const USERS_PER_READ: usize = 100;

/// One live cell: the shift's id and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shift {
    pub schedule_id: i64,
    pub name: String,
}

/// The live cells of one rule and month, by (userid, day).
pub type Cells = BTreeMap<(String, u8), Shift>;

/// The first and last second of a month in China Standard Time: the span of
/// one getcheckinschedulist call (at most a month).
pub fn month_span(yearmonth: u32) -> Option<(i64, i64)> {
    let (year, month) = ((yearmonth / 100) as i16, (yearmonth % 100) as i8);
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    let next = first.checked_add(jiff::Span::new().months(1)).ok()?;
    let at = |d: jiff::civil::Date| Date::parse(&d.to_string()).map(|d| d.0);
    Some((at(first)?, at(next)? - 1))
}

/// The cells of rule `groupid` in month `yearmonth` from one answer.
pub fn parse_answer(
    answer: &Value,
    groupid: i64,
    yearmonth: u32,
    into: &mut Cells,
) -> Result<(), String> {
    let list = match answer.get("schedule_list") {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Array(l)) => l,
        Some(_) => return Err(crate::t!("roster-live-not-list")),
    };
    for entry in list {
        let userid = entry
            .get("userid")
            .and_then(Value::as_str)
            .ok_or_else(|| crate::t!("roster-live-no-userid"))?;
        if entry.get("groupid").and_then(Value::as_i64) != Some(groupid)
            || entry.get("yearmonth").and_then(Value::as_u64) != Some(u64::from(yearmonth))
        {
            continue;
        }
        let days = entry
            .pointer("/schedule/scheduleList")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for day in days {
            let d = day
                .get("day")
                .and_then(Value::as_u64)
                .filter(|d| (1..=31).contains(d))
                .ok_or_else(|| {
                    crate::t!(
                        "roster-live-bad-day",
                        userid = userid,
                        day = day.get("day").unwrap_or(&Value::Null).to_string()
                    )
                })?;
            let info = day.get("schedule_info").unwrap_or(&Value::Null);
            let schedule_id = info
                .get("schedule_id")
                .and_then(Value::as_i64)
                .ok_or_else(|| format!("day {d} of {userid} has no schedule_id"))?;
            let name = info
                .get("schedule_name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            into.insert((userid.to_owned(), d as u8), Shift { schedule_id, name });
        }
    }
    Ok(())
}

/// The live cells of `users` in every rule for one month, by groupid: one
/// read per 100 people, whatever their rules (a chain's stores share calls).
pub async fn read_month(
    client: &Client,
    yearmonth: u32,
    users: &[String],
) -> Result<BTreeMap<i64, Cells>, String> {
    let (start, end) =
        month_span(yearmonth).ok_or_else(|| format!("{yearmonth} is not a month"))?;
    let mut out: BTreeMap<i64, Cells> = BTreeMap::new();
    for batch in users.chunks(USERS_PER_READ) {
        let answer = client
            .get_checkin_schedule_list(start, end, batch)
            .await
            .map_err(|e| e.to_string())?;
        let ids: std::collections::BTreeSet<i64> = answer["schedule_list"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["groupid"].as_i64())
            .collect();
        for id in ids {
            parse_answer(&answer, id, yearmonth, out.entry(id).or_default())?;
        }
    }
    Ok(out)
}

/// The live cells of `users` in rule `groupid` for one month.
pub async fn read(
    client: &Client,
    groupid: i64,
    yearmonth: u32,
    users: &[String],
) -> Result<Cells, String> {
    let (start, end) =
        month_span(yearmonth).ok_or_else(|| format!("{yearmonth} is not a month"))?;
    let mut cells = Cells::new();
    for batch in users.chunks(USERS_PER_READ) {
        let answer = client
            .get_checkin_schedule_list(start, end, batch)
            .await
            .map_err(|e| e.to_string())?;
        parse_answer(&answer, groupid, yearmonth, &mut cells)?;
    }
    Ok(cells)
}

/// A fingerprint of the live cells of some people: a saved plan is stale
/// when it moved.
pub fn fingerprint(cells: &Cells) -> String {
    let text: String = cells
        .iter()
        .map(|((u, d), s)| format!("{u}\u{1f}{d}\u{1f}{}\u{1e}", s.schedule_id))
        .collect();
    crate::plan::fnv(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_month_is_its_first_to_its_last_second_in_china_time() {
        let (s, e) = month_span(202612).unwrap();
        assert_eq!(Date(s).ymd(), "2026-12-01");
        assert_eq!(Date(e).ymd(), "2026-12-31");
        assert_eq!(e - s, 31 * 86_400 - 1);
        assert!(month_span(202613).is_none());
    }

    #[test]
    fn the_documented_answer_reads_and_a_hostile_one_is_an_error() {
        let answer: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/live/skit-getcheckinschedulist-response.json"
        ))
        .unwrap();
        let mut cells = Cells::new();
        parse_answer(&answer, 11, 202011, &mut cells).unwrap();
        assert_eq!(cells.len(), 3);
        assert_eq!(
            cells[&("james".into(), 30)],
            Shift {
                schedule_id: 0,
                name: "休息".into()
            }
        );
        let bad = json!({"schedule_list": [{"userid": "x", "groupid": 11, "yearmonth": 202011,
            "schedule": {"scheduleList": [{"day": 99, "schedule_info": {"schedule_id": 1}}]}}]});
        assert!(
            parse_answer(&bad, 11, 202011, &mut cells)
                .unwrap_err()
                .contains("not 1 to 31")
        );
    }
}
