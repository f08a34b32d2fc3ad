//! `emulate` and `pull` as a user runs them: real processes, real HTTP.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use super::util::root;

struct Running {
    child: Child,
    base: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `wecom-checkin emulate --listen 127.0.0.1:0 ARGS`, and the address it prints.
fn emulate(args: &[&str]) -> Running {
    let mut child = super::util::binary()
        .args(["emulate", "--listen", "127.0.0.1:0"])
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let base = first.rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{first}");
    std::thread::spawn(move || lines.for_each(drop));
    Running { child, base }
}

fn pull(base: &str, env: &[(&str, &str)], args: &[&str]) -> super::util::Output {
    let mut cmd = super::util::binary();
    cmd.arg("pull")
        .args(args)
        .current_dir(root())
        .env("WECOM_API_BASE", base);
    for var in ["WECOM_CORPID", "WECOM_CORPSECRET", "WECOM_ACCESS_TOKEN"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    super::util::Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const CREDS: [(&str, &str); 2] = [
    ("WECOM_CORPID", "emulator-corp"),
    ("WECOM_CORPSECRET", "emulator-secret"),
];

#[test]
fn pull_from_an_emulator_seeded_with_a_fixture() {
    let emu = emulate(&[
        "--state",
        "tests/fixtures/live/doc93384-v2023-getcorpcheckinoption.json",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("live.json");
    let out = pull(&emu.base, &CREDS, &["--out", out_file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("saved 1 live rule to"),
        "{}",
        out.stderr
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(saved["group"][0]["groupid"], 69);
    assert_eq!(saved["group"][0]["groupname"], "打卡规则1");
    // What pull saved seeds another emulator: the same rules come back.
    let again = emulate(&["--state", out_file.to_str().unwrap()]);
    let out = pull(&again.base, &CREDS, &[]);
    let resaved: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        resaved["group"][0]["checkindate"],
        saved["group"][0]["checkindate"]
    );
}

/// -v logs each request (endpoint, errcode, duration) and nothing secret;
/// -q drops the "saved" note; without either, the note is there and no log.
#[test]
fn verbose_logs_each_request_and_quiet_only_the_output() {
    let emu = emulate(&[
        "--state",
        "tests/fixtures/live/doc93384-v2023-getcorpcheckinoption.json",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("live.json");
    let out_arg = out_file.to_str().unwrap();

    let verbose = pull(&emu.base, &CREDS, &["-v", "--out", out_arg]);
    assert_eq!(verbose.code, 0, "{}", verbose.stderr);
    let log: Vec<&str> = verbose
        .stderr
        .lines()
        .filter(|l| l.starts_with("request: "))
        .collect();
    assert_eq!(log.len(), 2, "{}", verbose.stderr);
    assert!(
        log[0].starts_with("request: gettoken → errcode 0 ("),
        "{}",
        log[0]
    );
    assert!(
        log[1].starts_with("request: getcorpcheckinoption → errcode 0 (")
            && log[1].ends_with(" ms)"),
        "{}",
        log[1]
    );
    for secret in ["emulator-secret", "emu-token", "access_token", "corpsecret"] {
        assert!(
            !verbose.stderr.contains(secret),
            "{secret} in: {}",
            verbose.stderr
        );
    }
    assert!(verbose.stderr.contains("saved 1 live rule to"));

    let quiet = pull(&emu.base, &CREDS, &["-q", "--out", out_arg]);
    assert_eq!(quiet.code, 0, "{}", quiet.stderr);
    assert_eq!(quiet.stderr, "", "-q: nothing but problems");

    let normal = pull(&emu.base, &CREDS, &["--out", out_arg]);
    assert!(!normal.stderr.contains("request: "), "{}", normal.stderr);
    assert!(normal.stderr.contains("saved 1 live rule to"));

    // A request that gets no answer is logged too, with why.
    let closed = pull("http://127.0.0.1:1", &CREDS, &["-v", "--attempts", "1"]);
    assert_eq!(closed.code, 1);
    assert!(
        closed
            .stderr
            .contains("request: gettoken → no usable answer: "),
        "{}",
        closed.stderr
    );

    // validate -q: nothing when clean.
    let clean = super::util::run(&["validate", "-q", "rules"]);
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""));
}

#[test]
fn the_emulator_stops_cleanly_on_ctrl_c() {
    let mut emu = emulate(&[]);
    let pid = emu.child.id().to_string();
    Command::new("kill").args(["-INT", &pid]).status().unwrap();
    let status = emu.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn secrets_appear_in_no_output_of_failing_runs() {
    let secret = "emulator-secret";
    let token_prefix = "emu-token";
    let faulty = emulate(&[
        "--fault",
        "getcorpcheckinoption=dropx1",
        "--fault",
        "getcorpcheckinoption=http500x100",
    ]);
    let clean = emulate(&[]);
    let mut outputs = vec![
        // A dropped connection, then a persistent 500.
        pull(&faulty.base, &CREDS, &["--attempts", "3"]),
        // A wrong secret.
        pull(
            &clean.base,
            &[
                ("WECOM_CORPID", "emulator-corp"),
                ("WECOM_CORPSECRET", "wrong-secret-1234"),
            ],
            &[],
        ),
        // A ready token the server does not know, and the same token against a closed port.
        pull(
            &clean.base,
            &[("WECOM_ACCESS_TOKEN", "ready-token-5678")],
            &[],
        ),
        pull(
            "http://127.0.0.1:1",
            &[("WECOM_ACCESS_TOKEN", "ready-token-5678")],
            &["--attempts", "2"],
        ),
    ];
    outputs.push(super::util::run(&["pull", "--help"]));
    for (i, out) in outputs.iter().enumerate() {
        let all = format!("{}{}", out.stdout, out.stderr);
        for needle in [
            secret,
            token_prefix,
            "wrong-secret-1234",
            "ready-token-5678",
            "access_token=",
        ] {
            assert!(!all.contains(needle), "run {i} printed {needle:?}:\n{all}");
        }
    }
    assert_eq!(outputs[0].code, 1, "{}", outputs[0].stderr);
    assert!(
        outputs[0].stderr.contains("HTTP status 500"),
        "{}",
        outputs[0].stderr
    );
    assert!(
        outputs[1].stderr.contains("errcode 40001"),
        "{}",
        outputs[1].stderr
    );
    assert!(
        outputs[2].stderr.contains("errcode 40014"),
        "{}",
        outputs[2].stderr
    );
    assert!(
        outputs[3].stderr.contains("could not connect"),
        "{}",
        outputs[3].stderr
    );
}

#[test]
fn missing_credentials_say_where_to_get_them() {
    let out = pull("http://127.0.0.1:1", &[], &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("WECOM_CORPID") && out.stderr.contains("打卡 → 可调用接口的应用"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_malformed_api_base_fails_at_once_naming_the_variable() {
    for (base, said) in [
        ("127.0.0.1:8089", "needs http:// or https:// in front"),
        ("qyapi.weixin.qq.com", "it has no scheme"),
        ("ftp://example.com", "not http or https"),
        ("http://admin:hunter2@127.0.0.1:1", "user name or password"),
    ] {
        let started = std::time::Instant::now();
        let out = pull(
            base,
            &[],
            &["--corpid", "c", "--corpsecret", "emulator-secret"],
        );
        assert_eq!(out.code, 1, "{base}: {}", out.stderr);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{base}: retried"
        );
        assert!(
            out.stderr.contains("WECOM_API_BASE") && out.stderr.contains(said),
            "{base}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("hunter2"), "{}", out.stderr);
    }
}

#[test]
fn one_retry_budget_per_call_gettoken_included_and_each_retry_is_said() {
    use wecom_checkin::client::Endpoint;
    use wecom_checkin::emulator::{Emulator, Fault};
    let rt = super::util::runtime();
    let emu = Emulator::new(wecom_checkin::emulator::Config::default());
    emu.inject(Endpoint::GetToken, Fault::Errcode(-1), 100);
    let (addr, _) = rt.block_on(emu.clone().spawn()).unwrap();
    let out = pull(
        &format!("http://{addr}"),
        &[
            ("WECOM_CORPID", "emulator-corp"),
            ("WECOM_CORPSECRET", "emulator-secret"),
        ],
        &["--attempts", "3", "--retry-wait-ms", "20"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    // --retry-wait-ms sets the first wait (the default 500 ms would say 0.5 s or more).
    assert!(
        out.stderr.contains("after attempt 1/3: ") && out.stderr.contains("next attempt in 0.0 s"),
        "{}",
        out.stderr
    );
    let calls = emu
        .call_counts()
        .get(&Endpoint::GetToken)
        .copied()
        .unwrap_or(0);
    assert_eq!(calls, 3, "3 attempts in all, gettoken included");
    let retries = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("retrying getcorpcheckinoption after attempt"))
        .count();
    assert_eq!(retries, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("attempt 1/3") && out.stderr.contains("next attempt in"),
        "{}",
        out.stderr
    );
}

#[test]
fn https_to_a_plain_http_port_is_an_error_with_a_message_not_a_silent_death() {
    let rt = super::util::runtime();
    let emu = wecom_checkin::emulator::Emulator::new(wecom_checkin::emulator::Config::default());
    let (addr, _) = rt.block_on(emu.spawn()).unwrap();
    let out = pull(&format!("https://{addr}"), &CREDS, &["--attempts", "1"]);
    assert_eq!(out.code, 1, "not killed by SIGPIPE: {}", out.stderr);
    assert!(
        out.stderr.contains("check WECOM_API_BASE's scheme"),
        "{}",
        out.stderr
    );
}

/// docs/cli.md is the `--help` of every command: it cannot drift from the
/// binary (the README's command table points to it).
#[test]
fn cli_reference() {
    let want = wecom_checkin::cli::reference();
    super::util::assert_doc_current("docs/cli.md", &want, "cli_reference");
    for command in [
        "validate",
        "plan",
        "apply",
        "import",
        "pull",
        "emulate",
        "completions",
        "man",
    ] {
        assert!(
            want.contains(&format!("## wecom-checkin {command}\n")),
            "{command}"
        );
    }
    assert!(
        !want.contains("WECOM_API_BASE=]"),
        "no environment value in the reference"
    );
}

/// Only apply writes rules, so only apply takes a write rate: a read-only
/// command given one is a usage error (exit 1), not a silently ignored flag.
#[test]
fn write_rates_are_for_apply_only() {
    for command in ["plan", "pull", "import", "explain"] {
        let out = super::util::run(&[command, "--write-rate-limit", "5"]);
        assert_eq!(out.code, 1, "{command}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("unexpected argument '--write-rate-limit'"),
            "{command}: {}",
            out.stderr
        );
    }
    let help = super::util::run(&["apply", "--help"]);
    assert!(help.stdout.contains("--write-rate-limit <PER_MINUTE>"));
}

#[test]
fn version_completions_and_man_pages() {
    let out = super::util::run(&["--version"]);
    assert_eq!(out.code, 0);
    let version = out.stdout.trim();
    assert!(
        version.starts_with(&format!("wecom-checkin {} (", env!("CARGO_PKG_VERSION")))
            && version.ends_with(')'),
        "the version names its commit and date: {version}"
    );
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = super::util::run(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(
            out.stdout.contains("validate") && out.stdout.contains("--reviewed"),
            "{shell}"
        );
    }
    let bad = super::util::run(&["completions", "tcsh"]);
    assert_eq!(
        bad.code, 1,
        "a shell it cannot do is a usage error: {}",
        bad.stderr
    );
    // bash can load what it printed.
    let script = super::util::run(&["completions", "bash"]).stdout;
    let status = std::process::Command::new("bash")
        .args(["-c", &format!("{script}\ncomplete -p wecom-checkin")])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let out = super::util::run(&["man", dir.path().to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let plan = std::fs::read_to_string(dir.path().join("wecom-checkin-plan.1")).unwrap();
    assert!(
        plan.starts_with(".ie") || plan.contains(".TH wecom-checkin-plan"),
        "{plan}"
    );
    assert!(plan.contains("detailed\\-exitcode"), "the flags are in it");
    // wecom-checkin.1 and one per command.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 11);
}

#[test]
fn color_is_asked_for_or_not() {
    let args = |c: &'static str| ["plan", "--live", "examples/live/corp.json", "--color", c];
    let always = super::util::run(&args("always"));
    assert!(
        always.stdout.contains("\x1b[33m~ update"),
        "{}",
        always.stdout
    );
    for quiet in ["never", "auto"] {
        // auto: the test's stdout is a pipe, not a terminal.
        let out = super::util::run(&args(quiet));
        assert_eq!(out.code, 0);
        assert!(!out.stdout.contains('\x1b'), "{quiet}: {}", out.stdout);
    }
    // A global flag: before the command too.
    let before = super::util::run(&["--color", "always", "validate", "rules"]);
    assert_eq!(before.code, 0, "{}", before.stderr);
}

/// The API's failures in Chinese: the errcode and the server's errmsg as
/// sent, the tool's words and hints in Chinese (`-v` request lines too).
#[test]
fn api_failures_in_chinese() {
    let clean = emulate(&[]);
    let wrong = pull(
        &clean.base,
        &[
            ("WECOM_CORPID", "emulator-corp"),
            ("WECOM_CORPSECRET", "wrong-secret-1234"),
        ],
        &["--lang", "zh-CN", "-v"],
    );
    assert_eq!(wrong.code, 1, "{}", wrong.stderr);
    for said in [
        "errcode 40001",
        "建议：corpid 或 corpsecret 不对",
        "请求：gettoken → ",
    ] {
        assert!(wrong.stderr.contains(said), "{said}:\n{}", wrong.stderr);
    }
    let closed = pull(
        "http://127.0.0.1:1",
        &[("WECOM_ACCESS_TOKEN", "ready-token-5678")],
        &["--attempts", "2", "--lang", "zh-CN"],
    );
    assert_eq!(closed.code, 1, "{}", closed.stderr);
    for said in [
        "无法连接",
        "第 1/2 次调用 getcorpcheckinoption 失败，重试：",
    ] {
        assert!(closed.stderr.contains(said), "{said}:\n{}", closed.stderr);
    }
    for english in [
        "help:",
        "could not connect",
        "request:",
        "cannot",
        "retrying",
    ] {
        let both = format!("{}{}", wrong.stderr, closed.stderr);
        assert!(!both.contains(english), "{english:?} in\n{both}");
    }
}
