//! Rosters (排班) end to end: the real binary against the emulator over
//! loopback HTTP. import a month → plan shows nothing; edit cells → plan
//! shows them and the exact calls → apply → plan shows nothing again.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use wecom_checkin::client::Endpoint;
use wecom_checkin::emulator::{self, Fault};
use wecom_checkin::load;

use super::apply::{Corp, NOW_ARGS, command, corp};
use super::plan::answer_of;
use super::util::{Output, root};

const STORE: &str = "成都春熙路店";
/// Client-side limits out of the way: the emulator keeps the documented ones.
const FAST: [&str; 4] = ["--roster-rate-limit", "6000", "--read-rate-limit", "6000"];

/// A corp holding the bundled store rule (早班 1, 晚班 2, 休息 0) and a roster
/// for December 2026 of `people` people, and a work folder with the rule file.
fn store(people: usize) -> (Corp, tempfile::TempDir, i64) {
    let loaded = load::load_paths(&[root().join("rules/store-chengdu-chunxi.yaml")]).unwrap();
    let mut live = answer_of(&loaded.rules);
    live["group"][0]["groupid"] = json!(3);
    let c = corp(emulator::Config::default(), Some(&live), None);
    let groupid = c.emu.groupid_of(STORE).unwrap();
    for p in 1..=people {
        for day in 1..=31u8 {
            c.emu
                .put_roster(groupid, 202612, &user(p), day, i64::from(day % 3));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::copy(
        root().join("rules/store-chengdu-chunxi.yaml"),
        dir.path().join("rules/store.yaml"),
    )
    .unwrap();
    (c, dir, groupid)
}

/// `store(people)` with its December roster imported into the work folder.
fn imported(people: usize) -> (Corp, tempfile::TempDir, i64) {
    let (c, dir, groupid) = store(people);
    let out = run(&c, dir.path(), &["import", "--rosters", "2026-12"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    (c, dir, groupid)
}

fn user(p: usize) -> String {
    format!("u{p:03}")
}

fn run(c: &Corp, dir: &Path, args: &[&str]) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    if !matches!(args.first(), Some(&"validate")) {
        all.extend(FAST);
    }
    let out = command(c, &all).current_dir(dir).output().unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn roster_file(dir: &Path) -> PathBuf {
    dir.join("rosters").join(STORE).join("2026-12.csv")
}

/// Replaces the cell of `userid` on `day` in a roster file.
/// Replaces `from` by `to` in the store's rule file; returns the text before.
fn edit_rule(d: &Path, from: &str, to: &str) -> String {
    let path = d.join("rules/store.yaml");
    let rule = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, rule.replace(from, to)).unwrap();
    rule
}

fn edit_cell(path: &Path, userid: &str, day: usize, value: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let edited: Vec<String> = text
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split(',').collect();
            if cells[0] == userid {
                cells[day] = value;
            }
            cells.join(",")
        })
        .collect();
    std::fs::write(path, edited.join("\n") + "\n").unwrap();
}

fn calls(c: &Corp, e: Endpoint) -> usize {
    c.emu.call_counts().get(&e).copied().unwrap_or(0)
}

#[test]
fn import_plan_edit_apply_replan() {
    let (c, dir, groupid) = store(120);
    let d = dir.path();

    let out = run(&c, d, &["import", "--rosters", "2026-12"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("(3720 cells)"), "{}", out.stdout);
    let text = std::fs::read_to_string(roster_file(d)).unwrap();
    assert_eq!(text.lines().count(), 121, "a header and a row per person");
    assert!(text.starts_with("userid,1,2,"), "{text}");

    // 120 people are read in two calls: the emulator refuses more than 100.
    let before = calls(&c, Endpoint::GetCheckinScheduList);
    let out = run(
        &c,
        d,
        &["plan", "--detailed-exitcode", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(
        out.code, 0,
        "an imported roster plans as no change:\n{}{}",
        out.stdout, out.stderr
    );
    assert_eq!(calls(&c, Endpoint::GetCheckinScheduList) - before, 2);

    edit_cell(&roster_file(d), "u001", 5, "晚班"); // 5 % 3 = 2: already 晚班
    edit_cell(&roster_file(d), "u001", 6, "早班"); // was 休息
    edit_cell(&roster_file(d), "u002", 7, "休息"); // was 早班
    edit_cell(&roster_file(d), "u003", 8, ""); // not managed: left alone
    let out = run(
        &c,
        d,
        &[
            "plan",
            "--detailed-exitcode",
            "--out",
            "plan.json",
            "--out",
            "plan.md",
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    let shown = out.stdout.replace(&c.base, "http://EMULATOR");
    insta::assert_snapshot!("roster_plan_text", shown);
    let zh = run(
        &c,
        d,
        &["plan", "--lang", "zh-CN", NOW_ARGS[0], NOW_ARGS[1]],
    );
    insta::assert_snapshot!(
        "roster_plan_text_zh",
        zh.stdout.replace(&c.base, "http://EMULATOR")
    );
    let md = std::fs::read_to_string(d.join("plan.md")).unwrap();
    insta::assert_snapshot!(
        "roster_plan_markdown",
        md.replace(&c.base, "http://EMULATOR")
    );
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("plan.json")).unwrap()).unwrap();
    assert_eq!(
        plan["calls"],
        json!([{"rule": STORE, "endpoint": "setcheckinschedulist", "body": {
            "groupid": groupid, "yearmonth": 202612,
            "items": [{"userid": "u001", "day": 6, "schedule_id": 1}, {"userid": "u002", "day": 7, "schedule_id": 0}]}}])
    );

    let out = run(&c, d, &["apply", "plan.json", NOW_ARGS[0], NOW_ARGS[1]]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("1 roster call made; 0 failed"),
        "{}",
        out.stdout
    );
    sets_made_then_in_sync(&c, d, 1);
}

/// The emulator applied exactly `sets` setcheckinschedulist calls, and a
/// new plan finds nothing left to change.
fn sets_made_then_in_sync(c: &Corp, d: &Path, sets: usize) {
    assert_eq!(
        c.emu.applied_counts().get(&Endpoint::SetCheckinScheduList),
        Some(&sets)
    );
    let out = run(
        c,
        d,
        &["plan", "--detailed-exitcode", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 0, "a change remains:\n{}", out.stdout);
}

#[test]
fn items_are_batched_one_call_per_rule_month_and_batch() {
    let (c, dir, _) = imported(3);
    let d = dir.path();
    // Every cell of three people changes: 93 cells in batches of 40.
    let text = std::fs::read_to_string(roster_file(d)).unwrap();
    let flipped = text
        .replace("早班", "x")
        .replace("晚班", "早班")
        .replace('x', "晚班")
        .replace("休息", "早班");
    std::fs::write(roster_file(d), flipped).unwrap();
    let out = run(
        &c,
        d,
        &[
            "apply",
            "--auto-approve",
            "--roster-batch",
            "40",
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("3 roster calls made"), "{}", out.stdout);
    sets_made_then_in_sync(&c, d, 3);
}

#[test]
fn a_set_the_api_ignores_is_reported_not_applied() {
    let (c, dir, _) = imported(2);
    let d = dir.path();
    edit_cell(&roster_file(d), "u001", 6, "早班");
    c.emu
        .inject(Endpoint::SetCheckinScheduList, Fault::Ignore, 1);
    let out = run(
        &c,
        d,
        &["apply", "--auto-approve", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("NOT APPLIED  成都春熙路店: the roster for 2026-12 was set but live does not show 1 cell (the API may have ignored it): u001 day 6 早班"),
        "{}",
        out.stdout
    );
    // The same, said in Chinese.
    c.emu
        .inject(Endpoint::SetCheckinScheduList, Fault::Ignore, 1);
    let out = run(
        &c,
        d,
        &[
            "apply",
            "--auto-approve",
            "--lang",
            "zh-CN",
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("成都春熙路店：2026-12 的排班已设置，但线上没有显示其中 1 格（API 可能忽略了它）：u001 第 6 天 早班"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_roster_that_moved_after_the_plan_is_refused() {
    let (c, dir, groupid) = imported(2);
    let d = dir.path();
    edit_cell(&roster_file(d), "u001", 6, "早班");
    assert_eq!(
        run(
            &c,
            d,
            &["plan", "--out", "plan.json", NOW_ARGS[0], NOW_ARGS[1]]
        )
        .code,
        0
    );
    c.emu.put_roster(groupid, 202612, "u002", 9, 2); // an admin edits the roster
    let out = run(&c, d, &["apply", "plan.json", NOW_ARGS[0], NOW_ARGS[1]]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("stale plan: live rosters changed since the plan; re-run plan. Changed: the roster of 成都春熙路店 for 2026-12"),
        "{}",
        out.stderr
    );
    assert_eq!(
        c.emu.applied_counts().get(&Endpoint::SetCheckinScheduList),
        None
    );
}

#[test]
fn a_saved_plan_whose_roster_calls_are_edited_is_refused() {
    let (c, dir, _) = imported(2);
    let d = dir.path();
    edit_cell(&roster_file(d), "u001", 6, "早班");
    assert_eq!(
        run(
            &c,
            d,
            &["plan", "--out", "plan.json", NOW_ARGS[0], NOW_ARGS[1]]
        )
        .code,
        0
    );
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("plan.json")).unwrap()).unwrap();
    plan["calls"][0]["body"]["items"][0]["userid"] = json!("u002");
    plan["digest"] = json!(wecom_checkin::plan::digest(
        &serde_json::from_value(plan.clone()).unwrap()
    ));
    std::fs::write(d.join("plan.json"), plan.to_string()).unwrap();
    let out = run(&c, d, &["apply", "plan.json", NOW_ARGS[0], NOW_ARGS[1]]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("setcheckinschedulist sets u002 on day 6 of 202612"),
        "{}",
        out.stderr
    );
    assert_eq!(
        c.emu.applied_counts().get(&Endpoint::SetCheckinScheduList),
        None
    );
}

#[test]
fn days_before_today_are_history_never_sent() {
    let (c, dir, groupid) = store(0);
    let d = dir.path();
    c.emu.put_roster(groupid, 202611, "u001", 30, 1);
    let month = d.join("rosters").join(STORE);
    std::fs::create_dir_all(&month).unwrap();
    let mut header = "userid".to_owned();
    for day in 1..=30 {
        header += &format!(",{day}");
    }
    // Day 20 is before today (2026-11-21), day 21 is today, day 30 unchanged.
    let mut row = vec![""; 31];
    row[0] = "u001";
    row[20] = "晚班";
    row[21] = "晚班";
    row[30] = "早班";
    std::fs::write(
        month.join("2026-11.csv"),
        format!("{header}\n{}\n", row.join(",")),
    )
    .unwrap();
    let out = run(
        &c,
        d,
        &["plan", "--format", "json", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let plan: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        plan["calls"][0]["body"]["items"],
        json!([{"userid": "u001", "day": 21, "schedule_id": 2}])
    );
    assert_eq!(plan["rosters"][0]["history"], 1);
    let out = run(&c, d, &["plan", NOW_ARGS[0], NOW_ARGS[1]]);
    assert!(
        out.stdout.contains(
            "1 cell before today differ from live: days before today are history and are never sent"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn invalid_rosters_give_positioned_errors() {
    let dir = root().join("tests/fixtures/rosters/invalid");
    let out = super::util::run_in(&dir, &["validate", "rules", "rosters"]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("roster_validate_text", out.stdout);
    let zh = super::util::run_in(&dir, &["validate", "--lang", "zh-CN", "rules", "rosters"]);
    assert_eq!(zh.code, 1);
    insta::assert_snapshot!("roster_validate_text_zh", zh.stdout);
    let out = super::util::run_in(&dir, &["validate", "--format", "json", "rules", "rosters"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let places: Vec<(String, u64, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    insta::assert_debug_snapshot!("roster_validate_places", places);
}

#[test]
fn a_renamed_shift_is_checked_against_the_rule_as_it_will_be() {
    let (c, dir, _) = imported(1);
    let d = dir.path();
    // The rule renames 早班 (schedule_id 1) to 白班; the roster still says 早班.
    edit_rule(d, "schedule_name: 早班", "schedule_name: 白班");
    let out = run(&c, d, &["plan", NOW_ARGS[0], NOW_ARGS[1]]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .contains("\"早班\" is not a shift of \"成都春熙路店\""),
        "{}",
        out.stdout
    );
    // Renamed in the roster too: the same schedule_id, so only the rule changes.
    let roster = std::fs::read_to_string(roster_file(d)).unwrap();
    std::fs::write(roster_file(d), roster.replace("早班", "白班")).unwrap();
    let out = run(
        &c,
        d,
        &["apply", "--auto-approve", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("Applied: 0 added, 1 updated, 0 cleared, 0 deleted; 0 failed"),
        "{}",
        out.stdout
    );
}

#[test]
fn explain_shows_the_rule_the_shift_and_whether_live_matches_git() {
    let loaded = load::load_paths(&[root().join("rules/store-chengdu-chunxi.yaml")]).unwrap();
    let mut live = answer_of(&loaded.rules);
    live["group"][0]["groupid"] = json!(3);
    let directory = wecom_checkin::emulator::directory::Directory::parse(
        r#"{"users": [{"userid": "u001", "department": [1], "tagid": [12]},
                      {"userid": "visitor", "department": [1]}]}"#,
    )
    .unwrap();
    let c = corp(
        emulator::Config {
            directory,
            ..emulator::Config::default()
        },
        Some(&live),
        None,
    );
    c.emu.put_roster(3, 202612, "u001", 3, 2);
    c.emu.put_roster(3, 202612, "u001", 4, 1);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("rules")).unwrap();
    std::fs::copy(
        root().join("rules/store-chengdu-chunxi.yaml"),
        d.join("rules/store.yaml"),
    )
    .unwrap();
    let month = d.join("rosters").join(STORE);
    std::fs::create_dir_all(&month).unwrap();
    let mut text = "userid".to_owned();
    for day in 1..=31 {
        text += &format!(",{day}");
    }
    text += "\nu001,,,晚班,晚班\n";
    std::fs::write(month.join("2026-12.csv"), text).unwrap();
    let on_3rd = [
        "explain",
        "u001",
        "visitor",
        "--date",
        "2026-12-03",
        NOW_ARGS[0],
        NOW_ARGS[1],
    ];
    let out = run(&c, d, &on_3rd);
    assert_eq!(
        out.code, 1,
        "visitor has no rule: {}{}",
        out.stdout, out.stderr
    );
    let on_4th = run(
        &c,
        d,
        &[
            "explain",
            "u001",
            "--date",
            "2026-12-04",
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(on_4th.code, 0, "{}{}", on_4th.stdout, on_4th.stderr);
    insta::assert_snapshot!(
        "explain_text",
        format!("{}---\n{}", out.stdout, on_4th.stdout)
    );
    let zh = run(&c, d, &[&on_3rd[..], &["--lang", "zh-CN"]].concat());
    assert_eq!(zh.code, 1, "{}{}", zh.stdout, zh.stderr);
    insta::assert_snapshot!("explain_text_zh", zh.stdout);
}

/// The emulator answers the roster endpoints as strictly as 000 documents
/// them (and as docs/api-notes.md assumes where it is silent).
#[test]
fn the_emulator_refuses_what_the_documents_refuse() {
    use wecom_checkin::client::{ApiError, Client, Config, Credentials};
    let loaded = load::load_paths(&[
        root().join("rules/store-chengdu-chunxi.yaml"),
        root().join("rules/head-office.yaml"),
    ])
    .unwrap();
    let mut live = answer_of(&loaded.rules);
    // Files load in name order: the head office (fixed), then the store.
    live["group"][0]["groupid"] = json!(1);
    live["group"][1]["groupid"] = json!(3);
    let c = corp(
        emulator::Config {
            max_schedule_items: 2,
            ..emulator::Config::default()
        },
        Some(&live),
        None,
    );
    let mut config = Config::new(
        &c.base,
        Credentials::Corp {
            corpid: "emulator-corp".into(),
            corpsecret: "emulator-secret".into(),
        },
    );
    config.roster_per_minute = 6000;
    let client = Client::new(config).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let errcode = |r: Result<Value, ApiError>| match r {
        Err(ApiError::Api {
            errcode, errmsg, ..
        }) => (errcode, errmsg),
        other => panic!("not refused: {other:?}"),
    };
    let set = |body: Value| errcode(rt.block_on(client.call(Endpoint::SetCheckinScheduList, body)));
    let (dec1, dec31) = (1_796_054_400, 1_796_054_400 + 31 * 86_400 - 1);
    let many: Vec<String> = (0..101).map(user).collect();
    assert_eq!(
        errcode(rt.block_on(client.get_checkin_schedule_list(dec1, dec31, &many))).0,
        301_075
    );
    assert_eq!(
        errcode(rt.block_on(client.get_checkin_schedule_list(dec1, dec31 + 86_400, &many[..1]))).0,
        301_075
    );
    let item = |day: u8, id: i64| json!({"userid": "u001", "day": day, "schedule_id": id});
    for (body, says) in [
        (
            json!({"groupid": 3, "yearmonth": 202612, "items": [item(3, 7)]}),
            "invalid schedule_id 7",
        ),
        (
            json!({"groupid": 1, "yearmonth": 202612, "items": [item(3, 1)]}),
            "not a schedule rule",
        ),
        (
            json!({"groupid": 3, "yearmonth": 202611, "items": [item(31, 1)]}),
            "day must be 1 to 30",
        ),
        (
            json!({"groupid": 3, "yearmonth": 202612, "items": [item(3, 1), item(4, 1), item(5, 1)]}),
            "more than 2",
        ),
        (
            json!({"groupid": 3, "yearmonth": 202611, "items": [item(20, 1)]}),
            "2026-11-20 is in the past",
        ),
        (
            json!({"groupid": 9, "yearmonth": 202612, "items": [item(3, 1)]}),
            "invalid groupid 9",
        ),
    ] {
        let (code, errmsg) = set(body);
        assert_eq!(code, 301_075);
        assert!(errmsg.contains(says), "{errmsg}");
    }
    assert!(
        rt.block_on(client.call(
            Endpoint::SetCheckinScheduList,
            json!({"groupid": 3, "yearmonth": 202612, "items": [item(3, 1), item(4, 0)]})
        ))
        .is_ok()
    );
    let answer = rt
        .block_on(client.get_checkin_schedule_list(dec1, dec31, &["u001".into()]))
        .unwrap();
    let mut cells = wecom_checkin::roster::live::Cells::new();
    wecom_checkin::roster::live::parse_answer(&answer, 3, 202612, &mut cells).unwrap();
    assert_eq!(cells.len(), 2);
    assert_eq!(
        answer["schedule_list"][0]["schedule"]["scheduleList"][0]["schedule_info"]["time_section"]
            [0]["work_sec"],
        28_800
    );
}

/// The README's and docs/rosters.md's example passes validate.
#[test]
fn the_bundled_example_roster_is_valid() {
    let out = super::util::run(&["validate", "rules", "examples/rosters"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("3 rules in 4 files"), "{}", out.stdout);
    // Named on its own, a roster is read as a roster, never as a rule file.
    let out = super::util::run(&[
        "validate",
        "rules",
        "examples/rosters/成都春熙路店/2026-12.csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("3 rules in 4 files"), "{}", out.stdout);
}

/// What cannot be compared is said, never guessed: the roster of a rule the
/// same plan adds (no groupid yet), and rosters under `plan --live FILE`.
#[test]
fn a_roster_that_cannot_be_compared_is_said_and_sends_nothing() {
    let (c, dir, _) = imported(1);
    let d = dir.path();
    let rule = edit_rule(d, "groupname: 成都春熙路店", "groupname: 新店");
    std::fs::rename(d.join("rosters").join(STORE), d.join("rosters/新店")).unwrap();
    let out = run(
        &c,
        d,
        &["plan", "--format", "json", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let plan: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        plan["rosters"][0]["notes"][0],
        "the rule is added by this plan and has no groupid yet: apply, then plan again to set the roster"
    );
    assert!(
        plan["calls"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["endpoint"] != "setcheckinschedulist")
    );

    let out = run(&c, d, &["pull", "--out", "live.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(
        &c,
        d,
        &["plan", "--live", "live.json", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert!(
        out.stdout
            .contains("roster not compared: the rule is added by this plan"),
        "{}",
        out.stdout
    );
    std::fs::write(d.join("rules/store.yaml"), rule).unwrap();
    std::fs::rename(d.join("rosters/新店"), d.join("rosters").join(STORE)).unwrap();
    let out = run(
        &c,
        d,
        &["plan", "--live", "live.json", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert!(
        out.stdout.contains("roster not compared: live rosters are read from the API; a --live file holds rules only"),
        "{}",
        out.stdout
    );
}
