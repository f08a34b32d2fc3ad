//! apply, end to end: the real binary against the emulator over loopback HTTP.
//! Every run ends with a re-plan that must show no change, and the emulator's
//! call counts prove that nothing was lost or applied twice.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use wecom_checkin::client::Endpoint;
use wecom_checkin::emulator::{self, Emulator, Fault};
use wecom_checkin::load;

use super::plan::answer_of;
use super::util::{Output, root};

/// 2026-11-21 00:00 China Standard Time.
const NOW: i64 = 1_795_190_400;
const SECRET: &str = "emulator-secret";

pub(super) struct Corp {
    pub(super) emu: Emulator,
    pub(super) base: String,
    _rt: tokio::runtime::Runtime,
}

pub(super) fn corp(
    config: emulator::Config,
    seed: Option<&Value>,
    console: Option<&Value>,
) -> Corp {
    let rt = super::util::runtime();
    let emu = Emulator::new(emulator::Config {
        now: Some(NOW),
        ..config
    });
    if let Some(seed) = seed {
        emu.seed(seed, false).unwrap();
    }
    if let Some(console) = console {
        emu.seed(console, true).unwrap();
    }
    let (addr, _) = rt.block_on(emu.clone().spawn()).unwrap();
    Corp {
        emu,
        base: format!("http://{addr}"),
        _rt: rt,
    }
}

impl Corp {
    /// An admin edits a rule in the console (a write the tool did not make).
    pub(super) fn console_edit(&self, group: Value) {
        use wecom_checkin::client::{Client, Config, Credentials};
        let client = Client::new(Config::new(
            &self.base,
            Credentials::Corp {
                corpid: "emulator-corp".into(),
                corpsecret: SECRET.into(),
            },
        ))
        .unwrap();
        self._rt
            .block_on(client.update_checkin_option(group, true))
            .unwrap();
    }
}

/// The live state of a plan scenario as a getcorpcheckinoption answer.
fn scenario_live(name: &str) -> Value {
    let loaded =
        load::load_paths(&[root().join(format!("tests/fixtures/plan/{name}/live.yaml"))]).unwrap();
    answer_of(&loaded.rules)
}

pub(super) fn command(c: &Corp, args: &[&str]) -> Command {
    let mut cmd = super::util::binary();
    cmd.args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("WECOM_API_BASE", &c.base)
        .env("WECOM_CORPID", "emulator-corp")
        .env("WECOM_CORPSECRET", SECRET)
        .env_remove("WECOM_ACCESS_TOKEN")
        // Retries as in production, waits short: the tests are about what
        // is retried and settled, not about how long a wait is.
        .env("WECOM_API_RETRY_WAIT_MS", "10")
        // Reads unpaced likewise (the emulator has no limit); the tests of
        // pacing pass the flags, which win over these.
        .env("WECOM_API_READ_RATE_LIMIT", "60000")
        .env("WECOM_API_ROSTER_RATE_LIMIT", "60000")
        .stdin(Stdio::null());
    cmd
}

pub(super) fn cli(c: &Corp, args: &[&str]) -> Output {
    let out = command(c, args).output().unwrap();
    let o = Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    for needle in [SECRET, "emu-token", "access_token="] {
        assert!(
            !o.stdout.contains(needle) && !o.stderr.contains(needle),
            "output contains {needle:?}:\n{}{}",
            o.stdout,
            o.stderr
        );
    }
    o
}

pub(super) const NOW_ARGS: [&str; 2] = ["--now", "2026-11-21T00:00:00+08:00"];

pub(super) fn apply(c: &Corp, rules: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "apply",
        rules,
        "--auto-approve",
        "--concurrency",
        "1",
        NOW_ARGS[0],
        NOW_ARGS[1],
    ];
    args.extend_from_slice(extra);
    cli(c, &args)
}

/// Live now matches the files: plan --detailed-exitcode answers 0.
pub(super) fn assert_converged(c: &Corp, rules: &str, extra: &[&str]) {
    let mut args = vec![
        "plan",
        rules,
        "--detailed-exitcode",
        NOW_ARGS[0],
        NOW_ARGS[1],
    ];
    args.extend_from_slice(extra);
    let out = cli(c, &args);
    assert_eq!(out.code, 0, "a change remains after apply:\n{}", out.stdout);
}

/// Write calls received (faulted and refused ones included).
pub(super) fn writes(c: &Corp, e: Endpoint) -> usize {
    c.emu.call_counts().get(&e).copied().unwrap_or(0)
}

/// Write calls that changed live state.
fn applied(c: &Corp, e: Endpoint) -> usize {
    c.emu.applied_counts().get(&e).copied().unwrap_or(0)
}

fn live_names(c: &Corp) -> Vec<String> {
    let answer = c.emu.answer();
    let mut names: Vec<String> = answer["group"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["groupname"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn create_everything_from_an_empty_corp() {
    let c = corp(emulator::Config::default(), None, None);
    let out = apply(&c, "rules", &[]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains(
            "Applied: 3 added, 0 updated, 0 cleared, 0 deleted; 0 failed, 0 not attempted."
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("成都春熙路店: groupid "),
        "new groupids are found by name:\n{}",
        out.stdout
    );
    assert_eq!(writes(&c, Endpoint::Add), 3);
    assert_converged(&c, "rules", &[]);
    // Apply again: nothing to do, no call made.
    let again = apply(&c, "rules", &[]);
    assert!(again.stdout.contains("Nothing to do"), "{}", again.stdout);
    assert_eq!(writes(&c, Endpoint::Add) + writes(&c, Endpoint::Update), 3);
}

/// The plan scenarios, applied for real: every kind of field, each clear code,
/// Wi-Fi → location, rename with a pinned groupid, adoption by name, prune, replacement.
#[test]
fn scenarios_apply_and_converge() {
    for (name, extra) in [
        ("every-field", &[][..]),
        ("clear-codes", &[][..]),
        ("wifi-to-location", &[][..]),
        ("rename-pinned", &[][..]),
        ("adoption-by-name", &[][..]),
        ("prune-on", &["--prune"][..]),
        (
            "grouptype-change-allowed",
            &["--allow-replace", "--write-ids"][..],
        ),
    ] {
        let c = corp(
            emulator::Config::default(),
            Some(&scenario_live(name)),
            None,
        );
        // A copy: --write-ids updates the pinned groupid of the replaced rule.
        let copy = tempfile::tempdir().unwrap();
        for f in
            std::fs::read_dir(root().join(format!("tests/fixtures/plan/{name}/rules"))).unwrap()
        {
            let f = f.unwrap().path();
            std::fs::copy(&f, copy.path().join(f.file_name().unwrap())).unwrap();
        }
        let rules = copy.path().to_str().unwrap().to_owned();
        let out = apply(&c, &rules, extra);
        assert_eq!(out.code, 0, "{name}:\n{}{}", out.stdout, out.stderr);
        assert!(
            !out.stdout.contains("NOT APPLIED"),
            "{name}:\n{}",
            out.stdout
        );
        let plan_flags: Vec<&str> = extra
            .iter()
            .copied()
            .filter(|f| *f != "--write-ids")
            .collect();
        assert_converged(&c, &rules, &plan_flags);
    }
}

#[test]
fn wifi_to_location_never_leaves_both_empty() {
    let c = corp(
        emulator::Config::default(),
        Some(&scenario_live("wifi-to-location")),
        None,
    );
    let out = apply(&c, "tests/fixtures/plan/wifi-to-location/rules", &[]);
    let update = out.stdout.find("update_checkin_option  ok").unwrap();
    let clear = out
        .stdout
        .find("clear_checkin_option_array_field  ok")
        .unwrap();
    assert!(update < clear, "{}", out.stdout);
}

#[test]
fn retries_through_faults_and_token_expiry_lose_nothing_and_apply_nothing_twice() {
    let c = corp(
        emulator::Config {
            token_ttl: Duration::from_secs(1),
            ..emulator::Config::default()
        },
        Some(&scenario_live("every-field")),
        None,
    );
    c.emu.inject(Endpoint::Update, Fault::Errcode(-1), 1);
    c.emu.inject(Endpoint::Update, Fault::Errcode(45009), 1);
    c.emu.inject(Endpoint::Update, Fault::Http(500), 1);
    c.emu.inject(Endpoint::GetCorpCheckinOption, Fault::Drop, 1);
    // One call a second: the 1 s tokens expire during the run.
    let out = apply(
        &c,
        "tests/fixtures/plan/every-field/rules",
        &["--write-rate-limit", "60"],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        applied(&c, Endpoint::Update),
        3,
        "each update applied exactly once"
    );
    assert!(
        writes(&c, Endpoint::Update) >= 3 + 3,
        "plus the 3 refused by injected faults (and any refused as token-expired)"
    );
    assert!(
        writes(&c, Endpoint::GetToken) >= 2,
        "the token was renewed during the run"
    );
    assert_converged(&c, "tests/fixtures/plan/every-field/rules", &[]);
}

#[test]
fn a_lost_add_is_looked_for_and_made_again_only_when_it_did_not_happen() {
    // Dropped before the server saw it: the re-read finds no such rule, so the add is made again.
    let c = corp(emulator::Config::default(), None, None);
    c.emu.inject(Endpoint::Add, Fault::Drop, 1);
    let first = apply(&c, "rules", &[]);
    assert_eq!(first.code, 0, "{}", first.stdout);
    assert!(
        first.stdout.contains("the answer was lost")
            && first.stdout.contains("was not applied; making it again"),
        "{}",
        first.stdout
    );
    assert_eq!(writes(&c, Endpoint::Add), 4, "3 adds plus the dropped one");
    assert_eq!(applied(&c, Endpoint::Add), 3, "never a duplicate");
    assert_converged(&c, "rules", &[]);

    // Applied, then the answer lost (a gateway's 502, a dropped connection): found, never replayed.
    for fault in ["after:http502", "after:http504", "after:drop"] {
        let c = corp(emulator::Config::default(), None, None);
        c.emu.inject(Endpoint::Add, Fault::parse(fault).unwrap(), 2);
        let out = apply(&c, "rules", &[]);
        assert_eq!(out.code, 0, "{fault}: {}", out.stdout);
        assert!(
            out.stdout
                .contains("live state shows it was applied; not made again"),
            "{fault}: {}",
            out.stdout
        );
        assert_eq!(writes(&c, Endpoint::Add), 3, "{fault}: no replay");
        assert_eq!(applied(&c, Endpoint::Add), 3, "{fault}");
        assert_eq!(live_names(&c).len(), 3, "{fault}: no duplicate name");
        assert_converged(&c, "rules", &[]);
    }

    // The same lines in Chinese: what happened to a write is never English only.
    for (fault, said) in [
        ("drop", "线上状态显示它没有生效；再调用一次（第 2/3 次）"),
        ("after:drop", "线上状态显示它已生效；不再重复调用"),
    ] {
        let c = corp(emulator::Config::default(), None, None);
        c.emu.inject(Endpoint::Add, Fault::parse(fault).unwrap(), 1);
        let out = apply(&c, "rules", &["--lang", "zh-CN"]);
        assert_eq!(out.code, 0, "{fault}: {}", out.stdout);
        assert!(
            out.stdout.contains("add_checkin_option：回答丢失了（") && out.stdout.contains(said),
            "{fault}: {}",
            out.stdout
        );
        assert_eq!(applied(&c, Endpoint::Add), 3, "{fault}");
    }
}

#[test]
fn a_lost_delete_that_happened_is_done_not_failed() {
    let c = corp(emulator::Config::default(), None, None);
    assert_eq!(apply(&c, "rules", &[]).code, 0);
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("rules/head-office.yaml"),
        dir.path().join("head-office.yaml"),
    )
    .unwrap();
    let only = dir.path().to_string_lossy().into_owned();
    c.emu
        .inject(Endpoint::Delete, Fault::parse("after:http502").unwrap(), 2);
    let out = apply(&c, &only, &["--prune"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("deleted"), "{}", out.stdout);
    assert_eq!(writes(&c, Endpoint::Delete), 2, "each delete made once");
    assert_eq!(live_names(&c).len(), 1);
}

#[test]
fn an_add_the_server_acknowledges_and_ignores_fails_whatever_effective_now_says() {
    let c = corp(emulator::Config::default(), None, None);
    c.emu.inject(Endpoint::Add, Fault::Ignore, 1);
    // The sample rules take effect tomorrow (effective_now false): existence is never "pending".
    let out = apply(&c, "rules", &[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("NOT APPLIED") && out.stdout.contains("no new live rule is named"),
        "{}",
        out.stdout
    );
    let second = apply(&c, "rules", &[]);
    assert_eq!(
        second.code, 0,
        "the next apply repairs it: {}",
        second.stdout
    );
    assert_converged(&c, "rules", &[]);
}

#[test]
fn an_update_the_server_ignores_fails_when_it_takes_effect_today() {
    let c = corp(emulator::Config::default(), None, None);
    assert_eq!(apply(&c, "rules", &["--effective-now"]).code, 0);
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "head-office.yaml",
        "store-chengdu-chunxi.yaml",
        "sales-free.yaml",
    ] {
        let text = std::fs::read_to_string(root().join("rules").join(f)).unwrap();
        std::fs::write(
            dir.path().join(f),
            text.replace("need_photo: false", "need_photo: true"),
        )
        .unwrap();
    }
    let rules = dir.path().to_string_lossy().into_owned();
    c.emu.inject(Endpoint::Update, Fault::Ignore, 1);
    let out = apply(&c, &rules, &["--effective-now"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("NOT APPLIED"), "{}", out.stdout);
    assert!(
        out.stdout.contains("need_photo was sent but live shows"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_killed_apply_is_finished_by_the_next_one() {
    let c = corp(emulator::Config::default(), None, None);
    // One write a second: kill the process after the first add.
    let mut child = command(
        &c,
        &[
            "apply",
            "rules",
            "--auto-approve",
            "--concurrency",
            "1",
            "--write-rate-limit",
            "60",
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let started = std::time::Instant::now();
    while writes(&c, Endpoint::Add) < 1 && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = writes(&c, Endpoint::Add);
    assert!(before < 3, "killed before the end ({before} adds)");
    let out = apply(&c, "rules", &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(
        applied(&c, Endpoint::Add),
        3,
        "each rule added once across both runs"
    );
    assert_eq!(live_names(&c).len(), 3);
    assert_converged(&c, "rules", &[]);
}

#[test]
fn a_stale_saved_plan_is_refused() {
    let c = corp(
        emulator::Config::default(),
        Some(&scenario_live("adoption-by-name")),
        None,
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let rules = "tests/fixtures/plan/adoption-by-name/rules";
    let out = cli(
        &c,
        &[
            "plan",
            rules,
            "--out",
            plan.to_str().unwrap(),
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 0);
    let original = scenario_live("adoption-by-name")["group"][0].clone();
    // Someone changes the rule in the admin console.
    c.console_edit(serde_json::json!({"groupid": 21, "need_photo": false, "sync_holidays": false}));
    let out = cli(
        &c,
        &["apply", plan.to_str().unwrap(), NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("stale plan: live state changed since the plan; re-run plan")
            && out.stderr.contains("总部 (groupid 21)"),
        "{}",
        out.stderr
    );
    assert_eq!(writes(&c, Endpoint::Update), 1, "the console's edit only");
    // Back as it was, the corp takes the same saved plan.
    c.console_edit(serde_json::json!({
        "groupid": 21,
        "need_photo": original["need_photo"],
        "sync_holidays": original["sync_holidays"],
    }));
    let out = cli(
        &c,
        &["apply", plan.to_str().unwrap(), NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_converged(&c, rules, &[]);
}

#[test]
fn a_console_rule_fails_with_the_ownership_hint_and_the_others_still_apply() {
    // 总部 was made in the admin console; the rest of rules/ is new.
    let console = {
        let loaded = load::load_paths(&[root().join("rules/head-office.yaml")]).unwrap();
        let mut answer = answer_of(&loaded.rules);
        answer["group"][0]["groupid"] = Value::from(500);
        answer["group"][0]["need_photo"] = Value::Bool(true);
        answer
    };
    let c = corp(emulator::Config::default(), None, Some(&console));
    let out = apply(&c, "rules", &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .contains("can only be changed by the app that created it")
            && out.stdout.contains("readonly: true"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Applied: 2 added, 0 updated") && out.stdout.contains("1 failed"),
        "{}",
        out.stdout
    );
    assert_eq!(live_names(&c).len(), 3);
}

#[test]
fn delete_guards_hold() {
    let mut live = scenario_live("prune-on");
    let extra = live["group"][1].clone();
    for (i, name) in ["甲", "乙", "丙"].iter().enumerate() {
        let mut g = extra.clone();
        g["groupid"] = Value::from(900 + i);
        g["groupname"] = Value::from(*name);
        live["group"].as_array_mut().unwrap().push(g);
    }
    let c = corp(emulator::Config::default(), Some(&live), None);
    let rules = "tests/fixtures/plan/prune-on/rules";
    let out = apply(&c, rules, &["--prune", "--max-deletes", "3"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("the plan deletes 4 rules, more than --max-deletes 3"),
        "{}",
        out.stderr
    );
    // An empty checkout with --prune deletes nothing.
    let empty = tempfile::tempdir().unwrap();
    let out = apply(&c, empty.path().to_str().unwrap(), &["--prune"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("no rule files found"), "{}", out.stdout);
    assert_eq!(writes(&c, Endpoint::Delete), 0);
    let out = apply(&c, rules, &["--prune"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(writes(&c, Endpoint::Delete), 4);
}

#[test]
fn write_ids_pins_new_rules() {
    let c = corp(emulator::Config::default(), None, None);
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("rules/sales-free.yaml"),
        dir.path().join("sales.yaml"),
    )
    .unwrap();
    let out = apply(&c, dir.path().to_str().unwrap(), &["--write-ids"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let text = std::fs::read_to_string(dir.path().join("sales.yaml")).unwrap();
    assert!(text.contains("\ngroupid: 1\ngrouptype: free"), "{text}");
    let loaded = load::load_paths(&[dir.path().join("sales.yaml")]).unwrap();
    assert!(loaded.diagnostics.is_empty());
    assert_eq!(loaded.rules[0].rule.groupid, Some(1));
    assert!(Path::new(&dir.path().join("sales.yaml")).exists());
}

#[test]
fn off_a_terminal_apply_asks_for_auto_approve() {
    let c = corp(emulator::Config::default(), None, None);
    let out = cli(&c, &["apply", "rules", NOW_ARGS[0], NOW_ARGS[1]]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("not on a terminal: pass --auto-approve"),
        "{}",
        out.stderr
    );
    assert_eq!(writes(&c, Endpoint::Add), 0);
}

#[test]
fn fail_fast_stops_the_other_rules() {
    let c = corp(emulator::Config::default(), None, None);
    c.emu.inject(Endpoint::Add, Fault::Errcode(40058), 1);
    let out = apply(&c, "rules", &["--fail-fast"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("0 added") && out.stdout.contains("1 failed, 2 not attempted"),
        "{}",
        out.stdout
    );
    assert_eq!(applied(&c, Endpoint::Add), 0);
}

#[test]
fn duplicates_of_a_managed_name_are_named_and_pruned() {
    // Two live rules named as one file's rule: the oldest is kept.
    let mut live = scenario_live("no-change");
    let mut twin = live["group"][0].clone();
    twin["groupid"] = Value::from(977);
    twin["create_time"] = Value::from(1_900_000_000);
    live["group"].as_array_mut().unwrap().push(twin);
    let c = corp(emulator::Config::default(), Some(&live), None);
    let rules = "tests/fixtures/plan/no-change/rules";
    let out = cli(&c, &["plan", rules, NOW_ARGS[0], NOW_ARGS[1]]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("live rule 977")
            && out
                .stdout
                .contains("run with --prune to delete groupid 977"),
        "{}",
        out.stdout
    );
    let out = apply(&c, rules, &["--prune"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(applied(&c, Endpoint::Delete), 1);
    assert!(
        c.emu.answer()["group"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["groupid"] != 977)
    );
    assert_converged(&c, rules, &[]);
}

#[test]
fn two_applies_at_once_then_one_apply_prune_converges() {
    let c = corp(emulator::Config::default(), None, None);
    // Slow adds widen the window between each apply's read and its writes.
    c.emu
        .inject(Endpoint::Add, Fault::Slow(Duration::from_millis(300)), 6);
    let spawn = || {
        command(
            &c,
            &[
                "apply",
                "rules",
                "--auto-approve",
                "--concurrency",
                "1",
                NOW_ARGS[0],
                NOW_ARGS[1],
            ],
        )
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let names = live_names(&c);
    let mut unique = names.clone();
    unique.dedup();
    let failed = !a.status.success() || !b.status.success();
    if unique.len() < names.len() {
        assert!(
            failed,
            "duplicates made, yet both applies exited 0: {names:?}"
        );
        let said = [&a.stdout, &b.stdout]
            .iter()
            .any(|o| String::from_utf8_lossy(o).contains("new live rules are named"));
        assert!(said, "no apply named the duplicates");
    }
    let out = apply(&c, "rules", &["--prune"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let names = live_names(&c);
    let mut unique = names.clone();
    unique.dedup();
    assert_eq!(names, unique, "duplicates remain");
    assert_eq!(names.len(), 3);
    assert_converged(&c, "rules", &[]);
}

#[test]
fn an_interrupted_replacement_is_finished_by_the_next_apply() {
    let c = corp(
        emulator::Config::default(),
        Some(&scenario_live("grouptype-change-allowed")),
        None,
    );
    let rules = "tests/fixtures/plan/grouptype-change-allowed/rules";
    // The add goes through; the delete of the old rule is refused (not retried).
    c.emu.inject(Endpoint::Delete, Fault::Errcode(48002), 1);
    let first = apply(&c, rules, &["--allow-replace"]);
    assert_eq!(first.code, 1, "{}", first.stdout);
    assert_eq!(
        live_names(&c),
        ["改类型", "改类型"],
        "the new rule exists beside the old"
    );
    // The file still pins the old groupid: the next apply finishes the replacement.
    let second = apply(&c, rules, &["--allow-replace"]);
    assert_eq!(second.code, 0, "{}", second.stdout);
    assert!(
        second.stdout.contains("finishes the replacement") || second.stdout.contains("replacement"),
        "{}",
        second.stdout
    );
    let live = c.emu.answer();
    let groups = live["group"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{live}");
    assert_eq!(groups[0]["grouptype"], 3);
    assert_eq!(applied(&c, Endpoint::Add), 1, "the rule was added once");
    assert_converged(&c, rules, &["--allow-replace"]);
}

#[test]
fn replacement_deletes_count_toward_max_deletes() {
    let c = corp(
        emulator::Config::default(),
        Some(&scenario_live("grouptype-change-allowed")),
        None,
    );
    let rules = "tests/fixtures/plan/grouptype-change-allowed/rules";
    let out = apply(&c, rules, &["--allow-replace", "--max-deletes", "0"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stderr.contains("1 of them by a replacement"),
        "{}",
        out.stderr
    );
    assert_eq!(writes(&c, Endpoint::Add), 0);
}

#[test]
fn a_live_answer_with_one_groupid_twice_is_refused() {
    let mut live = scenario_live("no-change");
    let twin = live["group"][0].clone();
    live["group"].as_array_mut().unwrap().push(twin);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    std::fs::write(&path, live.to_string()).unwrap();
    let out = super::util::run(&[
        "plan",
        "tests/fixtures/plan/no-change/rules",
        "--live",
        path.to_str().unwrap(),
    ]);
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("appears twice") || out.stdout.contains("appears twice"),
        "{}{}",
        out.stdout,
        out.stderr
    );
}

#[test]
fn when_the_verifying_read_fails_the_summary_is_still_printed() {
    let c = corp(emulator::Config::default(), None, None);
    // The plan's read and the read before the first write go through; the
    // read after the calls is refused (not retryable).
    c.emu.inject(
        Endpoint::GetCorpCheckinOption,
        Fault::Slow(Duration::ZERO),
        2,
    );
    c.emu
        .inject(Endpoint::GetCorpCheckinOption, Fault::Errcode(48002), 1);
    let out = apply(&c, "rules", &[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("Applied: 3 added")
            && out.stdout.contains("Verification could not run"),
        "{}",
        out.stdout
    );
    assert_converged(&c, "rules", &[]);
}

/// A saved plan made with --allow-replace is applied only with
/// --allow-replace: its delete is a delete, whatever the file says.
#[test]
fn a_saved_replacement_needs_allow_replace_on_apply() {
    let c = corp(
        emulator::Config::default(),
        Some(&scenario_live("grouptype-change-allowed")),
        None,
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let rules = "tests/fixtures/plan/grouptype-change-allowed/rules";
    let out = cli(
        &c,
        &[
            "plan",
            rules,
            "--allow-replace",
            "--out",
            plan.to_str().unwrap(),
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let plan = plan.to_str().unwrap();
    let out = cli(&c, &["apply", plan, NOW_ARGS[0], NOW_ARGS[1]]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "the plan replaces 1 rule (a delete after the add); pass --allow-replace to allow it"
        ),
        "{}",
        out.stdout
    );
    assert_eq!(writes(&c, Endpoint::Add) + writes(&c, Endpoint::Delete), 0);
    let out = cli(
        &c,
        &["apply", plan, "--allow-replace", NOW_ARGS[0], NOW_ARGS[1]],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
}
