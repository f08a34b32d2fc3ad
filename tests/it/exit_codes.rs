//! The exit-status contract, one per command: 0 done, 1 anything failed
//! (invalid input or flags, the API or the network, a refusal), 2 only for
//! `plan --detailed-exitcode` with changes to make. A drift job must be able
//! to tell an outage or an expired secret from drift.

use std::process::Stdio;

use super::util::root;

const NOW: [&str; 2] = ["--now", "2026-11-21T00:00:00+08:00"];

/// Runs the binary from the repository root against `base` (a closed port
/// unless said otherwise), with credentials, one attempt per call.
fn run(args: &[&str], base: &str) -> i32 {
    super::util::binary()
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("WECOM_API_BASE", base)
        .env("WECOM_CORPID", "emulator-corp")
        .env("WECOM_CORPSECRET", "emulator-secret")
        .env_remove("WECOM_ACCESS_TOKEN")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .code()
        .unwrap_or(-1)
}

const CLOSED: &str = "http://127.0.0.1:1";

#[test]
fn every_command_keeps_the_exit_status_contract() {
    let live = "examples/live/corp.json";
    let cases: &[(&[&str], i32, &str)] = &[
        (&["--help"], 0, "help"),
        (&["--version"], 0, "version"),
        (&["no-such-command"], 1, "unknown command"),
        (&["validate", "rules", NOW[0], NOW[1]], 0, "valid rules"),
        (
            &["validate", "tests/fixtures/load-errors/wrong-types.yaml"],
            1,
            "invalid rules",
        ),
        (
            &["validate", "no-such-folder"],
            1,
            "a path that does not exist",
        ),
        (&["validate", "--format", "yaml"], 1, "a bad flag value"),
        (&["schema", "--check"], 0, "schema current"),
        (&["schema", "--bogus"], 1, "a bad flag"),
        (
            &[
                "plan",
                "rules",
                "--live",
                "examples/live/corp.json",
                NOW[0],
                NOW[1],
            ],
            0,
            "plan with changes, no flag",
        ),
        (
            &[
                "plan",
                "rules",
                "--live",
                live,
                "--detailed-exitcode",
                NOW[0],
                NOW[1],
            ],
            2,
            "changes to make",
        ),
        (
            &[
                "plan",
                "rules",
                "--detailed-exitcode",
                "--attempts",
                "1",
                NOW[0],
                NOW[1],
            ],
            1,
            "the API is down, under --detailed-exitcode",
        ),
        (
            &["plan", "rules", "--attempts", "1", NOW[0], NOW[1]],
            1,
            "the API is down",
        ),
        (
            &["plan", "--detailed-exitcode", "--bogus"],
            1,
            "a bad flag under --detailed-exitcode",
        ),
        (
            &[
                "plan",
                "tests/fixtures/load-errors/wrong-types.yaml",
                "--live",
                live,
                "--detailed-exitcode",
            ],
            1,
            "invalid rules under --detailed-exitcode",
        ),
        (
            &[
                "apply",
                "rules",
                "--auto-approve",
                "--attempts",
                "1",
                NOW[0],
                NOW[1],
            ],
            1,
            "apply: the API is down",
        ),
        (&["apply", "--bogus"], 1, "apply: a bad flag"),
        (
            &[
                "import",
                "--out",
                "target/exit-code-import",
                "--attempts",
                "1",
            ],
            1,
            "import: the API is down",
        ),
        (&["pull", "--attempts", "1"], 1, "pull: the API is down"),
        (
            &["emulate", "--token-ttl", "soon"],
            1,
            "emulate: a bad flag value",
        ),
    ];
    let mut wrong = Vec::new();
    for (args, want, what) in cases {
        let got = run(args, CLOSED);
        if got != *want {
            wrong.push(format!(
                "{what}: `wecom-checkin {}` exited {got}, want {want}",
                args.join(" ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_exit_status_contract_is_in_the_help() {
    for cmd in [
        &["--help"][..],
        &["plan", "--help"],
        &["apply", "--help"],
        &["validate", "--help"],
        &["import", "--help"],
        &["pull", "--help"],
    ] {
        let out = super::util::binary().args(cmd).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("2  only with plan --detailed-exitcode: changes to make"),
            "{cmd:?}:\n{text}"
        );
    }
}
