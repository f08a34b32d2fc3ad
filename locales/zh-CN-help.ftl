# `--help` 的简体中文文本。英文文本就是 src/cli.rs 中的文档注释;
# 这里每个命令(cmd-<命令>,长说明 cmd-<命令>-long)和每个参数
# (arg-<参数>,某命令专用的写作 arg-<命令>-<参数>)各有一条。
# 测试会在缺少或多出条目时失败。

help-exit-status = 所有命令的退出状态相同：
    {"  "}0  完成：没有任何失败（plan --detailed-exitcode 时还表示没有要变更的）
    {"  "}1  有失败：规则或参数无效、API 或网络出错、被拒绝
    {"  "}2  仅 plan --detailed-exitcode：有要变更的
help-usage = 用法
help-options = 选项
help-arguments = 参数
help-commands = 命令

cmd-root = 以代码管理企业微信打卡规则：validate（校验）、plan（计划）、apply（应用）。
cmd-root-long = 以代码管理企业微信打卡规则。

    规则以 YAML 文件存放在 git 中，每条规则一个文件；`validate` 离线按服务器的规则逐条校验。
cmd-validate = 校验规则文件：YAML 语法、schema，以及服务器执行的每一条约束
cmd-validate-long = 校验规则文件：YAML 语法、schema，以及服务器执行的每一条约束。

    退出状态：0 没有错误（可以有警告），1 发现错误或工具无法运行。
cmd-schema = 写出规则文件的 JSON Schema（schema/checkin-rule.schema.json），或检查它是否最新
cmd-plan = 显示让线上规则与文件一致所需的 API 调用
cmd-plan-long = 显示让线上规则与文件一致所需的 API 调用。

    退出状态：0 已生成计划（使用 --detailed-exitcode 时表示没有要变更的），1 有失败（规则或参数无效、API 无法表达的变更、API 出错），2 仅在 --detailed-exitcode 时：有要变更的。
cmd-apply = 调用 API，使线上规则与文件一致
cmd-apply-long = 调用 API，使线上规则与文件一致。

    使用 --reviewed PLAN.json 时，会重新为规则文件生成计划，只有调用与审阅过的完全一致时才应用。使用保存的计划（`plan --out`）时，只执行其中的调用，前提是：它是今天为这个企业和 API 生成的、未被修改、调用与其规则条目一致，且之后线上状态没有变化。使用规则文件时，先生成计划并显示，再询问 `yes`（或使用 --auto-approve）。之后会重新读取线上状态，逐个核对调用。退出状态：0 全部已应用并核对（字段值可能明天才生效），1 有失败、被拒绝或未能核对。
cmd-import = 为每条线上规则写一个规则文件，让已有企业开始使用本工具
cmd-import-long = 为每条线上规则写一个规则文件，让已有企业开始使用本工具。

    导入、提交，之后 `plan` 应显示没有变化。除非使用 --force，否则不会覆盖已有文件。
cmd-pull = 把线上规则（getcorpcheckinoption 的返回）保存为 JSON
cmd-pull-long = 把线上规则（getcorpcheckinoption 的返回）保存为 JSON。

    该文件可供 `plan --live` 和 `emulate --state` 读取。
cmd-emulate = 在本机运行打卡规则 API 的模拟器，用于试用和测试
cmd-emulate-long = 在本机运行打卡规则 API 的模拟器，用于试用和测试。

    按打印出的内容设置 WECOM_API_BASE=http://地址、WECOM_CORPID 和 WECOM_CORPSECRET，即可让工具连接它。按 Ctrl-C 停止。
cmd-explain = 说明某天谁上什么班：每个人的规则、班次和时间
cmd-explain-long = 说明某天谁上什么班：每个人的规则、班次和时间。

    对每个 USERID：当天适用的规则（getcheckinoption）、git 中描述它的规则文件、线上排班中的班次（或固定时间）、打卡时段，以及线上与 git 是否一致。退出状态：0 已说明，1 有人当天没有规则或 API 出错。
cmd-completions = 打印 shell 补全脚本
cmd-completions-long = 打印 shell 补全脚本。

    bash：`wecom-checkin completions bash > ~/.local/share/bash-completion/completions/wecom-checkin`；zsh：放入 $fpath 中的某个目录，命名为 `_wecom-checkin`；fish：`~/.config/fish/completions/wecom-checkin.fish`。退出状态：0 已打印。
cmd-man = 把 man 手册页（wecom-checkin.1 及每个命令一页）写入一个目录
cmd-man-long = 把 man 手册页（wecom-checkin.1 及每个命令一页）写入一个目录。

    用 `man -l man/wecom-checkin-plan.1` 阅读，或把该目录安装到 man 路径下（如 /usr/local/share/man/man1）。

## 全局参数

arg-color = 终端输出的颜色：auto（在终端中且未设置 NO_COLOR 时）、always 或 never
arg-quiet = 只输出命令的结果和问题：没有 "ok" 摘要，也没有 "saved …" 提示。重试仍会说明
arg-verbose = 同时在 stderr 记录每个 API 请求：接口、返回（errcode、HTTP 状态或没有返回的原因）和耗时；从不记录 token、secret 或查询串
arg-corp = 有 wecom-checkin.toml 时：只处理这个企业（它的目录和 HQ_ 这类前缀的环境变量）。不指定时，validate、plan 和 apply 会处理文件中的每个企业
arg-lang = 消息和计划的语言：en 或 zh-CN（默认：LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头时为 zh-CN，否则为 en）。服务器的 errmsg 保持服务器的原文

## 连接 API

arg-corpid = 企业ID
arg-corpsecret = 有权管理打卡规则的应用的 Secret
arg-access_token = 由你自己的 token 服务提供的 access_token（代替 corpid + corpsecret）
arg-api_base = API 的基础 URL
arg-read_rate_limit = 每分钟调用 getcorpcheckinoption 的次数（文档规定的上限为 60）
arg-roster_rate_limit = 每分钟调用 getcheckinschedulist 和 setcheckinschedulist 的次数，各自计算（文档规定的上限为 60）
arg-timeout = 单个请求超时的秒数
arg-attempts = API 繁忙或网络失败时每次调用的尝试次数（含第一次，也含 gettoken）；两次之间的等待总共不超过 60 秒
arg-retry_wait_ms = 第一次重试前等待的毫秒数；之后每次翻倍（带随机抖动，每次最多 10 秒）

## 计划与应用

arg-live = 从这个文件（`pull` 写出的）读取线上状态，而不是调用 API
arg-prune = 删除没有文件描述的线上规则
arg-allow_replace = 允许修改 grouptype：这会删除规则并重新新增
arg-effective_now = 变更今天生效，而不是明天（所有规则）
arg-roster_batch = 每次 setcheckinschedulist 调用设置的排班格子数（API 文档未规定上限；docs/rosters.md）
arg-now = 当前时间，RFC 3339 格式
arg-validate-now = 当前时间，RFC 3339 格式（如 2027-01-01T00:00:00+08:00）：特殊日期只能设在它之后。默认：真实的当前时间
arg-plan-now = 当前时间，RFC 3339 格式：早于它的特殊日期视为历史
arg-emulate-now = 检查特殊日期是否在将来时使用的“现在”（RFC 3339）
arg-validate-paths = 规则文件、排班文件或目录（递归查找 *.yaml、*.yml、*.json，排班为 *.csv）[默认：rules/，以及存在时的 rosters/]
arg-plan-paths = 规则文件、排班文件（rosters/<groupname>/YYYY-MM.csv）或目录 [默认：rules/，以及存在时的 rosters/]
arg-explain-paths = 用于对照的规则文件、排班文件或目录 [默认：rules/，以及存在时的 rosters/]
arg-validate-format = 输出格式
arg-plan-format = 输出格式
arg-plan-out = 按文件扩展名完整保存计划：.json（`apply` 和 `apply --reviewed` 读取）、.txt（文本）或 .md（markdown，从不截断）。可重复以保存多份
arg-plan-full_plan_url = 完整计划可以在哪里阅读（如保存了 plan.txt 的 CI 运行）：超出一条评论长度的 markdown 计划会链接到这里
arg-detailed_exitcode = 没有要变更的时退出码为 0，有要变更的时为 2
arg-targets = 保存的计划（`plan --out` 写出的 JSON），或规则文件、排班文件和目录 [默认：rules/，以及存在时的 rosters/]
arg-auto_approve = 不询问直接应用（不在终端中运行时必须使用）
arg-reviewed = 审阅变更时保存的计划（`plan --out`，如拉取请求中的）：会重新为规则文件生成计划，只有得到的调用与审阅过的完全一致时才应用
arg-max_deletes = 计划删除的规则多于这个数时拒绝开始
arg-fail_fast = 第一个调用失败时即停止（默认：其他规则继续）
arg-write_ids = 把每条新增规则的 groupid 写入其文件
arg-concurrency = 同时应用的规则数（每条规则的调用仍按顺序）
arg-write_rate_limit = 每分钟调用每个写接口的次数（上限未在文档中规定）

## 其他命令

arg-check = 只检查：文件与本版本生成的不同时退出码为 1
arg-schema-out = schema 文件的位置
arg-import-out = 写入规则文件的目录
arg-force = 覆盖已存在的文件
arg-new_only = 只导入目录中还没有文件描述的线上规则（按固定的 groupid 或 groupname）：接管在管理后台新增的规则
arg-rosters = 不写规则文件，而是把每条排班规则在这个月（如 2026-12）的线上排班写为 rosters/<groupname>/YYYY-MM.csv
arg-rosters_out = 写入排班文件的目录（与 --rosters 一起使用）
arg-userid = 与 --rosters 一起使用：读取这些人的排班（可重复，或用逗号分隔）；不指定时向 getcheckinschedulist 查询所有人（docs/rosters.md）
arg-pull-out = 返回内容写到哪里（默认：标准输出）
arg-listen = 监听的地址；端口 0 表示任选空闲端口
arg-state = 用 getcorpcheckinoption 的返回（`pull` 写出的）初始化规则，归模拟器的应用所有
arg-console_state = 初始化在管理后台创建的规则：任何应用都不能修改
arg-save = 每次变更后把状态写回这个文件
arg-directory = 用户及其部门和标签的目录（JSON），getcheckinoption 据此回答谁适用哪条规则（docs/api-notes.md：模拟器的目录）
arg-max_schedule_items = 一次 setcheckinschedulist 调用可携带的条目数（真实上限未在文档中规定；docs/api-notes.md）
arg-emulate-rosters = 用 getcheckinschedulist 的返回（JSON，`schedule_list`）初始化排班
arg-emulate-corpid = 模拟器接受的 corpid
arg-corpsecrets = 模拟器接受的 Secret；每个代表一个应用。可重复以模拟多个应用
arg-token_ttl = token 的有效秒数
arg-read_shape = getcorpcheckinoption 的返回形式：与当前服务器相同（modern）或与旧服务器相同（legacy）
arg-rate_limits = 按接口的限制，写作 ENDPOINT=PER_MINUTE（如 update_checkin_option=120）；超出时返回 45009
arg-faults = 前几次调用的故障，写作 ENDPOINT=FAULT[xCOUNT]，FAULT 为 -1、45009、301070、http500、`slow:MS`、drop 之一
arg-userids = 要说明的人，按 userid（账号）
arg-date = 哪一天，YYYY-MM-DD（默认：今天，北京时间）
arg-shell = shell
arg-man-out = 写入的目录（不存在时会创建）

# clap 拒绝命令行时的用语（src/usage_error.rs）。英文输出沿用 clap 自己的文字。
clap-invalid-value = 参数 '{ $arg }' 的值 '{ $value }' 无效
clap-value-required = 参数 '{ $arg }' 需要一个值，但没有给出
clap-possible-values = 可选值：{ $values }
clap-unknown-argument = 意外的参数 '{ $arg }'
clap-unknown-subcommand = 没有命令 '{ $name }'
clap-missing-required = 缺少以下必需的参数：
clap-missing-subcommand = '{ $name }' 需要一个子命令，但没有给出
clap-subcommands = 子命令：{ $values }
clap-used-twice = 参数 '{ $arg }' 只能使用一次
clap-conflict = 参数 '{ $arg }' 不能与 '{ $prior }' 同时使用
clap-conflict-others = 参数 '{ $arg }' 不能与已给出的其他参数同时使用
clap-no-equals = 给 '{ $arg }' 赋值时需要等号
clap-too-many-values = 参数 '{ $arg }' 多出了值 '{ $value }'
clap-wrong-number-of-values = 参数 '{ $arg }' 需要 { $want } 个值，只给出了 { $got } 个
clap-similar-argument = 提示：有相似的参数 '{ $similar }'
clap-similar-subcommand = 提示：有相似的命令 '{ $similar }'
clap-similar-value = 提示：有相似的值 '{ $similar }'
clap-tip = 提示：{ $tip }
clap-usage = 用法：{ $usage }
clap-more = 更多信息请运行 '--help'。
clap-pass-as-value = 提示：若要把 '{ $arg }' 作为值传入，请写 '{ $written }'

# clap 在帮助中附加的用语：默认值、可选值、环境变量（只写变量名，从不写它的值）。
help-default = 默认：{ $values }
help-possible-values = 可选值：{ $values }
help-env = 环境变量：{ $values }

# 带说明的可选值（value-<命令>-<参数>-<值>，或通用的 value-<参数>-<值>）。
value-lang-en = English（英文）
value-lang-zh-CN = 简体中文
value-plan-format-text = 用于终端或 CI 日志
value-plan-format-markdown = 用于拉取请求评论或作业摘要
value-plan-format-json = 计划本身（format_version 2）：apply 执行的内容
value-validate-format-text = 类似 rustc 的文本，附出错的源代码行
value-validate-format-json = 一个 JSON 文档（见 README：validate --format json）
value-validate-format-github = GitHub Actions 注解（`::error file=…,line=…::…`）
value-validate-format-sarif = SARIF 2.1.0，用于代码扫描
cmd-help = 打印本帮助，或指定命令的帮助
