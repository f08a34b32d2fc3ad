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

/// The lines the test runs: wecom-checkin's own, `set -o`, and the fetch of
/// the reviewed plan (run whole, with stand-ins for gh and curl).
fn keep(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("wecom-checkin ") || line.starts_with("set -o")
}

/// A step or script item that fetches the reviewed plan: run as written.
fn fetches(text: &str) -> bool {
    text.contains("reviewed/plan.json") && !keep(text) || text.contains("--dir reviewed")
}

/// Each job's steps: GitHub `steps[]` (one shell each), GitLab `script` (one shell).
fn jobs(file: &str) -> Vec<(String, Vec<Step>)> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let doc = yaml::parse(&text).unwrap().remove(0).value.into_value();
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
                    let run = step["run"].as_str()?;
                    let lines: Vec<String> = run
                        .lines()
                        .filter(|l| fetches(run) || keep(l))
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
                .filter(|l| fetches(l) || keep(l))
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
    /// Whether the merged change came from a reviewed pull request.
    reviewed: std::cell::Cell<bool>,
}

/// Stand-ins for gh and curl: they answer as GitHub's and GitLab's APIs do
/// for a commit merged from pull request #12 (merge request !5), whose plan
/// run kept the artifact in $STUB_ARTIFACT; with $STUB_REVIEWED empty, the
/// commit came from no pull request.
fn write_stubs(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    let gh = r#"#!/bin/bash
case "$1 $2" in
  "api repos/acme/attendance/commits/mergesha/pulls") [ -n "$STUB_REVIEWED" ] && echo 12; exit 0 ;;
  "api repos/acme/attendance/pulls/12") echo headsha ;;
  "run list") [[ "$*" == *"--workflow wecom-checkin-plan.yml --commit headsha --status success"* ]] && echo 7000 ;;
  "run download")
    [[ "$*" == *"7000 --name wecom-checkin-plan --dir reviewed"* ]] || { echo "gh: unexpected $*" >&2; exit 1; }
    mkdir -p reviewed && cp "$STUB_ARTIFACT"/* reviewed/ ;;
  *) echo "gh: unexpected $*" >&2; exit 1 ;;
esac
"#;
    let curl = r#"#!/bin/bash
for url; do :; done
[[ "$*" == *"PRIVATE-TOKEN: gitlab-token"* ]] || { echo "curl: no token" >&2; exit 22; }
case "$url" in
  https://gitlab.example/api/v4/projects/42/repository/commits/mergesha/merge_requests)
    if [ -n "$STUB_REVIEWED" ]; then echo '[{"iid": 5}]'; else echo '[]'; fi ;;
  https://gitlab.example/api/v4/projects/42/merge_requests/5/pipelines) echo '[{"id": 70}, {"id": 60}]' ;;
  "https://gitlab.example/api/v4/projects/42/pipelines/70/jobs?scope[]=success") echo '[{"id": 699, "name": "validate"}, {"id": 700, "name": "plan"}]' ;;
  https://gitlab.example/api/v4/projects/42/jobs/700/artifacts/plan.json) cat "$STUB_ARTIFACT/plan.json" ;;
  *) echo "curl: unexpected $url" >&2; exit 22 ;;
esac
"#;
    for (name, text) in [("gh", gh), ("curl", curl)] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

impl Runner {
    fn new() -> Self {
        let rt = super::util::runtime();
        let emu = Emulator::new(emulator::Config::default());
        let corp: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("examples/live/corp.json")).unwrap(),
        )
        .unwrap();
        emu.seed(&corp, false).unwrap();
        let (addr, _) = rt.block_on(emu.clone().spawn()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        write_stubs(&dir.path().join("stubs"));
        for f in std::fs::read_dir(root().join("rules")).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.path().join("rules").join(f.file_name().unwrap())).unwrap();
        }
        Runner {
            dir,
            base: format!("http://{addr}"),
            rt,
            reviewed: std::cell::Cell::new(true),
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
            "{}:{}:{}",
            self.dir.path().join("stubs").display(),
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
                // GitHub's and GitLab's Linux runners: no Chinese locale.
                .env("LC_ALL", "C.UTF-8")
                .env("WECOM_API_BASE", base)
                // A runner's setting, not the workflow's: outages fail fast here.
                .env("WECOM_API_ATTEMPTS", "2")
                .env("WECOM_CORPID", "emulator-corp")
                .env("WECOM_CORPSECRET", "emulator-secret")
                .env_remove("WECOM_ACCESS_TOKEN")
                .env("GITHUB_STEP_SUMMARY", self.dir.path().join("summary.md"))
                // What the runners set, and what the stand-ins answer from.
                .env("GITHUB_SERVER_URL", "https://github.com")
                .env("GITHUB_REPOSITORY", "acme/attendance")
                .env("GITHUB_RUN_ID", "7001")
                .env("GITHUB_SHA", "mergesha")
                .env(
                    "CI_JOB_URL",
                    "https://gitlab.example/acme/attendance/-/jobs/7001",
                )
                .env("CI_API_V4_URL", "https://gitlab.example/api/v4")
                .env("CI_PROJECT_ID", "42")
                .env("CI_COMMIT_SHA", "mergesha")
                .env("WECOM_CHECKIN_GITLAB_TOKEN", "gitlab-token")
                .env("STUB_ARTIFACT", self.dir.path().join("artifact"))
                .env("STUB_REVIEWED", if self.reviewed.get() { "1" } else { "" })
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

    /// The plan job's artifact, as the CI system keeps it for the merge.
    fn keep_artifact(&self) {
        let artifact = self.dir.path().join("artifact");
        std::fs::create_dir_all(&artifact).unwrap();
        for f in ["plan.json", "plan.txt"] {
            std::fs::copy(self.dir.path().join(f), artifact.join(f)).unwrap();
        }
        let _ = std::fs::remove_dir_all(self.dir.path().join("reviewed"));
    }

    /// A rule file changes on main after the review.
    fn edit_rule(&self, file: &str, from: &str, to: &str) {
        let path = self.dir.path().join("rules").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
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
    r.keep_artifact();

    let apply = jobs("examples/ci/github/wecom-checkin-apply.yml");
    assert_eq!(
        find(&apply, "apply").len(),
        2,
        "fetch the reviewed plan, apply it"
    );
    let (code, out) = r.job(find(&apply, "apply"));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("The calls are the reviewed ones (3 of 2026-")
            && out.contains("Applied: 1 added, 1 updated, 1 cleared"),
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
    let (code, out) = r.job_against(find(&apply, "apply"), closed);
    assert_eq!(code, 1, "a failed apply fails the job: {out}");
    let (code, out) = r.job_against(find(&drift, "drift"), closed);
    assert_eq!(
        code, 1,
        "an outage fails the drift job as a failure, not as drift: {out}"
    );
}

/// The merge applies what the pull request's plan showed, or nothing: main
/// or live state moving after the review, or a push without a pull request,
/// fail the apply job and write nothing.
#[test]
fn github_apply_refuses_what_was_not_reviewed() {
    let plan = jobs("examples/ci/github/wecom-checkin-plan.yml");
    let apply = jobs("examples/ci/github/wecom-checkin-apply.yml");
    check_refusals(find(&plan, "plan"), find(&apply, "apply"), "pull request");
}

#[test]
fn gitlab_apply_refuses_what_was_not_reviewed() {
    let pipeline = jobs("examples/ci/gitlab/.gitlab-ci.yml");
    check_refusals(
        find(&pipeline, "plan"),
        find(&pipeline, "apply"),
        "merge request",
    );
}

fn check_refusals(plan: &[Step], apply: &[Step], what: &str) {
    // Main moved: another change to a rule after the review.
    let r = Runner::new();
    assert_eq!(r.job(plan).0, 0);
    r.keep_artifact();
    r.edit_rule("head-office.yaml", "need_photo: false", "need_photo: true");
    let (code, out) = r.job(apply);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the calls planned now are not the reviewed ones")
            && out.contains(
                "changed since the review: update_checkin_option for \"总部-固定班\": need_photo"
            ),
        "{out}"
    );
    assert!(!out.contains("Applied:"), "{out}");

    // Live moved: an admin changed a rule in the console after the review.
    let r = Runner::new();
    assert_eq!(r.job(plan).0, 0);
    r.keep_artifact();
    r.change_behind_gits_back();
    let (code, out) = r.job(apply);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not the reviewed ones"), "{out}");

    // No review at all.
    let r = Runner::new();
    assert_eq!(r.job(plan).0, 0);
    r.keep_artifact();
    r.reviewed.set(false);
    let (code, out) = r.job(apply);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("did not come from a {what}")),
        "{out}"
    );

    // The full plan is where the comment points.
    let txt = std::fs::read_to_string(r.dir.path().join("plan.txt")).unwrap();
    assert!(txt.contains("成都春熙路店"), "{txt}");
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
        if job == "plan" {
            r.keep_artifact();
        }
        if job == "apply" {
            assert!(out.contains("The calls are the reviewed ones"), "{out}");
        }
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
        let doc = yaml::parse(&text).unwrap().remove(0).value.into_value();
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

/// Every job installs the release this checkout is: the action at
/// `v<Cargo.toml's version>` on GitHub, the image of that tag on GitLab, so
/// a release cannot ship examples that install another version.
#[test]
fn the_examples_install_this_release() {
    let version = format!("v{}", env!("CARGO_PKG_VERSION"));
    for file in [
        "examples/ci/github/wecom-checkin-plan.yml",
        "examples/ci/github/wecom-checkin-apply.yml",
        "examples/ci/github/wecom-checkin-drift.yml",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let doc = yaml::parse(&text).unwrap().remove(0).value.into_value();
        for (name, job) in doc["jobs"].as_object().unwrap() {
            let installs: Vec<&str> = job["steps"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s["uses"].as_str())
                .filter(|u| u.starts_with("wecom-checkin/wecom-checkin@"))
                .collect();
            assert_eq!(
                installs,
                [format!("wecom-checkin/wecom-checkin@{version}")],
                "{file} job {name}"
            );
            let compiles = text.contains("cargo install");
            assert!(!compiles, "{file}: installs by compiling");
        }
    }
    let text = std::fs::read_to_string(root().join("examples/ci/gitlab/.gitlab-ci.yml")).unwrap();
    let doc = yaml::parse(&text).unwrap().remove(0).value.into_value();
    assert_eq!(
        doc.pointer("/default/image").and_then(Value::as_str),
        Some(format!("ghcr.io/wecom-checkin/wecom-checkin:{version}").as_str())
    );
    assert!(
        text.contains(&format!(
            "releases/download/{version}/install.sh, WECOM_CHECKIN_VERSION={} bash install.sh",
            env!("CARGO_PKG_VERSION")
        )),
        "the GitLab file's install line names this version"
    );
}
