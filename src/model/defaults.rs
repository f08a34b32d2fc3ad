//! The field table's defaults (`否,默认…`), in one table. The planner fills
//! them in (a field left out and the same field at its default are the same
//! rule), the checks read them where a rule leaves a field out, and the
//! generated JSON Schema gives each as its field's `default` (what editors
//! show).

use serde_json::Value;

use WireDefault::{Bool, Int};

/// A default, as the API writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireDefault {
    Bool(bool),
    Int(i64),
}

impl WireDefault {
    pub fn value(self) -> Value {
        match self {
            Bool(b) => Value::Bool(b),
            Int(n) => Value::from(n),
        }
    }
}

/// The three kinds of day of ot_info_v2 (`{conf}` in a default's path);
/// its other members (time_unit_config …) have defaults of their own.
pub const OT_CONFS: [&str; 3] = ["workdayconf", "restdayconf", "holidayconf"];

/// Each default by path pattern: `[]` is any element of a list, `{conf}`
/// each of [`OT_CONFS`].
pub const DEFAULTS: &[(&str, WireDefault)] = &[
    ("sync_holidays", Bool(true)),
    ("need_photo", Bool(false)),
    ("note_can_use_local_pic", Bool(true)),
    ("allow_checkin_offworkday", Bool(false)),
    ("type", Int(0)),
    ("allow_apply_offworkday", Bool(false)),
    ("allow_apply_bk_cnt", Int(-1)),
    ("allow_apply_bk_day_limit", Int(-1)),
    ("buka_limit_next_month", Int(-1)),
    ("option_out_range", Int(0)),
    ("use_face_detect", Bool(false)),
    ("open_face_live_detect", Bool(false)),
    ("sync_out_checkin", Bool(false)),
    ("buka_restriction", Int(0)),
    ("span_day_time", Int(0)),
    ("standard_work_duration", Int(-1)),
    ("checkindate[].allow_flex", Bool(false)),
    ("checkindate[].flex_on_duty_time", Int(0)),
    ("checkindate[].flex_off_duty_time", Int(0)),
    ("checkindate[].max_allow_arrive_early", Int(0)),
    ("checkindate[].max_allow_arrive_late", Int(0)),
    (
        "checkindate[].late_rule.allow_offwork_after_time",
        Bool(false),
    ),
    ("checkindate[].checkintime[].allow_rest", Bool(false)),
    ("checkindate[].checkintime[].no_need_checkon", Bool(false)),
    ("checkindate[].checkintime[].no_need_checkoff", Bool(false)),
    ("spe_workdays[].type", Int(0)),
    ("spe_offdays[].type", Int(0)),
    ("spe_workdays[].checkintime[].allow_rest", Bool(false)),
    ("spe_workdays[].checkintime[].no_need_checkon", Bool(false)),
    ("spe_workdays[].checkintime[].no_need_checkoff", Bool(false)),
    ("schedulelist[].allow_flex", Bool(true)),
    ("schedulelist[].flex_on_duty_time", Int(0)),
    ("schedulelist[].flex_off_duty_time", Int(0)),
    ("schedulelist[].max_allow_arrive_early", Int(0)),
    ("schedulelist[].max_allow_arrive_late", Int(0)),
    (
        "schedulelist[].late_rule.allow_offwork_after_time",
        Bool(false),
    ),
    ("schedulelist[].time_section[].allow_rest", Bool(false)),
    ("schedulelist[].time_section[].no_need_checkon", Bool(false)),
    (
        "schedulelist[].time_section[].no_need_checkoff",
        Bool(false),
    ),
    ("ot_info_v2.{conf}.type", Int(2)),
    ("ot_info_v2.{conf}.ot_trans_enable", Bool(false)),
    ("ot_info_v2.{conf}.ot_trans_type", Int(1)),
    ("ot_info_v2.{conf}.checkin.ot_time_start", Int(1800)),
    ("ot_info_v2.{conf}.checkin.ot_time_min", Int(1800)),
    ("ot_info_v2.{conf}.checkin.ot_time_max", Int(14400)),
    ("ot_info_v2.{conf}.vacation.trans_ratio", Int(100)),
    ("ot_info_v2.{conf}.vacation.sync_vacation", Bool(true)),
];

/// The default of `pattern` (a path of [`DEFAULTS`]) when it is a yes/no;
/// in a `const` block, a pattern not in the table fails the build.
pub const fn bool_at(pattern: &str) -> bool {
    match find(pattern) {
        Bool(b) => b,
        Int(_) => panic!("this default is a number"),
    }
}

/// The default of `pattern` (a path of [`DEFAULTS`]) when it is a number.
pub const fn int_at(pattern: &str) -> i64 {
    match find(pattern) {
        Int(n) => n,
        Bool(_) => panic!("this default is a yes/no"),
    }
}

const fn find(pattern: &str) -> WireDefault {
    let mut i = 0;
    while i < DEFAULTS.len() {
        if same(DEFAULTS[i].0, pattern) {
            return DEFAULTS[i].1;
        }
        i += 1;
    }
    panic!("no default at this path in model::defaults::DEFAULTS")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The default at a concrete path like `checkindate[].allow_flex` or
/// `ot_info_v2.workdayconf.type`.
pub fn default_at(path: &str) -> Option<Value> {
    let segs: Vec<&str> = path.split('.').collect();
    DEFAULTS.iter().find_map(|(pattern, default)| {
        let pat: Vec<&str> = pattern.split('.').collect();
        let matches = pat.len() == segs.len()
            && pat
                .iter()
                .zip(&segs)
                .all(|(p, s)| p == s || (*p == "{conf}" && OT_CONFS.contains(s)));
        matches.then(|| default.value())
    })
}

/// The concrete paths of `pattern`: itself, or one per [`OT_CONFS`] for `{conf}`.
pub fn paths(pattern: &str) -> Vec<String> {
    if pattern.contains("{conf}") {
        OT_CONFS
            .iter()
            .map(|c| pattern.replace("{conf}", c))
            .collect()
    } else {
        vec![pattern.to_owned()]
    }
}

/// Whether `pattern` is a path of [`DEFAULTS`] as written there.
pub fn has_default(pattern: &str) -> bool {
    DEFAULTS.iter().any(|(p, _)| *p == pattern)
}
