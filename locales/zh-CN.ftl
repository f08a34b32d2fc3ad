# wecom-checkin 的简体中文消息。每条消息的 id 与 en.ftl 相同;
# 任何一方缺少 id,测试都会失败。变量写作 { $name };
# 以 * 开头的行是选择的默认分支。

# 结束摘要行的句号。
sentence-end = 。

## 计划

plan-header = wecom-checkin 计划，对照 { $source }（线上指纹 { $fingerprint }）
plan-markdown-title = ### wecom-checkin 计划
verb-add = 新增
verb-update = 修改
verb-clear = 清空
verb-replace = 替换
verb-delete = 删除
verb-drift = 漂移（只读，不写入）
verb-blocked = 已阻止
verb-unchanged = 无变化
verb-not-managed = 不在此管理
takes-effect-today-on = 今天生效，{ $day }
takes-effect-on = { $day } 生效
takes-effect-today = 今天生效
takes-effect-tomorrow = 明天生效
clear-line = ! 清空 { $fields }（clear_checkin_option_array_field{ $after ->
    [yes] ，在修改之后
   *[no] {""}
}）
list-not-managed = 不在此管理（没有文件描述它们；保持不动，--prune 会删除它们）：
list-unknown = 无法比较（线上返回中没有这些字段）：
list-unmanaged = 保持线上的值（文件中没有，也无默认值；写入文件即可管理）：
summary = 计划：新增 { $add }，修改 { $update }，清空 { $clear }，删除 { $delete }，替换 { $replace }；无变化 { $unchanged }
summary-replace = （替换会先新增新规则，再删除旧规则：其删除计入上述 { $delete } 个删除）
summary-drift = ，只读规则漂移 { $n }
summary-not-managed = ，不在此管理 { $n }
summary-rosters = ；待设置排班：{ $rosters } 个排班中的 { $cells } 个格子
summary-refused = 计划被拒绝：{ $n } 个错误（不会应用任何变更）。{ $line }
table-action = 操作
table-rules = 规则数
row-add = ➕ 新增
row-update = ✏️ 修改
row-clear = 🧹 清空
row-delete = 🗑️ 删除
row-replace = ♻️ 替换
row-drift = ≠ 只读漂移
row-unchanged = = 无变化
row-not-managed = ? 不在此管理
row-rosters = 🗓️ 待设置排班
errors-and-warnings = 错误与警告
md-clear = - 清空 { $fields }
md-could-not-compare = # 无法比较：{ $fields }
md-more-lines = # … 另有 { $n } 行：{ $where }
md-full-plan-at = 完整计划见 { $url }
md-run-plan-for-all = 运行 `wecom-checkin plan` 查看全部
md-more-rules = **另有 { $n } 条规则未显示**（评论最长 65,536 个字符）。
md-full-plan = 完整计划：<{ $url }>
md-run-plan = 运行 `wecom-checkin plan`，或用 `--out plan.txt` 保存后查看全部。

## validate

validate-checked = { $files } 个文件中的 { $rules } 条规则
validate-ok = 通过：{ $checked }，没有问题
validate-problems = { $failed ->
    [yes] 未通过
   *[no] 通过
}：{ $errors } 个错误，{ $warnings } 个警告（{ $checked }）

## apply

apply-reviewed = 这些调用与审阅过的一致（{ $day } 的 { $n } 个调用，摘要 { $digest }）。
apply-reviewed-earlier = { $reviewed } 审阅，{ $today } 应用：明天生效的变更将在 { $today } 的次日生效。
apply-nothing = 无需操作：线上与文件一致。
apply-ask = 执行 { $n } 个调用？只接受输入 'yes'：
apply-applying = 正在执行 { $n } 个调用：
apply-call-ok = 成功
apply-call-failed = 失败：{ $error }
apply-verify-failed = 无法校验：{ $error }。运行 `wecom-checkin plan` 查看线上现状。
apply-replaced = { $name }：groupid { $old } → { $id }（已替换）
apply-replaced-pin = ；文件仍固定旧的 groupid：请更新它，或使用 --write-ids 运行
apply-new-id = { $name }：groupid { $id }
apply-pending = 待生效  { $rule }：{ $message } —— 明天生效；在此之前读取接口可能仍显示旧规则
apply-not-applied = 未应用  { $rule }：{ $message }
apply-summary = 已应用：新增 { $added }，修改 { $updated }，清空 { $cleared }，删除 { $deleted }{ $rosters ->
    [0] {""}
   *[other] ，排班调用 { $rosters } 个
}；失败 { $failed }，未尝试 { $skipped }
apply-summary-unverified = ，线上不可见 { $n }
apply-summary-pending = ，待明天生效 { $n }
apply-summary-unfinished = 。未完全应用：{ $names }。请对规则文件再次运行 `wecom-checkin apply`：它会根据线上现状规划并完成剩余部分

## 新增规则的计划行(规则卡片)

card-rest = 休息 { $spans }
card-no-rest = 无休息
card-no-checkin = 上班无需打卡
card-checkin = 上班打卡 { $span }
card-no-checkout = 下班无需打卡
card-checkout = 下班打卡 { $span }
card-reminders = 提醒 { $times }
card-no-flex = 不弹性
card-flex = 弹性上下班
card-flex-parts = 弹性：{ $parts }
card-flex-late = 可晚到 { $d }
card-flex-early = 可早走 { $d }
card-flex-shift-early = 最多提前 { $d } 上下班
card-flex-shift-late = 最多推迟 { $d } 上下班
card-no-weekdays = 无工作日
card-no-overtime = 不允许加班
card-overtime = 允许加班，按{ $how }计算
card-ot-by-both = 加班申请与打卡记录的交集
card-ot-by-checkin = 打卡时长
card-ot-by-approval = 加班申请
card-ot-from = 下班 { $d } 后起算
card-ot-min = 最少 { $d }
card-ot-max = 最多 { $d }
card-ot-paid = ，计为加班费
card-ot-in-lieu = ，计为调休
card-shift = 班次 { $name }
card-day-off = 休息日：无工作时段
card-every-other-week = 隔周 { $from }…{ $to }

## 规则为何如此计划

reason-add = 线上没有此 groupid 或 groupname 的规则
reason-regrouped = grouptype { $from } → { $to } 无法修改：先新增规则，再删除旧规则（groupid 会变；考勤记录留在旧规则上）
reason-readonly-drift = 只读：线上与文件不同；不会写入
reason-readonly-same = 只读：线上与文件一致
reason-unchanged = 线上与文件一致
reason-inexpressible = 这项变更 API 无法表达
reason-erases = 修改会抹去线上有而文件没有的设置
reason-fields-changed = { $n } 个字段有变化
reason-pruned = 没有文件描述这条线上规则，--prune 会删除此类规则
reason-not-managed = 没有文件描述这条线上规则；保持不动（--prune 会删除它）
reason-duplicate = 第二条名为“{ $name }”的线上规则：{ $file } 保留 groupid { $kept }；这一条是重复的（两次 apply 同时运行，或新增被重放）
reason-replaced-old = 一次替换在新增 groupid { $kept } 后中断，这是它的旧规则：删除它即完成替换
card-ot-details = （{ $parts }）
# 一行中列表各项之间。
list-separator = 、

## apply 的拒绝(输出到 stderr)

apply-refused = 拒绝应用：{ $message }
unbound-from-file = 这份计划来自 { $source }，而不是企业的线上规则：请通过 API 生成（并设置 WECOM_CORPID）后再应用
unbound-no-corpid = 这份计划属于企业 { $theirs }；请设置 WECOM_CORPID（使用 WECOM_ACCESS_TOKEN 时也要设置），以便确认是同一企业
unbound-other-corp = 这份计划属于企业 { $theirs }，本次应用的是企业 { $ours }
unbound-other-api = 这份计划对照的是 { $source }，本次应用调用的是 { $base }
unbound-other-day = 这份计划生成于 { $day }（北京时间），今天是 { $today }：哪些特殊日期已过、变更何时生效都取决于日期；请重新运行 `wecom-checkin plan`
unbound-edited = 计划文件在生成后被修改过：其摘要为 { $digest }，按内容计算为 { $recomputed }
differs-not-reviewed = 未经审阅：{ $call }
differs-no-longer-planned = 已审阅，但现在不再计划：{ $call }
refused-stale = 计划已过时：生成计划后线上状态有变化；请重新运行 plan。变化：{ $changed }
refused-stale-rosters = 计划已过时：生成计划后线上排班有变化；请重新运行 plan。变化：{ $changed }
refused-audit = 计划中的调用与其规则条目不符；未应用任何变更：
refused-reviewed-unbound = 审阅过的计划 { $path } 不能在此使用：
refused-reviewed-blocked = 审阅过的计划有错误：它没有批准任何变更
refused-not-reviewed = 现在计划的调用与审阅过的不同（审阅后线上状态或规则文件有变化）；未应用任何变更：
refused-not-reviewed-commit = 现在计划的调用与审阅过的不同（审阅提交 { $commit } 后线上状态或规则文件有变化）；未应用任何变更：
refused-not-reviewed-after = 请重新审阅：在拉取请求中按规则文件的当前内容重新生成计划（docs/apply.md，“Three ways in”）。
refused-deletes = 计划会删除 { $n } 条规则；需要传入 --prune 才允许删除
refused-replaces = 计划会替换 { $n } 条规则（新增后删除）；需要传入 --allow-replace 才允许
refused-max-deletes = 计划会删除 { $n } 条规则{ $replaced ->
    [0] {""}
   *[other] （其中 { $replaced } 条来自替换）
}，超过 --max-deletes { $max }
refused-no-files = 没有规则文件，而计划会删除线上规则：检出失败不能删除所有规则
refused-saved-unbound = 这份保存的计划不能在此应用：
refused-file-errors = 规则文件有错误；`wecom-checkin validate` 会全部列出
refused-plan-errors = 计划有错误（未应用任何变更）
refused-not-a-terminal = 不在终端中：请传入 --auto-approve 以不经询问地应用
refused-not-confirmed = 未确认
refused-moved = 生成计划后线上状态有变化（是否有另一个 apply 同时运行？）；未应用任何变更。变化：{ $changed }

## import

import-refused-unreadable = 拒绝导入：无法判断这些文件描述的是哪些规则：{ $files }
import-refused-unreadable-help = {"  "}help: 请先修正它们（`wecom-checkin validate` 会说明原因），再运行 import --new-only
import-new-only = { $live } 条线上规则中有 { $described } 条已由 { $folder } 中的文件描述；导入其余 { $rest } 条。
import-refused-existing = 拒绝导入：已有 { $n } 个文件：{ $files }
import-refused-existing-help = {"  "}help: 请导入到空目录，或传入 --force 覆盖它们
import-done = 已导入 { $n } 条规则到 { $folder }。
import-kept-live = 写接口不接受的 { $n } 个线上值已原样保留（keep_live）：validate 会对它们给出警告；修改它们所在字段之前请先改正它们。
import-next = 下一步：提交这些文件；`wecom-checkin plan` 应显示没有变化。

## 诊断:规则文件的结构(键与值的类型)

shape-not-a-mapping = 规则文件应是由规则字段组成的映射，这里是{ $found }
shape-not-a-mapping-help = 以 `grouptype:` 和 `groupname:` 开始文档（见 README：规则文件格式）
shape-the-rule = 规则顶层
shape-top-level = 规则的顶层
shape-fullwidth-key = { $place }中的键 `{ $key }` 未知：其中有全角字符
shape-fullwidth-key-help = 其中有{ $advice }；换成半角字符后是 `{ $fixed }`
shape-misplaced = `{ $key }` 不是 { $place } 的键，因此在那里按原样保留并发送
shape-unknown-key = { $place }中的键 `{ $key }` 未知
shape-did-you-mean = 是不是想写 `{ $key }`？
shape-unknown-field = { $place }中的 `{ $key }` 不在此版本已知的字段表中；按原样保留并发送
shape-unknown-field-help = 如果它是比此版本更新的 API 字段（import 会写入这类字段），请保留；否则请删除。此版本在这里认识的键：{ $keys }
shape-missing-key = 缺少必填的键 `{ $key }`
shape-add-grouptype = 添加 `grouptype: fixed`（或 schedule、free）
shape-add-groupname = 添加 `groupname:`，写上规则的名称
shape-add-key = 添加 `{ $key }`
shape-field = `{ $field }`：{ $message }
shape-or = {" 或 "}
shape-must-be = `{ $field }` 应为{ $expected }，这里是{ $found }
shape-party-id-twice = `party_id` 与 `partyid` 是同一个字段：只写一次
shape-keep-party-id = 保留 `party_id`
shape-indent-under = 是不是想把它缩进到 `{ $under }` 下面？`{ $key }` 是 { $place } 的键。
shape-move-out = 是不是想把它移到{ $place }？`{ $key }` 是那里的键。
shape-keep-if-newer = { $how }只有当它是比此版本更新的 API 字段时，才留在这里。
shape-not-allowed = { $found } 不是允许的值
shape-below-minimum = { $found } 小于最小值 { $limit }
shape-above-maximum = { $found } 大于最大值 { $limit }
shape-value-fullwidth = { $complaint }：其中有{ $advice }
shape-out-of-range = { $found } 超出了{ $kind ->
    [time-of-day] 时刻
    [duration] 时长
    [date] 日期
    [weekday] 星期（0 = 周日 … 6）
   *[grouptype] 规则类型
}的范围
shape-a-type = { $json_type ->
    [array] 列表
    [object] 映射
    [integer] 整数
    [null] 空值
    [string] 字符串
    [number] 数字
    [boolean] 布尔值
   *[other] { $json_type }
}
shape-the-number = 数字 { $n }
shape-the-string = 字符串 "{ $s }"

## 输入法打出的全角字符

fullwidth-space = 全角空格（表意空格）
fullwidth-char = 全角的 `{ $c }`
fullwidth-half-space = 半角空格
fullwidth-advice = { $name }（U+{ $code }）；请改为输入 { $half }（把输入法切换到半角）

## 文本形式的诊断(各部分前面的词)

diag-error = 错误
diag-warning = 警告
diag-note = 注
diag-help = 建议
diag-at = 位置 { $pointer }
diag-in = 在 { $place }

## 读不懂的可读值

value-not-a-time = { $found }不是时刻：请写 "HH:MM"（如 "09:00"），次日写 "+1 HH:MM"，或写从零点起的秒数
value-next-day = ；一天没有 24 点及以后的钟点：次日的这个时刻请写 "{ $next }"
value-not-a-duration = { $found }不是时长：请写如 "5m"、"1h30m"、"45s"，或写秒数
value-not-a-date = { $found }不是日期：请写 "YYYY-MM-DD"（如 "2027-01-01"），或写 UTC+8 零点的 Unix 时间戳
value-not-a-weekday = { $found }不是星期：请写 周一 … 周日、星期一 … 星期日，或 mon、tue、wed、thu、fri、sat、sun（或 0 = 周日 … 6）
value-not-a-grouptype = { $found }不是规则类型：请写 fixed（固定时间上下班）、schedule（按班次上下班）或 free（自由上下班）（或 1、2、3）
value-this = 该值

## 读取规则文件及其 YAML

load-no-rule-files = 没有找到规则文件（*.yaml、*.yml、*.json）
load-no-rule-files-help = 在 rules/ 下每个文件放一条规则，或指明要检查的文件；一个文件都没有会被拒绝，以免检出失败时看起来一切正常
load-not-utf8 = 不是 UTF-8：无效字节 { $byte }
load-not-utf8-help = 请把文件另存为 UTF-8（规则文件是 UTF-8 文本，包括中文）
load-empty-file = 空文件：里面没有规则
load-empty-file-help = 在这里写一条规则（见 README：规则文件格式），或删除此文件
load-cannot-read = 无法读取文件：{ $error }
load-too-large = 文件过大：{ $size } MiB，规则文件最大 { $max } MiB
yaml-syntax = YAML 语法错误：{ $info }
yaml-syntax-help = 请修正此处的 YAML 语法；给值加上引号往往就能解决
yaml-parser-failed = YAML 解析器无法读取此文件
yaml-parser-failed-help = 请检查文件的 YAML 语法
yaml-fullwidth = YAML 无法读取此文件，很可能是因为这里的全角 `{ $c }`
yaml-fullwidth-help = 这是{ $advice }；解析器在第 { $line } 行第 { $column } 列报告：{ $message }
yaml-key-not-plain = 键必须是普通的值，不能是列表或映射
yaml-key-not-plain-help = 规则文件以 API 的字段名作为键
yaml-too-deep = 嵌套超过 { $max } 层
yaml-too-deep-help = 打卡规则最多嵌套 7 层；这不是规则文件
yaml-alias-key = 别名不能用作键
yaml-unknown-anchor = 别名指向未知的锚点
yaml-empty-key = 空键
yaml-empty-key-help = 在冒号前写上字段名
yaml-duplicate-key = 重复的键 `{ $key }`
yaml-duplicate-key-at = 重复的键 `{ $key }`（首次出现在第 { $line } 行第 { $column } 列）
yaml-duplicate-key-help = 同一映射中每个键只能出现一次：保留其中一个
yaml-too-large = 文档展开后超过 { $max } 个值（含别名）
yaml-too-large-help = 一条打卡规则只有几百个值；请拆分文件或去掉别名
yaml-bad-tagged = `{ $text }` 不是有效的 !!{ $tag }
yaml-unsupported-tag = 不支持的标签 `{ $tag }`：规则文件只用普通的值
yaml-number-too-large = 数字 { $text } 太大
yaml-not-a-number = `{ $text }` 不是数字
yaml-number-unrepresentable = 数字 { $text } 无法表示
yaml-no-json-form = `{ $text }`（无穷大或非数）在 JSON 中无法表示

## 检查:规则整体(group.rs)

group-type-unknown = grouptype { $value } 不是规则类型
group-type-unknown-help = 请写 fixed（1，固定时间上下班）、schedule（2，按班次上下班）或 free（3，自由上下班）
group-checkin-type = 服务器不接受 type { $value }；允许：0（手机）、1（USB 考勤机）、3（手机和考勤机）
group-checkin-type-help = 字段说明里还列了 2（考勤机），但服务器自己的检查只接受 0、1、3（见 docs/validation.md）
group-reporter-empty = 这个汇报对象既没有 userid 也没有 tagid
group-reporter-empty-help = 请写 `userid: <id>` 或 `tagid: <id>`
group-option-out-range = option_out_range { $value } 不是 0、1 或 2
group-option-out-range-help = 0：记为异常；1：记为外勤；2：不允许
group-range-empty = 这条规则不适用于任何人：range 中没有 party_id、userid 或 tagid
group-range-empty-help = 请添加，如 `range: {"{"}party_id: [1]{"}"}`（部门）、`userid: [...]` 或 `tagid: [...]`
group-old-field = { $field } 是写接口拒绝的旧字段
group-old-field-help = 请删除它；{ $field ->
    [flex_time] 改用 allow_flex 配合 flex_on_duty_time / flex_off_duty_time
    [limit_aheadtime] 改用每个 checkintime 中的 earliest_work_sec / latest_work_sec
    [limit_offtime] 改用每个 checkintime 中的 earliest_off_work_sec / latest_off_work_sec
   *[other] 改用每个 checkintime 中的 no_need_checkoff
}
group-old-ot-info = ot_info 是写接口拒绝的旧加班字段
group-old-ot-info-help = 请删除它，在 ot_info_v2（workdayconf、restdayconf、holidayconf）中描述加班
group-schedulelist-on-fixed = 固定时间上下班的规则不能有 schedulelist
group-remove-schedulelist = 请删除 schedulelist，或把规则改为 `grouptype: schedule`
group-checkindate-size = 固定时间上下班的规则需要 1 到 7 个 checkindate 条目，这里有 { $n } 个
group-checkindate-size-help = 请添加工作日和上下班时间：`checkindate: [{"{"}workdays: [周一, …], checkintime: [...]{"}"}]`
group-checkindate-on-schedule = 按班次上下班的规则不能有 checkindate：其时间在 schedulelist 中
group-remove-checkindate = 请删除 checkindate
group-schedulelist-on-free = 自由上下班的规则不能有 schedulelist
group-free-only = { $field } 只用于自由上下班的规则
group-span-day-time-range = span_day_time { $value } 不在 00:00 到 23:59 之间
group-span-day-time-minutes = span_day_time { $value } 不是整分钟
group-standard-duration = 不允许 standard_work_duration { $value }
group-standard-duration-help = 请写 -1（不限）或 1h 到 24h、以半小时为步长："1h"、"1h30m"、"8h" …
group-offwork-interval = 不允许 offwork_interval_time { $value }
group-offwork-interval-help = 请写 5 分钟的倍数，最多 1435 分钟（23h55m），如 "5m"

## 检查:同一企业的规则之间(corp.rs)

corp-duplicate-groupname = groupname "{ $name }" 也被 { $place } 使用
corp-duplicate-groupname-help = 规则创建后靠 groupname 识别：请给每条规则起不同的名称
corp-duplicate-groupid = groupid { $id } 也被 { $place } 指定
corp-duplicate-groupid-help = 一条线上规则只能由一个文件描述：请删除其中一个

## 多个检查共用

name-length = { $field } 有 { $n } 个字符；应为 1 到 40 个
name-length-help = 一个汉字算一个字符
remove-it = 请删除它

## 消息中的时长(checks/mod.rs)

dur-seconds = { $n } 秒
dur-minutes = { $m } 分钟
dur-hours = { $h } 小时
dur-hours-minutes = { $h } 小时 { $m } 分钟

## 打卡时段(checkin_time.rs)

time-checkintime-size = 这里有 { $n } 个时段；一天有 1 到 4 个时段
time-section-size = 这个班次有 { $n } 个时段；一个班次需要 1 到 4 个时段
time-workdays-empty = 这个条目没有工作日（workdays）
time-workdays-empty-help = 例如写 `workdays: [周一, 周二, 周三, 周四, 周五]`
time-weekday-unknown = { $value } 不是星期几（0 = 周日 … 6）
time-workday-repeated-here = { $day } 在这个条目前面已经是工作日
time-workday-repeated = { $day } 在 checkindate[{ $first }] 中已经是工作日
time-workday-repeated-help = 每个星期几在一条规则中只能出现一次
time-id-missing = 这个时段没有 time_id
time-id-missing-help = 请添加 `time_id:`，取规则内唯一的数字，例如 1
time-id-range = time_id { $id } 不在 1 到 99998 之间
time-id-repeated = time_id { $id } 也用在 { $first }
time-id-repeated-help = 规则中的每个时段都要有自己的 time_id
time-whole-minute = { $field } { $value }（{ $secs } 秒）不是整分钟
time-whole-minute-help = 时间以整分钟计：距午夜的秒数必须能被 60 整除
time-work-sec-missing = 这个时段没有 work_sec
time-work-sec-late = work_sec { $value } 晚于次日 00:00
time-off-work-sec-missing = 这个时段没有 off_work_sec
time-off-work-sec-late = off_work_sec { $value } 不早于次日 23:59
time-work-off-span = work_sec { $work } 到 off_work_sec { $off } 为 { $span }；必须多于 1 分钟、少于 24 小时
time-work-off-span-help = 过了午夜的下班时间写作 "+1 HH:MM"
time-before = 倒退 { $d }
time-rest-needs-allow = 设置了休息时间，但 allow_rest 不是 true
time-rest-needs-allow-help = 请添加 `allow_rest: true`，或删除 rest_begin_time 和 rest_end_time
time-rest-missing = allow_rest 为 true，但缺少 rest_begin_time 或 rest_end_time
time-rest-missing-help = 两个都要写，例如 rest_begin_time: "12:00"、rest_end_time: "13:00"
time-rest-inside = 休息时间 { $begin }–{ $end } 必须完全在上班时间 { $work }–{ $off } 之内，且开始早于结束
time-window-missing = 缺少 { $fields }
time-window-missing-help = 请给出打卡有效的时间范围，例如 earliest_work_sec: "07:00"
time-window-negative = { $field } { $value } 是负数
time-window-after-next-day = { $field } { $value } 晚于次日 { $cap }
time-window-order = { $later } { $lv } 不晚于 { $earlier } { $ev }
time-earliest-work = earliest_work_sec { $ew } 必须早于 work_sec { $w }
time-latest-work-after = latest_work_sec { $lw } 必须晚于 work_sec { $w }
time-latest-work-before = latest_work_sec { $lw } 必须早于 off_work_sec { $o }
time-earliest-off = earliest_off_work_sec { $eo } 必须晚于 work_sec { $w }、早于 off_work_sec { $o }
time-latest-off = latest_off_work_sec { $lo } 必须不早于 off_work_sec { $o }，且比它晚不到 24 小时
time-remind-required = remind_work_sec 和 remind_off_work_sec 都必须填写
time-remind-required-help = 设为 work_sec 和 off_work_sec，即准时提醒
time-remind-work = remind_work_sec { $r } 比 work_sec { $time } { $dir ->
    [before] 早
   *[after] 晚
} { $d }；只能提前 0、5、10、15 或 20 分钟
time-remind-off-work = remind_off_work_sec { $r } 比 off_work_sec { $time } { $dir ->
    [before] 早
   *[after] 晚
} { $d }；只能推后 0、10、20、30 或 60 分钟
time-overlap = 这个时段的{ $what ->
    [hours] 上班时间
   *[windows] 打卡时间范围（earliest_work_sec … latest_off_work_sec）
}与时段 { $k } 重叠
time-overlap-help = 同一天的时段必须先后相接，打卡时间范围也不能重叠
time-special-no-window = 特殊工作日的时段不能设置 { $field }
time-special-times-missing = 特殊工作日的时段需要 work_sec 和 off_work_sec
time-special-whole-minutes = 时间必须是整分钟
time-special-work = work_sec { $w } 必须在 04:00 到 18:00 之间
time-special-off = off_work_sec { $o } 必须在 04:00 到次日 03:00 之间
time-special-forward = work_sec { $w } 到 off_work_sec { $o } 必须向后推进，最长 24 小时

## 弹性打卡(flex.rs)

flex-over-max = { $field } { $value } 超过 360 分钟
flex-values = { $field } { $value } 不是 0 到 6 小时之间 5 分钟的倍数
flex-needs-allow = 设置了 { $field }，但 allow_flex 不是 true
flex-needs-allow-help = 请添加 `allow_flex: true`，或把这个值设为 0
flex-late-rule-needs-allow = 开启了 late_rule（晚走晚到），但 allow_flex 不是 true
flex-late-rule-needs-allow-help = 请添加 `allow_flex: true`，或关闭 late_rule
flex-one-pair = 两组弹性时间都设置了：允许迟到/早退（flex_on/off_duty_time）和允许提前/推迟上班（max_allow_arrive_*）
flex-one-pair-help = 只保留一组，另一组设为 0
flex-needs-a-pair = allow_flex 为 true，但没有设置弹性时间
flex-needs-a-pair-help = 请设置 flex_on_duty_time / flex_off_duty_time（允许迟到 / 早退）或 max_allow_arrive_early / max_allow_arrive_late
flex-late-rule-off = 设置了 late_rule 的时间，但 allow_offwork_after_time 不是 true
flex-late-rule-off-help = 请添加 `allow_offwork_after_time: true`，或删除这些时间
flex-late-rule-values = { $field } { $value } 不是 0 到 10 小时之间 15 分钟的倍数
flex-late-rule-order = onwork_flex_time { $flex } 多于 offwork_after_time { $after }
flex-late-rule-order-help = 晚走 X，第二天最多只能晚到 X

## 特殊日期(special_days.rs)

spe-no-workdays = 只有固定时间上下班的规则才能有必须打卡的日期
spe-no-workdays-help = 请删除 spe_workdays；不用打卡的日期（spe_offdays）可以保留
spe-max-366 = 这里有 { $n } 个条目；最多 366 个
spe-notes-empty = 这个特殊日期没有备注（notes）
spe-notes-empty-help = 请添加 `notes:` 说明这是什么日子，例如 春节
spe-notes-bytes = 备注的 UTF-8 编码有 { $n } 字节；最多 40 字节（13 个汉字）
spe-workday-checkintime = 必须打卡的日期需要 checkintime
spe-workday-checkintime-help = 请添加这一天的上下班时间：`checkintime: [{"{"}work_sec: "09:00", off_work_sec: "18:00", …{"}"}]`
spe-offday-checkintime = 不用打卡的日期不能有 checkintime
spe-offday-checkintime-help = 请删除 checkintime，或把这一天移到 spe_workdays
spe-bad-date = { $field } { $value } 不是 2000-01-01 之后某天的零点（UTC+8）
spe-bad-date-help = 请写日期，例如 "2027-01-01"
spe-needs-field = type 为 { $kind } 的特殊日期需要 { $field }
spe-period-needs-times = 时间段（type 1）需要 begtime 和 endtime
spe-type = type { $value } 不是 0（一天）、1（时间段）或 2（隔周）
spe-end-before-start = endtime { $end } 早于 { $field } { $start }
spe-one-year = { $start } 到 { $end } 共 { $days } 天，超过一年
spe-one-year-help = 请在 { $last } 或之前结束，其余的日子另加一个条目
spe-past = { $day } 已经过去：这个条目是历史，会被忽略，不会发送
spe-past-help = 方便时删除它
spe-started = 这个条目从 { $first } 开始，不晚于今天（{ $today }）：服务器只接受将来的日期
spe-started-help = 只要这个列表不改，它可以留着；一旦修改，整个列表会一起发送，服务器会拒绝：请把开始日期移到今天之后
spe-conflict = { $day } 也被 { $other } 覆盖
spe-conflict-help = 特殊日期不能重叠，spe_workdays 与 spe_offdays 之间也不能

## Wi-Fi 与地点(locations.rs)

loc-none = 这条规则既没有 Wi-Fi 也没有打卡地点
loc-none-help = 请添加 wifimac_infos 或 loc_infos：员工需要有地方打卡
loc-max-500 = 这里有 { $n } 个条目；最多 500 个
loc-wifimac-missing = 这个 Wi-Fi 没有 wifimac
loc-wifimac = "{ $mac }" 不是 MAC 地址
loc-wifimac-help = 请写用冒号分隔的六组十六进制数，例如 "c0:7b:bc:37:f8:d3"（无线接入点的 BSSID）
loc-wifimac-repeated = wifimac { $mac } 与 wifimac_infos[{ $first }] 重复
loc-lat = lat { $value } 超出 -90° … 90°（× 1,000,000）
loc-lng = lng { $value } 超出 -180° … 180°（× 1,000,000）
loc-lat-lng-missing = 打卡地点需要 lat 和 lng（度数 × 1,000,000，GCJ-02 坐标）
loc-distance = 不允许 distance { $value } 米
loc-distance-missing = 这个地点没有 distance（打卡范围）
loc-distance-help = 可选：100、200、… 1000、1500、2000、2500 或 3000（米）

## 加班规则(overtime.rs)

ot-none = 这条规则没有加班设置（ot_info_v2）
ot-none-help = 请添加 ot_info_v2，包含 workdayconf、restdayconf 和 holidayconf，例如每个都写 `{"{"}allow_ot: false, type: 2{"}"}`
ot-conf-missing = ot_info_v2 中没有 { $conf }
ot-conf-missing-help = 请添加 `{ $conf }: {"{"}allow_ot: false, type: 2{"}"}`（或这类日子允许的加班设置）
ot-conf-field-missing = { $conf } 中没有 { $field }
ot-type = type { $value } 不是 0（以审批和打卡计）、1（以打卡计）或 2（以审批计）
ot-trans-type = ot_trans_type { $value } 不是 1（调休）或 2（加班费）
ot-trans-ratio = trans_ratio { $value } 超过 3000（1:30）
ot-over-720 = { $field } { $value } 超过 720 分钟
ot-min-max = ot_time_min { $min } 不小于 ot_time_max { $max }
ot-rest-not-enabled = restinfo 的 type 为 0，不扣除休息时间，却配置了休息时间
ot-rest-not-enabled-help = 请设 type 为 1（固定休息时段）或 2（按加班时长扣除），或删除休息设置
ot-fix-time-size = 这里有 { $n } 个固定休息时段；type 1 需要 1 到 10 个
ot-by-periods-no-length = type 1 按固定休息时段扣除：不允许 cal_ottime_rule
ot-rest-items-size = 这里有 { $n } 项；按加班时长扣除需要 1 到 5 项
ot-by-length-no-periods = type 2 按加班时长扣除：不允许 fix_time_rule_list
ot-rest-item-required = 这一项需要 ot_time 和 rest_time
ot-rest-item-values = ot_time { $ot }、rest_time { $rest }：两者都必须是 15 分钟的倍数、最多 6 小时，且休息不长于加班
ot-rest-items-increasing = ot_time { $ot } 不大于前一项（{ $before }）
ot-rest-type = restinfo 的 type { $value } 不是 0（不扣除）、1（固定时段）或 2（按加班时长）
ot-fix-time-required = 这个休息时段需要 fix_time_begin_sec 和 fix_time_end_sec
ot-fix-time-minutes = 休息时间 { $b }–{ $e } 必须是整分钟
ot-fix-time-range = 休息时间 { $b }–{ $e } 必须在 00:00 到次日 23:59 之间
ot-fix-time-order = 休息时间 { $b }–{ $e } 必须开始早于结束，最长 24 小时（{ $d }）
ot-fix-time-overlap = 休息时间 { $b }–{ $e } 与 fix_time_rule_list[{ $other }] 重叠

## 班次(schedules.rs)

schedule-no-rest = 没有休息班次（schedule_id 0）
schedule-no-rest-help = 请添加 `- {"{"}schedule_id: 0, schedule_name: 休息{"}"}`
schedule-none = 除休息班次外没有别的班次
schedule-none-help = 请添加一个 schedule_id 不为 0 的班次及其 time_section
schedule-size = 这里有 { $n } 个班次；最多 50 个
schedule-id-repeated = schedule_id { $id } 也被 schedulelist[{ $first }] 使用
schedule-rest-name = 休息班次的名称是 "{ $name }"；必须是 "休息"
schedule-rest-periods = 休息班次不能有上班时段
schedule-rest-periods-help = 请删除 schedule_id 0 的 time_section
schedule-name-repeated = schedule_name "{ $name }" 也被 schedulelist[{ $first }] 使用
schedule-earliest = earliest_work_sec { $e } 比 work_sec { $w } 早 { $d }；最多 4 小时

## 补卡与人脸识别(buka.rs)

buka-cnt = allow_apply_bk_cnt { $value } 不是 -1（不限）或 0 … 99
buka-day-limit = allow_apply_bk_day_limit { $value } 不是 -1（不限）或 0 … 180 天
buka-limit-next-month = buka_limit_next_month { $value } 不是 -1（无截止日）或 1 … 28 中的某一天
buka-needs-open-remind = 设置了 buka_remind_day / buka_remind_month，但 open_remind 不是 true
buka-remind = buka_remind_month { $month }、buka_remind_day { $day }：不是有效的提醒日
buka-remind-day-missing = 未填写
buka-remind-help = 本月（buka_remind_month 0）：15 … 30 日；次月（1）：1 … 26 日
buka-needs-allow-apply = 设置了 { $field }，但不允许补卡（allow_apply_offworkday 不是 true）
buka-needs-allow-apply-help = 请添加 `allow_apply_offworkday: true`，或删除补卡设置
buka-face-detect = 开启了活体检测，但没有开启人脸识别（use_face_detect）
buka-face-detect-help = 请添加 `use_face_detect: true`

## 任何字符串中看不见的字符(checks/mod.rs)

hidden-characters = "{ $text }" 含有看不见的字符（控制字符或双向文本字符，这里以转义形式显示）
hidden-spaces = "{ $text }" 的开头或结尾有看不见的空格
hidden-help = 请删除它们，或用看得见的字符写出你的意思

## explain

explain-person = { $userid } 在 { $day }（{ $weekday ->
    [0] 周日
    [1] 周一
    [2] 周二
    [3] 周三
    [4] 周四
    [5] 周五
   *[6] 周六
}）：
explain-rule = 规则
explain-shift = 班次
explain-roster = 排班
explain-hours = 时间
explain-live = 线上
explain-rule-none = 无：getcheckinoption 显示此人当天没有适用的规则
explain-rule-unlisted = groupid { $groupid }，但 getcorpcheckinoption 的返回中没有它
explain-no-file = 没有规则文件描述它
explain-rule-is = { $name }（groupid { $groupid }，{ $kind ->
    [fixed] 固定时间上下班
    [schedule] 按班次上下班
    [free] 自由上下班
   *[unknown] 未知类型
}）—— { $file }
explain-shift-is = 线上排班为 { $name }（schedule_id { $id }）
explain-rest-day = 休息日：无需打卡
explain-shift-none = 无：线上排班中此人当天没有班次
explain-roster-none = git 中没有哪个排班文件含此人当月的排班
explain-roster-empty = { $file }：这一格为空（不在此管理）
explain-roster-says = { $at } 写的是 { $name }{ $agrees ->
    [yes] ，与线上一致
   *[no] {" "}—— 与线上不同：运行 `wecom-checkin plan` 查看
}
explain-free = 自由上下班：没有固定时间
explain-special-offday = 特殊休息日（spe_offdays）：无需打卡
explain-special-workday = 特殊工作日（spe_workdays）
explain-not-working-day = 不是这条规则的工作日
explain-live-same = 规则与 git 一致
explain-live-not-managed = 不在此管理：没有规则文件描述它
explain-live-differs = 规则与 git 不同（{ $n } 处变更{ $readonly ->
    [yes] ，只读
   *[no] {""}
}）：运行 `wecom-checkin plan` 查看

## 使命令停止的错误

tool-error = 错误：{ $message }
tool-help = {"  "}建议：{ $help }
err-cannot-read = 无法读取 { $path }：{ $error }
err-cannot-write = 无法写入 { $path }：{ $error }
err-cannot-create = 无法创建 { $path }：{ $error }
err-symlink-loop = 符号链接指回了上层目录
err-not-a-regular-file = 无法读取 { $path }：不是普通文件
err-paths-help = 请指定一个规则文件或规则文件所在的目录（默认：rules/）
err-unreadable-entry-help = 请修正或删除它：每个规则文件都必须能读取，否则 plan --prune 会删除它描述的规则
err-no-credentials = 没有企业微信凭据
err-no-credentials-help = 请设置 WECOM_CORPID（企业ID，在“我的企业”中）和 WECOM_CORPSECRET（在“打卡 → 可调用接口的应用”中配置的应用的 Secret，或有打卡权限的代开发应用的 Secret），或用自己的 token 服务提供的 WECOM_ACCESS_TOKEN；在 CI 中请从密钥存储读取
err-api-base = WECOM_API_BASE（或 --api-base）{ $base } 不可用：{ $why }
err-api-base-help = 请写带协议的基础 URL，例如 { $example }（`wecom-checkin emulate` 用 http://127.0.0.1:8089）
err-live-file-help = 请指定 `wecom-checkin pull` 写出的文件
err-live-rules = 无法读取线上规则：{ $error }
err-live-answer = 线上返回无法使用：{ $error }
err-live-rosters = 无法读取线上排班：{ $error }
err-live-rosters-of = 无法读取 { $month } 的线上排班：{ $error }
err-live-roster-answer = 线上排班的返回无法使用：{ $error }
err-whose-rule = 无法读取每个人适用的规则：{ $error }
err-full-plan-url = --full-plan-url { $url } 不可用：{ $why }
err-full-plan-url-help = 请指定保存完整计划的页面的 http（s） 地址，例如 CI 运行页面
err-out-extension = --out { $path }：格式由文件扩展名决定
err-out-extension-help = 文件名请以 .json（供 apply 使用）、.txt 或 .md 结尾
err-not-json = { $path } 不是 JSON：{ $error }
err-not-a-plan = { $path } 不是计划：{ $error }
err-plan-version = { $path } 是 format_version { $theirs } 的计划，本版本读取的是 { $ours }
err-plan-version-help = 请用本版本重新运行 `wecom-checkin plan --out`
err-rosters-month = --rosters { $month } 不是月份
err-rosters-month-help = 请把月份写成 YYYY-MM，例如 --rosters 2026-12
err-rosters-live = --rosters 从 API 读取线上排班；--live 文件只含规则
err-rosters-live-help = 请去掉 --live
err-roster-write = 无法写出 { $path } 的排班：{ $error }
err-date = --date { $date } 不是日期
err-date-help = 请把日期写成 YYYY-MM-DD，例如 --date 2026-12-03

## pull 与 import --rosters

pull-saved = 已把 { $n } 条线上规则保存到 { $path }
import-roster-none = { $name }：{ $month } 没有排班
import-roster-unsafe-name = { $name }：已跳过：这个 groupname 不能在所有系统上用作目录名（要使用排班，请给规则改名）
import-roster-kept = { $path }：已保留（文件已存在；--force 会覆盖）
import-roster-wrote = 已写出 { $path }（{ $n } 个格子）
import-roster-formula = 警告：{ $path } 中有 { $value }，电子表格会把它当作公式执行：请以文本方式打开文件
import-rosters-summary = 已导入 { $month } 的 { $n } 个排班{ $kept ->
    [0] {""}
   *[other] ；{ $kept } 个未写出
}。

## 排班文件（roster/file.rs）

roster-name-not-month = 文件名 { $name } 不是月份：排班文件按 YYYY-MM.csv 命名，如 2026-12.csv
roster-no-folder = 排班文件放在以其规则命名的文件夹中：rosters/<groupname>/YYYY-MM.csv
roster-name-help = 把文件改名为它的月份，如 rosters/成都春熙路店/2026-12.csv
roster-not-utf8 = 不是 UTF-8 编码
roster-not-utf8-help = 另存为“CSV UTF-8（逗号分隔）”（Excel 的另一种 CSV 选项写的是 GBK，无法读取）
roster-not-csv = 无法按 CSV 读取：{ $error }
roster-empty = 排班表为空：没有表头行
roster-empty-help = 写一行表头：`userid,1,2,…,{ $days }`（{ $month } 每天一列）
roster-header-first = 表头第一列是 { $found }，不是 userid
roster-header-help = 表头行是 `userid,1,2,…,{ $days }`
roster-header-stops = 表头到第 { $last } 天就结束了：{ $month } 有 { $days } 天
roster-header-extra = 表头在第 { $days } 天之后还有一列 { $found }：{ $month } 只有 { $days } 天
roster-header-column = 表头第 { $column } 列是 { $found }，应为第 { $want } 天
roster-header-order-help = 表头行是 `userid,1,2,…,{ $days }`：{ $month } 每天一列，按顺序排列
roster-no-userid = 这一行没有 userid
roster-no-userid-help = 在第一列写上此人的 userid（账号）
roster-second-row = userid { $userid } 有第二行（第一行在第 { $line } 行）
roster-second-row-help = 每人一行：把这两行合并
roster-cell-after = 第 { $days } 天之后还有一格（{ $found }）：{ $month } 只有 { $days } 天
roster-cell-after-help = 删去本月最后一天之后的格子

## 排班与规则的对照（roster/check.rs）

roster-rule-did-you-mean = 是否应为文件夹 { $folder }？
roster-rule-help = 用排班所属规则文件的 groupname 给文件夹命名（rosters/<groupname>/YYYY-MM.csv），并同时传入规则文件（`plan rules rosters`）
roster-rule-none = 排班所在文件夹 { $folder } 不对应任何规则：没有规则文件的 groupname 是它
roster-rule-not-schedule = { $name }（{ $file }）不是排班规则：只有按班次上下班的规则才有排班
roster-rule-not-schedule-help = 删除这份排班，或把规则改为 `grouptype: schedule` 并在 schedulelist 中写出班次
roster-shift-did-you-mean = 是否应为 { $shift }？{ $name } 的班次有 { $shifts }
roster-shift-help = 写 { $name }（{ $file }）的一个班次：{ $shifts }；或留空，这一天保持原样
roster-shift-unknown = { $userid } 在 { $date }：{ $shift } 不是 { $name } 的班次

## 排班的计划（roster/plan.rs）

roster-target-no-rule = 没有规划这个名字的规则文件
roster-target-new = 这份计划{ $action ->
    [add] 新增
   *[replace] 替换
}这条规则，它还没有 groupid：先执行，再重新规划以设置排班
roster-target-blocked = 这条规则无法规划（见它的错误）
roster-target-no-groupid = 这条规则没有 groupid
roster-live-file = 线上排班从 API 读取；--live 文件只含规则
roster-no-schedule-id = 班次 { $shift } 没有 schedule_id：规则文件和线上规则都没有给出
roster-no-schedule-id-help = 在规则文件的 schedulelist 中写上它的 schedule_id，或先执行规则再重新规划
roster-history = 今天之前有 { $cells } 格与线上不同：今天之前的日子是历史，永不发送
roster-history-help = 过去的日子保持原样，或清空这些格子
roster-not-compared = 排班未比较：{ $why }
roster-not-compared-help = 这份计划不会发送这份排班的任何内容
roster-audit-no-entry = setcheckinschedulist 针对“{ $rule }”（groupid { $groupid }，{ $yearmonth }），却没有该规则该月的排班条目
roster-audit-no-groupid = 排班条目 { $file }（{ $month }）有改动却没有 groupid
roster-audit-twice = setcheckinschedulist 对同一格设置了两次
roster-audit-not-shown = setcheckinschedulist 把 groupid { $groupid } 中 { $userid } 在 { $yearmonth } 第 { $day } 天设为 schedule_id { $id }，但没有排班条目显示这一改动
roster-audit-not-sent = 排班条目显示 groupid { $groupid } 中 { $userid } 在 { $yearmonth } 第 { $day } 天的改动，但没有调用设置它
roster-title-id = 排班 { $name } { $month }（groupid { $groupid }，{ $file }）
roster-title = 排班 { $name } { $month }（{ $file }）
roster-counted = 要设置 { $people } 人的 { $cells } 格
roster-set = 设置{ $title }：{ $counted }

## apply：调用之后线上的状态（apply.rs）

verify-added-missing = 已新增，但调用之后线上没有名为“{ $name }”的新规则
verify-added-many = 新增之后线上有 { $n } 条名为“{ $name }”的新规则（groupid { $ids }）：可能另一次 apply 同时在运行；`wecom-checkin apply --prune` 会删除多余的
verify-updated-gone = 已更新，但 groupid { $groupid } 已不存在
verify-cleared-gone = 已清空，但 groupid { $groupid } 已不存在
verify-cleared-still = { $field } 已清空，但线上仍有条目
verify-deleted-still = 已删除，但 groupid { $groupid } 仍在线上
verify-field-differs = { $field } 已发送，但线上显示的值不同（API 可能忽略了它）
verify-rosters-unread = 无法再次读取排班：{ $error }
verify-roster-missing = { $month } 的排班已设置，但线上没有显示其中 { $cells } 格（API 可能忽略了它）：{ $list }
write-ids-several = 一个文件含多条规则：请手动添加 `groupid`
differs-changed = 审阅之后有改动：{ $call }：{ $keys }
differs-order = 调用相同，只是顺序不同
differs-roster = { $name } 在 { $month } 的排班
roster-entry-no-groupid = 有改动的排班条目没有 groupid
err-not-a-saved-plan = { $path } 不是保存的计划
err-not-a-saved-plan-help = 传入审阅改动时 `wecom-checkin plan --out` 写出的 JSON

## apply：线上没有显示的排班格子

verify-roster-cell = { $userid } 第 { $day } 天 { $shift }

## 保存的计划：调用与条目的核对（plan/audit.rs）

audit-call = 第 { $n } 个调用（{ $call }）：{ $why }
audit-not-following-id = “{ $name }”（groupid { $groupid }）的调用与它的条目不符：{ $why }
audit-not-following = “{ $name }”的调用与它的条目不符：{ $why }
audit-call-for = 针对“{ $name }”的 { $endpoint }
audit-no-entry = 计划中没有“{ $what }”的条目
audit-what-changes = 修改 groupid { $groupid }
audit-what-adds = 新增名为“{ $name }”的规则
audit-what-deletes = 删除 groupid { $groupid }
audit-roster-call = 排班调用不对应规则条目
audit-label = 调用标为“{ $call }”，条目却是“{ $entry }”
audit-effective-now = { $endpoint } 的 effective_now 是 { $sent }，条目是 { $entry }
audit-two-of-a-kind = 一条规则有不止一个同类调用
audit-added-body = 新增规则的内容
audit-delete-no-prune = 有删除调用，但计划不是用 --prune 生成的
audit-delete-no-allow-replace = 有替换中的删除调用，但计划不是用 --allow-replace 生成的
audit-delete-no-replacement = 为替换而删除，但没有同名规则文件生成替换
audit-no-groupid = 条目修改规则，却没有写 groupid
audit-live-no-groupid = 线上没有 groupid { $groupid }
audit-empties = 调用清空 { $sent }，条目是 { $entry }
audit-what-calls-change = 调用对线上的改动
audit-nothing = 无
audit-none = （无）
audit-difference = { $what }得出 `{ $got }`，条目显示 `{ $entry }`

## 无法读取的线上回答（live.rs、roster/live.rs）

live-answer-error = 回答是一个错误：errcode { $errcode }：{ $errmsg }
live-group-not-list = `group` 不是列表
live-groupid-twice = groupid { $groupid } 出现了两次（group[{ $first }] 和 group[{ $second }]）：这个回答不是一个一致的企业；请重新读取
live-not-an-answer = 不是 getcorpcheckinoption 的回答：{ $error }
live-rule-not-object = 有一条规则不是 JSON 对象
live-rule-no-groupid = 这条规则没有数字 groupid
roster-live-not-list = schedule_list 不是列表
roster-live-no-userid = schedule_list 中有一项没有 userid
roster-live-bad-day = { $userid } 有一天不在 1 到 31 之间：{ $day }

## 调用 API（client/）

hint-credentials = corpid 或 corpsecret 不对：请用在 打卡 → 可调用接口的应用 中配置的应用的 secret（或有打卡权限的代开发应用的 secret）；自 2023-12-01 起，新企业不能再用系统打卡应用的 secret
hint-token = access_token 无效或已过期：用 WECOM_ACCESS_TOKEN 时，请从你的 token 服务取一个新的；用 WECOM_CORPID / WECOM_CORPSECRET 时，工具会自己刷新
hint-ip = 应用不信任这台机器的 IP：在管理后台把它加入应用的企业可信IP（CI 运行器需要固定的出口 IP）
hint-not-creator = 这个应用不能修改这条规则：打卡规则仅可由该规则的创建应用修改。如果它是在管理后台或由别的应用创建的，请在它的文件中标上 `readonly: true`
hint-permission = 应用缺少权限：请在 打卡 → 可调用接口的应用 中配置
hint-content = 服务器拒绝了规则的内容：运行 `wecom-checkin validate` 查看是哪个值、为什么
hint-rate-limit = 触发了 API 的频率限制：工具会退避后重试；如果一直如此，请调低 { $flag }
hint-busy = 服务器繁忙：工具会退避后重试；如果一直如此，请稍后再试
api-error-help = 建议：{ $hint }
api-http-status = HTTP 状态 { $status }
api-unexpected = 意外的回答：{ $message }
api-timed-out = 超时
api-could-not-connect = 无法连接
api-request-failed = 请求失败
api-https-to-http = （是不是对只讲 http 的服务器用了 https:// 地址？请检查 WECOM_API_BASE 的协议）
api-no-http = 无法建立 HTTP：{ $error }
api-log-unusable = 没有可用的回答：{ $error }
api-log-request = 请求：{ $endpoint } → { $outcome }（{ $ms } 毫秒）
api-no-token = 回答中没有 access_token（errcode { $errcode }，{ $errmsg }）
api-not-json = 不是 JSON（{ $error }）
api-no-errcode = 没有 errcode（{ $error }）

## 重试（client/）

api-retrying = 第 { $n }/{ $of } 次调用 { $endpoint } 失败，重试：{ $error }；{ $wait } 秒后再试

## 多个企业（corps.rs、commands/corps.rs）

corps-example = 例如写：
    {"["}corp.hq]
    rules = "hq/rules"
    env_prefix = "HQ_"
corps-no-table = { $path }：没有 [corp.NAME] 表
corps-bad-name = { $path }：企业名 { $name } 不可用
corps-bad-name-help = 企业名用字母、数字、- 和 _（最多 64 个）：它写在 --corp 之后，并显示在计划中
corps-bad-prefix = { $path }：企业 { $name }：env_prefix { $prefix } 不是变量名前缀
corps-bad-prefix-help = 用大写字母、数字和 _，如 env_prefix = "HQ_"
corps-at = 在第 { $line } 行第 { $column } 列；
corps-no-file = --corp { $name }：这个文件夹中没有 { $file }
corps-no-file-help = 请在仓库根目录运行，那里的 wecom-checkin.toml 列出各企业（见 README：多个企业）
corps-not-for-command = --corp 只用于 validate、plan、apply、import、pull 和 explain
corps-unknown = --corp { $name }：{ $file } 中没有这个企业
corps-unknown-help = 其中的企业：{ $names }
corps-refuse = { $why }，而 { $file } 列出了 { $n } 个企业
corps-refuse-help = 请传入 --corp NAME，可选：{ $names }
corps-why-one = 这个命令一次只为一个企业运行
corps-why-paths = 给出了路径（或 --live）
corps-why-json = JSON 或 SARIF 输出只能是一个文档
corps-no-program = 找不到本程序，无法为每个企业运行：{ $error }
corps-cannot-run = 无法再次运行本程序：{ $error }

## 计划的错误与说明（plan/build.rs、plan/matching.rs、commands/plan.rs、cli.rs）

plan-readonly-missing = 只读规则“{ $name }”在线上不存在
plan-readonly-missing-help = 只读规则记录的是一条线上规则：写上它的 groupid，或去掉 `readonly`
plan-live-rule = 线上规则 { $groupid }（{ $reason }）
plan-live-rule-help = 加上 { $flag } 运行以删除 groupid { $groupid }，或把其中一条规则改名
plan-pinned-missing = 写定了 groupid { $groupid }，但没有线上规则是它（在管理后台被删了？）
plan-pinned-missing-help = 去掉 `groupid` 以重新创建规则，或写上它所描述的线上规则的 groupid
err-url-scheme = 协议是 { $scheme }
err-url-userinfo = 其中有用户名或密码
plan-saved = 计划已保存到 { $path }
err-now = 不是 RFC 3339 时间（{ $error }）；请写如 2027-01-01T00:00:00+08:00

## 文件与线上规则的对应（plan/matching.rs）

plan-pinned-renamed = 写定了 groupid { $groupid }，但没有线上规则是它；线上规则 { $live } 有这个 groupname，文件与它对应
plan-pinned-renamed-help = 在文件中写上新的 groupid（替换之后 `apply --write-ids` 会写入）
plan-name-collision = groupname“{ $name }”也是线上规则 { $groupid } 的名字，而另一个文件描述的是那条规则
plan-name-collision-help = 把其中一个改名：新增之后，工具按名字找到新规则

## import 写入规则文件的注释（旧字段、keep_live）

import-file-header = 由 wecom-checkin import 从线上规则 groupid { $groupid }（{ $source }）导入。
import-note-noneed-offwork = `checkindate[{ $i }].noneed_offwork: { $value }` 是旧字段；现在的写法是 `checkintime[].no_need_checkoff: { $value }`。
import-note-flex-time = `checkindate[{ $i }].flex_time: { $ms }`（毫秒）是旧字段；现在的写法是 `allow_flex` 加 `flex_on_duty_time` / `flex_off_duty_time`（{ $duration }）。
import-note-no-current-form = `checkindate[{ $i }].{ $field }` 是旧字段，没有完全对应的新写法（打卡时间范围现在是 `earliest/latest_*_sec`）：保留，从不发送。
import-note-ot-info = `ot_info` 是旧的加班字段，没有完全对应的新写法：保留，从不发送；加班请写在 `ot_info_v2` 中。
import-note-keep-live = `keep_live` 列出 { $n } 个在管理后台设置、写接口却会拒绝的值。不改动时它们保持原样；一旦改动它们所在的顶层字段，该字段会整体发送，所以请先修正它们。
live-note-milliseconds = `{ $at }.{ $field }: { $value }` 按毫秒读取（{ $seconds } 秒）

## 计划行中的括注：名称（groupid 1，文件）

aside = （{ $what }）
clause-separator = ，

## schema、man 与运行时（commands/schema.rs、commands/man.rs、pipeline.rs）

schema-missing = { $path } 不存在
schema-stale = { $path } 已过时：与此版本生成的 schema 不同
schema-run-help = {"  "}建议：运行 `wecom-checkin schema` 并提交该文件
schema-up-to-date = { $path } 是最新的
wrote-file = 已写入 { $path }
man-cannot-render = 无法生成 { $path }：{ $error }
man-wrote = 已写入 { $n } 个 man 手册页到 { $folder }
err-in-file = { $path }：{ $error }
err-runtime = 无法启动异步运行时：{ $error }

## 模拟器（commands/emulate.rs、emulator/mod.rs）

emu-not-json = { $path } 不是 JSON：{ $error }
emu-unknown-endpoint = 未知的接口 { $name }
emu-one-of = 可选：{ $names }
emu-rate-limit-form = --rate-limit { $spec }：请写 ENDPOINT=每分钟次数
emu-rate-limit-number = --rate-limit { $spec }：{ $n } 不是数字
emu-fault-form = --fault { $spec }：请写 ENDPOINT=FAULT[xN]
emu-fault-unknown = --fault { $spec }：未知的故障
emu-fault-help = 可选 `-1`、`45009`、`301070`、`http500`、`slow:MS`、`drop`
emu-seeded = 已从 { $path } 载入 { $n } 条规则
emu-seeded-console = 已从 { $path } 载入 { $n } 条规则（视为在管理后台创建）
emu-seeded-rosters = 已从 { $path } 载入 { $n } 格排班
emu-cannot-listen = 无法监听 { $addr }：{ $error }
emu-cannot-watch = 无法监听 Ctrl-C：{ $error }
emu-listening = wecom-checkin 模拟器正在监听 http://{ $addr }
emu-ctrl-c = 按 Ctrl-C 停止。
emu-failed = 模拟器已停止：{ $error }
emu-stopped = 模拟器已停止
emu-cannot-save = 模拟器：无法把状态保存到 { $path }：{ $error }

## 工作日的图示（plan/times.rs，markdown 中的甘特图）

gantt-when = { $when ->
    [before] 变更前
   *[after] 变更后
}
gantt-check-in = 上班打卡
gantt-work = 工作
gantt-rest = 休息
gantt-check-out = 下班打卡

## A write whose answer was lost (apply.rs), and --write-ids

settle-lost = { $rule } { $endpoint }：回答丢失了（{ $error }）；重新读取线上状态，看它是否已生效
settle-applied = { $rule } { $endpoint }：线上状态显示它已生效；不再重复调用
settle-again = { $rule } { $endpoint }：线上状态显示它没有生效；再调用一次（第 { $round }/{ $rounds } 次）
settle-unknown = { $error }；结果未知，且无法重新读取线上状态（{ $read }）：请运行 `wecom-checkin plan` 查看实际情况
settle-gave-up = { $error }；{ $rounds } 次调用的回答都丢失了，且都没有生效
differs-call = { $endpoint }（“{ $rule }”）
write-ids-wrote = 已把 groupid { $id } 写入 { $file }
write-ids-failed = 无法把 groupid { $id } 写入 { $file }：{ $error }

## Plan errors: grouptype changes, fields the API cannot empty, live settings a write would erase (plan/build.rs, plan/diff.rs)

plan-grouptype-change = 把 grouptype 从 { $from } 改为 { $to } 会替换这条规则（先新增新规则，再删除旧规则）
plan-grouptype-change-help = 如果这正是你想要的，请使用 --allow-replace 运行；否则保持原来的 grouptype
plan-would-become-empty = `{ $path }` 会变为空
plan-not-expressible-help = API 无法把这个字段清空：请至少保留一项，或在管理后台修改（之后运行 `wecom-checkin pull` 记录下来）
plan-would-erase = 发送 `{ $field }` 会抹去线上在 { $paths } 有、而此文件没有的设置
plan-would-erase-help = 这些设置比此文件新（在管理后台设置的，或此版本不认识的字段）：请对这条规则运行 `wecom-checkin import --force`，或从 `wecom-checkin pull` 的结果中把它们复制到文件里；要关闭其中一项，请写上它的关闭值（如 `enable_weekday_recurrence: false`）

## A rule and its fields, in the plan's lists

rule-fields = { $name }：{ $fields }

## A saved plan whose calls are not the tool's (plan/mod.rs, client/write.rs)

saved-call = { $rule } 的调用：{ $error }
saved-call-endpoint = apply 从不调用 { $endpoint }
saved-call-body = { $endpoint } 的请求体不是本工具发送的内容：{ $error }

## A roster cell with no shift before the change

roster-no-shift = （无）

## Each corp's section when the tool runs over several

corps-heading = === 企业 { $name } ===
corps-heading-markdown = ## 企业 `{ $name }`

## What to do, in GitHub annotations and SARIF (diag/render.rs)

diag-help-line = 建议：{ $help }
diag-with-help = { $message }（建议：{ $help }）

## A plan refused for invalid rule files (commands/plan.rs)

plan-refused-files = 计划被拒绝：规则文件中有 { $n } 个错误；`wecom-checkin validate` 会全部列出。

## A corp whose run could not start

corps-cannot-run-for = 无法为企业 { $name } 运行本程序：{ $error }
