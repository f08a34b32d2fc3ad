//! The GitHub Action's install step (action.yml → scripts/install.sh) run as
//! the runner runs it, against a release archive packed here by
//! scripts/package.sh (as the release workflow packs it) and served over HTTP
//! on loopback: the installed binary answers `--version`; a tampered archive,
//! a missing release and a server error each fail, or fall back, as said.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use wecom_checkin::load::yaml;

use super::util::root;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The release target install.sh picks on this machine.
fn host_target() -> Option<&'static str> {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => Some("x86_64-unknown-linux-musl"),
        ("linux", "aarch64") => Some("aarch64-unknown-linux-musl"),
        ("macos", "x86_64") => Some("x86_64-apple-darwin"),
        ("macos", "aarch64") => Some("aarch64-apple-darwin"),
        _ => None,
    }
}

/// A static file server on loopback: GET /PATH answers the file under `dir`,
/// 404 when there is none, 500 for any path under /broken/. Records each path.
struct Server {
    base: String,
    seen: Arc<Mutex<Vec<String>>>,
}

fn serve(dir: PathBuf) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // The rest of the head, up to the blank line.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = line.split(' ').nth(1).unwrap_or("/").to_owned();
            log.lock().unwrap().push(path.clone());
            let file = dir.join(path.trim_start_matches('/'));
            let (status, body) = if path.starts_with("/broken/") {
                ("500 Internal Server Error", b"down".to_vec())
            } else if let Ok(body) = std::fs::read(&file) {
                ("200 OK", body)
            } else {
                ("404 Not Found", b"not found".to_vec())
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    Server { base, seen }
}

/// The action's steps, as written in action.yml.
fn action_steps() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let doc = yaml::parse(&text).unwrap().remove(0).value.into_value();
    doc.pointer("/runs/steps")
        .and_then(Value::as_array)
        .expect("action.yml has runs.steps")
        .clone()
}

/// The step with this id.
fn step(id: &str) -> Value {
    action_steps()
        .into_iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("action.yml has no step {id}"))
}

/// `${{ expr }}` replaced by `values[expr]`; an expression the test does not
/// know fails the test, so a new one in action.yml is tested or noticed.
fn substitute(text: &str, values: &BTreeMap<&str, String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").expect("closed expression") + start;
        let expr = rest[start + 3..end].trim();
        out.push_str(
            values
                .get(expr)
                .unwrap_or_else(|| panic!("action.yml uses ${{{{ {expr} }}}}: teach the test")),
        );
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

struct Run {
    code: i32,
    stderr: String,
    outputs: BTreeMap<String, String>,
    path_added: String,
}

/// A GitHub runner's view: a temp dir, GITHUB_OUTPUT and GITHUB_PATH files,
/// the action checked out at GITHUB_ACTION_PATH (this repository).
struct Runner {
    temp: tempfile::TempDir,
    inputs: BTreeMap<&'static str, String>,
    /// Prepended to PATH (stand-ins for cargo).
    path_prefix: Option<PathBuf>,
}

impl Runner {
    fn new(releases: &str) -> Self {
        let mut inputs = BTreeMap::new();
        for (name, input) in step_inputs() {
            inputs.insert(name, input);
        }
        inputs.insert("releases-url", releases.to_owned());
        Runner {
            temp: tempfile::tempdir().unwrap(),
            inputs,
            path_prefix: None,
        }
    }

    fn bin_dir(&self) -> PathBuf {
        self.temp.path().join("wecom-checkin/bin")
    }

    /// Runs the action's step `id` as the runner would (`shell: bash` is
    /// `bash --noprofile --norc -eo pipefail {0}`).
    fn run_step(&self, id: &str, outputs: &BTreeMap<String, String>) -> Run {
        let step = step(id);
        assert_eq!(step["shell"], "bash", "{id}: the test runs bash steps");
        let mut values: BTreeMap<&str, String> = BTreeMap::new();
        for (name, value) in &self.inputs {
            values.insert(leak(format!("inputs.{name}")), value.clone());
        }
        values.insert("runner.temp", self.temp.path().display().to_string());
        for (name, value) in outputs {
            values.insert(leak(format!("steps.install.outputs.{name}")), value.clone());
        }
        let script = self.temp.path().join(format!("{id}.sh"));
        std::fs::write(&script, substitute(step["run"].as_str().unwrap(), &values)).unwrap();
        let output_file = self.temp.path().join(format!("{id}.output"));
        let path_file = self.temp.path().join(format!("{id}.path"));
        std::fs::write(&output_file, "").unwrap();
        std::fs::write(&path_file, "").unwrap();
        let mut command = Command::new("bash");
        command
            .args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script)
            .env("GITHUB_ACTION_PATH", root())
            .env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_PATH", &path_file)
            .env("HOME", self.temp.path())
            .env_remove("GITHUB_ACTION_REPOSITORY");
        if let Some(prefix) = &self.path_prefix {
            let path = std::env::var("PATH").unwrap_or_default();
            command.env("PATH", format!("{}:{path}", prefix.display()));
        }
        for (name, value) in step["env"].as_object().into_iter().flatten() {
            command.env(name, substitute(value.as_str().unwrap(), &values));
        }
        let out = command.output().unwrap();
        let outputs = std::fs::read_to_string(&output_file)
            .unwrap()
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Run {
            code: out.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            outputs,
            path_added: std::fs::read_to_string(&path_file).unwrap(),
        }
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Each input of action.yml with its default.
fn step_inputs() -> Vec<(&'static str, String)> {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let doc = yaml::parse(&text).unwrap().remove(0).value.into_value();
    doc["inputs"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, input)| {
            let default = input["default"].as_str().unwrap_or_default().to_owned();
            (leak(name.clone()), default)
        })
        .collect()
}

/// Packs `binary` as the release archive for `version` under
/// `releases/v<version>/`, with scripts/package.sh.
fn pack(binary: &Path, releases: &Path, version: &str, target: &str) -> PathBuf {
    let out = releases.join(format!("v{version}"));
    let status = Command::new("bash")
        .arg(root().join("scripts/package.sh"))
        .arg(binary)
        .args([target, version])
        .arg(&out)
        // A test build is larger than the shipped one; the limit is the
        // release workflow's to enforce.
        .env("WECOM_CHECKIN_MAX_BYTES", "1000000000")
        .status()
        .unwrap();
    assert!(status.success(), "package.sh packs the binary");
    out.join(format!("wecom-checkin-v{version}-{target}.tar.gz"))
}

/// This build's binary (stripped, when strip is at hand: packing 200 MB of
/// debug information takes seconds) packed once for the tests to copy.
fn packed(target: &str) -> &'static Path {
    static PACKED: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    PACKED
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let mut binary = PathBuf::from(env!("CARGO_BIN_EXE_wecom-checkin"));
            let stripped = dir.path().join("wecom-checkin");
            if Command::new("strip")
                .arg("-o")
                .arg(&stripped)
                .arg(&binary)
                .status()
                .is_ok_and(|s| s.success())
            {
                binary = stripped;
            }
            pack(&binary, &dir.path().join("releases"), VERSION, target);
            dir
        })
        .path()
}

/// A releases folder of this test's own, holding this build as v`VERSION`.
fn releases_with_this_build(target: &str) -> (tempfile::TempDir, PathBuf) {
    let releases = tempfile::tempdir().unwrap();
    let from = packed(target).join("releases").join(format!("v{VERSION}"));
    let to = releases.path().join(format!("v{VERSION}"));
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(&from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
    let archive = to.join(format!("wecom-checkin-v{VERSION}-{target}.tar.gz"));
    (releases, archive)
}

#[test]
fn the_action_installs_the_release_for_the_runner_and_checks_it() {
    let Some(target) = host_target() else { return };
    let (releases, archive) = releases_with_this_build(target);
    let server = serve(releases.path().to_owned());
    let runner = Runner::new(&server.base);

    let run = runner.run_step("install", &BTreeMap::new());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("SHA-256 checked"), "{}", run.stderr);
    assert_eq!(run.outputs["version"], VERSION);
    assert_eq!(run.outputs["from-source"], "false");
    assert_eq!(
        run.path_added.trim(),
        runner.bin_dir().display().to_string()
    );
    let installed = runner.bin_dir().join("wecom-checkin");
    assert_eq!(run.outputs["path"], installed.display().to_string());
    let version = Command::new(&installed).arg("--version").output().unwrap();
    let version = String::from_utf8(version.stdout).unwrap();
    assert!(
        version.starts_with(&format!("wecom-checkin {VERSION} (")),
        "{version}"
    );
    let name = archive.file_name().unwrap().to_str().unwrap();
    assert_eq!(
        *server.seen.lock().unwrap(),
        [
            format!("/v{VERSION}/{name}.sha256"),
            format!("/v{VERSION}/{name}")
        ]
    );
}

#[test]
fn a_tampered_archive_installs_nothing_and_builds_nothing() {
    let Some(target) = host_target() else { return };
    let (releases, archive) = releases_with_this_build(target);
    let mut bytes = std::fs::read(&archive).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&archive, bytes).unwrap();
    let server = serve(releases.path().to_owned());
    let mut runner = Runner::new(&server.base);
    let cargo_log = stub_cargo(&mut runner);

    let run = runner.run_step("install", &BTreeMap::new());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the download is not the release; nothing was installed"),
        "{}",
        run.stderr
    );
    assert!(!runner.bin_dir().join("wecom-checkin").exists());
    assert_eq!(run.outputs.get("from-source"), None);
    assert!(
        !cargo_log.exists(),
        "a bad checksum never falls back to a build"
    );
}

/// A `cargo` on PATH that records its arguments and "installs" this build's
/// binary where `cargo install --root R` would.
fn stub_cargo(runner: &mut Runner) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = runner.temp.path().join("stubs");
    std::fs::create_dir_all(&dir).unwrap();
    let log = runner.temp.path().join("cargo.args");
    let script = format!(
        "#!/bin/bash\necho \"$*\" >> '{log}'\nwhile [ $# -gt 0 ]; do [ \"$1\" = --root ] && root=$2; shift; done\nmkdir -p \"$root/bin\" && cp '{bin}' \"$root/bin/wecom-checkin\"\n",
        log = log.display(),
        bin = env!("CARGO_BIN_EXE_wecom-checkin"),
    );
    let cargo = dir.join("cargo");
    std::fs::write(&cargo, script).unwrap();
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    runner.path_prefix = Some(dir);
    log
}

#[test]
fn with_no_release_for_the_version_the_action_builds_from_source() {
    let releases = tempfile::tempdir().unwrap();
    let server = serve(releases.path().to_owned());
    let mut runner = Runner::new(&server.base);
    let cargo_log = stub_cargo(&mut runner);

    let run = runner.run_step("install", &BTreeMap::new());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("there is no release archive")
            && run.stderr.contains("building from source instead"),
        "{}",
        run.stderr
    );
    assert_eq!(run.outputs["from-source"], "true");
    assert!(
        !cargo_log.exists(),
        "the install step leaves the build to the build step"
    );

    let build = runner.run_step("build", &run.outputs);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let args = std::fs::read_to_string(&cargo_log).unwrap();
    assert_eq!(
        args.trim(),
        format!(
            "install --locked --path {} --root {} --bin wecom-checkin",
            root().display(),
            runner.temp.path().join("wecom-checkin").display()
        )
    );
    assert_eq!(
        build.outputs["path"],
        runner.bin_dir().join("wecom-checkin").display().to_string()
    );
    assert_eq!(
        build.path_added.trim(),
        runner.bin_dir().display().to_string()
    );

    // from-source: never fails instead, and says so.
    runner.inputs.insert("from-source", "never".into());
    let never = runner.run_step("install", &BTreeMap::new());
    assert_eq!(never.code, 1, "{}", never.stderr);
    assert!(
        never.stderr.contains("WECOM_CHECKIN_FROM_SOURCE=never"),
        "{}",
        never.stderr
    );
}

#[test]
fn a_server_error_fails_without_building() {
    let releases = tempfile::tempdir().unwrap();
    let server = serve(releases.path().to_owned());
    let mut runner = Runner::new(&format!("{}/broken", server.base));
    let cargo_log = stub_cargo(&mut runner);

    let run = runner.run_step("install", &BTreeMap::new());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error: 500"), "{}", run.stderr);
    assert!(
        run.stderr.contains("retry, or set WECOM_CHECKIN_RELEASES"),
        "{}",
        run.stderr
    );
    assert_eq!(run.outputs.get("from-source"), None);
    assert!(!cargo_log.exists());
}

#[test]
fn a_binary_that_is_not_the_version_asked_for_is_refused() {
    let Some(target) = host_target() else { return };
    let releases = tempfile::tempdir().unwrap();
    // A binary that answers as this build does, packed as if it were v9.9.9.
    let binary = releases.path().join("wecom-checkin");
    std::fs::write(
        &binary,
        format!("#!/bin/sh\necho 'wecom-checkin {VERSION} (test)'\n"),
    )
    .unwrap();
    pack(&binary, releases.path(), "9.9.9", target);
    let server = serve(releases.path().to_owned());
    let mut runner = Runner::new(&server.base);
    runner.inputs.insert("version", "9.9.9".into());

    let run = runner.run_step("install", &BTreeMap::new());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("not version 9.9.9: nothing was installed"),
        "{}",
        run.stderr
    );
    assert_eq!(run.path_added, "", "nothing was put on PATH");
    assert!(!runner.bin_dir().join("wecom-checkin").exists());
}

#[test]
fn the_action_runs_its_command_through_the_environment() {
    let steps = action_steps();
    let args_step = steps
        .iter()
        .find(|s| s["if"] == "inputs.args != ''")
        .expect("a step runs inputs.args");
    let run = args_step["run"].as_str().unwrap();
    assert!(
        !run.contains("${{"),
        "no expression is spliced into the script: {run}"
    );
    assert_eq!(args_step["env"]["WECOM_CHECKIN_ARGS"], "${{ inputs.args }}");
}

/// The release workflow builds, for every machine install.sh knows, the
/// archive it asks for: same targets, packed by scripts/package.sh.
#[test]
fn the_release_builds_what_the_install_script_downloads() {
    let text = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    let doc = yaml::parse(&text).unwrap().remove(0).value.into_value();
    let mut built: Vec<&str> = doc
        .pointer("/jobs/build/strategy/matrix/include")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|m| m["target"].as_str().unwrap())
        .collect();
    built.sort();
    assert_eq!(
        built,
        [
            "aarch64-apple-darwin",
            "aarch64-unknown-linux-musl",
            "x86_64-apple-darwin",
            "x86_64-pc-windows-msvc",
            "x86_64-unknown-linux-musl",
        ]
    );
    let script = std::fs::read_to_string(root().join("scripts/install.sh")).unwrap();
    for pattern in [
        "target=\"$arch-unknown-linux-musl\"",
        "target=\"$arch-apple-darwin\"",
        "target=\"$arch-pc-windows-msvc\"",
    ] {
        assert!(script.contains(pattern), "install.sh picks {pattern}");
    }
    assert!(
        text.contains("bash scripts/package.sh \"$bin\" ${{ matrix.target }} \"$VERSION\" dist")
    );
    assert!(text.contains("cargo build --locked --profile dist"));
    if let Some(target) = host_target() {
        assert!(built.contains(&target));
    }
}

/// install.sh as the release ships it (GitLab's way in): alone in a folder,
/// beside another project's Cargo.toml. Without a version it says to set
/// one; with WECOM_CHECKIN_VERSION it installs that release.
#[test]
fn the_script_alone_installs_the_version_it_is_given() {
    let Some(target) = host_target() else { return };
    let (releases, _) = releases_with_this_build(target);
    let server = serve(releases.path().to_owned());
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("Cargo.toml"),
        "[package]\nname = \"other\"\nversion = \"9.9.9\"\n",
    )
    .unwrap();
    let dir = work.path().join("ci");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(root().join("scripts/install.sh"), dir.join("install.sh")).unwrap();
    let run = |version: Option<&str>| {
        let mut command = Command::new("bash");
        command
            .arg("install.sh")
            .current_dir(&dir)
            .env("HOME", work.path())
            .env("WECOM_CHECKIN_RELEASES", &server.base)
            .env_remove("GITHUB_OUTPUT")
            .env_remove("GITHUB_PATH")
            .env_remove("GITHUB_ACTION_PATH");
        match version {
            Some(v) => command.env("WECOM_CHECKIN_VERSION", v),
            None => command.env_remove("WECOM_CHECKIN_VERSION"),
        };
        command.output().unwrap()
    };
    let without = run(None);
    assert_eq!(without.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&without.stderr)
            .contains("this script is not in a wecom-checkin checkout: set WECOM_CHECKIN_VERSION"),
        "{}",
        String::from_utf8_lossy(&without.stderr)
    );
    let with = run(Some(VERSION));
    assert_eq!(
        with.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&with.stderr)
    );
    assert!(
        work.path()
            .join(".wecom-checkin/bin/wecom-checkin")
            .is_file()
    );
}
