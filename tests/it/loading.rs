//! Loading rule files: both value forms, round trips, and every kind of load error.

use super::util::{root, run, shipped_rule_files};
use wecom_checkin::emit;
use wecom_checkin::load::{self, yaml};
use wecom_checkin::model::Rule;

fn load_one(path: &str) -> Rule {
    let loaded = load::load_paths(&[root().join(path)]).unwrap();
    assert!(
        loaded.diagnostics.is_empty(),
        "{path}: {:#?}",
        loaded.diagnostics
    );
    assert_eq!(loaded.rules.len(), 1);
    loaded.rules[0].rule.clone()
}

#[test]
fn wire_and_readable_forms_load_to_identical_models() {
    let wire = load_one("tests/fixtures/forms/wire.json");
    let readable = load_one("tests/fixtures/forms/readable.yaml");
    assert_eq!(wire, readable);
}

#[test]
fn absent_and_default_stay_distinct() {
    let wire = load_one("tests/fixtures/forms/wire.json");
    // The add body writes buka_restriction: 0 (the default) and leaves spe_offdays out.
    assert_eq!(wire.buka_restriction, Some(0));
    assert_eq!(wire.spe_offdays, None);
}

/// model → YAML → model is the identity, for every shipped rule and every documented request body.
#[test]
fn model_to_yaml_to_model_is_identity() {
    let mut rules: Vec<Rule> = Vec::new();
    let loaded = load::load_paths(&shipped_rule_files()).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    rules.extend(loaded.rules.into_iter().map(|r| r.rule));
    for body in [
        "doc98041-add_checkin_option-request.json",
        "doc98041-update_checkin_option-request.json",
        "skit-add_checkin_option-request.json",
    ] {
        let text = std::fs::read_to_string(root().join("tests/fixtures/live").join(body)).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        rules.push(serde_json::from_value(v["group"].clone()).unwrap());
    }
    assert!(rules.len() >= 6);
    for rule in rules {
        let text = emit::rule_to_yaml(&rule);
        let docs = yaml::parse(&text).unwrap();
        let back: Rule = serde_json::from_value(docs[0].value.to_value()).unwrap();
        assert_eq!(back, rule, "{text}");
    }
}

#[test]
fn readable_form_is_what_the_tool_writes() {
    let wire = load_one("tests/fixtures/forms/wire.json");
    insta::assert_snapshot!(emit::rule_to_yaml(&wire));
}

/// Every kind of load or schema error: the exact message and line:column, as text and as JSON.
#[test]
fn load_errors() {
    insta::glob!("../fixtures/load-errors", "*.{yaml,json}", |path| {
        let rel = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let text = run(&["validate", &rel]);
        let json = run(&["validate", "--format", "json", &rel]);
        assert_eq!(text.code, 1, "{rel} should fail:\n{}", text.stdout);
        assert_eq!(json.code, 1);
        assert!(text.stderr.is_empty(), "{}", text.stderr);
        insta::assert_snapshot!("text", text.stdout);
        insta::assert_snapshot!("json", json.stdout);
    });
}

#[test]
fn shipped_rules_validate_clean() {
    let out = run(&[
        "validate",
        "rules",
        "examples/rules",
        "--now",
        "2026-11-21T00:00:00+08:00",
    ]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn shipped_rule_files_carry_the_schema_header() {
    for file in shipped_rule_files() {
        if file.extension().is_some_and(|e| e == "json") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let dir = file.parent().unwrap().strip_prefix(root()).unwrap();
        let up = "../".repeat(dir.components().count());
        let header =
            format!("# yaml-language-server: $schema={up}schema/checkin-rule.schema.json\n");
        assert!(
            text.starts_with(&header),
            "{} must start with {header}",
            file.display()
        );
    }
}

#[test]
fn duplicate_groupname_and_groupid_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "grouptype: free\ngroupname: 同名\ngroupid: 7\n";
    std::fs::write(dir.path().join("a.yaml"), rule).unwrap();
    std::fs::write(dir.path().join("b.yaml"), rule).unwrap();
    let out = super::util::run_in(dir.path(), &["validate", "."]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stdout);
}

/// Full-width punctuation is fine in text: a groupname or a note may hold
/// `：` and `，`. Only where YAML or a value's reader fails is it named.
#[test]
fn full_width_punctuation_in_text_is_no_problem() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("rules/sales-free.yaml"))
        .unwrap()
        .replacen("groupname: ", "groupname: 销售：北京，上海、广州 ", 1);
    std::fs::write(dir.path().join("r.yaml"), &text).unwrap();
    let loaded = load::load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let name = loaded.rules[0].rule.groupname.clone().unwrap();
    assert!(name.starts_with("销售：北京，上海、广州"), "{name}");
    assert_eq!(load::fullwidth::half_width('０'), Some('0'));
    assert_eq!(load::fullwidth::half_width('９'), Some('9'));
    assert_eq!(load::fullwidth::half_width('中'), None);
}

/// A YAML error far from a Chinese comma in a name does not blame the comma.
#[test]
fn a_syntax_error_blames_full_width_characters_only_where_structure_stands() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.yaml"),
        "grouptype: fixed\ngroupname: 北京，上海：总部\nrange:\n  party_id: [1\n",
    )
    .unwrap();
    let loaded = load::load_paths(&[dir.path().to_path_buf()]).unwrap();
    let d = &loaded.diagnostics[0];
    assert!(!d.message.contains("full-width"), "{d:#?}");
    assert!(
        !d.help.as_deref().unwrap_or_default().contains("full-width"),
        "{d:#?}"
    );
}

/// A byte-order mark (Windows editors write one) is not part of the text:
/// the rule loads as without it, and positions count from the first key.
#[test]
fn byte_order_mark_is_skipped() {
    let text = std::fs::read_to_string(root().join("rules/head-office.yaml")).unwrap();
    let load = |bytes: Vec<u8>| {
        let mut loaded = load::Loaded::default();
        load::load_bytes("r.yaml", bytes, &mut loaded);
        loaded
    };
    let plain = load(text.clone().into_bytes());
    let marked = load(format!("\u{feff}{text}").into_bytes());
    assert!(marked.diagnostics.is_empty(), "{:#?}", marked.diagnostics);
    assert_eq!(marked.rules[0].rule, plain.rules[0].rule);
    assert_eq!(
        marked.rules[0].locate("/groupname"),
        plain.rules[0].locate("/groupname")
    );
    assert_eq!(
        marked.sources.line("r.yaml", 1),
        plain.sources.line("r.yaml", 1)
    );
    assert!(
        !marked
            .sources
            .line("r.yaml", 1)
            .unwrap()
            .starts_with('\u{feff}')
    );
}

/// The loader reads a document the schema accepts straight from its tree; any
/// other becomes a `serde_json::Value` first. Over every rule file the tests
/// have, and the cases the tree's deserializer does by hand: where the tree
/// way gives a rule, the `Value` way gives the same one.
#[test]
fn a_rule_reads_the_same_from_the_tree_as_from_a_value() {
    use wecom_checkin::load::tree::Node;
    let mut texts: Vec<(String, String)> = walkdir::WalkDir::new(root().join("tests/fixtures"))
        .into_iter()
        .chain(walkdir::WalkDir::new(root().join("rules")))
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json")
        })
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((e.path().display().to_string(), text))
        })
        .collect();
    let rule = std::fs::read_to_string(root().join("tests/fixtures/forms/readable.yaml")).unwrap();
    // A null for an absent value, a float, a tagged number, an alias, a
    // party id of each kind, a value of the wrong type.
    for case in [
        "spe_offdays: null\n",
        "buka_restriction: !!float 1\n",
        "buka_restriction: 1.5\n",
        "buka_restriction: 18446744073709551615\n",
        "range: {partyid: [1, \"2\"], userid: [a], tagid: [3]}\n",
        "groupname: &n x\nsync_holidays: *n\n",
        "sync_holidays: yes\n",
    ] {
        let key = case.split(':').next().unwrap();
        let kept: String = rule
            .lines()
            .filter(|l| !l.starts_with(&format!("{key}:")))
            .map(|l| format!("{l}\n"))
            .collect();
        texts.push((case.into(), kept + case));
    }
    let (mut from_tree, mut other) = (0, 0);
    for (name, text) in &texts {
        let Ok(docs) = yaml::parse(text) else {
            continue;
        };
        for doc in docs {
            let tree: &Node = &doc.value;
            let by_value = serde_json::from_value::<Rule>(tree.to_value());
            if !wecom_checkin::schema::is_valid(tree) {
                other += 1;
                continue;
            }
            match <Rule as serde::Deserialize>::deserialize(tree) {
                Ok(rule) => {
                    from_tree += 1;
                    assert_eq!(Some(&rule), by_value.as_ref().ok(), "{name}");
                }
                Err(_) => other += 1,
            }
        }
    }
    // Both ways are taken: the comparison is not empty.
    assert!(
        from_tree >= 20 && other >= 20,
        "{from_tree} from the tree, {other} not"
    );
}
