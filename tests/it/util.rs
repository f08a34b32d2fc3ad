//! Running the real binary, as a user would, from the repository root.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Output {
    fn from(out: std::process::Output) -> Self {
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// A runtime for an emulator that a test's commands call on loopback.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, with the language pinned to English whatever the machine's
/// LANG (zh_* would make it Chinese): snapshots are in one language each.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wecom-checkin"));
    command
        .env("LC_ALL", "C")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}

/// Runs `wecom-checkin ARGS` in `dir` with colour off.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    let out = binary()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("WECOM_CORPID")
        .env_remove("WECOM_CORPSECRET")
        .env_remove("WECOM_ACCESS_TOKEN")
        .output()
        .expect("the binary runs");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `wecom-checkin ARGS` from the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

/// Every shipped rule file: rules/ and examples/rules/.
pub fn shipped_rule_files() -> Vec<PathBuf> {
    wecom_checkin::load::discover(&[root().join("rules"), root().join("examples/rules")])
        .expect("shipped folders exist")
}

/// A generated doc must equal `want`; WECOM_CHECKIN_UPDATE_DOCS=1 rewrites it.
pub fn assert_doc_current(doc: &str, want: &str, test: &str) {
    let path = root().join(doc);
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want && std::env::var_os("WECOM_CHECKIN_UPDATE_DOCS").is_some() {
        std::fs::write(&path, want).unwrap();
        return;
    }
    assert!(
        have == want,
        "{doc} is stale: run `WECOM_CHECKIN_UPDATE_DOCS=1 cargo test {test}` and commit it"
    );
}

/// The one file in `dir` (what an import of one live rule writes).
pub fn only_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{}: {files:?}", dir.display());
    files.into_iter().next().unwrap()
}
