//! The validator, driven by data: `tests/fixtures/checks/<family>.yaml` holds
//! cases, each a base rule (`bases/`), edits by JSON pointer, and the expected
//! findings as `check-id /pointer` (or none). Every check in the registry has
//! a failing case and a passing boundary case; docs/validation.md lists them.

use std::collections::BTreeMap;

use serde_json::Value;
use wecom_checkin::checks::{self, registry};
use wecom_checkin::load::{LoadedRule, yaml};
use wecom_checkin::model::Rule;

use super::util::root;

/// 2026-11-21 00:00 China Standard Time: "now" for every case.
const NOW: i64 = 1_795_190_400;

struct Case {
    name: String,
    file: String,
    rule: Value,
    expect: Vec<String>,
}

fn parse_yaml(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    yaml::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))[0]
        .value
        .to_value()
}

/// Expands a generator (`{"$days": N}`, `{"$wifi": N}`, `{"$locs": N}`,
/// `{"$shifts": N}`) into N distinct valid entries: count limits need long lists.
fn generate(value: &Value) -> Value {
    let Some((key, n)) = value
        .as_object()
        .filter(|m| m.len() == 1)
        .and_then(|m| m.iter().next())
    else {
        return value.clone();
    };
    let n = n.as_u64().unwrap_or(0) as usize;
    let first_day = wecom_checkin::model::Date::parse("2027-01-01").unwrap();
    let items: Vec<Value> = match key.as_str() {
        "$days" => (0..n).map(|i| serde_json::json!({"timestamp": first_day.0 + 86_400 * i as i64, "notes": "假日"})).collect(),
        "$wifi" => (0..n).map(|i| serde_json::json!({"wifiname": format!("w{i}"), "wifimac": format!("02:00:00:00:{:02x}:{:02x}", i / 256, i % 256)})).collect(),
        "$locs" => (0..n).map(|i| serde_json::json!({"lat": 30000000 + i, "lng": 104000000, "loc_title": format!("L{i}"), "loc_detail": "地址", "distance": 100})).collect(),
        "$shifts" => (0..n)
            .map(|i| {
                if i == 0 {
                    return serde_json::json!({"schedule_id": 0, "schedule_name": "休息"});
                }
                serde_json::json!({"schedule_id": i, "schedule_name": format!("班次{i}"), "allow_flex": false, "time_section": [{
                    "time_id": i, "work_sec": "08:00", "off_work_sec": "16:00", "remind_work_sec": "08:00", "remind_off_work_sec": "16:00",
                    "earliest_work_sec": "06:00", "latest_work_sec": "10:00", "earliest_off_work_sec": "14:00", "latest_off_work_sec": "18:00"}]})
            })
            .collect(),
        _ => return value.clone(),
    };
    Value::Array(items)
}

/// Applies `pointer: value` edits: `null` removes, a new key or index `len` adds.
fn apply(rule: &mut Value, edits: &serde_json::Map<String, Value>, case: &str) {
    for (pointer, value) in edits {
        let value = &generate(value);
        let (parent, last) = pointer
            .rsplit_once('/')
            .unwrap_or_else(|| panic!("{case}: bad pointer {pointer}"));
        let target = rule
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("{case}: no {parent} in the base"));
        match (target, value) {
            (Value::Object(m), Value::Null) => {
                m.remove(last);
            }
            (Value::Object(m), v) => {
                m.insert(last.to_owned(), v.clone());
            }
            (Value::Array(a), v) => {
                let i: usize = last.parse().unwrap();
                if v.is_null() {
                    a.remove(i);
                } else if i == a.len() {
                    a.push(v.clone());
                } else {
                    a[i] = v.clone();
                }
            }
            _ => panic!("{case}: {parent} is not a container"),
        }
    }
}

fn cases() -> Vec<Case> {
    let dir = root().join("tests/fixtures/checks");
    let mut bases = BTreeMap::new();
    for base in ["fixed", "schedule", "free"] {
        bases.insert(
            base,
            parse_yaml(&dir.join("bases").join(format!("{base}.yaml"))),
        );
    }
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for file in files {
        let fname = file.file_name().unwrap().to_string_lossy().into_owned();
        let Value::Array(items) = parse_yaml(&file) else {
            panic!("{fname}: a list of cases")
        };
        for item in items {
            let name = item["case"]
                .as_str()
                .unwrap_or_else(|| panic!("{fname}: case without a name"))
                .to_owned();
            let base = item["base"].as_str().unwrap_or("fixed");
            let mut rule = bases
                .get(base)
                .unwrap_or_else(|| panic!("{name}: unknown base {base}"))
                .clone();
            if let Some(Value::Object(edits)) = item.get("set") {
                apply(&mut rule, edits, &name);
            }
            let expect = match &item["expect"] {
                Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_owned()).collect(),
                Value::String(s) if s == "ok" => Vec::new(),
                other => panic!("{name}: expect is a list or `ok`, found {other}"),
            };
            out.push(Case {
                name,
                file: fname.clone(),
                rule,
                expect,
            });
        }
    }
    out
}

fn run_case(case: &Case) -> Vec<String> {
    let rule: Rule =
        serde_json::from_value(case.rule.clone()).unwrap_or_else(|e| panic!("{}: {e}", case.name));
    let lr = LoadedRule {
        file: case.file.clone(),
        doc: 0,
        rule,
        spans: Default::default(),
        ..Default::default()
    };
    let found = checks::check_all(std::slice::from_ref(&lr), NOW);
    for d in &found {
        let check = registry::by_id(d.check)
            .unwrap_or_else(|| panic!("{}: {} is not in the registry", case.name, d.check));
        assert_eq!(
            (d.code, d.errmsg.as_str()),
            (check.code(), check.errmsg()),
            "{}",
            case.name
        );
    }
    let mut got: Vec<String> = found
        .iter()
        .map(|d| format!("{} {}", d.check, d.path))
        .collect();
    got.sort();
    got
}

#[test]
fn every_case_reports_exactly_what_it_expects() {
    let mut failures = Vec::new();
    for case in cases() {
        let got = run_case(&case);
        let mut want = case.expect.clone();
        want.sort();
        if got != want {
            failures.push(format!(
                "{} ({}):\n  want {want:?}\n  got  {got:?}",
                case.name, case.file
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Case names per check id: `<check-id>/<what>`.
fn cases_by_check() -> BTreeMap<String, Vec<(String, bool)>> {
    let mut by: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    for case in cases() {
        let id = case.name.split('/').next().unwrap().to_owned();
        by.entry(id)
            .or_default()
            .push((case.name.clone(), case.expect.is_empty()));
    }
    by
}

#[test]
fn every_check_has_a_failing_and_a_passing_case() {
    let by = cases_by_check();
    let mut missing = Vec::new();
    for check in registry::CHECKS {
        let cases = by.get(check.id).map(Vec::as_slice).unwrap_or_default();
        if !cases.iter().any(|(_, ok)| !ok) {
            missing.push(format!("{}: no failing case", check.id));
        }
        if !cases.iter().any(|(_, ok)| *ok) {
            missing.push(format!("{}: no passing (boundary) case", check.id));
        }
    }
    for id in by.keys() {
        assert!(
            registry::by_id(id).is_some(),
            "cases name an unknown check `{id}`"
        );
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn validation_md_is_current() {
    let by = cases_by_check();
    let names: BTreeMap<&str, Vec<String>> = by
        .iter()
        .map(|(k, v)| (k.as_str(), v.iter().map(|(n, _)| n.clone()).collect()))
        .collect();
    let want = checks::docs::validation_md(&names);
    super::util::assert_doc_current("docs/validation.md", &want, "validation_md");
}

/// Every output format of the same findings, as a user sees them.
#[test]
fn output_formats() {
    let args = |format: &str| {
        [
            "validate",
            "tests/fixtures/validate",
            "--now",
            "2026-11-21T00:00:00+08:00",
            "--format",
            format,
        ]
        .map(str::to_owned)
    };
    for format in ["text", "json", "github", "sarif"] {
        let a = args(format);
        let out = super::util::run(&a.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(out.code, 1, "{format}: {}", out.stdout);
        insta::assert_snapshot!(format!("validate_{format}"), out.stdout);
    }
}

/// The request bodies from the documents and an SDK, judged as docs/validation.md decides.
#[test]
fn documented_request_bodies() {
    let judge = |file: &str| {
        let text = std::fs::read_to_string(root().join("tests/fixtures/live").join(file)).unwrap();
        let body: Value = serde_json::from_str(&text).unwrap();
        let rule: Rule = serde_json::from_value(body["group"].clone()).unwrap();
        let lr = LoadedRule {
            file: file.into(),
            doc: 0,
            rule,
            spans: Default::default(),
            ..Default::default()
        };
        let mut got: Vec<String> = checks::check_all(std::slice::from_ref(&lr), NOW)
            .iter()
            .map(|d| format!("{} {}", d.code, d.errmsg))
            .collect();
        got.sort();
        got
    };
    // The SDK's body: earliest/latest secs that are not whole minutes (35000 …), and liveness without face detection.
    let skit = judge("skit-add_checkin_option-request.json");
    assert_eq!(
        skit.iter()
            .filter(|m| *m == "301093 checkin time invalid, value has to be a multiple of 60")
            .count(),
        4,
        "{skit:?}"
    );
    assert!(
        skit.contains(
            &"301093 invalid face detect, open_face_live_detect requires use_face_detect first"
                .to_owned()
        )
    );
    // The documented add and update bodies lack restdayconf / holidayconf (decision 3), and nothing else.
    let confs =
        "301093 invalid ot_info_v2, workdayconf/restdayconf/holidayconf is necessary".to_owned();
    for body in [
        "doc98041-add_checkin_option-request.json",
        "doc98041-update_checkin_option-request.json",
    ] {
        assert_eq!(judge(body), vec![confs.clone(), confs.clone()], "{body}");
    }
}

/// Each family's failing cases as a user sees them: the case written as a
/// rule file, loaded with positions, checked, and rendered. The snapshot pins
/// every message, help and `file:line:column` per check family.
#[test]
fn every_family_renders_with_positions() {
    for (family, shown) in rendered_families() {
        insta::assert_snapshot!(format!("family@{family}"), shown);
    }
}

/// The families whose messages are in Chinese too, rendered in Chinese
/// (the words of the output, the messages and the help; the server's
/// errmsg and 说明 as they are).
#[test]
fn families_render_in_chinese() {
    use wecom_checkin::i18n::{Lang, with_lang};
    let families = with_lang(Lang::ZhCn, rendered_families);
    for family in [
        "buka.yaml",
        "checkin_time.yaml",
        "flex.yaml",
        "group.yaml",
        "locations.yaml",
        "overtime.yaml",
        "schedules.yaml",
        "special_days.yaml",
    ] {
        let shown = &families[family];
        // The server's errmsg (the header) is English as the server sends it;
        // every other line is ours, and none of it is left in English.
        for line in shown.lines().filter(|l| !l.contains("[30109")) {
            assert!(
                !reads_as_english(line),
                "{family}: English left in the Chinese output: {line}"
            );
        }
        insta::assert_snapshot!(format!("family-zh@{family}"), shown);
    }
}

/// Three plain lowercase words in a row: an English sentence, not a field
/// name (`allow_rest`), a value (`4h`) or a path.
fn reads_as_english(line: &str) -> bool {
    let plain = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase());
    let mut run = 0;
    for word in line.split(' ') {
        run = if plain(word) { run + 1 } else { 0 };
        if run == 3 {
            return true;
        }
    }
    false
}

/// Each failing case of every family, written as a real rule file, loaded
/// with positions, checked and rendered as text, by family.
fn rendered_families() -> BTreeMap<String, String> {
    use wecom_checkin::diag::render;
    let mut by_family: BTreeMap<String, String> = BTreeMap::new();
    let dir = tempfile::tempdir().unwrap();
    for case in cases().into_iter().filter(|c| !c.expect.is_empty()) {
        let file = format!("{}.yaml", case.name.replace('/', "--"));
        let path = dir.path().join(&file);
        std::fs::write(&path, wecom_checkin::emit::to_yaml(&case.rule)).unwrap();
        let loaded = wecom_checkin::load::load_paths(&[path]).unwrap();
        let mut found = loaded.diagnostics.clone();
        found.extend(checks::check_all(&loaded.rules, NOW));
        found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let shown = render::diagnostics_text(&found, &loaded.sources, false);
        let prefix = format!("{}/", wecom_checkin::load::display_path(dir.path()));
        let out = by_family.entry(case.file.clone()).or_default();
        out.push_str(&format!("=== {}\n", case.name));
        out.push_str(&shown.replace(&prefix, ""));
    }
    by_family
}
