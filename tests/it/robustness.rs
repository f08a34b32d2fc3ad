//! Hostile or broken input: a clear message and the right exit code, never a panic.

use super::util::run_in;

fn validate_dir(files: &[(&str, &[u8])]) -> super::util::Output {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    run_in(dir.path(), &["validate", "."])
}

fn assert_no_panic(out: &super::util::Output) {
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(!out.stdout.contains("panicked"), "{}", out.stdout);
}

#[test]
fn non_utf8_bytes() {
    let out = validate_dir(&[("a.yaml", b"grouptype: 1\ngroupname: \"\xe6\x80\xbb\xff\"\n")]);
    assert_eq!(out.code, 1);
    assert_no_panic(&out);
    assert!(
        out.stdout.contains("not UTF-8: invalid byte 0xff"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("a.yaml:2:14"), "{}", out.stdout);
}

#[test]
fn empty_file() {
    let out = validate_dir(&[("a.yaml", b"")]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("empty file: no rule in it"),
        "{}",
        out.stdout
    );
}

#[test]
fn ten_megabyte_file() {
    let mut big = b"grouptype: 1\ngroupname: big\nwhite_users:\n".to_vec();
    while big.len() < 10 * 1024 * 1024 {
        big.extend_from_slice(b"  - someone-with-a-long-user-id\n");
    }
    let out = validate_dir(&[("big.yaml", &big)]);
    assert_eq!(out.code, 1);
    assert_no_panic(&out);
    assert!(
        out.stdout.contains("file too large: 10.0 MiB"),
        "{}",
        out.stdout
    );
}

#[test]
fn deep_nesting() {
    let flow = "a: ".to_owned() + &"[".repeat(100_000) + &"]".repeat(100_000) + "\n";
    let block: String = "grouptype: 1\ngroupname: deep\nrange:\n".to_owned()
        + &(1..500)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect::<String>();
    let out = validate_dir(&[
        ("flow.yaml", flow.as_bytes()),
        ("block.yaml", block.as_bytes()),
    ]);
    assert_eq!(out.code, 1);
    assert_no_panic(&out);
    assert!(
        out.stdout.contains("nesting deeper than 64 levels"),
        "{}",
        out.stdout
    );
}

#[test]
fn alias_bomb() {
    let mut bomb =
        String::from("grouptype: 1\ngroupname: bomb\nx0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb += &format!("x{i}: &a{i} [{}]\n", vec![format!("*a{p}"); 10].join(", "));
    }
    let out = validate_dir(&[("bomb.yaml", bomb.as_bytes())]);
    assert_eq!(out.code, 1);
    assert_no_panic(&out);
    assert!(
        out.stdout.contains("expands to more than"),
        "{}",
        out.stdout
    );
}

#[test]
fn directory_without_rule_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a rule").unwrap();
    let out = run_in(dir.path(), &["validate", "."]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("no rule files found"), "{}", out.stdout);
}

#[test]
fn path_that_does_not_exist_is_a_tool_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["validate", "no-such-folder"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("cannot read no-such-folder"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_now_is_a_tool_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["validate", ".", "--now", "tomorrow"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("invalid value 'tomorrow' for '--now <RFC3339>': not an RFC 3339 time"),
        "{}",
        out.stderr
    );
}

#[test]
fn binary_garbage() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let out = validate_dir(&[("g.yaml", &garbage), ("h.json", b"{\"a\": [1, 2,, }")]);
    assert_eq!(out.code, 1);
    assert_no_panic(&out);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = super::util::binary()
        .args(["plan", "--live", "examples/live/corp.json"])
        .current_dir(super::util::root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn symlinked_and_upper_case_rule_files_are_read_and_unreadable_ones_are_errors() {
    use std::os::unix::fs::symlink;
    let root_dir = super::util::root();
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::copy(
        root_dir.join("rules/head-office.yaml"),
        rules.join("HEAD.YAML"),
    )
    .unwrap();
    std::fs::create_dir_all(outside.path().join("stores")).unwrap();
    std::fs::copy(
        root_dir.join("rules/store-chengdu-chunxi.yaml"),
        outside.path().join("stores/store.Yml"),
    )
    .unwrap();
    std::fs::copy(
        root_dir.join("rules/sales-free.yaml"),
        outside.path().join("sales.yaml"),
    )
    .unwrap();
    symlink(outside.path().join("stores"), rules.join("stores")).unwrap();
    symlink(outside.path().join("sales.yaml"), rules.join("sales.yaml")).unwrap();
    let now = ["--now", "2026-11-21T00:00:00+08:00"];
    let out = super::util::run_in(dir.path(), &["validate", "rules", now[0], now[1]]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("3 rules in 3 files"), "{}", out.stdout);

    // A link that loops, and one that points nowhere: errors, never silence.
    symlink(&rules, rules.join("stores-again")).unwrap();
    let out = super::util::run_in(dir.path(), &["validate", "rules", now[0], now[1]]);
    assert_ne!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stderr.contains("loops back"),
        "{}{}",
        out.stdout,
        out.stderr
    );
    std::fs::remove_file(rules.join("stores-again")).unwrap();
    symlink(outside.path().join("gone.yaml"), rules.join("gone.yaml")).unwrap();
    let out = super::util::run_in(dir.path(), &["validate", "rules", now[0], now[1]]);
    assert_ne!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stderr.contains("gone.yaml"),
        "{}{}",
        out.stdout,
        out.stderr
    );
}

/// Timestamps at the ends of i64, in a rule file and in a live answer: the
/// date checks and the plan name them, never overflow (a debug build panics
/// on overflow, so this test fails if any date arithmetic can).
#[test]
fn timestamps_at_the_ends_of_the_range() {
    let rule = |begtime: i64, endtime: i64| {
        format!(
            "grouptype: free\ngroupname: 端点\nspe_offdays:\n  - type: 1\n    begtime: {begtime}\n    endtime: {endtime}\n    notes: x\n"
        )
    };
    let out = validate_dir(&[
        ("max.yaml", rule(i64::MAX, i64::MAX).as_bytes()),
        (
            "min.yaml",
            rule(i64::MIN, i64::MIN).replace("端点", "端点2").as_bytes(),
        ),
    ]);
    assert_no_panic(&out);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("invalid specailday begtime"),
        "{}",
        out.stdout
    );

    let mut live: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(super::util::root().join("examples/live/corp.json")).unwrap(),
    )
    .unwrap();
    live["group"][0]["spe_offdays"] = serde_json::json!([
        {"type": 1, "begtime": i64::MAX, "endtime": i64::MIN, "notes": "x"},
        {"timestamp": i64::MIN, "notes": "y"}
    ]);
    live["group"][0]["create_time"] = serde_json::json!(i64::MAX);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    std::fs::write(&path, live.to_string()).unwrap();
    for format in ["text", "markdown", "json"] {
        let out = super::util::run(&[
            "plan",
            "rules",
            "--live",
            path.to_str().unwrap(),
            "--format",
            format,
        ]);
        assert_no_panic(&out);
        assert!(
            matches!(out.code, 0 | 1),
            "{format}: {}{}",
            out.stdout,
            out.stderr
        );
    }
}
