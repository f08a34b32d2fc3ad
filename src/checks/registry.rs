//! Every check, in one list: docs/validation.md and SARIF rules come from here.

use super::{Check, buka, checkin_time, flex, group, locations, overtime, schedules, special_days};

pub const CHECKS: &[&Check] = &[
    &group::GROUPNAME,
    &group::GROUPTYPE,
    &group::CHECKIN_TYPE,
    &group::RANGE,
    &group::REPORTER,
    &group::OPTION_OUT_RANGE,
    &group::OLD_CHECKIN_FIELDS,
    &group::OLD_SCHEDULE_FIELDS,
    &group::OLD_OT_INFO,
    &group::SCHEDULELIST_ON_FIXED,
    &group::SCHEDULELIST_ON_FREE,
    &group::CHECKINDATE_ON_SCHEDULE,
    &group::CHECKINDATE_SIZE,
    &group::SPAN_DAY_TIME_ON_FIXED,
    &group::STANDARD_DURATION_ON_FIXED,
    &group::SPAN_DAY_TIME_ON_SCHEDULE,
    &group::STANDARD_DURATION_ON_SCHEDULE,
    &group::SPAN_DAY_TIME_RANGE,
    &group::SPAN_DAY_TIME_MINUTES,
    &group::STANDARD_DURATION,
    &group::OFFWORK_INTERVAL,
    &schedules::VALID_SCHEDULE,
    &schedules::REST_SCHEDULE,
    &schedules::FIRST_PERIOD_EARLIEST,
    &schedules::NAME_UNIQUE,
    &schedules::ID_UNIQUE,
    &schedules::REST_NO_PERIODS,
    &schedules::REST_NAME,
    &schedules::NAME,
    &schedules::SIZE,
    &checkin_time::TIME_ID_UNIQUE,
    &checkin_time::TIME_ID_RANGE,
    &checkin_time::CHECKINTIME_SIZE,
    &checkin_time::WORKDAYS,
    &checkin_time::WINDOW_ORDER,
    &checkin_time::LATEST_OFF,
    &checkin_time::EARLIEST_OFF,
    &checkin_time::WORK_WINDOW,
    &checkin_time::FIXED_WINDOW_CAPS,
    &checkin_time::TIME_SECTION_SIZE,
    &checkin_time::WORK_OFF_ORDER,
    &checkin_time::REST_TIME,
    &checkin_time::WINDOW_REQUIRED,
    &checkin_time::WHOLE_MINUTES,
    &checkin_time::OFF_WORK_SEC,
    &checkin_time::WORK_SEC,
    &checkin_time::REMIND_REQUIRED,
    &checkin_time::REMIND_WORK,
    &checkin_time::REST_NEEDS_ALLOW_REST,
    &checkin_time::REMIND_OFF_WORK,
    &checkin_time::NO_OVERLAP,
    &checkin_time::SPECIAL_NO_WINDOWS,
    &checkin_time::SPECIAL_TIMES,
    &flex::FLEX_ON_OFF_MAX,
    &flex::FLEX_VALUES,
    &flex::FLEX_NEEDS_A_PAIR,
    &flex::FLEX_NEEDS_ALLOW_FLEX,
    &flex::FLEX_ONE_PAIR,
    &flex::LATE_RULE_VALUES,
    &flex::LATE_RULE_NEEDS_ALLOW,
    &flex::LATE_RULE_ORDER,
    &special_days::FUTURE_ONLY,
    &special_days::STARTED,
    &special_days::BEGTIME,
    &special_days::ENDTIME,
    &special_days::CONFLICT,
    &special_days::TIMESTAMP,
    &special_days::PERIOD,
    &special_days::ONE_YEAR,
    &special_days::MAX_366,
    &special_days::OFFDAY_CHECKINTIME,
    &special_days::WORKDAY_CHECKINTIME,
    &special_days::NOTES,
    &special_days::NOTES_BYTES,
    &special_days::TYPE,
    &special_days::NO_WORKDAYS,
    &locations::WIFI_MAC,
    &locations::WIFI_MAC_UNIQUE,
    &locations::WIFI_INFO,
    &locations::WIFI_OR_LOCATION,
    &locations::MAX_500,
    &locations::DISTANCE,
    &locations::LOCATION_INFO,
    &overtime::REST_ITEM_VALUES,
    &overtime::REST_ITEM_REQUIRED,
    &overtime::REST_ITEMS_INCREASING,
    &overtime::REST_ITEMS_SIZE,
    &overtime::REST_NOT_ENABLED,
    &overtime::FIX_TIME_SIZE,
    &overtime::APPLY_REST_TYPE,
    &overtime::APPLYCHECKIN_REST_TYPE,
    &overtime::CHECKIN_REST_TYPE,
    &overtime::FIX_TIME_VALUES,
    &overtime::TRANS_RATIO,
    &overtime::OT_TIME_MIN_MAX,
    &overtime::OT_TIME_START,
    &overtime::TRANS_TYPE,
    &overtime::OT_TYPE,
    &overtime::BY_LENGTH_NO_PERIODS,
    &overtime::BY_PERIODS_NO_LENGTH,
    &overtime::OT_INFO_V2,
    &overtime::CONFS,
    &overtime::FIX_TIME_REQUIRED,
    &buka::BUKA_REMIND,
    &buka::LIMIT_NEXT_MONTH,
    &buka::BK_CNT,
    &buka::NEEDS_ALLOW_APPLY,
    &buka::NEEDS_OPEN_REMIND,
    &buka::FACE_DETECT,
    &buka::BK_DAY_LIMIT,
];

/// The check with this id.
pub fn by_id(id: &str) -> Option<&'static Check> {
    CHECKS.iter().copied().find(|c| c.id == id)
}

/// A problem of a file itself, of planning or of a roster: no server errcode
/// (code 0), an id that `--format json` gives as `check` and SARIF as the
/// rule id, and the severity it has unless the situation says otherwise (an
/// error in a field the plan does not send is a warning there).
pub struct FileCheck {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

const fn file_check(id: &'static str, severity: Severity, summary: &'static str) -> FileCheck {
    FileCheck {
        id,
        severity,
        summary,
    }
}

use crate::diag::Severity::{self, Error, Warning};

pub const FILE_CHECKS: &[FileCheck] = &[
    file_check(
        "file",
        Error,
        "A rule file cannot be read (a folder, no permission, gone).",
    ),
    file_check(
        "no rule files",
        Error,
        "A folder holds no rule file (*.yaml, *.yml, *.json): a failed checkout never looks like an empty corp.",
    ),
    file_check(
        "too large",
        Error,
        "A file over 4 MiB, or a document that expands to too many values (aliases).",
    ),
    file_check("encoding", Error, "A file that is not UTF-8."),
    file_check("empty file", Error, "A file with no rule in it."),
    file_check(
        "yaml syntax",
        Error,
        "Not YAML 1.2 (full-width structure characters are named).",
    ),
    file_check(
        "yaml value",
        Error,
        "A YAML value the rule cannot hold: an unknown tag, a non-string key.",
    ),
    file_check(
        "duplicate key",
        Error,
        "A key twice in one mapping (both places are named).",
    ),
    file_check("too deep", Error, "Nesting deeper than 64 levels."),
    file_check(
        "type",
        Error,
        "A value of the wrong type or readable form (a string where a number goes, \"9am\").",
    ),
    file_check("missing key", Error, "grouptype or groupname missing."),
    file_check(
        "unknown key",
        Error,
        "A likely typo of a known key, or a key with a full-width character.",
    ),
    file_check(
        "unknown field",
        Warning,
        "A key this version does not know at its place: kept and sent as written.",
    ),
    file_check(
        "out of range",
        Error,
        "A whole number outside its field's range where no server error row covers it.",
    ),
    file_check("schema", Error, "Any other mismatch with the rule schema."),
    file_check(
        "hidden characters",
        Warning,
        "A string with characters no reader can see (controls, bidi marks), or spaces around it.",
    ),
    file_check(
        "duplicate groupname",
        Error,
        "Two rule files with one groupname.",
    ),
    file_check(
        "duplicate groupid",
        Error,
        "Two rule files pinned to one groupid.",
    ),
    file_check(
        "pinned groupid",
        Error,
        "A file pinned to a groupid live does not have, or to another rule's.",
    ),
    file_check(
        "readonly rule missing",
        Error,
        "A `readonly: true` rule file that no live rule matches (a readonly file documents a live rule; it is never created).",
    ),
    file_check(
        "grouptype change",
        Error,
        "A rule whose grouptype changes: the API cannot update it (replace it with --allow-replace).",
    ),
    file_check(
        "not expressible",
        Error,
        "A change the API cannot make (emptying a field it cannot clear).",
    ),
    file_check(
        "would erase live settings",
        Error,
        "An update that would erase settings live has and the file does not (newer fields, console settings).",
    ),
    file_check(
        "duplicate live rule",
        Error,
        "Several live rules with one groupname, and no flag to delete the others.",
    ),
    file_check(
        "roster-file",
        Error,
        "A roster file that cannot be read as CSV, or is in the wrong place.",
    ),
    file_check(
        "roster-header",
        Error,
        "A roster's header is not userid and the days of its month.",
    ),
    file_check(
        "roster-userid",
        Error,
        "A roster row without a userid, or a userid twice.",
    ),
    file_check(
        "roster-shift",
        Error,
        "A roster cell that names no shift of its rule.",
    ),
    file_check(
        "roster-rule",
        Error,
        "A roster for a rule that is not a schedule rule, or that no file describes.",
    ),
    file_check(
        "roster-plan",
        Error,
        "A roster the plan cannot set (a past day, a rule not yet added).",
    ),
];

/// The file check with this id.
pub fn file_check_by_id(id: &str) -> Option<&'static FileCheck> {
    FILE_CHECKS.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One id, one meaning: SARIF rule ids and JSON `check`s never collide.
    #[test]
    fn ids_are_unique_across_both_lists() {
        let mut ids: Vec<String> = CHECKS.iter().map(|c| c.id.to_owned()).collect();
        ids.extend(FILE_CHECKS.iter().map(|c| c.id.replace(' ', "-")));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
