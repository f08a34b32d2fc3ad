//! Simplified Chinese output, chosen by --lang or by LANG: validate, plan
//! (text and markdown) and apply, snapshot beside their English ones. The
//! server's errmsg and 说明 stay as the server and its documents say them.

use super::apply::{apply, corp};
use super::util::{binary, run};
use wecom_checkin::emulator;

const PLAN: [&str; 6] = [
    "plan",
    "--live",
    "examples/live/corp.json",
    "--now",
    "2026-11-21T10:00:00+08:00",
    "--lang",
];

#[test]
fn validate_in_chinese() {
    let clean = run(&["validate", "--lang", "zh-CN", "rules"]);
    assert_eq!(clean.code, 0);
    insta::assert_snapshot!("validate_clean_zh", clean.stdout);
    let errors = run(&[
        "validate",
        "--lang",
        "zh-CN",
        "tests/fixtures/load-errors/misplaced-keys.yaml",
    ]);
    assert_eq!(errors.code, 1);
    insta::assert_snapshot!("validate_errors_zh", errors.stdout);
    // Every way a file can fail to read as a rule: YAML syntax, full-width
    // characters, keys, value types, encodings. The words of the output and
    // the loader's messages are Chinese; the server's errmsg, field names,
    // values and the YAML parser's own words stay as they are.
    let load = run(&["validate", "--lang", "zh-CN", "tests/fixtures/load-errors"]);
    assert_eq!(load.code, 1);
    for english in [
        "error:",
        "warning:",
        "= help:",
        "= note:",
        "unknown key",
        "is not a valid",
        "is not a time of day",
        "less than the minimum",
        "YAML syntax error",
        "missing required key",
        "empty file",
        "duplicate key",
    ] {
        assert!(
            !load.stdout.contains(english),
            "English left in the Chinese output: {english:?}"
        );
    }
    insta::assert_snapshot!("validate_load_errors_zh", load.stdout);
}

/// Both languages list the same findings in the same order: findings at one
/// position are ordered by code, check and pointer, not by their words.
#[test]
fn both_languages_list_findings_in_one_order() {
    // A period without reminders and without its window: two findings at one
    // place whose English and Chinese words sort in opposite orders.
    let dir = tempfile::tempdir().unwrap();
    let rule = std::fs::read_to_string("rules/head-office.yaml").unwrap();
    let cut: String = rule
        .lines()
        .filter(|l| !l.contains("remind_") && !l.contains("earliest_work_sec"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("cut.yaml"), cut).unwrap();
    let cut = dir.path().to_str().unwrap();
    let order = |lang: &str| {
        let dirs = ["tests/fixtures/load-errors", cut];
        let mut args = vec!["validate", "--format", "json", "--lang", lang];
        args.extend(dirs);
        let out = run(&args);
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let keys = ["file", "line", "column", "check", "path"];
                keys.map(|k| d[k].to_string()).join(" ")
            })
            .collect::<Vec<_>>()
    };
    let en = order("en");
    assert!(en.len() > 50, "too few findings to compare: {}", en.len());
    assert_eq!(en, order("zh-CN"));
}

#[test]
fn lang_from_the_environment() {
    let run_with = |vars: &[(&str, &str)]| {
        let mut command = binary();
        command
            .args(["validate", "rules"])
            .current_dir(super::util::root());
        command.env_remove("LC_ALL");
        for (k, v) in vars {
            command.env(k, v);
        }
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    assert!(run_with(&[("LANG", "zh_CN.UTF-8")]).starts_with("通过："));
    assert!(run_with(&[("LANG", "en_US.UTF-8")]).starts_with("ok: "));
    // LC_ALL wins over LANG, as gettext has it; --lang wins over both.
    assert!(run_with(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]).starts_with("ok: "));
    let flag = run(&["validate", "--lang", "en", "rules"]);
    assert!(flag.stdout.starts_with("ok: "));
}

#[test]
fn plan_in_chinese() {
    let mut args = PLAN.to_vec();
    args.push("zh-CN");
    let text = run(&args);
    assert_eq!(text.code, 0, "{}", text.stderr);
    insta::assert_snapshot!("plan_text_zh", text.stdout);
    args.extend(["--format", "markdown"]);
    let markdown = run(&args);
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    insta::assert_snapshot!("plan_markdown_zh", markdown.stdout);
}

#[test]
fn apply_in_chinese() {
    let c = corp(emulator::Config::default(), None, None);
    let out = apply(&c, "rules", &["--lang", "zh-CN"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    // Timings and the emulator's port vary: they are replaced.
    let stdout = out.stdout.replace(&c.base, "http://127.0.0.1:PORT");
    let stable: String = stdout
        .lines()
        .map(|l| match l.rfind("  (") {
            Some(i) if l.ends_with("s)") => format!("{}  (…s)", &l[..i]),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("apply_zh", stable);
}

/// apply's refusals are in the user's language too (on stderr).
#[test]
fn apply_refuses_in_chinese() {
    let c = corp(emulator::Config::default(), None, None);
    let out = super::apply::cli(
        &c,
        &[
            "apply",
            "rules",
            "--lang",
            "zh-CN",
            super::apply::NOW_ARGS[0],
            super::apply::NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("拒绝应用：不在终端中：请传入 --auto-approve 以不经询问地应用"),
        "{}",
        out.stderr
    );
}

/// `--help` in Chinese: chosen like the messages (`--lang`, `LANG`), with
/// Chinese headings; English stays the doc comments.
#[test]
fn help_in_chinese() {
    let plan = run(&["--lang", "zh-CN", "plan", "--help"]);
    assert_eq!(plan.code, 0, "{}", plan.stderr);
    insta::assert_snapshot!("plan_help_zh", plan.stdout);
    // clap's own words are in Chinese too; an environment variable is named
    // without a value (an empty one read as "set to empty").
    for english in [
        "[default:",
        "possible values",
        "Possible values",
        "[env:",
        "_LIMIT=",
    ] {
        assert!(!plan.stdout.contains(english), "English left: {english:?}");
    }
    let root = run(&["--lang", "zh-CN", "-h"]);
    assert!(
        root.stdout
            .contains("  help         打印本帮助，或指定命令的帮助\n"),
        "{}",
        root.stdout
    );
    let mut command = binary();
    command
        .args(["validate", "-h"])
        .env_remove("LC_ALL")
        .env("LANG", "zh_CN.UTF-8");
    let short = String::from_utf8(command.output().unwrap().stdout).unwrap();
    assert!(short.starts_with("校验规则文件"), "{short}");
    assert!(
        short.contains("选项:") && !short.contains("Options:"),
        "{short}"
    );
    let english = run(&["plan", "--help"]);
    assert!(
        english.stdout.starts_with("Show the API calls"),
        "{}",
        english.stdout
    );
}

/// Every command and argument has its Chinese help, and the file holds no
/// text for one that no longer exists.
#[test]
fn every_argument_has_chinese_help() {
    use std::collections::BTreeSet;
    use wecom_checkin::i18n::{ZH_CN_HELP, ids, zh_help};
    fn walk(
        cmd: &clap::Command,
        name: &str,
        used: &mut BTreeSet<String>,
        missing: &mut Vec<String>,
    ) {
        let need = |id: String, used: &mut BTreeSet<String>| {
            if zh_help(&id).is_some() {
                used.insert(id);
                true
            } else {
                false
            }
        };
        if !need(format!("cmd-{name}"), used) {
            missing.push(format!("cmd-{name}"));
        }
        if cmd.get_long_about().is_some() && !need(format!("cmd-{name}-long"), used) {
            missing.push(format!("cmd-{name}-long"));
        }
        for arg in cmd
            .get_arguments()
            .filter(|a| name == "root" || !a.is_global_set())
        {
            let id = arg.get_id();
            if !need(format!("arg-{name}-{id}"), used) && !need(format!("arg-{id}"), used) {
                missing.push(format!("arg-{id} (of {name})"));
            }
            // A possible value clap describes needs its Chinese words too.
            for value in arg.get_possible_values() {
                let v = value.get_name();
                if value.get_help().is_some()
                    && !need(format!("value-{name}-{id}-{v}"), used)
                    && !need(format!("value-{id}-{v}"), used)
                {
                    missing.push(format!("value-{id}-{v} (of {name})"));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, sub.get_name(), used, missing);
        }
    }
    let mut used: BTreeSet<String> = [
        "help-exit-status",
        "help-usage",
        "help-options",
        "help-arguments",
        "help-commands",
        "help-default",
        "help-possible-values",
        "help-env",
        // clap's `help` command, added when the command is built.
        "cmd-help",
    ]
    .into_iter()
    .chain(wecom_checkin::usage_error::IDS.iter().copied())
    .map(str::to_owned)
    .collect();
    let lacking: Vec<&&str> = wecom_checkin::usage_error::IDS
        .iter()
        .filter(|id| zh_help(id).is_none())
        .collect();
    assert!(
        lacking.is_empty(),
        "locales/zh-CN-help.ftl lacks clap's words: {lacking:?}"
    );
    let mut missing = Vec::new();
    walk(
        &wecom_checkin::cli::command(wecom_checkin::i18n::Lang::En),
        "root",
        &mut used,
        &mut missing,
    );
    assert!(
        missing.is_empty(),
        "locales/zh-CN-help.ftl lacks: {missing:?}"
    );
    let stale: Vec<String> = ids(ZH_CN_HELP)
        .into_iter()
        .filter(|id| !used.contains(id))
        .collect();
    assert!(
        stale.is_empty(),
        "locales/zh-CN-help.ftl has text for nothing: {stale:?}"
    );
}

/// import, the first command of an adopting corp, speaks Chinese too.
#[test]
fn import_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let live = super::util::root().join("examples/live/corp.json");
    let out_dir = dir.path().join("rules");
    let import = || {
        run(&[
            "import",
            "--lang",
            "zh-CN",
            "--live",
            live.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ])
    };
    let out = import();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("已导入 3 条规则到"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("下一步：提交这些文件；`wecom-checkin plan` 应显示没有变化。"),
        "{}",
        out.stdout
    );
    let again = import();
    assert_eq!(again.code, 1);
    assert!(
        again.stdout.contains("拒绝导入：已有 3 个文件："),
        "{}",
        again.stdout
    );
}

/// The notes import writes into a file (old fields, keep_live) are in the
/// reviewer's language too, and the file still plans as no change.
#[test]
fn import_notes_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let live =
        super::util::root().join("tests/fixtures/live/doc93384-v2020-getcorpcheckinoption.json");
    let out = run(&[
        "import",
        "--lang",
        "zh-CN",
        "--live",
        live.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
        super::apply::NOW_ARGS[0],
        super::apply::NOW_ARGS[1],
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = super::util::only_file(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let notes: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("# "))
        .skip(2)
        .collect();
    insta::assert_snapshot!("import_notes_zh", notes.join("\n"));
    for english in ["Imported", "old field", "kept", "never sent"] {
        assert!(!text.contains(english), "English left: {english:?}\n{text}");
    }
    let plan = run(&[
        "plan",
        "--live",
        live.to_str().unwrap(),
        file.to_str().unwrap(),
        super::apply::NOW_ARGS[0],
        super::apply::NOW_ARGS[1],
    ]);
    assert_eq!(
        plan.code,
        0,
        "{}{}",
        plan.stdout.lines().last().unwrap_or_default(),
        plan.code
    );
    assert!(plan.stdout.contains("; 1 unchanged."), "{}", plan.stdout);
}

/// A flag's value that does not parse is refused in the language asked for,
/// though the language flag comes later on the line; `schema --check` and
/// `man` report in it too, and so does the emulator.
#[test]
fn flag_values_and_one_line_reports_in_chinese() {
    let now = run(&["validate", "--now", "2026", "--lang", "zh-CN"]);
    assert_eq!(now.code, 1);
    assert!(
        now.stderr.contains("不是 RFC 3339 时间（"),
        "{}",
        now.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("schema.json");
    let schema = run(&[
        "schema",
        "--lang",
        "zh-CN",
        "--check",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(schema.code, 1);
    assert!(
        schema
            .stdout
            .ends_with(" 不存在\n  建议：运行 `wecom-checkin schema` 并提交该文件\n"),
        "{}",
        schema.stdout
    );
    let man = run(&[
        "man",
        "--lang",
        "zh-CN",
        dir.path().join("man").to_str().unwrap(),
    ]);
    assert_eq!(man.code, 0, "{}", man.stderr);
    assert!(man.stderr.starts_with("已写入 "), "{}", man.stderr);
    let emulate = run(&["emulate", "--lang", "zh-CN", "--fault", "gettoken=zz"]);
    assert_eq!(emulate.code, 1);
    assert!(
        emulate.stderr.contains("：未知的故障\n  建议：可选 `-1`"),
        "{}",
        emulate.stderr
    );
}

/// A plan refused for rule files that do not load says so in the run's
/// language, with the number of errors (one, or several).
#[test]
fn a_refused_plan_in_both_languages() {
    let plan = |lang: &str, file: &str| {
        let out = run(&[
            "plan",
            "--lang",
            lang,
            "--live",
            "examples/live/corp.json",
            &format!("tests/fixtures/load-errors/{file}"),
        ]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        out.stdout.lines().last().unwrap_or_default().to_owned()
    };
    let (one, five) = ("out-of-range.yaml", "wrong-types.yaml");
    assert_eq!(
        plan("en", one),
        "Plan refused: the rule files have 1 error; `wecom-checkin validate` shows them all."
    );
    assert_eq!(
        plan("en", five),
        "Plan refused: the rule files have 5 errors; `wecom-checkin validate` shows them all."
    );
    assert_eq!(
        plan("zh-CN", five),
        "计划被拒绝：规则文件中有 5 个错误；`wecom-checkin validate` 会全部列出。"
    );
}

/// GitHub annotations and SARIF carry what to do in the run's language too.
#[test]
fn annotations_in_chinese() {
    let file = "tests/fixtures/load-errors/out-of-range.yaml";
    let github = run(&["validate", "--lang", "zh-CN", "--format", "github", file]);
    assert_eq!(github.code, 1);
    assert!(
        github.stdout.contains("%0A建议：请写 -1（不限）"),
        "{}",
        github.stdout
    );
    let sarif = run(&["validate", "--lang", "zh-CN", "--format", "sarif", file]);
    assert_eq!(sarif.code, 1);
    assert!(
        sarif.stdout.contains("（建议：请写 -1（不限）"),
        "{}",
        sarif.stdout
    );
    for out in [&github.stdout, &sarif.stdout] {
        assert!(!out.contains("help:"), "{out}");
    }
}

/// A command line clap refuses is refused in Chinese: unknown flags and
/// commands (with the similar ones), values not allowed, values missing.
/// The exit status is clap's, 1 (as in English).
#[test]
fn usage_errors_in_chinese() {
    let mut shown = Vec::new();
    for line in [
        &["validate", "--colr", "never"][..],
        &["valdate"],
        &["plan", "--format", "xml"],
        &["apply", "--reviewed"],
        &["completions"],
        &["plan", "--foo"],
    ] {
        let out = run(&[&["--lang", "zh-CN"], line].concat());
        assert_eq!(out.code, 1, "{line:?}: {}", out.stderr);
        assert!(out.stdout.is_empty());
        for english in [
            "error:",
            "Usage",
            "For more information",
            "tip:",
            "possible values",
            "to pass",
        ] {
            assert!(
                !out.stderr.contains(english),
                "English left: {english:?}\n{}",
                out.stderr
            );
        }
        shown.push(format!(
            "$ wecom-checkin {}\n{}",
            line.join(" "),
            out.stderr
        ));
    }
    insta::assert_snapshot!("usage_errors_zh", shown.join("\n"));
    // The user's own words are quoted in it, with what hides in them made visible.
    let hostile = run(&["--lang", "zh-CN", "validate", "--x\u{1b}[2J\u{202e}"]);
    assert_eq!(hostile.code, 1);
    assert!(
        hostile.stderr.starts_with("错误：意外的参数 '--x"),
        "{}",
        hostile.stderr
    );
    assert!(
        !hostile.stderr.contains(['\u{1b}', '\u{202e}']),
        "{:?}",
        hostile.stderr
    );
    // English keeps clap's own words.
    let english = run(&["validate", "--colr", "never"]);
    assert!(
        english
            .stderr
            .starts_with("error: unexpected argument '--colr' found"),
        "{}",
        english.stderr
    );
}

/// An error that stops a command is in Chinese too: its words (错误, 建议)
/// and what went wrong, with the same exit code as in English.
#[test]
fn errors_in_chinese() {
    let credentials = run(&["pull", "--lang", "zh-CN"]);
    assert_eq!(credentials.code, 1, "{}", credentials.stderr);
    let out_file = run(&["plan", "--lang", "zh-CN", "--out", "plan.doc"]);
    assert_eq!(out_file.code, 1, "{}", out_file.stderr);
    let month = run(&["import", "--lang", "zh-CN", "--rosters", "2026-13"]);
    assert_eq!(month.code, 1, "{}", month.stderr);
    let shown = [credentials, out_file, month]
        .map(|o| o.stderr)
        .join("---\n");
    for english in ["error:", "help:", "cannot", "is not", "write the"] {
        assert!(
            !shown.contains(english),
            "English left: {english:?}\n{shown}"
        );
    }
    insta::assert_snapshot!("errors_zh", shown);
}

/// The plan's own errors in Chinese: a pinned groupid no live rule has, and
/// a readonly rule that is not live.
#[test]
fn plan_errors_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let rule = std::fs::read_to_string(super::util::root().join("rules/head-office.yaml")).unwrap();
    std::fs::write(
        dir.path().join("pinned.yaml"),
        format!("groupid: 999999\n{rule}"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("readonly.yaml"),
        format!(
            "readonly: true\n{}",
            rule.replace("groupname: ", "groupname: 旧")
        ),
    )
    .unwrap();
    let live = super::util::root().join("examples/live/corp.json");
    let out = super::util::run_in(
        dir.path(),
        &[
            "plan",
            "--live",
            live.to_str().unwrap(),
            "--now",
            "2026-11-21T10:00:00+08:00",
            "--lang",
            "zh-CN",
            ".",
        ],
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let all = format!("{}{}", out.stdout, out.stderr);
    for said in [
        "写定了 groupid 999999，但没有线上规则是它",
        "在文件中写上新的 groupid",
        "在线上不存在",
        "去掉 `readonly`",
    ] {
        assert!(all.contains(said), "{said}:\n{all}");
    }
    for english in ["is pinned", "does not exist live", "remove `", "pin the"] {
        assert!(!all.contains(english), "{english:?}:\n{all}");
    }
}
