//! docs/validation.md, generated from the error table and the check registry
//! (a test fails when the checked-in file is stale).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::registry::CHECKS;
use super::table::ERROR_TABLE;
use super::{Check, Source};

/// Rows that share their condition with another row: the server's text for the
/// condition exists twice, and validate answers with one of them.
const SAME_AS: &[(usize, usize, &str)] = &[
    (
        51,
        48,
        "the same condition as row 48 (trans_ratio ≤ 3000), reported with row 48's errmsg",
    ),
    (
        53,
        9,
        "the same condition as row 9 (ot_info present), reported with row 9's errcode 301094",
    ),
    (
        63,
        37,
        "the same condition as row 37 (a reporter without userid or tagid), reported with row 37's errmsg",
    ),
];

/// Decisions taken where the documents contradict themselves or say nothing.
const DECISIONS: &str = r#"## Decisions

Where the document contradicts itself, the evidence decides (a value seen in a
real live rule beats prose; the server's own errmsg, which is the string its
code sends, beats the field table's prose).

1. **Leave-late / arrive-late order (rows 7 and 86).** Row 7's explanation
   says onwork_flex_time must be *greater* than offwork_after_time; row 86's
   errmsg says offwork_after_time "should less than" onwork_flex_time, while
   its explanation says offwork_after_time ≥ onwork_flex_time. A real live
   rule (WxJava issue 3323) has both at 3600, and the doc93384 example has a
   timerule with both 3600: equality is accepted. Decision: **offwork_after_time
   ≥ onwork_flex_time**, reported with row 86 when violated (leaving late by X
   lets you arrive late by at most X). Row 7 checks only multiples of 15
   minutes and the 600-minute cap.
2. **group.type (row 18).** The error table's errmsg says "group.type need to
   be one of 0/1/3"; the field table says 0 phone, 2 time clock, 3 both. No
   live rule shows 1 or 2. Decision: follow the errmsg, which is the server's
   own check: **0, 1 and 3 pass, 2 is an error** with a help line naming the
   contradiction.
3. **ot_info_v2 confs (rows 56, 57).** The documented add and update bodies
   carry only workdayconf; the error table (row 57) and the field table
   ("是,allow_ot、type必填") require restdayconf and holidayconf. Decision:
   **all three are required** (a rule file that passes must not be rejected);
   so the documented add body fails validate with row 57, which
   `tests/fixtures/checks/` pins. On an update, an absent ot_info_v2 is simply
   not sent (docs/planning.md: update semantics), so existing rules are not affected.
4. **Flex units.** The old read document gave flex_on/off_duty_time in
   milliseconds; the field table and the current documents say seconds.
   Decision: rule files hold **seconds**, and values are checked as seconds
   (multiples of 300, ≤ 21600). Reading a live value in milliseconds is the
   planner's concern (docs/api-notes.md: the read shape).
5. **Only future special days (row 72, no errcode in the table).** Decision:
   301093 (every other special-day row is 301093). Following the dates decision (history is ignored), an
   entry that ended before today is history: ignored on both sides and never
   sent, so validate reports it as a **warning**. An entry that started on or
   before today and has not ended is also a warning in validate: it can stay
   while the list is unchanged, and the plan turns it into an error when the
   list is sent.
6. **What "today" is.** Days are China Standard Time days. `--now` fixes the
   instant; an entry on today's date is not "future".
7. **Duplicated rows** (51/48, 53/9, 63/37): the same condition appears twice
   with different words; validate answers with the first-named row, as listed
   in the table below. Rows 3 and 4 (old checkindate fields) differ in the
   fields they name: row 3 is used for checkindate entries and for
   limit_offtime anywhere, row 4 for flex_time / limit_aheadtime /
   noneed_offwork on schedulelist entries.
8. **Rows 2 and 8 (flex maxima).** flex_on/off_duty_time above 360 minutes
   answers row 2; any other bad value of the four flex fields (not a multiple
   of 300, negative, max_allow_arrive_* above 21600) answers row 8.
9. **Distance above 3000 (rows 23, 24).** Reported once, by row 23 (not one of
   the allowed distances), which is the more precise errmsg.
10. **Make-up settings without allow_apply_offworkday (row 65).** "Set" means
    different from the default: allow_apply_bk_cnt, allow_apply_bk_day_limit
    and buka_limit_next_month other than -1, buka_restriction other than 0, or
    buka_remind.open_remind true. The documented add body sets these to their
    defaults together with allow_apply_offworkday true.
11. **Flex values without allow_flex (row 62).** The errmsg "flex checkin rule
    need allow flex" is used for every flex field the field table marks
    "有值时需要allow flex为true": a non-zero flex_on/off_duty_time,
    max_allow_arrive_*, or a late_rule with allow_offwork_after_time. A value
    of 0 is not "set" (the documented add body has flex_on_duty_time: 0 without
    allow_flex). A shift's allow_flex defaults to true (field table); a fixed
    rule's to false.
12. **time_id uniqueness (row 10).** "规则内唯一": unique across all periods of
    the rule's checkindate and schedulelist; each special working day's periods
    are checked on their own. time_id is required on fixed and shift periods
    (field table "特定类型必填"), optional on special working days.
13. **Overlapping periods (row 88).** Working hours [work_sec, off_work_sec)
    and check-in windows [earliest_work_sec, latest_off_work_sec) of the
    periods of one day may touch but not overlap.
14. **Every-other-week special days (type 2).** The days are timestamp,
    timestamp + 14 days, … up to endtime; overlaps are judged on those days.
15. **One year (row 78).** "时间范围不可超过一年": both the first and the
    last day count, so a period holds at most one year's days — it ends at
    the latest the day before the same calendar date a year later
    (2027-01-01 … 2027-12-31, 365 days; 2028-01-01 … 2028-12-31, 366 days).
    2028-01-01 … 2029-01-01 is 367 days and is refused (29 February counts
    from 28 February).
16. **MAC addresses (row 11).** Six pairs of hex digits separated by colons,
    either case; uniqueness (row 12) ignores case.
17. **Cal_ottime items (row 38).** Both ot_time and rest_time are multiples of
    15 minutes and at most 360 minutes, rest_time ≤ ot_time.
18. **Constraints of the field table without an error row** (time_id range,
    notes ≤ 40 bytes, ot_time_start ≤ 720 minutes): the server's errmsg for them
    is unknown, so they are reported with errcode 301093 and an errmsg that
    starts with "field table:", which says where the rule comes from.
19. **time_id across the rule.** The field table says 时段标识,规则内唯一: a
    special working day's periods share the rule's time_ids, so their ids
    differ from those of checkindate and schedulelist too; their periods may
    not overlap each other (row 88 names no kind of day).
20. **Values out of range.** A whole number outside a field's range (a
    workday 7, a negative span_day_time) reaches the server, which answers with
    its error-table row: validate reports that row. The schema still holds the
    range for editors; its message stands only where no row covers the value.
21. **Every problem in one run.** A value of the wrong shape (a string where a
    number goes, a typo of a key) is reported and set aside, and the server's
    checks run on the rest of the rule, so a file shows all its problems at
    once. A value that breaks two rows is reported under both.
22. **Keys this version does not know.** A key that is a likely typo of a known
    key (Jaro-Winkler similarity above 0.8) is an error with "did you mean";
    any other unknown key is a warning: it is kept, compared and sent as
    written, because the API grows faster than the documents.
"#;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn checks_for_row(row: usize) -> Vec<&'static Check> {
    CHECKS
        .iter()
        .copied()
        .filter(|c| matches!(c.source, Source::Row(r) if r == row))
        .collect()
}

fn case_list(cases: &BTreeMap<&str, Vec<String>>, id: &str) -> String {
    cases
        .get(id)
        .map(|v| {
            v.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_else(|| "—".into())
}

/// The page, given the test cases of each check (by check id).
pub fn validation_md(cases: &BTreeMap<&str, Vec<String>>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Offline validation: the server's error table, row by row\n\n\
         <!-- Generated by `WECOM_CHECKIN_UPDATE_DOCS=1 cargo test validation_md` from\n\
         src/checks/ (table.rs, registry.rs, docs.rs) and tests/fixtures/checks/. Do not edit. -->\n\n\
         `wecom-checkin validate` reproduces every row of the error table (错误信息列表) of\n\
         api-docs 002 that can be decided from the rule alone: same errcode, same errmsg.\n\
         Each check's test cases are in `tests/fixtures/checks/` (a case named\n\
         `<check>/<what>`; cases without findings pass exactly at the boundary).\n\n\
         {} rows, {} checks.\n\n\
         | # | errcode | errmsg | 错误说明 | check | test cases |\n| --- | --- | --- | --- | --- | --- |",
        ERROR_TABLE.len(),
        CHECKS.len()
    );
    for (i, row) in ERROR_TABLE.iter().enumerate() {
        let n = i + 1;
        let code = row.errcode.map_or("(none)".to_owned(), |c| c.to_string());
        let checks = checks_for_row(n);
        let (check, tests) = if checks.is_empty() {
            let note = SAME_AS
                .iter()
                .find(|(r, _, _)| *r == n)
                .map_or("not decidable offline".to_owned(), |(_, _, why)| {
                    (*why).to_owned()
                });
            (note, "—".to_owned())
        } else {
            (
                checks
                    .iter()
                    .map(|c| format!("`{}`: {}", c.id, c.summary))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                checks
                    .iter()
                    .map(|c| case_list(cases, c.id))
                    .collect::<Vec<_>>()
                    .join("<br>"),
            )
        };
        let _ = writeln!(
            out,
            "| {n} | {code} | {} | {} | {} | {} |",
            cell(row.errmsg),
            cell(row.explanation),
            cell(&check),
            tests
        );
    }
    let _ = writeln!(
        out,
        "\n## Constraints of the field table without an error row\n\n| check | errmsg | 字段说明 | what | test cases |\n| --- | --- | --- | --- | --- |"
    );
    for c in CHECKS
        .iter()
        .filter(|c| matches!(c.source, Source::FieldTable { .. }))
    {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            c.id,
            cell(c.errmsg()),
            cell(c.explanation()),
            cell(c.summary),
            case_list(cases, c.id)
        );
    }
    let _ = writeln!(
        out,
        "\n## Problems of the files themselves, of planning and of rosters\n\n\
         No server errcode (code 0 in `--format json`); the id is the `check` of\n\
         `--format json` and, with `-` for spaces, the SARIF rule id.\n\n\
         | check | level | what |\n| --- | --- | --- |"
    );
    for c in super::registry::FILE_CHECKS {
        let level = match c.severity {
            crate::diag::Severity::Error => "error",
            crate::diag::Severity::Warning => "warning",
        };
        let _ = writeln!(out, "| `{}` | {level} | {} |", c.id, cell(c.summary));
    }
    out.push('\n');
    out.push_str(DECISIONS);
    out
}
