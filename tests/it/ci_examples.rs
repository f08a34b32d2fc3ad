//! The CI examples in examples/ci/ run as written: each job's wecom-checkin
//! commands are taken from the workflow files and run with bash (pipefail, as
//! the runners do) against the emulator, so the examples cannot rot.

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};
use wecom_checkin::client::{Client, Config, Credentials};
use wecom_checkin::emulator::{self, Emulator};
use wecom_checkin::load::yaml;

use super::util::root;

/// The wecom-checkin lines of each job: GitHub `steps[].run`, GitLab `script`.
fn jobs(file: &str) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let doc = yaml::parse(&text).unwrap().remove(0).value;
    let keep = |line: &str| {
        !line.contains("cargo install")
            && (line.contains("wecom-checkin") || line.starts_with("set -o"))
    };
    let mut out = Vec::new();
    if let Some(Value::Object(jobs)) = doc.get("jobs") {
        for (name, job) in jobs {
            let lines = job["steps"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["run"].as_str())
                .flat_map(str::lines)
                .filter(|l| keep(l))
                .map(str::to_owned)
                .collect();
            out.push((name.clone(), lines));
        }
    } else if let Value::Object(top) = doc {
        for (name, job) in top.iter().filter(|(_, j)| j.get("script").is_some()) {
            let lines = job["script"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .filter(|l| keep(l))
                .map(str::to_owned)
                .collect();
            out.push((name.clone(), lines));
        }
    }
    out
}

struct Runner {
    dir: tempfile::TempDir,
    base: String,
    rt: tokio::runtime::Runtime,
}

impl Runner {
    fn new() -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let emu = Emulator::new(emulator::Config::default());
        let corp: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("examples/live/corp.json")).unwrap(),
        )
        .unwrap();
        emu.seed(&corp, false).unwrap();
        let (addr, _) = rt.block_on(emu.clone().spawn()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        for f in std::fs::read_dir(root().join("rules")).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.path().join("rules").join(f.file_name().unwrap())).unwrap();
        }
        Runner {
            dir,
            base: format!("http://{addr}"),
            rt,
        }
    }

    /// Runs a job's lines in one bash, as a runner would; returns (status, output).
    fn job(&self, lines: &[String]) -> (i32, String) {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_wecom-checkin"))
            .parent()
            .unwrap()
            .to_owned();
        let path = format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = Command::new("bash")
            .args(["-eo", "pipefail", "-c", &lines.join("\n")])
            .current_dir(self.dir.path())
            .env("PATH", path)
            .env("NO_COLOR", "1")
            .env("WECOM_API_BASE", &self.base)
            .env("WECOM_CORPID", "emulator-corp")
            .env("WECOM_CORPSECRET", "emulator-secret")
            .env_remove("WECOM_ACCESS_TOKEN")
            .env("GITHUB_STEP_SUMMARY", self.dir.path().join("summary.md"))
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.contains("emulator-secret"), "{text}");
        (out.status.code().unwrap_or(-1), text)
    }

    /// Someone changes a rule in the admin console.
    fn change_behind_gits_back(&self) {
        let client = Client::new(Config::new(
            &self.base,
            Credentials::Corp {
                corpid: "emulator-corp".into(),
                corpsecret: "emulator-secret".into(),
            },
        ))
        .unwrap();
        self.rt
            .block_on(client.update_checkin_option(json!({"groupid": 1, "need_photo": true}), true))
            .unwrap();
    }
}

fn find<'a>(jobs: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    &jobs
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no job {name}"))
        .1
}

#[test]
fn github_workflows_run_as_written() {
    let r = Runner::new();
    let plan = jobs("examples/ci/github/wecom-checkin-plan.yml");
    let lines = find(&plan, "plan");
    assert_eq!(lines.len(), 2, "validate and plan: {lines:?}");
    let (code, out) = r.job(lines);
    assert_eq!(code, 0, "{out}");
    let md = std::fs::read_to_string(r.dir.path().join("plan.md")).unwrap();
    assert!(
        md.starts_with("### wecom-checkin plan")
            && md.contains("1 to add, 1 to update, 1 to clear"),
        "{md}"
    );
    assert!(r.dir.path().join("plan.json").exists());

    let (code, out) = r.job(find(
        &jobs("examples/ci/github/wecom-checkin-apply.yml"),
        "apply",
    ));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Applied: 1 added, 1 updated, 1 cleared"),
        "{out}"
    );

    let drift = jobs("examples/ci/github/wecom-checkin-drift.yml");
    let (code, out) = r.job(find(&drift, "drift"));
    assert_eq!(code, 0, "no drift right after apply: {out}");
    r.change_behind_gits_back();
    let (code, out) = r.job(find(&drift, "drift"));
    assert_eq!(code, 2, "drift fails the job: {out}");
    assert!(out.contains("need_photo"), "the drift is shown: {out}");
}

#[test]
fn gitlab_pipeline_runs_as_written() {
    let r = Runner::new();
    let pipeline = jobs("examples/ci/gitlab/.gitlab-ci.yml");
    for job in ["validate", "plan", "apply"] {
        let (code, out) = r.job(find(&pipeline, job));
        assert_eq!(code, 0, "{job}: {out}");
    }
    let (code, _) = r.job(find(&pipeline, "drift"));
    assert_eq!(code, 0);
    r.change_behind_gits_back();
    let (code, out) = r.job(find(&pipeline, "drift"));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("need_photo"), "{out}");
}

#[test]
fn secrets_come_from_the_secret_store_only() {
    for file in [
        "examples/ci/github/wecom-checkin-plan.yml",
        "examples/ci/github/wecom-checkin-apply.yml",
        "examples/ci/github/wecom-checkin-drift.yml",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        assert!(
            text.contains("WECOM_CORPSECRET: ${{ secrets.WECOM_CORPSECRET }}"),
            "{file}"
        );
    }
    let apply =
        std::fs::read_to_string(root().join("examples/ci/github/wecom-checkin-apply.yml")).unwrap();
    assert!(apply.contains("concurrency:") && apply.contains("cancel-in-progress: false"));
}
