//! A saved plan is bound to its corp, its API, its day and its own content:
//! apply refuses a plan edited after it was made — even one whose digest was
//! made to match — and a plan of another corp or another day. Nothing is
//! written in any of these cases.

use std::path::Path;

use serde_json::{Value, json};
use wecom_checkin::client::write::DeleteRule;
use wecom_checkin::client::{Endpoint, Write};
use wecom_checkin::emulator;
use wecom_checkin::plan::{self, Plan};

use super::apply::{Corp, NOW_ARGS, assert_converged, cli, command, corp, writes};
use super::util::{Output, root};

fn seeded() -> Corp {
    let live: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/live/corp.json")).unwrap(),
    )
    .unwrap();
    corp(emulator::Config::default(), Some(&live), None)
}

/// The plan of rules/ against the corp: an update (总部-固定班, groupid 1),
/// a clear (销售部-自由签到, 2), an add (成都春熙路店); 旧仓库-固定班 (3) not managed.
fn saved(c: &Corp, dir: &Path) -> Plan {
    let path = dir.join("plan.json");
    let out = cli(
        c,
        &[
            "plan",
            "rules",
            "--out",
            path.to_str().unwrap(),
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write(dir: &Path, plan: &Plan) -> String {
    let path = dir.join("edited.json");
    std::fs::write(&path, serde_json::to_string_pretty(plan).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

fn apply_saved(c: &Corp, path: &str, extra: &[&str]) -> Output {
    let mut args = vec!["apply", path, NOW_ARGS[0], NOW_ARGS[1]];
    args.extend_from_slice(extra);
    cli(c, &args)
}

fn no_writes(c: &Corp) {
    for e in [
        Endpoint::Add,
        Endpoint::Update,
        Endpoint::Clear,
        Endpoint::Delete,
    ] {
        assert_eq!(writes(c, e), 0, "{e} was called");
    }
}

fn refused(out: &Output, needle: &str) {
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stderr.contains("Apply refused") && out.stderr.contains(needle),
        "expected {needle:?} in stderr:\n{}",
        out.stderr
    );
    assert!(!out.stdout.contains("Apply refused"), "{}", out.stdout);
}

/// Applies `p`, edited and sealed again (a digest that matches): refused
/// with `needle`, nothing written.
fn refused_sealed(c: &Corp, dir: &Path, mut p: Plan, extra: &[&str], needle: &str) {
    p.seal();
    let out = apply_saved(c, &write(dir, &p), extra);
    refused(&out, needle);
    no_writes(c);
}

/// 旧仓库-固定班 (groupid 3, not managed) tagged `action` with a delete call.
fn made_up_delete(p: &mut Plan, action: plan::Action) {
    p.rules
        .iter_mut()
        .find(|r| r.groupid == Some(3))
        .unwrap()
        .action = action;
    p.calls.push(old_delete());
}

/// del_checkin_option for 旧仓库-固定班 (groupid 3).
fn old_delete() -> plan::Call {
    plan::Call {
        rule: "旧仓库-固定班".into(),
        write: Write::Delete(DeleteRule {
            groupid: 3,
            effective_now: false,
        }),
    }
}

/// Edits the body of the plan's first call to `endpoint` (it must stay a
/// body the tool sends: one it never sends fails when the plan is read).
fn edit_body(plan: &mut Plan, endpoint: Endpoint, edit: impl FnOnce(&mut Value)) {
    let call = plan
        .calls
        .iter_mut()
        .find(|c| c.endpoint() == endpoint)
        .unwrap();
    let mut body = call.write.body();
    edit(&mut body);
    call.write = Write::from_parts(endpoint, body).unwrap();
}

#[test]
fn an_edit_without_a_new_digest_is_evident() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let mut p = saved(&c, dir.path());
    edit_body(&mut p, Endpoint::Update, |b| {
        b["group"]["white_users"] = json!(["ceo", "intruder"])
    });
    let out = apply_saved(&c, &write(dir.path(), &p), &[]);
    refused(&out, "the plan file was edited after it was made");
    no_writes(&c);
}

#[test]
fn an_edited_body_is_refused_even_with_a_matching_digest() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let mut p = saved(&c, dir.path());
    edit_body(&mut p, Endpoint::Update, |b| {
        b["group"]["white_users"] = json!(["ceo", "intruder"])
    });
    p.seal();
    let out = apply_saved(&c, &write(dir.path(), &p), &[]);
    refused(
        &out,
        "the calls for \"总部-固定班\" (groupid 1) do not follow from its entry",
    );
    assert!(
        out.stderr.contains("intruder"),
        "says what changed: {}",
        out.stderr
    );
    no_writes(&c);

    // An added rule's body is held to the entry's lines the same way.
    let mut p = saved(&c, dir.path());
    edit_body(&mut p, Endpoint::Add, |b| {
        b["group"]["range"] = json!({"party_id": ["1"]})
    });
    refused_sealed(&c, dir.path(), p, &[], "the added rule's body gives");
}

#[test]
fn a_retargeted_update_is_refused() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let mut p = saved(&c, dir.path());
    edit_body(&mut p, Endpoint::Update, |b| {
        b["group"]["groupid"] = json!(3)
    });
    refused_sealed(
        &c,
        dir.path(),
        p,
        &[],
        "no entry of the plan changes groupid 3",
    );
}

#[test]
fn a_made_up_replacement_delete_is_refused() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let mut p = saved(&c, dir.path());
    made_up_delete(&mut p, plan::Action::Replace);
    refused_sealed(
        &c,
        dir.path(),
        p.clone(),
        &[],
        "a replacement's delete, but the plan was not made with --allow-replace",
    );
    // Also claiming the plan was made with --allow-replace: no rule file of
    // that name makes the replacement.
    p.made_with.allow_replace = true;
    refused_sealed(
        &c,
        dir.path(),
        p,
        &["--allow-replace"],
        "a delete for a replacement no rule file of that name makes",
    );
    // And a plain delete needs --prune, in the plan and on the command line.
    let mut p = saved(&c, dir.path());
    made_up_delete(&mut p, plan::Action::Delete);
    refused_sealed(
        &c,
        dir.path(),
        p,
        &["--prune"],
        "a delete, but the plan was not made with --prune",
    );
}

#[test]
fn a_plan_of_another_corp_or_another_day_is_refused() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let p = saved(&c, dir.path());
    let path = dir.path().join("plan.json");
    let path = path.to_str().unwrap();
    assert_eq!(p.live.corpid.as_deref(), Some("emulator-corp"));
    assert_eq!(p.day, "2026-11-21");

    let out = command(&c, &["apply", path, NOW_ARGS[0], NOW_ARGS[1]])
        .env("WECOM_CORPID", "another-corp")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the plan is for corp emulator-corp, this apply is for corp another-corp"),
        "{stderr}"
    );

    let out = cli(&c, &["apply", path, "--now", "2026-11-23T09:00:00+08:00"]);
    refused(
        &out,
        "the plan was made on 2026-11-21 (China time) and today is 2026-11-23",
    );
    no_writes(&c);

    // The same plan, that day, on that corp: applied.
    let out = apply_saved(&c, path, &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_converged(&c, "rules", &[]);
}

#[test]
fn a_plan_made_from_a_file_cannot_be_applied() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    let out = cli(
        &c,
        &[
            "plan",
            "rules",
            "--live",
            "examples/live/corp.json",
            "--out",
            path.to_str().unwrap(),
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 0);
    let out = apply_saved(&c, path.to_str().unwrap(), &[]);
    refused(&out, "not from a corp's live rules");
    no_writes(&c);
}

/// Each of the smaller ways a call can stop following from its entry.
#[test]
fn every_field_of_a_call_is_held_to_its_entry() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    type Edit = fn(&mut Plan);
    let cases: [(&str, Edit); 3] = [
        ("says effective_now true, the entry false", |p| {
            edit_body(p, Endpoint::Update, |b| b["effective_now"] = json!(true));
        }),
        (
            "it empties [\"wifimac_infos\"], the entry [\"spe_offdays\"]",
            |p| {
                edit_body(p, Endpoint::Clear, |b| b["clear_field"] = json!([3]));
            },
        ),
        ("a call is labelled \"someone else\"", |p| {
            p.calls[0].rule = "someone else".into();
        }),
    ];
    for (needle, edit) in cases {
        let mut p = saved(&c, dir.path());
        edit(&mut p);
        refused_sealed(&c, dir.path(), p, &[], needle);
    }
}

/// A call the tool would never make (no endpoint of the API, a read, a key
/// it never sends, a code that is no clearable array) fails when the plan is
/// read, before any call.
#[test]
fn a_call_the_tool_never_makes_fails_when_the_plan_is_read() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let mut p = saved(&c, dir.path());
    p.seal();
    let value = serde_json::to_value(&p).unwrap();
    let update = p
        .calls
        .iter()
        .position(|c| c.endpoint() == Endpoint::Update)
        .unwrap();
    let clear = p
        .calls
        .iter()
        .position(|c| c.endpoint() == Endpoint::Clear)
        .unwrap();
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: [(&str, Edit); 4] = [
        (
            r#""add_rule" is not an endpoint of the API"#,
            Box::new(|v| v["calls"][0]["endpoint"] = json!("add_rule")),
        ),
        (
            "apply never calls getcheckinoption",
            Box::new(|v| v["calls"][0]["endpoint"] = json!("getcheckinoption")),
        ),
        (
            "the body of update_checkin_option is not what the tool sends: unknown field `debug`",
            Box::new(move |v| v["calls"][update]["body"]["debug"] = json!(1)),
        ),
        (
            "clear_field 9 is not a clearable array",
            Box::new(move |v| v["calls"][clear]["body"]["clear_field"] = json!([9])),
        ),
    ];
    for (needle, edit) in cases {
        let mut value = value.clone();
        edit(&mut value);
        let path = dir.path().join("edited.json");
        std::fs::write(&path, value.to_string()).unwrap();
        let out = apply_saved(&c, path.to_str().unwrap(), &[]);
        assert_eq!(out.code, 1, "{}", out.stdout);
        assert!(out.stderr.contains("is not a plan: "), "{}", out.stderr);
        assert!(out.stderr.contains(needle), "{needle}: {}", out.stderr);
        no_writes(&c);
    }
}

#[test]
fn a_plan_without_its_corp_or_of_another_api_is_refused() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let p = saved(&c, dir.path());
    let path = write(dir.path(), &p);
    // A ready token and no WECOM_CORPID: which corp this is cannot be told.
    let out = command(&c, &["apply", &path, NOW_ARGS[0], NOW_ARGS[1]])
        .env_remove("WECOM_CORPID")
        .env_remove("WECOM_CORPSECRET")
        .env("WECOM_ACCESS_TOKEN", "a-token")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("set WECOM_CORPID (also with WECOM_ACCESS_TOKEN)"),
        "{stderr}"
    );
    // Made against another API base.
    let mut other = p.clone();
    other.live.source = "https://qyapi.weixin.qq.com".into();
    refused_sealed(
        &c,
        dir.path(),
        other,
        &[],
        "the plan was made against https://qyapi.weixin.qq.com, this apply calls http://127.0.0.1:",
    );
}

/// --reviewed: a reviewed plan of another corp, one with errors, and a
/// reviewed call that is no longer planned are each refused.
#[test]
fn a_reviewed_plan_must_be_usable_and_the_same() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let reviewed = |p: &Plan, extra: &[&str]| {
        let path = write(dir.path(), p);
        let mut args = vec![
            "apply",
            "rules",
            "--reviewed",
            &path,
            "--auto-approve",
            NOW_ARGS[0],
            NOW_ARGS[1],
        ];
        args.extend_from_slice(extra);
        cli(&c, &args)
    };
    let p = saved(&c, dir.path());
    let mut other = p.clone();
    other.live.corpid = Some("another-corp".into());
    other.seal();
    let out = reviewed(&other, &[]);
    refused(
        &out,
        "the plan is for corp another-corp, this apply is for corp emulator-corp",
    );
    let mut blocked = p.clone();
    blocked.blocked = true;
    blocked.seal();
    refused(
        &reviewed(&blocked, &[]),
        "the reviewed plan had errors: it approved nothing",
    );
    let mut more = p.clone();
    more.calls.push(old_delete());
    more.seal();
    refused(
        &reviewed(&more, &[]),
        "reviewed, no longer planned: del_checkin_option for \"旧仓库-固定班\"",
    );
    // With --prune, the plan now deletes a rule the review did not.
    refused(
        &reviewed(&p, &["--prune"]),
        "not reviewed: del_checkin_option for \"旧仓库-固定班\"",
    );
    // JSON that is no plan at all (no format_version): named as such.
    let not_a_plan = dir.path().join("rule.json");
    std::fs::write(&not_a_plan, r#"{"grouptype": 1}"#).unwrap();
    let mut args = vec!["apply", "rules", "--reviewed", not_a_plan.to_str().unwrap()];
    args.extend_from_slice(&NOW_ARGS);
    let out = cli(&c, &args);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("rule.json is not a saved plan\n  help: pass the JSON"),
        "{}",
        out.stderr
    );
    no_writes(&c);
    // The reviewed plan itself: applied.
    let out = reviewed(&p, &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("The calls are the reviewed ones (3 of 2026-11-21"),
        "{}",
        out.stdout
    );
}

#[test]
fn plan_outputs_are_checked_before_planning() {
    let c = seeded();
    let out = cli(&c, &["plan", "rules", "--out", "plan.yaml"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("--out plan.yaml: the format is taken from the extension"),
        "{}",
        out.stderr
    );
    let out = cli(
        &c,
        &[
            "plan",
            "rules",
            "--format",
            "markdown",
            "--full-plan-url",
            "https://user:pw@ci.example/run/1",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "\"https://***@ci.example/run/1\" is not usable: it has a user name or password"
        ) && !out.stderr.contains("pw@"),
        "{}",
        out.stderr
    );
}

/// A plan made in Chinese (an HR reviewer's `LANG`) is applied by a job in
/// English: apply derives the entries' lines again in the plan's language,
/// so the calls still follow from them.
#[test]
fn a_plan_made_in_chinese_is_applied_in_english() {
    let c = seeded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    let path = path.to_str().unwrap();
    let out = cli(
        &c,
        &[
            "plan",
            "rules",
            "--lang",
            "zh-CN",
            "--out",
            path,
            NOW_ARGS[0],
            NOW_ARGS[1],
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let p: Plan = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(p.lang, wecom_checkin::i18n::Lang::ZhCn);
    assert!(
        p.rules.iter().any(|r| r
            .changes
            .iter()
            .any(|c| c.new.as_deref().is_some_and(|n| n.contains("班次 早班")))),
        "the card is in Chinese: {:?}",
        p.rules
    );
    let out = apply_saved(&c, path, &[]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert_converged(&c, "rules", &[]);
}
