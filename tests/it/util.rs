//! Running the real binary, as a user would, from the repository root.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `wecom-checkin ARGS` in `dir` with colour off.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_wecom-checkin"))
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
