//! One check-in rule (打卡规则), field for field as the API's field table
//! (打卡规则字段说明, api-docs 002) names it, plus the tool's own keys.
//!
//! Every field is an `Option`: absent and present-with-the-default value must
//! stay distinguishable, because an update sends only what the user wrote
//! (docs/planning.md: update semantics). Doc comments become the JSON Schema's descriptions, which
//! editors show on hover: Chinese from the document, then English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use super::values::{Date, Duration, GroupType, PartyId, TimeOfDay, Weekday};

/// 打卡规则 — one WeCom check-in rule. The `group` object of an
/// add_checkin_option request is a valid rule as it stands.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
#[schemars(title = "WeCom check-in rule (企业微信打卡规则)")]
pub struct Rule {
    /// 打卡规则id — pins this file to an existing live rule. Set by `import`;
    /// with it, a changed groupname is a rename, not a new rule. Leave it out
    /// for a rule that does not exist yet: the server assigns it.
    pub groupid: Option<i64>,
    /// 是否立即生效 — tool key: apply this rule's changes today instead of
    /// tomorrow (the API's default is false: changes take effect the next day).
    pub effective_now: Option<bool>,
    /// 只读 — tool key: the rule was made by another app or in the admin
    /// console and cannot be changed by this app. Kept in git as
    /// documentation and checked for drift; never written.
    pub readonly: Option<bool>,
    /// Tool key, written by `import`: values of the live rule that the write
    /// API rejects (made in the admin console, README: adopting an existing corp). While a value is
    /// unchanged, validate reports it as a warning; once edited, as the error
    /// again. plan still refuses to send it.
    pub keep_live: Option<Vec<KeepLive>>,

    /// 规则类型 — rule type: fixed (1, 固定时间上下班), schedule (2, 按班次上下班), free (3, 自由上下班).
    pub grouptype: Option<GroupType>,
    /// 规则名 — rule name, 1 to 40 characters, unique in the corp.
    pub groupname: Option<String>,
    /// 固定时间上下班打卡时间 — working days and hours; required for fixed rules,
    /// also the working days of free rules. 1 to 7 entries.
    pub checkindate: Option<Vec<CheckinDate>>,
    /// 特殊工作日 — special days that must be worked (fixed rules), at most 366.
    pub spe_workdays: Option<Vec<SpecialDay>>,
    /// 特殊非工作日 — special days off, at most 366.
    pub spe_offdays: Option<Vec<SpecialDay>>,
    /// 是否同步法定节假日 — follow the public holiday calendar.
    pub sync_holidays: Option<bool>,
    /// 是否需要拍照 — a photo is required to check in.
    pub need_photo: Option<bool>,
    /// WIFI信息 — Wi-Fi access points to check in at. Wi-Fi and locations may not both be empty. At most 500.
    pub wifimac_infos: Option<Vec<WifiMacInfo>>,
    /// 备注不允许上传本地图片 — notes may use pictures from the phone's album.
    pub note_can_use_local_pic: Option<bool>,
    /// 固定上下班是否允许非工作日打卡 — allow checking in on days off (fixed rules).
    pub allow_checkin_offworkday: Option<bool>,
    /// 地点信息 — locations to check in at. Wi-Fi and locations may not both be empty. At most 500.
    pub loc_infos: Option<Vec<LocInfo>>,
    /// 人员信息 — who this rule applies to: departments, users, tags (at least one).
    pub range: Option<Range>,
    /// 白名单 — users exempt from checking in.
    pub white_users: Option<Vec<String>>,
    /// 打卡方式 — check-in method: 0 phone (手机), 1 USB time clock (u盘考勤机),
    /// 2 time clock (考勤机), 3 phone and time clock (手机/考勤机).
    pub r#type: Option<i64>,
    /// 汇报人 — who receives the attendance reports.
    pub reporterinfo: Option<ReporterInfo>,
    /// 是否允许补卡 — allow requests to make up missed check-ins (补卡).
    pub allow_apply_offworkday: Option<bool>,
    /// 每月最多补卡次数 — make-up requests per month, -1 unlimited, at most 99.
    pub allow_apply_bk_cnt: Option<i64>,
    /// 允许补卡时限 — how many days back a make-up may be requested: -1 unlimited,
    /// 1 today, 2 today and yesterday, … at most 180.
    pub allow_apply_bk_day_limit: Option<i64>,
    /// 补卡截止日期 — make-ups close on day n of the next month (1–28); -1 never.
    pub buka_limit_next_month: Option<i64>,
    /// 范围外打卡 — checking in outside the locations: 0 an exception,
    /// 1 counted as field work (外勤), 2 forbidden.
    pub option_out_range: Option<i64>,
    /// 自定义排班规则所有排班 — the shifts of a schedule rule (grouptype 2): one with
    /// schedule_id 0 named 休息 (rest) and at least one real shift, at most 50.
    pub schedulelist: Option<Vec<Schedule>>,
    /// 自由签到上下班间隔时间 — free rules only: minimum time between checking in and out,
    /// a multiple of 5 minutes, at most 1435 minutes.
    pub offwork_interval_time: Option<Duration>,
    /// 是否人脸检测 — face recognition when checking in.
    pub use_face_detect: Option<bool>,
    /// 活体检测开关 — liveness detection; needs use_face_detect.
    pub open_face_live_detect: Option<bool>,
    /// 加班配置 — overtime rules, with workdayconf, restdayconf and holidayconf.
    // Boxed here and in OtConf: inline, the overtime tree made every Rule
    // 4.4 KB (a 10,000-rule plan held two of each); boxed, 0.9 KB.
    pub ot_info_v2: Option<Box<OtInfoV2>>,
    /// 外出打卡同步至上下班 — out-of-office check-ins count as checking in/out.
    pub sync_out_checkin: Option<bool>,
    /// 补卡提醒 — reminder to request make-ups.
    pub buka_remind: Option<BukaRemind>,
    /// 补卡指定异常类型 — bit flags; a set bit closes make-ups for: bit 0 missing
    /// check-in, bit 1 late, bit 2 early leave, bit 3 other. No bit set: all allowed.
    /// The read document types it uint64: every bit may be set.
    pub buka_restriction: Option<u64>,
    /// 自由上下班规则的跨天时间 — free rules only: when the working day rolls over,
    /// whole minutes, before 24:00.
    pub span_day_time: Option<TimeOfDay>,
    /// 自由上下班规则的工作时长 — free rules only: expected hours per day, -1
    /// unlimited, or 1h to 24h in half-hour steps.
    pub standard_work_duration: Option<Duration>,
    /// 打卡交替方式 — how check-ins alternate: 0 multiple groups (多组交替),
    /// 1 one group (单组交替), 2 record time and place only (仅记录打卡时间和位置;
    /// free rules only). Fixed and schedule rules take 0 or 1. Newer than the
    /// 2023-12 documents (docs/api-notes.md: newer fields).
    pub checkin_method_type: Option<i64>,
    /// 是否开启审批打卡 — check in by approval (审批打卡). Newer than the 2023-12
    /// documents (docs/api-notes.md: newer fields).
    pub open_sp_checkin: Option<bool>,

    /// 旧字段 (old field) — overtime rules of the old API. Read from live rules,
    /// rejected on write (301094): use ot_info_v2.
    #[schemars(extend("deprecated" = true))]
    pub ot_info: Option<Value>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// The fields of an object that this version does not know (added to the
/// API after it, or newer than its documents), by key, in wire form. Every
/// struct of the model keeps them: they are read, written into rule files,
/// compared and sent back whole with their parent, never dropped — a sent
/// field replaces the live one, so dropping one would erase a setting.
pub type Unknown = Map<String, Value>;

/// A live value the write API rejects, kept as it is (see `keep_live`).
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeepLive {
    /// JSON pointer to the value, e.g. /checkindate/0/checkintime/0/latest_off_work_sec.
    pub path: String,
    /// The value as imported (wire form).
    pub value: Value,
    /// The server's errmsg for it.
    pub errmsg: Option<String>,
}

/// 打卡时间 — working days and their check-in times.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct CheckinDate {
    /// 工作日 — working days: mon … sun (or 1 … 6 = Monday … Saturday, 0 = Sunday).
    pub workdays: Option<Vec<Weekday>>,
    /// 工作日上下班打卡时间信息 — 1 to 4 working periods per day.
    pub checkintime: Option<Vec<CheckinTime>>,
    /// 是否允许弹性时间 — flexible hours; when on, set either the late/early pair
    /// (flex_on/off_duty_time) or the arrive-early/late pair.
    pub allow_flex: Option<bool>,
    /// 允许迟到时间 — lateness allowed (seconds), multiple of 5 minutes, at most 6h; needs allow_flex.
    pub flex_on_duty_time: Option<Duration>,
    /// 允许早退时间 — early leave allowed (seconds), multiple of 5 minutes, at most 6h; needs allow_flex.
    pub flex_off_duty_time: Option<Duration>,
    /// 当日允许早到早走最大时间 — arrive early and leave early by at most this, multiple of 5 minutes, at most 6h; needs allow_flex.
    pub max_allow_arrive_early: Option<Duration>,
    /// 当日允许晚到晚走最大时间 — arrive late and leave late by at most this, multiple of 5 minutes, at most 6h; needs allow_flex.
    pub max_allow_arrive_late: Option<Duration>,
    /// 晚走晚到时间规则 — leave late, arrive late the next day; needs allow_flex.
    pub late_rule: Option<LateRule>,
    /// 大小周 — alternating weeks: odd weeks work odd_workdays, even weeks
    /// even_workdays (week 1 is the week of 2024-01-01). Fixed rules. Newer
    /// than the 2023-12 documents (docs/api-notes.md: newer fields).
    pub biweekly: Option<Biweekly>,

    /// 旧字段 (old field) — flexible time in milliseconds. Rejected on write (301094): use allow_flex and flex_on/off_duty_time.
    #[schemars(extend("deprecated" = true))]
    pub flex_time: Option<i64>,
    /// 旧字段 (old field) — check-in window in milliseconds. Rejected on write (301094): use earliest_work_sec / latest_work_sec.
    #[schemars(extend("deprecated" = true))]
    pub limit_aheadtime: Option<i64>,
    /// 旧字段 (old field) — check-out window. Rejected on write (301094): use earliest_off_work_sec / latest_off_work_sec.
    #[schemars(extend("deprecated" = true))]
    pub limit_offtime: Option<i64>,
    /// 旧字段 (old field) — no check-out needed. Rejected on write (301094): use checkintime[].no_need_checkoff.
    #[schemars(extend("deprecated" = true))]
    pub noneed_offwork: Option<bool>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 打卡时段 — one working period: when work starts and ends, reminders, the
/// window in which checking in/out counts, and an optional rest.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct CheckinTime {
    /// 时段标识 — period id, unique in the rule, 1 … 99998.
    pub time_id: Option<i64>,
    /// 上班时间 — work starts, whole minutes.
    pub work_sec: Option<TimeOfDay>,
    /// 下班时间 — work ends, whole minutes ("+1 02:00" for the next day).
    pub off_work_sec: Option<TimeOfDay>,
    /// 上班提醒时间 — start reminder: at work_sec or 5, 10, 15, 20 minutes before.
    pub remind_work_sec: Option<TimeOfDay>,
    /// 下班提醒时间 — end reminder: at off_work_sec or 10, 20, 30, 60 minutes after.
    pub remind_off_work_sec: Option<TimeOfDay>,
    /// 是否需要休息 — the period has a rest (e.g. lunch).
    pub allow_rest: Option<bool>,
    /// 休息开始时间 — rest starts; needs allow_rest.
    pub rest_begin_time: Option<TimeOfDay>,
    /// 休息截止时间 — rest ends; needs allow_rest.
    pub rest_end_time: Option<TimeOfDay>,
    /// 多组休息时间 — several rest periods in this working period. Newer than
    /// the 2023-12 documents (docs/api-notes.md: newer fields).
    pub rest_times: Option<Vec<RestTime>>,
    /// 上班最早时间 — earliest check-in, whole minutes, not after next-day 00:00.
    pub earliest_work_sec: Option<TimeOfDay>,
    /// 上班最晚时间 — latest check-in, whole minutes, not after next-day 23:59.
    pub latest_work_sec: Option<TimeOfDay>,
    /// 下班最早时间 — earliest check-out, whole minutes, not after next-day 04:00.
    pub earliest_off_work_sec: Option<TimeOfDay>,
    /// 下班最晚时间 — latest check-out, whole minutes, not after next-day 04:00.
    pub latest_off_work_sec: Option<TimeOfDay>,
    /// 不需要打上班卡 — no check-in needed for this period.
    pub no_need_checkon: Option<bool>,
    /// 不需要打下班卡 — no check-out needed for this period.
    pub no_need_checkoff: Option<bool>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 大小周 — alternating weeks (fixed rules).
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct Biweekly {
    /// 是否开启大小周 — alternating weeks on.
    pub enable_weekday_recurrence: Option<bool>,
    /// 奇数周工作日 — working days of odd weeks (week 1 = the week of 2024-01-01): mon … sun.
    pub odd_workdays: Option<Vec<Weekday>>,
    /// 偶数周工作日 — working days of even weeks: mon … sun.
    pub even_workdays: Option<Vec<Weekday>>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 休息时间 — one rest period of a working period (rest_times).
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct RestTime {
    /// 休息开始时间 — rest starts.
    pub rest_begin_time: Option<TimeOfDay>,
    /// 休息结束时间 — rest ends.
    pub rest_end_time: Option<TimeOfDay>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 加班时长单位与取整 — the unit of overtime and its rounding.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct TimeUnitConfig {
    /// 加班单位 — 2 hours (默认), 3 days.
    pub ot_time_unit: Option<i64>,
    /// 单位换算 — one day of overtime is this long: 1h … 24h in steps of 6 minutes. Default 8h.
    pub perday_duration_secs: Option<Duration>,
    /// 取整方式 — 1 round (四舍五入, default), 2 up (向上取整), 3 down (向下取整).
    pub rounding_method: Option<i64>,
    /// 保留小数位 — when rounding: 10 (default) whole units, 1 one decimal.
    pub rounding_precision: Option<i64>,
    /// 取整步长 — when rounding up or down: the step (hours: 30m, 1h, 2h, 3h, 4h; days: 12h, 24h). Default 1h.
    pub step_size: Option<Duration>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 晚走晚到时间规则 — who leaves late may arrive late the next day.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct LateRule {
    /// 是否允许超时下班 — turn leave-late/arrive-late on.
    pub allow_offwork_after_time: Option<bool>,
    /// 晚走的时间 — leaving this long after the last check-out time … (multiple of 15 minutes, at most 10h)
    pub offwork_after_time: Option<Duration>,
    /// 第二天第一个班次允许迟到的弹性时间 — … allows arriving this late the next day (multiple of 15 minutes, at most 10h).
    pub onwork_flex_time: Option<Duration>,
    /// 晚走晚到时间规则 — several tiers; when not empty they take precedence over the two fields above.
    pub timerules: Option<Vec<TimeRule>>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 晚走晚到时间规则 — one leave-late / arrive-late tier.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct TimeRule {
    /// 晚走的时间 — leaving this long after the last check-out time …
    pub offwork_after_time: Option<Duration>,
    /// 第二天第一个班次允许迟到的弹性时间 — … allows arriving this late the next day.
    pub onwork_flex_time: Option<Duration>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 特殊日期 — a special working day (spe_workdays) or day off (spe_offdays).
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct SpecialDay {
    /// 类型 — 0 one day (timestamp), 1 a period (begtime … endtime, both included),
    /// 2 every other week (from timestamp until endtime).
    pub r#type: Option<i64>,
    /// 特殊日期 — the day (type 0), or the first day (type 2).
    pub timestamp: Option<Date>,
    /// 开始时间 — first day of a period (type 1).
    pub begtime: Option<Date>,
    /// 结束时间 — last day, included (types 1 and 2). At most one year after the start.
    pub endtime: Option<Date>,
    /// 特殊日期备注 — a note, not empty, at most 40 bytes (13 Chinese characters).
    pub notes: Option<String>,
    /// 上下班打卡时间 — working periods of a special working day (required there;
    /// not allowed on a day off).
    pub checkintime: Option<Vec<CheckinTime>>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// WiFi打卡地点 — a Wi-Fi access point.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct WifiMacInfo {
    /// WiFi打卡地点名称 — network name, 1 to 40 characters.
    pub wifiname: Option<String>,
    /// 无线路由器MAC地址 — the access point's MAC address (BSSID), e.g. "c0:7b:bc:37:f8:d3".
    pub wifimac: Option<String>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 位置打卡地点 — a location.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct LocInfo {
    /// 纬度 — latitude × 1,000,000 (GCJ-02, as in Tencent Maps), e.g. 30547030.
    pub lat: Option<i64>,
    /// 经度 — longitude × 1,000,000 (GCJ-02), e.g. 104062890.
    pub lng: Option<i64>,
    /// 位置打卡地点名称 — place name, 1 to 40 characters.
    pub loc_title: Option<String>,
    /// 位置打卡地点详情 — address, 1 to 40 characters.
    pub loc_detail: Option<String>,
    /// 允许打卡范围(米) — radius in metres: 100 … 1000 in steps of 100, 1500, 2000, 2500 or 3000.
    pub distance: Option<i64>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 人员信息 — who the rule applies to.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
#[schemars(transform = allow_partyid_alias)]
pub struct Range {
    /// 部门节点的id — department ids. (`partyid`, the older spelling, is read too.)
    #[serde(alias = "partyid")]
    pub party_id: Option<Vec<PartyId>>,
    /// 单个打卡人员节点的userid — user ids.
    pub userid: Option<Vec<String>>,
    /// 标签节点的标签id — tag ids.
    pub tagid: Option<Vec<i64>>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 汇报人 — report recipients.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct ReporterInfo {
    /// 汇报对象 — each a userid or a tagid.
    pub reporters: Option<Vec<Reporter>>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 汇报对象 — one report recipient.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct Reporter {
    /// 汇报人userid — user id.
    pub userid: Option<String>,
    /// 标签id — tag id.
    pub tagid: Option<i64>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 班次 — one shift of a schedule rule.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct Schedule {
    /// 班次id — unique in the rule; 0 is the rest shift (休息).
    pub schedule_id: Option<i64>,
    /// 班次名称 — unique in the rule, 1 to 40 characters; "休息" for schedule_id 0.
    pub schedule_name: Option<String>,
    /// 班次上下班时段信息 — 1 to 4 working periods (none for the rest shift).
    pub time_section: Option<Vec<CheckinTime>>,
    /// 是否允许弹性时间 — flexible hours.
    pub allow_flex: Option<bool>,
    /// 允许迟到时间 — lateness allowed, multiple of 5 minutes, at most 6h; needs allow_flex.
    pub flex_on_duty_time: Option<Duration>,
    /// 允许早退时间 — early leave allowed, multiple of 5 minutes, at most 6h; needs allow_flex.
    pub flex_off_duty_time: Option<Duration>,
    /// 晚走晚到时间规则 — leave late, arrive late the next day; needs allow_flex.
    pub late_rule: Option<LateRule>,
    /// 当日允许早到早走最大时间 — arrive early and leave early by at most this; needs allow_flex.
    pub max_allow_arrive_early: Option<Duration>,
    /// 当日允许晚到晚走最大时间 — arrive late and leave late by at most this; needs allow_flex.
    pub max_allow_arrive_late: Option<Duration>,

    /// 旧字段 (old field) — check-in window in milliseconds. Rejected on write (301094).
    #[schemars(extend("deprecated" = true))]
    pub limit_aheadtime: Option<i64>,
    /// 旧字段 (old field) — check-out window. Rejected on write (301094).
    #[schemars(extend("deprecated" = true))]
    pub limit_offtime: Option<i64>,
    /// 旧字段 (old field) — no check-out needed. Rejected on write (301094).
    #[schemars(extend("deprecated" = true))]
    pub noneed_offwork: Option<bool>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 加班配置 — overtime rules for working days, rest days and holidays.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct OtInfoV2 {
    /// 工作日加班配置 — overtime on working days.
    pub workdayconf: Option<OtConf>,
    /// 休息日加班配置 — overtime on rest days (allow_ot and type required).
    pub restdayconf: Option<OtConf>,
    /// 节假日加班配置 — overtime on holidays (allow_ot and type required).
    pub holidayconf: Option<OtConf>,
    /// 加班时长单位与取整 — the unit overtime is counted in, and how it is
    /// rounded. Newer than the 2023-12 documents (docs/api-notes.md: newer fields).
    pub time_unit_config: Option<TimeUnitConfig>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 加班配置 — overtime rules for one kind of day.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct OtConf {
    /// 是否允许加班 — overtime allowed.
    pub allow_ot: Option<bool>,
    /// 类型 — how overtime is counted: 0 approvals intersected with check-ins,
    /// 1 check-in times, 2 approvals only.
    pub r#type: Option<i64>,
    /// 只以审批为准时配置 — settings when counted by approvals only.
    pub apply: Option<Box<OtApply>>,
    /// 只以打卡时间为准的配置 — settings when counted by check-in times.
    pub checkin: Option<Box<OtCheckin>>,
    /// 审批和打卡取交集配置 — settings when approvals and check-ins are intersected.
    pub applycheckin: Option<Box<OtApply>>,
    /// 允许加班时长记为调休和加班费 — overtime becomes time off or pay.
    pub ot_trans_enable: Option<bool>,
    /// 1 记为调休 time off in lieu, 2 记为加班费 overtime pay.
    pub ot_trans_type: Option<i64>,
    /// 同步假期信息(记为调休) — time-off-in-lieu settings.
    pub vacation: Option<Box<Vacation>>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 休息时间配置的容器 — settings holding only rest deductions.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct OtApply {
    /// 休息时间配置 — rest deducted from overtime.
    pub restinfo: Option<RestInfo>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 只以打卡时间为准的配置 — overtime counted from check-in times.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct OtCheckin {
    /// 下班后多久开始计算加班 — overtime starts this long after work ends. At most 12h.
    pub ot_time_start: Option<Duration>,
    /// 最小加班时长 — shortest overtime counted. At most 12h, below ot_time_max.
    pub ot_time_min: Option<Duration>,
    /// 最大加班时长 — longest overtime counted. At most 12h.
    pub ot_time_max: Option<Duration>,
    /// 休息时间配置 — rest deducted from overtime.
    pub restinfo: Option<RestInfo>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 休息时间配置 — how rest is deducted from overtime.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct RestInfo {
    /// 休息扣除配置 — 0 no deduction, 1 fixed rest periods (fix_time_rule_list),
    /// 2 by overtime length (cal_ottime_rule).
    pub r#type: Option<i64>,
    /// 指定休息时间扣除的配置 — 1 to 10 rest periods, not overlapping.
    pub fix_time_rule_list: Option<Vec<FixTimeRule>>,
    /// 按加班时长扣除的配置 — rest deducted by overtime length.
    pub cal_ottime_rule: Option<CalOtTimeRule>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 指定休息时间 — one rest period deducted from overtime.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct FixTimeRule {
    /// 休息开始时间 — rest starts, 00:00 … next-day 23:59, whole minutes.
    pub fix_time_begin_sec: Option<TimeOfDay>,
    /// 休息结束时间 — rest ends, 00:00 … next-day 23:59, whole minutes.
    pub fix_time_end_sec: Option<TimeOfDay>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 按加班时长扣除的配置 — rest deducted by overtime length.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct CalOtTimeRule {
    /// 扣除规则 — 1 to 5 tiers with increasing ot_time.
    pub items: Option<Vec<CalOtTimeItem>>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 扣除规则 — one tier: after ot_time of overtime, deduct rest_time.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct CalOtTimeItem {
    /// 加班满 — overtime of at least this (multiple of 15 minutes, at most 6h) …
    pub ot_time: Option<Duration>,
    /// 扣除休息时长 — … deducts this much rest (not more than ot_time, multiple of 15 minutes).
    pub rest_time: Option<Duration>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 同步假期信息 — overtime booked as time off in lieu.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct Vacation {
    /// 调休比例 — percent: 100 is 1:1, at most 3000 (1:30).
    pub trans_ratio: Option<i64>,
    /// 是否自动关联假勤 — link to the leave balance automatically.
    pub sync_vacation: Option<bool>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// 补卡提醒 — reminder to request make-ups.
#[skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(extend("additionalProperties" = false))]
pub struct BukaRemind {
    /// 是否打开 — reminder on.
    pub open_remind: Option<bool>,
    /// 补卡提醒日期 — day of the month: 15–30 for this month, 1–26 for the next.
    pub buka_remind_day: Option<i64>,
    /// 0 当月 this month, 1 次月 next month.
    pub buka_remind_month: Option<i64>,

    /// Fields this version does not know: see [`Unknown`].
    #[serde(flatten)]
    #[schemars(skip)]
    pub other: Unknown,
}

/// The older documents and SDKs spell `range.party_id` as `partyid`; rule files
/// may use either (never both), and the tool always writes `party_id`.
fn allow_partyid_alias(schema: &mut schemars::Schema) {
    let party_id = schema
        .get("properties")
        .and_then(|p| p.get("party_id"))
        .cloned();
    if let (Some(mut alias), Some(props)) = (party_id, schema.get_mut("properties")) {
        if let Some(obj) = alias.as_object_mut() {
            obj.insert(
                "description".into(),
                "Older spelling of party_id (部门节点的id); written back as party_id.".into(),
            );
            obj.insert("deprecated".into(), true.into());
        }
        if let Some(props) = props.as_object_mut() {
            props.insert("partyid".into(), alias);
        }
    }
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "not".into(),
            serde_json::json!({ "required": ["party_id", "partyid"] }),
        );
    }
}
