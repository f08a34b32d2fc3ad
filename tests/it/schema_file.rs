//! The checked-in JSON Schema is what this version generates.

use super::util::{root, run};

#[test]
fn checked_in_schema_is_current() {
    let have = std::fs::read_to_string(root().join(wecom_checkin::schema::SCHEMA_PATH)).unwrap();
    let want = wecom_checkin::schema::generate_text();
    if have != want && std::env::var_os("WECOM_CHECKIN_UPDATE_SCHEMA").is_some() {
        std::fs::write(root().join(wecom_checkin::schema::SCHEMA_PATH), &want).unwrap();
        return;
    }
    assert!(
        have == want,
        "schema/checkin-rule.schema.json is stale: run `cargo run -- schema` (or set WECOM_CHECKIN_UPDATE_SCHEMA=1) and commit it"
    );
}

#[test]
fn schema_check_command() {
    let ok = run(&["schema", "--check"]);
    assert_eq!(ok.code, 0, "{}", ok.stdout);
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join("s.json");
    std::fs::write(&stale, "{}").unwrap();
    let out = run(&["schema", "--check", "--out", stale.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("is stale"), "{}", out.stdout);
    // A missing file is said to be missing; one that cannot be read is an error.
    let missing = dir.path().join("none.json");
    let out = run(&["schema", "--check", "--out", missing.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("none.json is missing"),
        "{}",
        out.stdout
    );
    let out = run(&["schema", "--check", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("cannot read"), "{}", out.stderr);
    let written = run(&["schema", "--out", stale.to_str().unwrap()]);
    assert_eq!(written.code, 0);
    assert_eq!(
        run(&["schema", "--check", "--out", stale.to_str().unwrap()]).code,
        0
    );
}
