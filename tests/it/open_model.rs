//! Never erase what the tool does not know. A corp holding every field newer
//! than the 2023-12 documents, plus invented future fields at several depths:
//! import keeps them, plan compares them, an edit of a sibling sends them back
//! whole, apply leaves them in place, and plan refuses an update that would
//! drop one the file does not have. Real binary, emulator over loopback.

use std::path::Path;
use std::process::Stdio;

use serde_json::{Value, json};
use wecom_checkin::emulator::{self, Emulator};

use super::util::{Output, root};

const NOW: [&str; 2] = ["--now", "2026-11-21T00:00:00+08:00"];
const FIXTURE: &str = "tests/fixtures/live/newer-fields-getcorpcheckinoption-synthetic.json";

fn fixture() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(FIXTURE)).unwrap()).unwrap()
}

struct Corp {
    emu: Emulator,
    base: String,
    _rt: tokio::runtime::Runtime,
}

fn corp(seed: &Value) -> Corp {
    let rt = super::util::runtime();
    let emu = Emulator::new(emulator::Config {
        now: Some(1_795_190_400),
        ..emulator::Config::default()
    });
    emu.seed(seed, false).unwrap();
    let (addr, _) = rt.block_on(emu.clone().spawn()).unwrap();
    Corp {
        emu,
        base: format!("http://{addr}"),
        _rt: rt,
    }
}

fn cli(c: &Corp, dir: &Path, args: &[&str]) -> Output {
    let out = super::util::binary()
        .args(args)
        .args(NOW)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("WECOM_API_BASE", &c.base)
        .env("WECOM_CORPID", "emulator-corp")
        .env("WECOM_CORPSECRET", "emulator-secret")
        .env_remove("WECOM_ACCESS_TOKEN")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "{from:?} not in {}:\n{text}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// What is kept of the live rule, without what the edit changed.
fn newer_parts(group: &Value) -> Value {
    let day = &group["checkindate"][0];
    let period = &day["checkintime"][0];
    json!({
        "biweekly": day["biweekly"],
        "zz_future_day": day["zz_future_day"],
        "rest_times": period["rest_times"],
        "zz_future_period": period["zz_future_period"],
        "time_unit_config": group["ot_info_v2"]["time_unit_config"],
        "zz_future_conf": group["ot_info_v2"]["workdayconf"]["zz_future_conf"],
        "checkin_method_type": group["checkin_method_type"],
        "open_sp_checkin": group["open_sp_checkin"],
        "buka_restriction": group["buka_restriction"],
        "zz_future_top": group["zz_future_top"],
    })
}

#[test]
fn newer_and_unknown_fields_survive_import_an_edit_and_apply() {
    let seed = fixture();
    let before = newer_parts(&seed["group"][0]);
    let c = corp(&seed);
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&c, dir.path(), &["import", "--out", "rules"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let file = dir.path().join("rules/大小周-研发.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    for key in [
        "biweekly:",
        "rest_times:",
        "time_unit_config:",
        "zz_future_period:",
        "zz_future_day:",
        "zz_future_conf:",
        "zz_future_top:",
        "checkin_method_type: 1",
        "open_sp_checkin: true",
    ] {
        assert!(text.contains(key), "import dropped {key}:\n{text}");
    }
    let out = cli(&c, dir.path(), &["validate", "rules"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let out = cli(&c, dir.path(), &["plan", "rules", "--detailed-exitcode"]);
    assert_eq!(
        out.code, 0,
        "import then plan shows no change:\n{}",
        out.stdout
    );

    // Edit siblings of the newer fields: the update sends their parents whole.
    edit(&file, "work_sec: \"09:00\"", "work_sec: \"09:30\"");
    edit(
        &file,
        "remind_work_sec: \"08:50\"",
        "remind_work_sec: \"09:20\"",
    );
    edit(&file, "ot_time_max: 4h", "ot_time_max: 3h");
    let out = cli(
        &c,
        dir.path(),
        &["plan", "rules", "--format", "json", "--out", "plan.json"],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("plan.json")).unwrap())
            .unwrap();
    let calls = plan["calls"].as_array().unwrap();
    assert_eq!(calls.len(), 1, "{calls:#?}");
    let body = &calls[0]["body"];
    insta::assert_json_snapshot!("update_body_keeps_newer_fields", body);
    let sent = newer_parts(&body["group"]);
    for key in [
        "biweekly",
        "zz_future_day",
        "rest_times",
        "zz_future_period",
        "time_unit_config",
        "zz_future_conf",
    ] {
        assert_eq!(
            sent[key], before[key],
            "{key} is not sent back as live has it"
        );
    }

    let out = cli(&c, dir.path(), &["apply", "plan.json"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let live = c.emu.answer();
    let group = &live["group"][0];
    assert_eq!(group["checkindate"][0]["checkintime"][0]["work_sec"], 34200);
    assert_eq!(newer_parts(group), before, "apply lost a field");
    let out = cli(&c, dir.path(), &["plan", "rules", "--detailed-exitcode"]);
    assert_eq!(out.code, 0, "a change remains after apply:\n{}", out.stdout);
}

#[test]
fn plan_refuses_an_update_that_would_erase_what_the_file_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let live_path = dir.path().join("live.json");
    let mut live = fixture();
    std::fs::write(&live_path, live.to_string()).unwrap();
    let run = |args: &[&str]| {
        let out = super::util::binary()
            .args(args)
            .args(NOW)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, out) = run(&["import", "--live", "live.json", "--out", "rules"]);
    assert_eq!(code, 0, "{out}");
    let file = dir.path().join("rules/大小周-研发.yaml");
    edit(&file, "work_sec: \"09:00\"", "work_sec: \"09:30\"");
    edit(
        &file,
        "remind_work_sec: \"08:50\"",
        "remind_work_sec: \"09:20\"",
    );

    // Someone sets a new console option after the import …
    live["group"][0]["checkindate"][0]["zz_console_option"] = json!({"on": true});
    std::fs::write(&live_path, live.to_string()).unwrap();
    let (code, out) = run(&["plan", "rules", "--live", "live.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("would erase"), "{out}");
    assert!(out.contains("checkindate[0].zz_console_option"), "{out}");
    let (code, out) = run(&["plan", "rules", "--live", "live.json", "--lang", "zh-CN"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("会抹去线上在 checkindate[0].zz_console_option 有、而此文件没有的设置"),
        "{out}"
    );

    // … or the file was written by a version that dropped 大小周.
    live["group"][0]["checkindate"][0]
        .as_object_mut()
        .unwrap()
        .shift_remove("zz_console_option");
    std::fs::write(&live_path, live.to_string()).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text.find("    biweekly:").unwrap();
    let end = start + text[start..].find("    zz_future_day").unwrap();
    std::fs::write(&file, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let (code, out) = run(&["plan", "rules", "--live", "live.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("checkindate[0].biweekly"), "{out}");

    // Switching it off is written with its off value, and plans.
    std::fs::write(
        &file,
        text.replace(
            "enable_weekday_recurrence: true",
            "enable_weekday_recurrence: false",
        ),
    )
    .unwrap();
    let (code, out) = run(&["plan", "rules", "--live", "live.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("enable_weekday_recurrence"), "{out}");
}
