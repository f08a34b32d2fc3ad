//! Several corps in one repository (wecom-checkin.toml): two emulators, each
//! with its own corpid and secret behind its own prefixed variables; the
//! commands run per corp, a section each, exit statuses combined.

use std::path::Path;

use wecom_checkin::client::Endpoint;
use wecom_checkin::emulator::{self, Emulator};

use super::util::{Output, root};

const NOW: [&str; 2] = ["--now", "2026-11-21T10:00:00+08:00"];

struct Repo {
    dir: tempfile::TempDir,
    hq: Emulator,
    retail: Emulator,
    hq_base: String,
    retail_base: String,
    _rt: tokio::runtime::Runtime,
}

fn emulator(corpid: &str, secret: &str) -> Emulator {
    Emulator::new(emulator::Config {
        corpid: corpid.into(),
        secrets: vec![secret.into()],
        ..emulator::Config::default()
    })
}

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(root().join(from), to).unwrap();
}

impl Repo {
    fn new() -> Self {
        let rt = super::util::runtime();
        let hq = emulator("hq-corp", "hq-secret");
        let retail = emulator("retail-corp", "retail-secret");
        let (hq_addr, _) = rt.block_on(hq.clone().spawn()).unwrap();
        let (retail_addr, _) = rt.block_on(retail.clone().spawn()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        copy(
            "rules/head-office.yaml",
            &d.join("hq/rules/head-office.yaml"),
        );
        copy(
            "rules/store-chengdu-chunxi.yaml",
            &d.join("retail/rules/store-chengdu-chunxi.yaml"),
        );
        std::fs::write(
            d.join("wecom-checkin.toml"),
            "[corp.hq]\nrules = \"hq/rules\"\nenv_prefix = \"HQ_\"\n\n[corp.retail]\nrules = \"retail/rules\"\nenv_prefix = \"RETAIL_\"\n",
        )
        .unwrap();
        Repo {
            dir,
            hq,
            retail,
            hq_base: format!("http://{hq_addr}"),
            retail_base: format!("http://{retail_addr}"),
            _rt: rt,
        }
    }

    /// `wecom-checkin ARGS` in the repository, with each corp's variables
    /// under its prefix, and plain ones that belong to neither (they must
    /// not be used for a corp with a prefix).
    fn run(&self, args: &[&str]) -> Output {
        let out = super::util::binary()
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("WECOM_CORPID", "plain-corp")
            .env("WECOM_CORPSECRET", "plain-secret")
            .env_remove("WECOM_ACCESS_TOKEN")
            .env("WECOM_API_BASE", "http://127.0.0.1:1")
            .env("HQ_WECOM_CORPID", "hq-corp")
            .env("HQ_WECOM_CORPSECRET", "hq-secret")
            .env("HQ_WECOM_API_BASE", &self.hq_base)
            .env("RETAIL_WECOM_CORPID", "retail-corp")
            .env("RETAIL_WECOM_CORPSECRET", "retail-secret")
            .env("RETAIL_WECOM_API_BASE", &self.retail_base)
            .output()
            .unwrap();
        Output::from(out)
    }
}

fn adds(e: &Emulator) -> usize {
    e.applied_counts().get(&Endpoint::Add).copied().unwrap_or(0)
}

#[test]
fn validate_plan_apply_and_drift_run_for_every_corp() {
    let repo = Repo::new();

    let validate = repo.run(&["validate", NOW[0], NOW[1]]);
    assert_eq!(validate.code, 0, "{}{}", validate.stdout, validate.stderr);
    assert!(
        validate.stdout.starts_with("=== corp hq ===\nok: 1 rule in 1 file, no problems\n=== corp retail ===\nok: 1 rule in 1 file"),
        "{}",
        validate.stdout
    );
    let zh = repo.run(&["validate", "--lang", "zh-CN", NOW[0], NOW[1]]);
    assert!(
        zh.stdout.starts_with(
            "=== 企业 hq ===\n通过：1 个文件中的 1 条规则，没有问题\n=== 企业 retail ===\n"
        ),
        "{}",
        zh.stdout
    );

    // Each corp's plan, a section each, against its own corp: the hq file is
    // an add in hq only.
    let plan = repo.run(&[
        "plan",
        "--format",
        "markdown",
        "--out",
        "plan.json",
        NOW[0],
        NOW[1],
    ]);
    assert_eq!(plan.code, 0, "{}", plan.stderr);
    let hq = plan.stdout.find("## corp `hq`").expect("hq section");
    let retail = plan
        .stdout
        .find("## corp `retail`")
        .expect("retail section");
    assert!(hq < retail);
    assert!(
        plan.stdout[hq..retail].contains("总部-固定班"),
        "{}",
        plan.stdout
    );
    assert!(
        !plan.stdout[hq..retail].contains("成都春熙路店"),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stdout[retail..].contains("成都春熙路店"),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stderr.contains("hq: saved the plan to plan.hq.json"),
        "{}",
        plan.stderr
    );
    assert!(repo.dir.path().join("plan.retail.json").is_file());
    assert!(!repo.dir.path().join("plan.json").exists());

    // Drift before apply: changes in both, exit 2.
    let drift = repo.run(&["plan", "--detailed-exitcode", NOW[0], NOW[1]]);
    assert_eq!(drift.code, 2, "{}", drift.stderr);

    // Apply what each corp's plan reviewed, each into its own corp.
    let apply = repo.run(&[
        "apply",
        "--reviewed",
        "plan.json",
        "--auto-approve",
        NOW[0],
        NOW[1],
    ]);
    assert_eq!(apply.code, 0, "{}{}", apply.stdout, apply.stderr);
    assert_eq!((adds(&repo.hq), adds(&repo.retail)), (1, 1));
    assert!(repo.hq.groupid_of("总部-固定班").is_some());
    assert_eq!(
        repo.hq.groupid_of("成都春熙路店"),
        None,
        "retail's rule stays out of hq"
    );
    assert!(repo.retail.groupid_of("成都春熙路店").is_some());

    let clean = repo.run(&["plan", "--detailed-exitcode", NOW[0], NOW[1]]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);

    // Drift in one corp only: 2 overall, and the section says which.
    std::fs::write(
        repo.dir
            .path()
            .join("retail/rules/store-chengdu-chunxi.yaml"),
        std::fs::read_to_string(
            repo.dir
                .path()
                .join("retail/rules/store-chengdu-chunxi.yaml"),
        )
        .unwrap()
        .replacen("use_face_detect: true", "use_face_detect: false", 1),
    )
    .unwrap();
    let one = repo.run(&["plan", "--detailed-exitcode", NOW[0], NOW[1]]);
    assert_eq!(one.code, 2, "{}{}", one.stdout, one.stderr);
    let retail = one.stdout.find("=== corp retail ===").unwrap();
    assert!(
        one.stdout[retail..].contains("use_face_detect: true → false"),
        "{}",
        one.stdout
    );
    assert!(
        one.stdout[..retail].contains("1 unchanged"),
        "{}",
        one.stdout
    );
}

#[test]
fn one_corp_by_name_and_a_corp_that_fails_fails_the_run() {
    let repo = Repo::new();
    let hq = repo.run(&["--corp", "hq", "plan", NOW[0], NOW[1]]);
    assert_eq!(hq.code, 0, "{}", hq.stderr);
    assert!(
        !hq.stdout.contains("=== corp"),
        "one corp: its own output: {}",
        hq.stdout
    );
    assert!(hq.stdout.contains("总部-固定班") && !hq.stdout.contains("成都春熙路店"));
    assert_eq!(
        repo.retail.call_counts().get(&Endpoint::GetToken),
        None,
        "retail untouched"
    );

    let unknown = repo.run(&["plan", "--corp", "north"]);
    assert_eq!(unknown.code, 1);
    assert!(
        unknown
            .stderr
            .contains("--corp north: wecom-checkin.toml has no such corp"),
        "{}",
        unknown.stderr
    );
    assert!(
        unknown.stderr.contains("its corps: hq, retail"),
        "{}",
        unknown.stderr
    );

    // Commands for one corp, and outputs that are one document, ask for --corp.
    for args in [
        &["pull"][..],
        &["validate", "--format", "json"],
        &["plan", "hq/rules"],
        &["import", "--live", "x.json"],
    ] {
        let out = repo.run(args);
        assert_eq!(out.code, 1, "{args:?}");
        assert!(
            out.stderr.contains("pass --corp NAME, one of: hq, retail"),
            "{args:?}: {}",
            out.stderr
        );
    }

    // A corp whose secret is wrong fails the run; the other still runs, and
    // the plain variables were never used for a prefixed corp.
    std::fs::write(
        repo.dir.path().join("wecom-checkin.toml"),
        "[corp.hq]\nrules = \"hq/rules\"\nenv_prefix = \"HQ_\"\n\n[corp.retail]\nrules = \"retail/rules\"\nenv_prefix = \"RETAIL_NO_SUCH_\"\n",
    )
    .unwrap();
    let out = repo.run(&["plan", NOW[0], NOW[1], "--attempts", "1"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("总部-固定班"),
        "hq still planned: {}",
        out.stdout
    );
    assert!(
        out.stderr.contains("retail: error: no WeCom credentials"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("plain-secret") && !out.stdout.contains("plain-secret"));
}

#[test]
fn a_config_that_cannot_be_used_is_an_error_not_ignored() {
    let repo = Repo::new();
    std::fs::write(
        repo.dir.path().join("wecom-checkin.toml"),
        "[corp.hq]\nrule = \"hq/rules\"\n",
    )
    .unwrap();
    let out = repo.run(&["validate"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("wecom-checkin.toml: unknown field `rule`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("at line 2, column 1; write e.g.\n"),
        "{}",
        out.stderr
    );
    // The same in Chinese: the tool's words; toml's own message as it says it.
    let zh = repo.run(&["validate", "--lang", "zh-CN"]);
    assert_eq!(zh.code, 1);
    assert!(
        zh.stderr
            .contains("建议：在第 2 行第 1 列；例如写：\n[corp.hq]\n"),
        "{}",
        zh.stderr
    );

    // Commands without corps do not read it.
    let schema = repo.run(&["completions", "bash"]);
    assert_eq!(schema.code, 0, "{}", schema.stderr);

    // Without the file, --corp says what is missing.
    std::fs::remove_file(repo.dir.path().join("wecom-checkin.toml")).unwrap();
    let out = repo.run(&["--corp", "hq", "validate"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("--corp hq: there is no wecom-checkin.toml in this folder"),
        "{}",
        out.stderr
    );
    let zh = repo.run(&["--corp", "hq", "validate", "--lang", "zh-CN"]);
    assert!(
        zh.stderr
            .contains("--corp hq：这个文件夹中没有 wecom-checkin.toml"),
        "{}",
        zh.stderr
    );
}
