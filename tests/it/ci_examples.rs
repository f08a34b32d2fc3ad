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

/// One step as a CI system runs it: its wecom-checkin lines, and the shell
/// the system runs them with.
#[derive(Clone, Debug)]
struct Step {
    lines: Vec<String>,
    /// The shell and its flags, as the CI system calls it.
    shell: Vec<&'static str>,
    continue_on_error: bool,
}

/// GitHub's default shell on Linux is `bash -e {0}` (no pipefail); with
/// `shell: bash` (step, job or workflow defaults) it is
/// `bash --noprofile --norc -eo pipefail {0}`.
const GITHUB_DEFAULT: [&str; 2] = ["bash", "-e"];
const GITHUB_BASH: [&str; 4] = ["bash", "--noprofile", "--norc", "-eo"];
/// GitLab runs a job's script lines in one shell that stops at the first
/// failing line; pipefail is the script's own business.
const GITLAB: [&str; 2] = ["bash", "-e"];

fn keep(line: &str) -> bool {
    !line.contains("cargo install")
        && (line.contains("wecom-checkin") || line.starts_with("set -o"))
}

/// Each job's steps: GitHub `steps[]` (one shell each), GitLab `script` (one shell).
fn jobs(file: &str) -> Vec<(String, Vec<Step>)> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let doc = yaml::parse(&text).unwrap().remove(0).value;
    let mut out = Vec::new();
    if let Some(Value::Object(jobs)) = doc.get("jobs") {
        let workflow_shell = doc.pointer("/defaults/run/shell").and_then(Value::as_str);
        for (name, job) in jobs {
            let job_shell = job.pointer("/defaults/run/shell").and_then(Value::as_str);
            let steps = job["steps"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|step| {
                    let lines: Vec<String> = step["run"]
                        .as_str()?
                        .lines()
                        .filter(|l| keep(l))
                        .map(str::to_owned)
                        .collect();
                    if lines.is_empty() {
                        return None;
                    }
                    let shell = step["shell"].as_str().or(job_shell).or(workflow_shell);
                    let mut shell: Vec<&'static str> = match shell {
                        Some("bash") => GITHUB_BASH.to_vec(),
                        None => GITHUB_DEFAULT.to_vec(),
                        Some(other) => panic!("{file}: shell {other} is not tested"),
                    };
                    if shell == GITHUB_BASH {
                        shell.push("pipefail");
                    }
                    Some(Step {
                        lines,
                        shell,
                        continue_on_error: step["continue-on-error"] == Value::Bool(true),
                    })
                })
                .collect();
            out.push((name.clone(), steps));
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
            let step = Step {
                lines,
                shell: GITLAB.to_vec(),
                continue_on_error: false,
            };
            out.push((name.clone(), vec![step]));
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

    /// Runs a job's steps, each in its CI system's shell, as a runner would:
    /// the first failing step (not marked continue-on-error) ends the job.
    /// Returns (status, output).
    fn job(&self, steps: &[Step]) -> (i32, String) {
        self.job_against(steps, &self.base)
    }

    fn job_against(&self, steps: &[Step], base: &str) -> (i32, String) {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_wecom-checkin"))
            .parent()
            .unwrap()
            .to_owned();
        let path = format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut text = String::new();
        let mut status = 0;
        for step in steps {
            let (shell, flags) = step.shell.split_first().unwrap();
            let out = Command::new(shell)
                .args(flags)
                .arg("-c")
                .arg(step.lines.join("\n"))
                .current_dir(self.dir.path())
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env("WECOM_API_BASE", base)
                // A runner's setting, not the workflow's: outages fail fast here.
                .env("WECOM_API_ATTEMPTS", "2")
                .env("WECOM_CORPID", "emulator-corp")
                .env("WECOM_CORPSECRET", "emulator-secret")
                .env_remove("WECOM_ACCESS_TOKEN")
                .env("GITHUB_STEP_SUMMARY", self.dir.path().join("summary.md"))
                .output()
                .unwrap();
            text += &String::from_utf8_lossy(&out.stdout);
            text += &String::from_utf8_lossy(&out.stderr);
            let code = out.status.code().unwrap_or(-1);
            if code != 0 && !step.continue_on_error {
                status = code;
                break;
            }
        }
        assert!(!text.contains("emulator-secret"), "{text}");
        (status, text)
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

fn find<'a>(jobs: &'a [(String, Vec<Step>)], name: &str) -> &'a [Step] {
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
    let steps = find(&plan, "plan");
    assert_eq!(steps.len(), 2, "validate and plan: {steps:?}");
    let (code, out) = r.job(steps);
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

    // Failures fail the jobs, through the pipes into tee, and an outage is
    // not drift (exit 1, not 2).
    let closed = "http://127.0.0.1:1";
    let apply = jobs("examples/ci/github/wecom-checkin-apply.yml");
    let (code, out) = r.job_against(find(&apply, "apply"), closed);
    assert_eq!(code, 1, "a failed apply fails the job: {out}");
    let (code, out) = r.job_against(find(&drift, "drift"), closed);
    assert_eq!(
        code, 1,
        "an outage fails the drift job as a failure, not as drift: {out}"
    );
}

/// The same steps under GitHub's default shell (`bash -e`, no pipefail) would
/// end green: the examples must set `shell: bash`.
#[test]
fn github_examples_do_not_run_under_the_default_shell() {
    for file in [
        "examples/ci/github/wecom-checkin-plan.yml",
        "examples/ci/github/wecom-checkin-apply.yml",
        "examples/ci/github/wecom-checkin-drift.yml",
    ] {
        for (job, steps) in jobs(file) {
            for step in steps {
                assert_eq!(
                    step.shell[..4],
                    GITHUB_BASH,
                    "{file} {job}: {:?}",
                    step.lines
                );
            }
        }
    }
    // And the reason, shown: a failing command piped into tee under `bash -e`.
    let r = Runner::new();
    let piped = Step {
        lines: vec![
            "wecom-checkin plan rules --detailed-exitcode --attempts 1 | tee out.txt".into(),
        ],
        shell: GITHUB_DEFAULT.to_vec(),
        continue_on_error: false,
    };
    let (code, _) = r.job_against(&[piped], "http://127.0.0.1:1");
    assert_eq!(code, 0, "bash -e without pipefail hides the failure");
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
    let closed = "http://127.0.0.1:1";
    for job in ["plan", "apply", "drift"] {
        let (code, out) = r.job_against(find(&pipeline, job), closed);
        assert_eq!(code, 1, "{job} fails on an outage: {out}");
    }
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
    // Apply's concurrency group is its own and never cancels: no other
    // workflow can cancel a pending apply.
    let group = |file: &str| {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let doc = yaml::parse(&text).unwrap().remove(0).value;
        (
            doc.pointer("/concurrency/group").cloned(),
            doc.pointer("/concurrency/cancel-in-progress").cloned(),
        )
    };
    let (apply_group, apply_cancel) = group("examples/ci/github/wecom-checkin-apply.yml");
    assert_eq!(apply_cancel, Some(Value::Bool(false)));
    assert!(apply_group.is_some());
    for other in [
        "examples/ci/github/wecom-checkin-plan.yml",
        "examples/ci/github/wecom-checkin-drift.yml",
    ] {
        assert_ne!(group(other).0, apply_group, "{other} shares apply's group");
    }
}
