//! plan, driven by scenario folders under tests/fixtures/plan/: `rules/` (the
//! files in git), the live state as `live.json` (a getcorpcheckinoption answer,
//! when its read shape matters) or `live.yaml` (rule documents with their
//! groupid, turned into a modern answer here), and optionally `args`. Each
//! scenario's calls (JSON) and text output are snapshots.

use std::path::Path;

use serde_json::{Value, json};
use wecom_checkin::diag::render;
use wecom_checkin::live::{self, LiveRule};
use wecom_checkin::load;
use wecom_checkin::model::wire::rule_to_wire;
use wecom_checkin::plan::{self, Action, Options, Plan};

use super::util::root;

/// 2026-11-21 00:00 China Standard Time.
const NOW: i64 = 1_795_190_400;

/// A modern getcorpcheckinoption answer holding these rules (metadata added).
pub fn answer_of(rules: &[wecom_checkin::load::LoadedRule]) -> Value {
    let groups: Vec<Value> = rules
        .iter()
        .map(|r| {
            let mut g = rule_to_wire(&r.rule);
            g["create_time"] = json!(1_700_000_000);
            g["create_userid"] = json!("admin");
            g
        })
        .collect();
    json!({ "errcode": 0, "errmsg": "ok", "group": groups })
}

fn live_of(dir: &Path) -> Vec<LiveRule> {
    let answer = if dir.join("live.json").exists() {
        serde_json::from_str(&std::fs::read_to_string(dir.join("live.json")).unwrap()).unwrap()
    } else {
        let loaded = load::load_paths(&[dir.join("live.yaml")]).unwrap();
        assert!(
            loaded.diagnostics.is_empty(),
            "{}: {:#?}",
            dir.display(),
            loaded.diagnostics
        );
        answer_of(&loaded.rules)
    };
    live::parse_answer(&answer).unwrap()
}

fn plan_scenario(name: &str) -> (Plan, String) {
    let rel = format!("tests/fixtures/plan/{name}");
    let dir = root().join(&rel);
    let args = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
    let loaded = load::load_paths(&[Path::new(&rel).join("rules")]).unwrap();
    assert!(
        loaded.diagnostics.is_empty(),
        "{name}: {:#?}",
        loaded.diagnostics
    );
    let opts = Options {
        prune: args.contains("--prune"),
        allow_replace: args.contains("--allow-replace"),
        now: jiff::Timestamp::from_second(NOW).unwrap(),
        effective_now: args.contains("--effective-now"),
    };
    let mut plan = plan::build(&loaded.rules, &live_of(&dir), &opts);
    plan.live.source = format!("{rel}/live");
    let diagnostics: Vec<_> = plan.errors.iter().chain(&plan.warnings).cloned().collect();
    let text = render::diagnostics_text(&diagnostics, &loaded.sources, false)
        + &plan::render::text(&plan, false);
    (plan, text)
}

/// The plan's own errors in Chinese: a grouptype change, a list the API
/// cannot empty (live settings an update would erase: open_model.rs).
#[test]
fn plan_errors_in_chinese() {
    use wecom_checkin::i18n::{Lang, with_lang};
    for (name, said, english) in [
        (
            "grouptype-change",
            "会替换这条规则（先新增新规则，再删除旧规则）",
            "replaces the rule",
        ),
        (
            "not-expressible",
            "API 无法把这个字段清空",
            "would become empty",
        ),
    ] {
        let (_, text) = with_lang(Lang::ZhCn, || plan_scenario(name));
        assert!(text.contains(said), "{name}: {text}");
        assert!(!text.contains(english), "{name}: {text}");
    }
    // A rule and its fields, in the list of values kept as live has them.
    let (_, text) = with_lang(Lang::ZhCn, || plan_scenario("field-left-out"));
    assert!(
        text.contains("\n    文件未写白名单：white_users\n"),
        "{text}"
    );
}

/// What a scenario's JSON snapshot holds: the calls, and each rule's action.
fn calls_snapshot(plan: &Plan) -> Value {
    json!({
        "blocked": plan.blocked,
        "summary": plan.summary,
        "rules": plan.rules.iter().map(|r| json!({"groupname": r.groupname, "action": r.action, "unknown": r.unknown})).collect::<Vec<_>>(),
        "calls": plan.calls,
    })
}

#[test]
fn scenarios() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/plan"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 15, "{names:?}");
    for name in names {
        let (plan, text) = plan_scenario(&name);
        insta::assert_snapshot!(format!("plan_{name}_text"), text);
        insta::assert_json_snapshot!(format!("plan_{name}_calls"), calls_snapshot(&plan));
    }
}

#[test]
fn an_unchanged_corp_plans_no_change() {
    let (plan, _) = plan_scenario("no-change");
    assert!(!plan.has_changes() && !plan.blocked, "{:#?}", plan.calls);
    assert!(plan.rules.iter().all(|r| r.action == Action::Unchanged));
}

#[test]
fn wifi_to_location_adds_locations_before_clearing_wifi() {
    let (plan, _) = plan_scenario("wifi-to-location");
    let endpoints: Vec<&str> = plan.calls.iter().map(|c| c.endpoint().name()).collect();
    assert_eq!(
        endpoints,
        ["update_checkin_option", "clear_checkin_option_array_field"]
    );
    assert!(plan.calls[0].write.body()["group"]["loc_infos"].is_array());
    assert_eq!(plan.calls[1].write.body()["clear_field"], json!([3]));
}

#[test]
fn a_grouptype_change_is_refused_without_allow_replace() {
    let (refused, _) = plan_scenario("grouptype-change");
    assert!(refused.blocked && refused.calls.is_empty());
    let (allowed, _) = plan_scenario("grouptype-change-allowed");
    let endpoints: Vec<&str> = allowed.calls.iter().map(|c| c.endpoint().name()).collect();
    // Add first: people are never without a rule; the old one goes last.
    assert_eq!(endpoints, ["add_checkin_option", "del_checkin_option"]);
}

/// Every live fixture, taken as the desired state (as `import` would), plans no change.
#[test]
fn every_live_fixture_planned_against_itself_has_no_change() {
    let dir = root().join("tests/fixtures/live");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(value) =
            serde_json::from_str::<Value>(&std::fs::read_to_string(&path).unwrap_or_default())
        else {
            continue;
        };
        // getcorpcheckinoption answers, and getcheckinoption answers (info[].group) made into one.
        let answer = if value.get("group").is_some_and(Value::is_array) {
            value
        } else if let Some(info) = value.get("info").and_then(Value::as_array) {
            json!({ "errcode": 0, "group": info.iter().enumerate().map(|(i, x)| with_groupid(x["group"].clone(), i)).collect::<Vec<_>>() })
        } else if value.get("group").is_some_and(Value::is_object) && value.get("userid").is_some()
        {
            json!({ "errcode": 0, "group": [with_groupid(value["group"].clone(), 0)] })
        } else {
            continue; // request bodies and fragments
        };
        let live = live::parse_answer(&answer).unwrap_or_else(|e| panic!("{name}: {e}"));
        let desired: Vec<_> = live
            .iter()
            .map(|l| load::LoadedRule {
                file: name.clone(),
                doc: 0,
                rule: l.rule.clone(),
                spans: Default::default(),
                ..Default::default()
            })
            .collect();
        let plan = plan::build(
            &desired,
            &live,
            &Options {
                prune: false,
                allow_replace: false,
                now: jiff::Timestamp::from_second(NOW).unwrap(),
                effective_now: false,
            },
        );
        assert!(
            plan.calls.is_empty() && !plan.blocked,
            "{name}: {:#?}\n{:#?}",
            plan.calls,
            plan.errors
        );
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} fixtures checked");
}

fn with_groupid(mut group: Value, i: usize) -> Value {
    if group.get("groupid").is_none() {
        group["groupid"] = json!(1000 + i);
    }
    group
}

const NOW_ARG: [&str; 2] = ["--now", "2026-11-21T00:00:00+08:00"];

#[test]
fn the_readme_main_job_plans_the_bundled_corp() {
    let out = super::util::run(&[
        "plan",
        "--live",
        "examples/live/corp.json",
        NOW_ARG[0],
        NOW_ARG[1],
    ]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    insta::assert_snapshot!("plan_bundled_text", out.stdout);
    let md = super::util::run(&[
        "plan",
        "--live",
        "examples/live/corp.json",
        "--format",
        "markdown",
        NOW_ARG[0],
        NOW_ARG[1],
    ]);
    insta::assert_snapshot!("plan_bundled_markdown", md.stdout);
}

#[test]
fn detailed_exitcode_and_saved_plan() {
    let changes = super::util::run(&[
        "plan",
        "--live",
        "examples/live/corp.json",
        "--detailed-exitcode",
        NOW_ARG[0],
        NOW_ARG[1],
    ]);
    assert_eq!(changes.code, 2, "changes pending");
    let missing = super::util::run(&[
        "plan",
        "--live",
        "no-such-live.json",
        NOW_ARG[0],
        NOW_ARG[1],
    ]);
    assert_eq!(
        missing.code, 1,
        "a live file that cannot be read is a failure, never \"changes\""
    );
    assert!(
        missing.stderr.contains("cannot read no-such-live.json"),
        "{}",
        missing.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.json");
    let loaded =
        load::load_paths(&[root().join("tests/fixtures/plan/no-change/live.yaml")]).unwrap();
    std::fs::write(
        &live,
        serde_json::to_string(&answer_of(&loaded.rules)).unwrap(),
    )
    .unwrap();
    let none = super::util::run(&[
        "plan",
        "tests/fixtures/plan/no-change/rules",
        "--live",
        live.to_str().unwrap(),
        "--detailed-exitcode",
        NOW_ARG[0],
        NOW_ARG[1],
    ]);
    assert_eq!(none.code, 0, "{}", none.stdout);
    let saved = dir.path().join("plan.json");
    let out = super::util::run(&[
        "plan",
        "--live",
        "examples/live/corp.json",
        "--out",
        saved.to_str().unwrap(),
        NOW_ARG[0],
        NOW_ARG[1],
    ]);
    assert_eq!(out.code, 0);
    let plan: Plan = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert_eq!(plan.format_version, 2);
    assert_eq!(plan.day, "2026-11-21");
    assert_eq!(plan.live.corpid, None, "made from a file");
    assert_eq!(plan.digest, wecom_checkin::plan::digest(&plan));
    assert_eq!(plan.calls.len(), 3);
    assert_eq!(plan.live.rules.len(), 3, "a fingerprint per live rule");
    assert!(!plan.live.fingerprint.is_empty());
}

#[test]
fn invalid_rules_are_refused_before_planning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "grouptype: fixed\ngroupname: 坏\nwifimac_infos: [{wifinam: x}]\n",
    )
    .unwrap();
    let out = super::util::run_in(
        dir.path(),
        &[
            "plan",
            ".",
            "--live",
            root().join("examples/live/corp.json").to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("unknown key `wifinam`") && out.stdout.contains("Plan refused"),
        "{}",
        out.stdout
    );
}

#[test]
fn markdown_stays_under_the_comment_limit() {
    // 600 rules, all new: the comment is cut per rule and says so.
    let mut rules = Vec::new();
    let base = load::load_paths(&[root().join("rules/head-office.yaml")])
        .unwrap()
        .rules
        .remove(0);
    for i in 0..600 {
        let mut r = base.clone();
        r.rule.groupname = Some(format!("门店-{i:04}"));
        rules.push(r);
    }
    let plan = plan::build(
        &rules,
        &[],
        &Options {
            prune: false,
            allow_replace: false,
            now: jiff::Timestamp::from_second(NOW).unwrap(),
            effective_now: false,
        },
    );
    let md = plan::render::markdown(&plan, "", Some("https://ci.example/runs/7"));
    assert!(md.len() < 65_536, "{}", md.len());
    assert!(md.contains("more rules not shown"), "the cut is said");
    assert!(
        md.contains("The full plan: <https://ci.example/runs/7>"),
        "and where the whole plan is: {}",
        &md[md.len() - 300..]
    );
    let md = plan::render::markdown(&plan, "", None);
    assert!(md.contains("save it with `--out plan.txt`"));
    // A file holds it all.
    let full = plan::render::markdown_full(&plan, "");
    assert_eq!(full.matches("<details>").count(), 600);
}

/// A new fixed, free and schedule rule, as the reviewer reads them: every
/// period, shift, special day, place and overtime setting in words.
#[test]
fn added_rules_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, r#"{"errcode":0,"errmsg":"ok","group":[]}"#).unwrap();
    let run = |format: &str| {
        let out = super::util::run(&[
            "plan",
            "rules",
            "--live",
            empty.to_str().unwrap(),
            "--format",
            format,
            NOW_ARG[0],
            NOW_ARG[1],
        ]);
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        out.stdout.replace(empty.to_str().unwrap(), "empty.json")
    };
    let text = run("text");
    for shown in [
        "checkindate[0].checkintime[0]: + 09:00–18:00 · rest 12:00–13:30 · check in 07:00–11:00",
        "schedulelist[2]: + shift 晚班 (schedule_id 2)",
        "14:00–22:00 · check in 12:00–18:00 · check out 20:00–+1 02:00",
        "ot_info_v2.workdayconf: + overtime allowed, counted by check-in times (from 30m after work, at least 30m, at most 4h)",
        "takes effect 2026-11-22",
    ] {
        assert!(text.contains(shown), "{shown:?} missing:\n{text}");
    }
    assert!(
        !text.contains("entries") && !text.contains("see the file"),
        "{text}"
    );
    insta::assert_snapshot!("plan_added_text", text);
    insta::assert_snapshot!("plan_added_markdown", run("markdown"));
}

/// A special day that has started (today, 2026-11-21) only warns while its
/// list is unchanged, and blocks the plan once the list is sent: the server
/// refuses it (the check's level, ErrorWhenSent).
#[test]
fn a_started_special_day_blocks_only_a_plan_that_sends_its_list() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("rules/sales-free.yaml")).unwrap();
    let write = |days: &str| {
        let path = dir.path().join("sales-free.yaml");
        std::fs::write(&path, format!("{text}spe_offdays:\n{days}")).unwrap();
        let loaded = load::load_paths(&[path]).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        loaded.rules
    };
    let today = "  - timestamp: \"2026-11-21\"\n    notes: 今天\n";
    let later = "  - timestamp: \"2026-12-25\"\n    notes: 圣诞\n";
    let opts = Options {
        prune: false,
        allow_replace: false,
        now: jiff::Timestamp::from_second(NOW).unwrap(),
        effective_now: false,
    };
    let mut answer = answer_of(&write(today));
    answer["group"][0]["groupid"] = json!(21);
    let live = live::parse_answer(&answer).unwrap();

    // The list as live has it: a warning, nothing blocked.
    let unchanged = plan::build(&write(today), &live, &opts);
    assert!(!unchanged.blocked, "{:#?}", unchanged.errors);
    assert!(
        unchanged
            .warnings
            .iter()
            .any(|d| d.check == "special-day-started"),
        "{:#?}",
        unchanged.warnings
    );

    // One more day: the list is sent whole, today's entry with it.
    let sent = plan::build(&write(&format!("{today}{later}")), &live, &opts);
    assert!(sent.blocked);
    let error = sent
        .errors
        .iter()
        .find(|d| d.check == "special-day-started")
        .unwrap_or_else(|| panic!("{:#?}", sent.errors));
    assert!(
        error
            .message
            .ends_with("this list is sent, so the server would reject it")
    );
    assert!(sent.calls.is_empty());
}
