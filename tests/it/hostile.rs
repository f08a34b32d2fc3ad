//! Hostile names and values in every output. Names come from rule files and
//! from any console admin: a name or value must never hide the rest of a PR
//! comment, forge a heading, ping a team, run a workflow command in a CI log,
//! clear a terminal, or write a key into a file import makes.

use std::path::Path;
use std::process::Stdio;

use serde_json::{Value, json};

use super::util::root;

const NOW: [&str; 2] = ["--now", "2026-11-21T00:00:00+08:00"];

/// Names a reviewer must still see, each as the attack it is.
fn hostile_names() -> Vec<String> {
    vec![
        "食堂 <!--".into(),
        "夜班\n\n### ✅ No changes to existing rules".into(),
        "```\n</details>\n早班".into(),
        "@org/team 门店".into(),
        "::error file=x::pwned".into(),
        "::add-mask::Applied".into(),
        "::stop-commands::token".into(),
        "\x1b[2J清屏".into(),
        "\x1b]8;;http://evil.example\x07链接\x1b]8;;\x07".into(),
        "x\rPlan: 0 to add".into(),
        "空\0字".into(),
        "abc\u{202e}fed".into(),
        format!("长{}", "名".repeat(37)),
    ]
}

fn group(id: i64, name: &str, photo: bool) -> Value {
    json!({
        "groupid": id, "grouptype": 3, "groupname": name, "need_photo": photo,
        "range": {"userid": ["zhangsan"]},
        "white_users": ["@org/team", "::warning::x", "w\x1b[8mhidden", "u".repeat(300)],
        "loc_infos": [{"lat": 30547030, "lng": 104062890, "loc_title": "```", "loc_detail": "</details><!--", "distance": 300}],
        "ot_info_v2": {
            "workdayconf": {"allow_ot": false, "type": 2},
            "restdayconf": {"allow_ot": false, "type": 2},
            "holidayconf": {"allow_ot": false, "type": 2}
        }
    })
}

/// A corp where every rule has a hostile name, and a file set that changes
/// each of them (and adds more): every section of the plan carries one.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let names = hostile_names();
    let live: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| group(100 + i as i64, n, false))
        .chain([group(900, "::error::console-made 未管理", false)])
        .collect();
    std::fs::write(
        dir.path().join("live.json"),
        json!({"errcode": 0, "group": live}).to_string(),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    for (i, n) in names.iter().enumerate() {
        // Existing rules change need_photo; new ones are added.
        let mut g = group(0, n, true);
        g.as_object_mut().unwrap().shift_remove("groupid");
        std::fs::write(dir.path().join(format!("rules/r{i}.json")), g.to_string()).unwrap();
        let mut new = group(0, &format!("新{n}"), true);
        new.as_object_mut().unwrap().shift_remove("groupid");
        std::fs::write(dir.path().join(format!("rules/n{i}.json")), new.to_string()).unwrap();
    }
    dir
}

fn run(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = super::util::binary()
        .args(args)
        .args(NOW)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What a log or a terminal must never receive.
fn assert_safe_for_logs(what: &str, out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || !wecom_checkin::escape::is_hidden(c),
            "{what}: a hidden character U+{:04X} reached the output:\n{out}",
            u32::from(c)
        );
    }
    for line in out.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "{what}: a line can run as a workflow command: {line:?}"
        );
    }
}

#[test]
fn text_output_shows_hidden_characters_and_starts_no_workflow_command() {
    let dir = setup();
    let (code, out, err) = run(dir.path(), &["plan", "rules", "--live", "live.json"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_safe_for_logs("plan text", &out);
    assert!(out.contains("\\u{1b}[2J清屏"), "{out}");
    assert!(out.contains("abc\\u{202e}fed"), "{out}");
    assert!(out.contains("x\\rPlan: 0 to add"), "{out}");
    let (_, out, _) = run(dir.path(), &["validate", "rules"]);
    assert_safe_for_logs("validate text", &out);
    assert!(
        out.contains("characters nobody can see"),
        "validate warns: {out}"
    );
    let (_, out, _) = run(dir.path(), &["validate", "rules", "--format", "github"]);
    for line in out.lines() {
        assert!(
            line.starts_with("::warning ")
                || line.starts_with("::error ")
                || line.starts_with("ok:")
                || line.starts_with("failed:"),
            "one annotation per line, nothing injected: {line:?}"
        );
        assert!(
            !line.chars().any(wecom_checkin::escape::is_hidden),
            "{line:?}"
        );
    }
}

#[test]
fn the_markdown_comment_renders_every_rule_and_no_value_becomes_markup() {
    let dir = setup();
    let (code, md, err) = run(
        dir.path(),
        &[
            "plan",
            "rules",
            "--live",
            "live.json",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(code, 0, "{md}{err}");
    // Rendered as GitHub does before sanitizing: CommonMark with raw HTML.
    let html = {
        let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, parser);
        html
    };
    assert!(
        !html.contains("<!--"),
        "a value opened an HTML comment:\n{html}"
    );
    assert_eq!(
        html.matches("<h3>").count(),
        1,
        "a heading came from a value:\n{html}"
    );
    for h in ["<h1", "<h2", "<h4", "<h5", "<h6"] {
        assert!(!html.contains(h), "a heading came from a value:\n{html}");
    }
    let sections = hostile_names().len() * 2 + 1;
    assert_eq!(html.matches("<details>").count(), sections, "{html}");
    assert_eq!(
        html.matches("</details>").count(),
        html.matches("<details").count(),
        "a value closed a block:\n{html}"
    );
    // GitHub turns `@name` into a mention everywhere but in code.
    let outside_code: String = html
        .split("<pre>")
        .map(|part| part.split_once("</pre>").map_or(part, |(_, after)| after))
        .collect();
    assert!(
        !outside_code.contains("@org/team"),
        "a mention would ping:\n{outside_code}"
    );
    assert!(!html.contains('\x1b'), "{html}");
    // Every rule's change is still there to review, under its own name.
    for (i, name) in hostile_names().iter().enumerate() {
        let shown = wecom_checkin::escape::html(name);
        assert!(
            html.contains(&format!("groupid {}", 100 + i)) && md.contains(&shown),
            "rule {i} ({name:?}) is not visible:\n{md}"
        );
    }
    assert_eq!(
        md.matches("need_photo: false → true").count(),
        hostile_names().len(),
        "{md}"
    );
    // The word joiner after `@` is the tool's own (it stops mentions).
    assert_safe_for_logs("plan markdown", &md.replace("@\u{2060}", "@"));
}

#[test]
fn import_writes_a_hostile_key_as_a_key_and_comments_as_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut g = group(7, "门店\n# readonly: true", false);
    g["zz\nreadonly: true\n#"] = json!(1);
    g["checkindate"] = json!([]);
    std::fs::write(
        dir.path().join("live.json"),
        json!({"errcode": 0, "group": [g]}).to_string(),
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["import", "--live", "live.json"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_safe_for_logs("import", &out);
    let file = super::util::only_file(&dir.path().join("rules"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text
            .lines()
            .any(|l| l.trim_start().starts_with("readonly:")),
        "a live key became a real key:\n{text}"
    );
    let loaded = wecom_checkin::load::load_paths(&[file]).unwrap();
    assert_eq!(loaded.rules.len(), 1, "{:?}", loaded.diagnostics);
    assert_eq!(loaded.rules[0].rule.readonly, None);
    assert_eq!(
        loaded.rules[0].rule.other.get("zz\nreadonly: true\n#"),
        Some(&json!(1))
    );
}

#[test]
fn apply_output_is_safe_for_logs() {
    let dir = setup();
    let live: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("live.json")).unwrap())
            .unwrap();
    let rt = super::util::runtime();
    let emu = wecom_checkin::emulator::Emulator::new(wecom_checkin::emulator::Config {
        now: Some(1_795_190_400),
        ..wecom_checkin::emulator::Config::default()
    });
    emu.seed(&live, false).unwrap();
    let (addr, _) = rt.block_on(emu.spawn()).unwrap();
    let out = super::util::binary()
        .args([
            "apply",
            "rules",
            "--auto-approve",
            "--write-rate-limit",
            "60000",
        ])
        .args(NOW)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("WECOM_API_BASE", format!("http://{addr}"))
        .env("WECOM_CORPID", "emulator-corp")
        .env("WECOM_CORPSECRET", "emulator-secret")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_safe_for_logs("apply", &text);
    let _ = root();
}

/// Shift names and a rule name full of what Mermaid gives a meaning (`:`
/// ends a task's name, `%%` a comment or directive, `#` and `;` entities and
/// line ends, a newline a new statement such as `click … javascript:`): the
/// gantt of the day keeps every line to the forms it writes, and the names
/// stay readable. mermaid's own parser reads these blocks in CI
/// (scripts/mermaid-check.sh).
#[test]
fn the_day_pictures_hold_no_markup_from_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("live.json"), r#"{"errcode":0,"group":[]}"#).unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    let period = |at: u32| {
        let (work, off) = (at * 3600, at * 3600 + 7200);
        json!({"time_id": at, "work_sec": work, "off_work_sec": off,
               "remind_work_sec": work, "remind_off_work_sec": off,
               "earliest_work_sec": work - 3600, "latest_work_sec": work + 1800,
               "earliest_off_work_sec": off - 1800, "latest_off_work_sec": off + 3600})
    };
    let no_ot = json!({"allow_ot": false, "type": 2});
    for (i, name) in hostile_names().iter().enumerate() {
        let rule = json!({
            "grouptype": 2, "groupname": format!("店{i}"),
            "schedulelist": [
                {"schedule_id": 0, "schedule_name": "休息"},
                {"schedule_id": 1, "schedule_name": name, "time_section": [period(8)], "allow_flex": false},
                {"schedule_id": 2, "schedule_name": format!("%%{{init:{{}}}}%%: #;`{}", name.chars().take(20).collect::<String>()), "time_section": [period(12)], "allow_flex": false},
            ],
            "ot_info_v2": {"workdayconf": no_ot, "restdayconf": no_ot, "holidayconf": no_ot},
            "range": {"userid": ["zhangsan"]},
            "loc_infos": [{"lat": 30547030, "lng": 104062890, "loc_title": "店", "loc_detail": "成都", "distance": 300}],
            "option_out_range": 2,
        });
        std::fs::write(
            dir.path().join(format!("rules/s{i}.json")),
            rule.to_string(),
        )
        .unwrap();
    }
    let (code, md, err) = run(
        dir.path(),
        &[
            "plan",
            "rules",
            "--live",
            "live.json",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(code, 0, "{md}{err}");
    // For mermaid's own parser in CI (scripts/mermaid-check.sh reads it).
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("mermaid-hostile-names.md"),
        &md,
    )
    .unwrap();
    let blocks: Vec<&str> = md
        .split("```mermaid\n")
        .skip(1)
        .map(|b| b.split("\n```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), hostile_names().len(), "a picture per rule");
    for block in &blocks {
        for line in block.lines() {
            let line = line.trim_start();
            let known = [
                "gantt",
                "title ",
                "dateFormat ",
                "axisFormat ",
                "todayMarker off",
                "section ",
            ]
            .iter()
            .any(|k| line.starts_with(k))
                || ["check in ", "work ", "rest ", "check out "]
                    .iter()
                    .any(|k| line.starts_with(k) && line.matches(':').count() == 3);
            assert!(
                known,
                "a line Mermaid could read as something else: {line:?}\n{block}"
            );
            assert!(!line.contains('`') && !line.contains("%%"), "{line:?}");
            if line.starts_with("section ") || line.starts_with("title ") {
                assert!(!line.contains([':', '#', ';']), "{line:?}");
            }
        }
    }
    // The names stay readable in the picture.
    assert!(md.contains("section @org/team 门店"), "{md}");
}
