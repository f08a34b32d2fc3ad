//! The API's field names that the tool treats in a particular way, each list
//! in one place: what a value means (its [`Kind`]), what belongs to the tool,
//! what the read shape adds, and which lists are edited entry by entry.

use super::{Date, Duration, GroupType, TimeOfDay, Weekday};

/// Keys of a rule file that belong to the tool, not to the API: never sent, never compared.
pub const TOOL_KEYS: [&str; 4] = ["groupid", "effective_now", "readonly", "keep_live"];

/// Keys of the read shape that describe a rule rather than configure it:
/// never written, never compared.
pub const METADATA: [&str; 4] = ["groupid", "create_time", "create_userid", "update_userid"];

/// Legacy fields of a `checkindate` entry in the read shape: read, never
/// written, never compared.
pub const LEGACY_IN_DAYS: [&str; 4] = [
    "flex_time",
    "limit_aheadtime",
    "limit_offtime",
    "noneed_offwork",
];

/// Fields newer than the 2023-12 documents, nested in objects that an update
/// sends whole. A rule file written before this version knew them lacks them
/// while live has them: sending the parent would erase them (D2), so the plan
/// guards them as it guards fields it does not know at all.
pub const NEWER_NESTED: [&str; 3] = ["biweekly", "rest_times", "time_unit_config"];

/// The lists whose entries are shown whole, added or removed, and which
/// clear_checkin_option_array_field can empty.
pub const ENTRY_LISTS: [&str; 4] = ["spe_workdays", "spe_offdays", "wifimac_infos", "loc_infos"];

/// What a whole number on the wire means, for the fields whose files may
/// write it readably (README: values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    TimeOfDay,
    Duration,
    Date,
    Weekday,
    GroupType,
}

impl Kind {
    /// The kind of the values of `key`, wherever it is in a rule: each key
    /// means one thing in every object that has it (a test holds this table
    /// to the types of the model, through the schema generated from them).
    pub fn of(key: &str) -> Option<Kind> {
        Some(match key {
            "work_sec"
            | "off_work_sec"
            | "remind_work_sec"
            | "remind_off_work_sec"
            | "earliest_work_sec"
            | "latest_work_sec"
            | "earliest_off_work_sec"
            | "latest_off_work_sec"
            | "rest_begin_time"
            | "rest_end_time"
            | "fix_time_begin_sec"
            | "fix_time_end_sec"
            | "span_day_time" => Kind::TimeOfDay,
            "flex_on_duty_time"
            | "flex_off_duty_time"
            | "max_allow_arrive_early"
            | "max_allow_arrive_late"
            | "offwork_after_time"
            | "onwork_flex_time"
            | "offwork_interval_time"
            | "ot_time"
            | "ot_time_min"
            | "ot_time_max"
            | "ot_time_start"
            | "perday_duration_secs"
            | "rest_time"
            | "standard_work_duration"
            | "step_size" => Kind::Duration,
            "timestamp" | "begtime" | "endtime" => Kind::Date,
            "workdays" | "odd_workdays" | "even_workdays" => Kind::Weekday,
            "grouptype" => Kind::GroupType,
            _ => return None,
        })
    }

    /// Its name in the JSON Schema (`title`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::TimeOfDay => "TimeOfDay",
            Kind::Duration => "Duration",
            Kind::Date => "Date",
            Kind::Weekday => "Weekday",
            Kind::GroupType => "GroupType",
        }
    }

    /// A wire number as people read it (`09:00`, `5m`, `2027-01-01`, `mon`).
    pub fn readable(self, n: i64) -> String {
        match self {
            Kind::TimeOfDay => TimeOfDay(n).to_string(),
            Kind::Duration => Duration(n).to_string(),
            Kind::Date => Date(n).to_string(),
            Kind::Weekday => Weekday(n).to_string(),
            Kind::GroupType => GroupType(n).to_string(),
        }
    }
}
