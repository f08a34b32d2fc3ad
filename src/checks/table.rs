//! The error table (错误信息列表) of api-docs 002, row for row, as the server
//! answers it: errcode, errmsg (English, exactly as sent) and the Chinese
//! explanation (错误说明). Row numbers are the table's order, from 1.
//! Generated once from the document; edit only to follow the document.

pub struct Row {
    pub errcode: Option<u32>,
    pub errmsg: &'static str,
    pub explanation: &'static str,
}

pub const ERROR_TABLE: &[Row] = &[
    // 1
    Row {
        errcode: Some(301093),
        errmsg: "invalid buka_remind parameter",
        explanation: "buka_remind_month为0表示本月,此时buka_remind_day不可小于15,不可超过30\nbuka_remind_month为1表示次月,此时buka_remind_day不可小于1,不可超过26",
    },
    // 2
    Row {
        errcode: Some(301093),
        errmsg: "flex_on_duty_time or flex_off_duty_time invalid",
        explanation: "flex_on_duty_time、flex_off_duty_time最大值不超过360分钟",
    },
    // 3
    Row {
        errcode: Some(301094),
        errmsg: "flex_time/limit_aheadtime/limit_offtime/noneed_offwork is old feature, use new feature",
        explanation: "flex_time/limit_aheadtime/limit_offtime/noneed_offwork是旧字段,不建议使用",
    },
    // 4
    Row {
        errcode: Some(301094),
        errmsg: "flex_time/limit_aheadtime/noneed_offwork is old feature, use new feature",
        explanation: "flex_time/limit_aheadtime/noneed_offwork为旧字段,不建议使用。",
    },
    // 5
    Row {
        errcode: Some(301093),
        errmsg: "invalid groupname, groupname cannot be empty and contains a maximum of 40 characters",
        explanation: "groupname不能为空,切最大字符个数不超过40",
    },
    // 6
    Row {
        errcode: Some(301093),
        errmsg: "invalid group type",
        explanation: "grouptype的范围为1、2、3",
    },
    // 7
    Row {
        errcode: Some(301093),
        errmsg: "invalid late rule, late rule must be a multiple of 15 minutes, with a maximum of 600 minutes",
        explanation: "late_rule中的onwork_flex_time、offwork_after_time不可超过600分钟,且onwork_flex_time需要大于offwork_after_time",
    },
    // 8
    Row {
        errcode: Some(301093),
        errmsg: "invalid flex checkin rule, field has to be a multiple of 300 and not exceed and not exceed 21600",
        explanation: "max_allow_arrive_early/max_allow_arrive_late/flex_on_duty_time/flex_off_duty_time,设置时需要是5分钟的倍数,且不超过360分钟",
    },
    // 9
    Row {
        errcode: Some(301094),
        errmsg: "ot_info is old feature use ot_info_v2",
        explanation: "ot_info是旧字段,不建议使用",
    },
    // 10
    Row {
        errcode: Some(301093),
        errmsg: "conflict time id",
        explanation: "time_id需要规则内唯一",
    },
    // 11
    Row {
        errcode: Some(301093),
        errmsg: "invalid wifi mac",
        explanation: "wifimac不合法",
    },
    // 12
    Row {
        errcode: Some(301093),
        errmsg: "conflict wifi mac",
        explanation: "wifimac需要规则内唯一",
    },
    // 13
    Row {
        errcode: Some(301093),
        errmsg: "invalid wifi info",
        explanation: "wifiname、wifimac、bssid均不可为空,且wifiname字符个数不可超过40个",
    },
    // 14
    Row {
        errcode: Some(301093),
        errmsg: "need wifi or location",
        explanation: "wifi和地点设置不可同时为空",
    },
    // 15
    Row {
        errcode: Some(301093),
        errmsg: "wifi or location size maximum 500",
        explanation: "wifi或地点的个数设置不可超过500",
    },
    // 16
    Row {
        errcode: Some(301093),
        errmsg: "a valid schedule is required for freegroup",
        explanation: "除了休息排班之外,至少需要一个有效的排班",
    },
    // 17
    Row {
        errcode: Some(301093),
        errmsg: "empty checkin range",
        explanation: "打卡范围range中party_id、vid、tagid不可同时为空",
    },
    // 18
    Row {
        errcode: Some(301093),
        errmsg: "invalid checkin type, group.type need to be one of 0/1/3",
        explanation: "打卡方式,打卡方式0-手机, 1-u盘考勤机, 3-手机\\云考勤机融合打卡",
    },
    // 19
    Row {
        errcode: Some(301093),
        errmsg: "invalid earliest_work_sec/latest_work_sec or earliest_off_work_sec/latest_off_work_sec",
        explanation: "打卡时间规则无效\n上班最早可打卡时间earliest_work_sec必须小于上班最晚可打卡时间latest_work_sec\n下班最早可打卡时间earliest_off_work_sec必须小于下班最晚可打卡时间earliest_off_work_sec",
    },
    // 20
    Row {
        errcode: Some(301093),
        errmsg: "invalid latest_off_work_sec",
        explanation: "打卡时间规则无效\n下班最晚可打卡时间必须大于等于下班时间off_work_sec\n下班最晚可打卡时间必须小于下班时间off_work_sec + 86400",
    },
    // 21
    Row {
        errcode: Some(301093),
        errmsg: "invalid earliest_off_work_sec",
        explanation: "打卡时间规则无效\n下班最早可打卡时间earliest_off_work_sec必须大于上班时间work_sec\n下班最早可打卡时间earliest_off_work_sec必须小于下班时间off_work_sec",
    },
    // 22
    Row {
        errcode: Some(301093),
        errmsg: "invalid earliest_work_sec or latest_work_sec",
        explanation: "打卡时间规则无效,表示上下班的最早最晚可打卡时间配置有误。具体配置要求如下:\n上班最早可打卡时间earliest_work_sec必须小于上班时间work_sec\n上班最晚可打卡时间latest_work_sec必须大于上班时间work_sec\n上班最晚可打卡时间latest_work_sec必须小于下班时间off_work_sec",
    },
    // 23
    Row {
        errcode: Some(301093),
        errmsg: "invalid location distance",
        explanation: "地点距离的设置必须在以下枚举之中,100、200、300、400、500、600、700、800、900、1000、1500、2000、2500、3000",
    },
    // 24
    Row {
        errcode: Some(301093),
        errmsg: "invalid location info",
        explanation: "地点设置时,经度lng及纬度lat设置不可为空,且需要满足有效范围:经度-180度到180度,lat 纬度-90度到90度。\nloc_title及loc_detail不可为空,且字符个数不可超过40\ndistance不可超过3000米",
    },
    // 25
    Row {
        errcode: Some(301093),
        errmsg: "checkin time size must greater than 0 and less than or equal to 4",
        explanation: "固定上下班,打卡时段checkintime的个数需要大于0且不超过4",
    },
    // 26
    Row {
        errcode: Some(301093),
        errmsg: "checkindate size must greater than 0 and less than or equal to 7",
        explanation: "固定上下班,checkindate个数需要大于0且不超过7",
    },
    // 27
    Row {
        errcode: Some(301093),
        errmsg: "checkindate workdays invalid, checkin time size must greater than 0 and less than or equal to 7",
        explanation: "固定上下班,checkindate中的workdays需要在0~6之间,个数不超过7个,且规则内不可重复",
    },
    // 28
    Row {
        errcode: Some(301093),
        errmsg: "fixgroup, invalid checkin time earliest_work_sec or earliest_off_work_sec",
        explanation: "固定上下班,earliest_work_sec、latest_work_sec、earliest_off_work_sec、latest_off_work_sec不可小于0。\nearliest_work_sec不可大于次日00:00,latest_work_sec不可大于次日23:59,earliest_off_work_sec以及latest_off_work_sec不可大于次日04:00",
    },
    // 29
    Row {
        errcode: Some(301093),
        errmsg: "time section size must greater than 0 and less than or equal to 4",
        explanation: "固定上下班及自定义排班,打卡时段的配置,个数需要介于0~4之间",
    },
    // 30
    Row {
        errcode: Some(301093),
        errmsg: "checkin time work_sec or off_work_sec invalid",
        explanation: "固定上下班及自定义排班,打卡时段配置,\n上班时间必须小于下班时间,且间隔时间必须大于1分钟,间隔时间必须小于24小时",
    },
    // 31
    Row {
        errcode: Some(301093),
        errmsg: "checkin time rest time invalid",
        explanation: "固定上下班及自定义排班,打卡时段配置,若开启允许休息allow_rest,则需要配置休息开始时间rest_begin_time与休息结束时间rest_end_time\n休息开始时间rest_begin_time不可小于或等于上班时间\n休息开始时间rest_begin_time不可大于或等于下班时间\n休息结束时间rest_end_time不可小于或等于上班时间\n休息结束时间rest_end_time不可大于或等于下班时间\n休息开始时间rest_begin_time必须小于休息结束时间rest_end_time",
    },
    // 32
    Row {
        errcode: Some(301093),
        errmsg: "invalid checkin time, need earliest_work_sec/latest_work_sec/earliest_off_work_sec/latest_off_work_sec",
        explanation: "固定上下班及自定义排班,打卡时段配置,上下班可打卡时间必填\nearliest_off_work_sec、latest_work_sec、earliest_work_sec、latest_off_work_sec",
    },
    // 33
    Row {
        errcode: Some(301093),
        errmsg: "checkin time invalid, value has to be a multiple of 60",
        explanation: "固定上下班及自定义排班,打卡时段配置,需要为整分钟,即60的倍数,包括如下字段\nwork_sec、off_work_sec、remind_work_sec、remind_off_work_sec、rest_begin_time、rest_end_time、earliest_work_sec、latest_work_sec、earliest_off_work_sec、latest_off_work_sec",
    },
    // 34
    Row {
        errcode: Some(301093),
        errmsg: "checkin time off_work_sec invalid",
        explanation: "固定上下班及自定义排班,打卡时段配置,off_work_sec必填,且不可大于等于次日23:59点",
    },
    // 35
    Row {
        errcode: Some(301093),
        errmsg: "checkin time work_sec invalid",
        explanation: "固定上下班及自定义排班,打卡时段配置,work_sec必填,且不可大于次日00:00点(可等于)",
    },
    // 36
    Row {
        errcode: Some(301093),
        errmsg: "checkin time need remind_work_sec and remind_off_work_sec",
        explanation: "固定上下班及自定义排班,上下班打卡提醒时间remind_off_work_sec与remind_work_sec必填",
    },
    // 37
    Row {
        errcode: Some(301093),
        errmsg: "invalid reporter, need vid or tagid",
        explanation: "汇报对象若填写,需要指定vid或tagid",
    },
    // 38
    Row {
        errcode: Some(301093),
        errmsg: "invalid otinfo rest_time or ot_time",
        explanation: "加班规则,按加班时长扣除休息时间,休息时间不可大于加班时间,需要为15分钟的倍数且不超过360分钟",
    },
    // 39
    Row {
        errcode: Some(301093),
        errmsg: "need otinfo rest_time and ot_time",
        explanation: "加班规则,按加班时长扣除休息时间,休息时间和加班时间必填",
    },
    // 40
    Row {
        errcode: Some(301093),
        errmsg: "invalid otinfo restinfo, ot_time needs to be incremented",
        explanation: "加班规则,按加班时长扣除休息时间,cal_ottime_rule中的items个数大于1时,ot_time需要不断递增,且需要为15分钟的倍数",
    },
    // 41
    Row {
        errcode: Some(301093),
        errmsg: "otinfo restinfo cal_ottime_rule items size must greater than 0 and less than or equal to 5",
        explanation: "加班规则,按加班时长扣除休息时间,cal_ottime_rule中的items个数需要大于0且不超过5",
    },
    // 42
    Row {
        errcode: Some(301093),
        errmsg: "if rest is not enabled, the rest period cannot be configured",
        explanation: "加班规则,未开启允许休息,不可配置休息时间",
    },
    // 43
    Row {
        errcode: Some(301093),
        errmsg: "otinfo restinfo fix_time_rule_list size must greater than 0 and less than or equal to 10",
        explanation: "加班规则,休息类型是指定时间扣除,休息时段必须设置至少一个且不超过10个",
    },
    // 44
    Row {
        errcode: Some(301093),
        errmsg: "apply.restinfo.type invalid",
        explanation: "加班规则,apply.restinfo.type不可超过2",
    },
    // 45
    Row {
        errcode: Some(301093),
        errmsg: "applycheckin.restinfo.type invalid",
        explanation: "加班规则,applycheckin.restinfo.type不可超过2",
    },
    // 46
    Row {
        errcode: Some(301093),
        errmsg: "checkin.restinfo.type invalid",
        explanation: "加班规则,checkin.restinfo.type不可超过2",
    },
    // 47
    Row {
        errcode: Some(301093),
        errmsg: "invalid fix_time_begin_sec or fix_time_end_sec, value has to be a multiple of 60",
        explanation: "加班规则,fix_time_begin_sec、fix_time_end_sec需要设置为整分钟,即60的倍数。\nfix_time_begin_sec、fix_time_end_sec之间不可超过24小时。\n多个休息时段fix_time_begin_sec、fix_time_end_sec之间不可存在交集。",
    },
    // 48
    Row {
        errcode: Some(301093),
        errmsg: "otinfo vacation.trans_ratio invalid",
        explanation: "加班规则,ot_info_v2中的trans_ratio,最大值不超过3000,即换算倍数不超过30",
    },
    // 49
    Row {
        errcode: Some(301093),
        errmsg: "invalid otinfo ot_time_min or ot_time_max",
        explanation: "加班规则,ot_time_min、ot_time_max不可超过720分钟,且ot_time_min必须小于ot_time_max",
    },
    // 50
    Row {
        errcode: Some(301093),
        errmsg: "otinfo ot_trans_type invalid",
        explanation: "加班规则,ot_trans_type 不可超过2",
    },
    // 51
    Row {
        errcode: Some(301093),
        errmsg: "vacation.trans_ratio invalid",
        explanation: "加班规则,trans_ratio不可超过3000",
    },
    // 52
    Row {
        errcode: Some(301093),
        errmsg: "otinfo type invalid",
        explanation: "加班规则,type不可超过2",
    },
    // 53
    Row {
        errcode: Some(301093),
        errmsg: "ot_info is old feature use ot_info_v2 instead",
        explanation: "加班规则的配置请使用ot_info_v2字段",
    },
    // 54
    Row {
        errcode: Some(301093),
        errmsg: "otinfo select the deduction by overtime hours, the deduction by rest period is not allowed",
        explanation: "加班规则的休息配置,选择按加班时长扣除,不可设置按休息时段扣除的字段",
    },
    // 55
    Row {
        errcode: Some(301093),
        errmsg: "otinfo select the deduction by rest period, the deduction by overtime hours is not allowed",
        explanation: "加班规则的休息配置,选择按休息时段扣除,不可设置按加班时长扣除的字段",
    },
    // 56
    Row {
        errcode: Some(301093),
        errmsg: "invalid ot_info_v2, ot_info_v2 is necessary",
        explanation: "加班规则ot_info_v2必填",
    },
    // 57
    Row {
        errcode: Some(301093),
        errmsg: "invalid ot_info_v2, workdayconf/restdayconf/holidayconf is necessary",
        explanation: "加班规则workdayconf/restdayconf/holidayconf",
    },
    // 58
    Row {
        errcode: Some(301094),
        errmsg: "only freegroup has schedulelist",
        explanation: "仅grouptype为2的自定义排班可设置schedulelist",
    },
    // 59
    Row {
        errcode: Some(301093),
        errmsg: "invalid flex checkin rule, the value of the field needs to be set",
        explanation: "开启弹性打卡时,需要设置【迟到早退】或者【早到早走晚到晚走】其中一项",
    },
    // 60
    Row {
        errcode: Some(301093),
        errmsg: "invalid buka_limit_next_month, the maximum value is 28",
        explanation: "每月补卡截止日期buka_limit_next_month默认-1不限制,不可小于-1或等于0或大于28",
    },
    // 61
    Row {
        errcode: Some(301093),
        errmsg: "invalid allow_apply_bk_cnt, the maximum value is 99",
        explanation: "每月最多补卡次数allow_apply_bk_cnt默认-1不限制,不可小于-1或大于99",
    },
    // 62
    Row {
        errcode: Some(301093),
        errmsg: "flex checkin rule need allow flex",
        explanation: "若设置late_rule,则需要设置allow_flex为true",
    },
    // 63
    Row {
        errcode: Some(301093),
        errmsg: "invalid reporter",
        explanation: "若设置了汇报对象reporterinfo,则reporters中vid、tagid不可同时为空",
    },
    // 64
    Row {
        errcode: Some(301093),
        errmsg: "checkin time remind_work_sec invalid",
        explanation: "上班提醒时间不可晚于上班时间,且不可早于上班20分钟,只可以为准点、提前5分钟、提前10分钟、提前15分钟、提前20分钟",
    },
    // 65
    Row {
        errcode: Some(301093),
        errmsg: "need allow_apply_offworkday, set the fields related to buka requires allow_apply_offworkday to be enabled",
        explanation: "设置补卡相关字段需要开启允许补卡",
    },
    // 66
    Row {
        errcode: Some(301093),
        errmsg: "need open_remind, set buka_remind_day/buka_remind_month requires open_remind first",
        explanation: "设置buka_remind_day/buka_remind_month需要设置补卡提醒open_remind为true",
    },
    // 67
    Row {
        errcode: Some(301093),
        errmsg: "invalid face detect, open_face_live_detect requires use_face_detect first",
        explanation: "设置活体检测open_face_live_detect为true时需要先设置人脸识别use_face_detect为true",
    },
    // 68
    Row {
        errcode: Some(301093),
        errmsg: "late rule need open allow_offwork_after_time",
        explanation: "设置晚走晚到需要开启allow_offwork_after_time",
    },
    // 69
    Row {
        errcode: Some(301093),
        errmsg: "set rest_begin_time or rest_end_time need allow_rest first",
        explanation: "设置休息时间字段rest_begin_time、rest_end_time时需要将allow_rest设置为true",
    },
    // 70
    Row {
        errcode: Some(301093),
        errmsg: "invalid flex checkin rule, , only one item can be set",
        explanation: "弹性上下班设置,【迟到早退】flex_on_duty_time/flex_off_duty_time和【早到早走、晚到晚走】max_allow_arrive_early/max_allow_arrive_late不可同时设置",
    },
    // 71
    Row {
        errcode: Some(301093),
        errmsg: "special offday should not have checkintime",
        explanation: "特殊非工作日中type的字段不可大于2,且不可配置上下班规则",
    },
    // 72
    Row {
        errcode: None,
        errmsg: "invalid specialday timestamp, only future dates are allowed here",
        explanation: "特殊工作日/非工作日,仅允许设置未来日期",
    },
    // 73
    Row {
        errcode: Some(301093),
        errmsg: "invalid specailday begtime",
        explanation: "特殊工作日/非工作日的begtime,需要是某天零点的时间戳,且需要大于2000年1月1日零点",
    },
    // 74
    Row {
        errcode: Some(301093),
        errmsg: "invalid specailday endtime",
        explanation: "特殊工作日/非工作日的endtime,需要是某天零点的时间戳,且需要大于2000年1月1日零点",
    },
    // 75
    Row {
        errcode: Some(301093),
        errmsg: "conflict specailday",
        explanation: "特殊工作日/非工作日的日期设置,不可有交集或重叠",
    },
    // 76
    Row {
        errcode: Some(301093),
        errmsg: "invalid specailday timestamp",
        explanation: "特殊工作日/非工作日的type为0时,需要设置timestamp为某天零点的时间戳,且需要大于2000年1月1日零点",
    },
    // 77
    Row {
        errcode: Some(301093),
        errmsg: "invalid specailday begtime or endtime",
        explanation: "特殊工作日/非工作日的type为1时,需要设置begtime以及endtime,且endtime不可小于begtime",
    },
    // 78
    Row {
        errcode: Some(301093),
        errmsg: "the period of specialday cannot exceed one year",
        explanation: "特殊工作日/非工作日的type为1/2时,时间范围不可超过一年",
    },
    // 79
    Row {
        errcode: Some(301093),
        errmsg: "special day maximum value 366",
        explanation: "特殊工作日/特殊非工作日的个数设置不超过366",
    },
    // 80
    Row {
        errcode: Some(301094),
        errmsg: "special workday should not have earliest_work_sec/latest_work_sec/earliest_off_work_sec/latest_off_work_sec",
        explanation: "特殊工作日不可设置earliest_work_sec/latest_work_sec/earliest_off_work_sec/latest_off_work_sec字段",
    },
    // 81
    Row {
        errcode: Some(301093),
        errmsg: "special workday checkin time work_sec/off_work_sec invalid",
        explanation: "特殊工作日的上下班时间配置,\n上下班时间需要为整分钟;\n上班时间不可早于当日04点,不可晚于18:00,\n下班时间不可早于当日04点,不超过次日03:00\n上班时间不可大于下班时间,且下班时间不可超过下班时长24小时",
    },
    // 82
    Row {
        errcode: Some(301093),
        errmsg: "special work day need checkintime",
        explanation: "特殊工作日中type的字段不可大于2,且需要配置上下班规则",
    },
    // 83
    Row {
        errcode: Some(301093),
        errmsg: "special day notes cannot be empty",
        explanation: "特殊日期的备注不可为空",
    },
    // 84
    Row {
        errcode: Some(301093),
        errmsg: "special work day type invalid",
        explanation: "特殊日期的type不可大于2",
    },
    // 85
    Row {
        errcode: Some(301093),
        errmsg: "invalid option_out_range, the maximum is 2",
        explanation: "外勤标示option_out_range,不可大于2",
    },
    // 86
    Row {
        errcode: Some(301093),
        errmsg: "invalid late rule, offwork_after_time should less than onwork_flex_time",
        explanation: "晚走晚到的设置中offwork_after_time需要大于等于onwork_flex_time",
    },
    // 87
    Row {
        errcode: Some(301093),
        errmsg: "checkin time remind_off_work_sec invalid",
        explanation: "下班提醒时间不可早于下班时间,且不可晚于下班60分钟,只可以为准点、下班后10分钟、下班后20分钟、下班后30分钟、下班后60分钟",
    },
    // 88
    Row {
        errcode: Some(301093),
        errmsg: "there should be no overlap between the checkin times",
        explanation: "一天多个打卡时段,上下班区间不可有交集,可打卡时间不可有交集",
    },
    // 89
    Row {
        errcode: Some(301093),
        errmsg: "invalid allow_apply_bk_day_limit, the maximum value is 180",
        explanation: "允许补卡时限allow_apply_bk_day_limit默认-1不限制,不可小于-1或大于180",
    },
    // 90
    Row {
        errcode: Some(301093),
        errmsg: "a rest schedule with id 0 is required for freegroup",
        explanation: "自定义排班,必须有一个班次为休息且scheduleid为0",
    },
    // 91
    Row {
        errcode: Some(301093),
        errmsg: "schedule time section, earliest_work_sec for the first period shall not be more than 4 hours before work_sec",
        explanation: "自定义排班,第一个时段的上班最早可打卡时间不可早于上班时间4小时以上",
    },
    // 92
    Row {
        errcode: Some(301093),
        errmsg: "conflict schedule name",
        explanation: "自定义排班,排班名称不可重复",
    },
    // 93
    Row {
        errcode: Some(301093),
        errmsg: "conflict schedule id",
        explanation: "自定义排班,schedule_id不可重复",
    },
    // 94
    Row {
        errcode: Some(301093),
        errmsg: "rest schedule should not have checkin time",
        explanation: "自定义排班,schedule_id=0的休息排班,不可设置time_section",
    },
    // 95
    Row {
        errcode: Some(301093),
        errmsg: "invalid rest schedule name",
        explanation: "自定义排班,schedule_id=0的休息排班,schedule_name必须为\"休息\"",
    },
    // 96
    Row {
        errcode: Some(301093),
        errmsg: "invalid schedule name",
        explanation: "自定义排班,schedule_name不可为空且字符个数不可超过40个",
    },
    // 97
    Row {
        errcode: Some(301093),
        errmsg: "free group or unrestrain group do not have special work day",
        explanation: "自定义排班/自由签到不可设置特殊工作日",
    },
    // 98
    Row {
        errcode: Some(301094),
        errmsg: "freegroup do not have checkindate",
        explanation: "自定义排班不可设置checkindate",
    },
    // 99
    Row {
        errcode: Some(301093),
        errmsg: "freegroup schedule size maximum 50",
        explanation: "自定义排班最多添加50个排班",
    },
    // 100
    Row {
        errcode: Some(301093),
        errmsg: "invalid offwork_interval_time, the value must be a multiple of 5 minutes and the maximum value cannot exceed 1435 minutes",
        explanation: "自由签到,上下班间隔校验offwork_interval_time,不可超过1435分钟,且需要是5分钟的倍数",
    },
    // 101
    Row {
        errcode: Some(301094),
        errmsg: "unrestrain checkingroup do not have schedule",
        explanation: "自由签到规则不可设置schedulelist字段",
    },
    // 102
    Row {
        errcode: Some(301093),
        errmsg: "need fix_time_begin_sec and fix_time_end_sec",
        explanation: "加班配置中的休息时间配置为指定休息时间类型,则休息开始时间与休息结束时间字段必填",
    },
    // 103
    Row {
        errcode: Some(301094),
        errmsg: "When the grouptype is 1, the 'span_day_time' field should not appear in the request.",
        explanation: "固定上下班规则,不可设置‘span_day_time’字段。",
    },
    // 104
    Row {
        errcode: Some(301094),
        errmsg: "When the grouptype is 1, the 'standard_work_duration' field should not appear in the request.",
        explanation: "固定上下班规则,不可设置‘standard_work_duration’字段。",
    },
    // 105
    Row {
        errcode: Some(301094),
        errmsg: "When the grouptype is 2, the 'span_day_time' field should not appear in the request.",
        explanation: "自定义上下班规则,不可设置‘span_day_time’字段。",
    },
    // 106
    Row {
        errcode: Some(301094),
        errmsg: "When the grouptype is 2, the 'standard_work_duration' field should not appear in the request.",
        explanation: "自定义上下班规则,不可设置‘standard_work_duration’字段。",
    },
    // 107
    Row {
        errcode: Some(301093),
        errmsg: "The value of 'span_day_time' must be greater than or equal to 0 and less than 86400.",
        explanation: "自由签到跨天时间不能超过24小时。",
    },
    // 108
    Row {
        errcode: Some(301093),
        errmsg: "'span_day_time' must be a whole number of minutes, meaning it should be divisible by 60.",
        explanation: "自由签到跨天时间必须设置为整分钟数。",
    },
    // 109
    Row {
        errcode: Some(301093),
        errmsg: "The value of 'standard_work_duration' can only be -1 or increments of half hour, starting from 1 hour, such as 1.5 hours, 2 hours, 2.5 hours, all the way up to 23 hours, 23.5 hours, and 24 hours.",
        explanation: "自由签到工作时长只能设置为-1,或者以半小时为步长,从1小时开始递增,最多不超过24小时。如:1小时,1.5小时,2小时,2.5小时...23小时,23.5小时,24小时。",
    },
];
