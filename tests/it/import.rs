//! import: every live answer becomes rule files that validate and plan as no change.

use serde_json::{Value, json};

use super::util::{Output, root, run, run_in};

const NOW: [&str; 2] = ["--now", "2026-11-21T00:00:00+08:00"];

/// Every live fixture as a getcorpcheckinoption answer (getcheckinoption answers wrapped).
fn live_answers() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(root().join("tests/fixtures/live"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(v) =
            serde_json::from_str::<Value>(&std::fs::read_to_string(&path).unwrap_or_default())
        else {
            continue;
        };
        let with_id = |mut g: Value, i: usize| {
            if g.get("groupid").is_none() {
                g["groupid"] = json!(1000 + i);
            }
            g
        };
        let answer = if v.get("group").is_some_and(Value::is_array) {
            v
        } else if let Some(info) = v.get("info").and_then(Value::as_array) {
            json!({"errcode": 0, "group": info.iter().enumerate().map(|(i, x)| with_id(x["group"].clone(), i)).collect::<Vec<_>>()})
        } else if v.get("userid").is_some() && v.get("group").is_some() {
            json!({"errcode": 0, "group": [with_id(v["group"].clone(), 0)]})
        } else {
            continue;
        };
        out.push((name, answer));
    }
    out
}

fn in_dir(dir: &std::path::Path, args: &[&str]) -> Output {
    run_in(dir, args)
}

#[test]
fn every_live_fixture_imports_validates_and_plans_no_change() {
    let answers = live_answers();
    assert!(answers.len() >= 8);
    for (name, answer) in answers {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("live.json"),
            serde_json::to_string(&answer).unwrap(),
        )
        .unwrap();
        let import = in_dir(
            dir.path(),
            &["import", "--live", "live.json", NOW[0], NOW[1]],
        );
        assert_eq!(import.code, 0, "{name}: {}{}", import.stdout, import.stderr);
        let validate = in_dir(dir.path(), &["validate", NOW[0], NOW[1]]);
        assert_eq!(
            validate.code, 0,
            "{name}: an imported corp validates:\n{}",
            validate.stdout
        );
        let plan = in_dir(
            dir.path(),
            &[
                "plan",
                "--live",
                "live.json",
                "--detailed-exitcode",
                NOW[0],
                NOW[1],
            ],
        );
        assert_eq!(
            plan.code, 0,
            "{name}: import then plan shows no change:\n{}",
            plan.stdout
        );
    }
}

#[test]
fn a_real_console_rule_imports_with_its_rejected_values_kept() {
    let (_, answer) = live_answers()
        .into_iter()
        .find(|(n, _)| n.starts_with("javafast"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("live.json"),
        serde_json::to_string(&answer).unwrap(),
    )
    .unwrap();
    let out = in_dir(
        dir.path(),
        &["import", "--live", "live.json", NOW[0], NOW[1]],
    );
    assert_eq!(out.code, 0);
    let text = std::fs::read_to_string(dir.path().join("rules/打卡.yaml")).unwrap();
    insta::assert_snapshot!("import_javafast_rule", text);
    // Editing a kept value makes it an error again.
    let edited = text.replace("remind_work_sec: \"00:00\"", "remind_work_sec: \"00:05\"");
    assert_ne!(edited, text);
    std::fs::write(dir.path().join("rules/打卡.yaml"), edited).unwrap();
    let validate = in_dir(dir.path(), &["validate", NOW[0], NOW[1]]);
    assert_eq!(validate.code, 1, "{}", validate.stdout);
}

#[test]
fn import_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let live = root().join("examples/live/corp.json");
    let live = live.to_str().unwrap();
    assert_eq!(in_dir(dir.path(), &["import", "--live", live]).code, 0);
    let again = in_dir(dir.path(), &["import", "--live", live]);
    assert_eq!(again.code, 1);
    assert!(
        again.stdout.contains("exist already") && again.stdout.contains("--force"),
        "{}",
        again.stdout
    );
    assert_eq!(
        in_dir(dir.path(), &["import", "--live", live, "--force"]).code,
        0
    );
    let names: Vec<String> = std::fs::read_dir(dir.path().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"旧仓库-固定班.yaml".to_owned()));
}

#[test]
fn same_names_get_distinct_files() {
    let mut answer: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/live/corp.json")).unwrap(),
    )
    .unwrap();
    answer["group"][1]["groupname"] = answer["group"][0]["groupname"].clone();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("live.json"),
        serde_json::to_string(&answer).unwrap(),
    )
    .unwrap();
    let out = in_dir(dir.path(), &["import", "--live", "live.json"]);
    assert_eq!(out.code, 0);
    assert!(
        dir.path().join("rules/总部-固定班.yaml").exists()
            && dir.path().join("rules/总部-固定班-2.yaml").exists(),
        "{}",
        out.stdout
    );
    // Two live rules of one name: validate says so.
    let v = in_dir(dir.path(), &["validate", NOW[0], NOW[1]]);
    assert!(
        v.stdout.contains("duplicate groupname") || v.stdout.contains("is also used by"),
        "{}",
        v.stdout
    );
}

#[test]
fn import_help_names_the_flags() {
    let out = run(&["import", "--help"]);
    assert!(
        out.stdout.contains("--force") && out.stdout.contains("--live"),
        "{}",
        out.stdout
    );
}

/// The same through the API: an emulator seeded with each fixture (both read
/// shapes), import from it, plan against it: no change.
#[test]
fn import_from_an_emulator_seeded_with_each_fixture_plans_no_change() {
    use wecom_checkin::emulator::{self, Emulator, ReadShape};
    let rt = super::util::runtime();
    for (name, answer) in live_answers() {
        for shape in [ReadShape::Modern, ReadShape::Legacy] {
            let emu = Emulator::new(emulator::Config {
                read_shape: shape,
                ..emulator::Config::default()
            });
            emu.seed(&answer, false).unwrap();
            let (addr, _) = rt.block_on(emu.clone().spawn()).unwrap();
            let dir = tempfile::tempdir().unwrap();
            let run = |args: &[&str]| {
                let out = super::util::binary()
                    .args(args)
                    .current_dir(dir.path())
                    .env("WECOM_API_BASE", format!("http://{addr}"))
                    .env("WECOM_CORPID", "emulator-corp")
                    .env("WECOM_CORPSECRET", "emulator-secret")
                    .output()
                    .unwrap();
                (
                    out.status.code().unwrap_or(-1),
                    String::from_utf8_lossy(&out.stdout).into_owned(),
                )
            };
            let (code, out) = run(&["import", NOW[0], NOW[1]]);
            assert_eq!(code, 0, "{name} {shape:?}: {out}");
            let (code, out) = run(&["plan", "--detailed-exitcode", NOW[0], NOW[1]]);
            assert_eq!(
                code, 0,
                "{name} {shape:?}: import then plan shows no change:\n{out}"
            );
        }
    }
}

#[test]
fn file_names_stay_unique_after_every_transformation() {
    let group = |id: i64, name: &str| {
        json!({"groupid": id, "grouptype": 3, "groupname": name,
               "range": {"userid": ["a"]}, "loc_infos": [{"lat": 30547030, "lng": 104062890, "loc_title": "x", "loc_detail": "y", "distance": 300}]})
    };
    // `x` of groupid 6 would take `x-6.yaml`, the file of the rule named `x-6`;
    // case and Unicode forms collide on macOS and Windows; device names and
    // trailing dots cannot be created on Windows.
    let nfc = "café";
    let nfd = "cafe\u{301}";
    let answer = json!({"errcode": 0, "group": [
        group(7, "x-6"), group(5, "x"), group(6, "x"),
        group(8, "Store"), group(9, "store"),
        group(10, nfc), group(11, nfd),
        group(12, "CON"), group(13, "aux.总部"), group(14, "名字."),
    ]});
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("live.json"), answer.to_string()).unwrap();
    let out = in_dir(dir.path(), &["import", "--live", "live.json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 10, "{names:?}\n{}", out.stdout);
    assert!(out.stdout.contains("Imported 10 rules"), "{}", out.stdout);
    let folded: std::collections::BTreeSet<String> = names
        .iter()
        .map(|n| {
            use unicode_normalization::UnicodeNormalization;
            n.nfc().collect::<String>().to_lowercase()
        })
        .collect();
    assert_eq!(folded.len(), 10, "{names:?}");
    for n in &names {
        let stem = n.split('.').next().unwrap().to_uppercase();
        assert!(!["CON", "AUX"].contains(&stem.as_str()), "{n}");
        assert!(!n.trim_end_matches(".yaml").ends_with('.'), "{n}");
    }
}

/// A corp adopts the tool, then admins add rules in the console: import
/// --new-only writes files for those alone, beside the edited files, which it
/// leaves as they are; a file that cannot be read as a rule stops it.
#[test]
fn import_new_only_adopts_what_the_console_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut answer: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/live/corp.json")).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.path().join("live.json"), answer.to_string()).unwrap();
    assert_eq!(
        in_dir(dir.path(), &["import", "--live", "live.json"]).code,
        0
    );
    // The team edits a file (its name stays; the groupid is pinned) and
    // renames another file.
    let hq = dir.path().join("rules/总部-固定班.yaml");
    let edited = std::fs::read_to_string(&hq).unwrap() + "# reviewed by HR\n";
    std::fs::write(&hq, &edited).unwrap();
    std::fs::rename(
        dir.path().join("rules/旧仓库-固定班.yaml"),
        dir.path().join("rules/warehouse.yaml"),
    )
    .unwrap();
    // The console adds a rule, named like an existing file.
    let mut added = answer["group"][1].clone();
    added["groupid"] = Value::from(77);
    added["groupname"] = Value::from("总部-固定班 ");
    answer["group"].as_array_mut().unwrap().push(added);
    let mut added = answer["group"][1].clone();
    added["groupid"] = Value::from(78);
    added["groupname"] = Value::from("新门店");
    answer["group"].as_array_mut().unwrap().push(added);
    std::fs::write(dir.path().join("live.json"), answer.to_string()).unwrap();

    let out = in_dir(dir.path(), &["import", "--live", "live.json", "--new-only"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "3 of 5 live rules are described by files in rules already; importing the other 2"
        ),
        "{}",
        out.stdout
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "总部-固定班-77.yaml",
            "总部-固定班.yaml",
            "新门店.yaml",
            "销售部-自由签到.yaml",
            "warehouse.yaml"
        ]
        .map(str::to_owned)
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>(),
    );
    assert_eq!(
        std::fs::read_to_string(&hq).unwrap(),
        edited,
        "an existing file is left alone"
    );
    let plan = in_dir(
        dir.path(),
        &[
            "plan",
            "--live",
            "live.json",
            "--detailed-exitcode",
            NOW[0],
            NOW[1],
        ],
    );
    assert_eq!(plan.code, 0, "all adopted, no change:\n{}", plan.stdout);
    // Nothing new: nothing written.
    let again = in_dir(dir.path(), &["import", "--live", "live.json", "--new-only"]);
    assert_eq!(again.code, 0);
    assert!(
        again.stdout.contains("Imported 0 rules"),
        "{}",
        again.stdout
    );

    // A file that is not a readable rule: which rule it describes is unknown.
    std::fs::write(dir.path().join("rules/broken.yaml"), "groupname: [\n").unwrap();
    let refused = in_dir(dir.path(), &["import", "--live", "live.json", "--new-only"]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused
            .stdout
            .contains("cannot tell which rules these files describe: rules/broken.yaml"),
        "{}",
        refused.stdout
    );
    let both = in_dir(dir.path(), &["import", "--new-only", "--force"]);
    assert_eq!(both.code, 1, "--force and --new-only exclude each other");
}
