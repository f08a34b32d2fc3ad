//! The command line: raw flags only. Each command checks and derives its own
//! configuration from these before doing anything.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The exit-status contract, the same for every command (README: "Exit status").
pub const EXIT_STATUS: &str = "Exit status, the same for every command:
  0  done: nothing failed (and, with plan --detailed-exitcode, nothing to change)
  1  anything failed: invalid rules or flags, the API or the network, a refusal
  2  only with plan --detailed-exitcode: changes to make";

/// The version, the commit it was built from and that commit's date.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("WECOM_CHECKIN_COMMIT"),
    " ",
    env!("WECOM_CHECKIN_COMMIT_DATE"),
    ")"
);

/// Manage WeCom (企业微信) check-in rules (打卡规则) as code.
///
/// Rules live as YAML files in git, one rule per file; `validate` checks them
/// offline exactly as the server would.
#[derive(Debug, Parser)]
#[command(name = "wecom-checkin", version = VERSION, about, long_about, after_help = EXIT_STATUS)]
pub struct Cli {
    /// Colour in terminal output: auto (a terminal, unless NO_COLOR is set),
    /// always, or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only the command's output and its problems: no "ok" summary,
    /// no "saved …" notes. Retries are still said.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also log each API request on stderr: its endpoint, its answer (errcode,
    /// or HTTP status, or why there was none) and how long it took; never
    /// the token, the secret or the query.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// With a wecom-checkin.toml: run for this corp only (its folders, its
    /// HQ_-style variables). Without it, validate, plan and apply run for
    /// every corp of the file.
    #[arg(long, global = true, value_name = "NAME")]
    pub corp: Option<String>,
    /// The language of messages and plans: en or zh-CN (default: zh-CN when
    /// LC_ALL, LC_MESSAGES or LANG starts with zh, else en). The server's
    /// errmsg stays as the server sends it.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Validate(ValidateArgs),
    Schema(SchemaArgs),
    Plan(PlanArgs),
    Apply(ApplyArgs),
    Import(ImportArgs),
    Pull(PullArgs),
    Emulate(EmulateArgs),
    Explain(ExplainArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

/// Explain who works what on a day: each person's rule, shift and hours.
///
/// For each USERID: the rule that applies that day (getcheckinoption), the
/// rule file in git that describes it, the shift from the live roster (or
/// the fixed hours), the check-in windows, and whether live matches git.
/// Exit status: 0 explained, 1 a person has no rule that day or the API failed.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct ExplainArgs {
    /// The people, by userid (账号).
    #[arg(required = true, value_name = "USERID")]
    pub userids: Vec<String>,
    /// The day, YYYY-MM-DD (default: today, China time).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Rule files, roster files or folders to compare with [default: rules/
    /// and rosters/ where present].
    #[arg(long = "rules", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The current time, RFC 3339.
    #[arg(long, value_name = "RFC3339", value_parser = rfc3339)]
    pub now: Option<jiff::Timestamp>,
    #[command(flatten)]
    pub api: ApiArgs,
}

/// Print a shell completion script.
///
/// bash: `wecom-checkin completions bash > ~/.local/share/bash-completion/completions/wecom-checkin`;
/// zsh: into a folder on $fpath as `_wecom-checkin`; fish:
/// `~/.config/fish/completions/wecom-checkin.fish`. Exit status: 0 printed.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

/// Write the man pages (wecom-checkin.1 and one per command) into a folder.
///
/// Read one with `man -l man/wecom-checkin-plan.1`, or install the folder under
/// a man path (e.g. /usr/local/share/man/man1).
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct ManArgs {
    /// The folder to write into (created if missing).
    #[arg(default_value = "man")]
    pub out: PathBuf,
}

/// What a plan may change: the same flags for `plan` and `apply`.
#[derive(Debug, Clone, clap::Args)]
pub struct ChangeArgs {
    /// Delete live rules that no file describes.
    #[arg(long)]
    pub prune: bool,
    /// Allow a grouptype change, which deletes the rule and adds it anew.
    #[arg(long)]
    pub allow_replace: bool,
    /// Changes take effect today instead of tomorrow (every rule).
    #[arg(long)]
    pub effective_now: bool,
    /// Roster cells per setcheckinschedulist call (the API documents no
    /// limit; docs/rosters.md).
    #[arg(long, value_name = "N", default_value_t = crate::roster::plan::DEFAULT_BATCH, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=10_000))]
    pub roster_batch: usize,
}

impl ChangeArgs {
    /// The planner's options these flags and `--now` settle.
    pub fn options(&self, now: Option<jiff::Timestamp>) -> crate::plan::Options {
        crate::plan::Options {
            prune: self.prune,
            allow_replace: self.allow_replace,
            now: now_or_clock(now),
            effective_now: self.effective_now,
        }
    }
}

/// `--now`, read where the command line is read: a time that is not one
/// stops the command before it reads anything.
fn rfc3339(s: &str) -> Result<jiff::Timestamp, String> {
    s.parse::<jiff::Timestamp>()
        .map_err(|e| crate::t!("err-now", error = e.to_string()))
}

/// The time commands run at: `--now`, or the clock.
pub fn now_seconds(now: Option<jiff::Timestamp>) -> i64 {
    now_or_clock(now).as_second()
}

/// `--now`, else the clock.
pub fn now_or_clock(now: Option<jiff::Timestamp>) -> jiff::Timestamp {
    now.unwrap_or_else(jiff::Timestamp::now)
}

/// The command line with its help in `lang`: Chinese from
/// locales/zh-CN-help.ftl (headings included), English as written above.
pub fn command(lang: crate::i18n::Lang) -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command();
    match lang {
        crate::i18n::Lang::En => cmd,
        crate::i18n::Lang::ZhCn => {
            let mut cmd = in_chinese(cmd, "root");
            // clap adds its `help` command when it builds: its words are
            // replaced after.
            cmd.build();
            let about = crate::i18n::zh_help("cmd-help").unwrap_or_default();
            cmd.mut_subcommand("help", |h| h.about(about))
        }
    }
}

/// The Chinese help of `arg` for -h and --help, with what clap would add in
/// English (`[default: …]`, `[possible values: …]`, `[env: …]`) in Chinese.
/// An environment variable is named, never its value.
fn with_values_in_chinese(arg: &clap::Arg, command: &str, help: String) -> (String, String) {
    use crate::i18n::{zh_help, zh_help_with};
    let words =
        |id: &str, values: &str| zh_help_with(id, &[("values", values)]).unwrap_or_default();
    let takes_values = arg.get_action().takes_values();
    let mut tags = Vec::new();
    let values: Vec<clap::builder::PossibleValue> = if takes_values {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    } else {
        Vec::new()
    };
    let described = values.iter().any(|v| v.get_help().is_some());
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    if !names.is_empty() && !described {
        tags.push(words("help-possible-values", &names.join("、")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        tags.push(words("help-default", &defaults.join("、")));
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        tags.push(words("help-env", &env.to_string_lossy()));
    }
    let tags: String = tags.iter().map(|t| format!(" [{t}]")).collect();
    let short = if described && !names.is_empty() {
        format!(
            "{help} [{}]{tags}",
            words("help-possible-values", &names.join("、"))
        )
    } else {
        format!("{help}{tags}")
    };
    let mut long = help;
    if described {
        let id = arg.get_id();
        long += "\n\n";
        long += &words("help-possible-values", "");
        for v in &values {
            let said = zh_help(&format!("value-{command}-{id}-{}", v.get_name()))
                .or_else(|| zh_help(&format!("value-{id}-{}", v.get_name())))
                .unwrap_or_default();
            long += &format!("\n- {}：{said}", v.get_name());
        }
    }
    if !tags.is_empty() {
        long += "\n\n";
        long += tags.trim_start();
    }
    (short, long)
}

fn in_chinese(mut cmd: clap::Command, name: &str) -> clap::Command {
    use crate::i18n::zh_help;
    use clap::{Arg, ArgAction};
    let text = |id: &str| zh_help(id).unwrap_or_default();
    if let Some(about) = zh_help(&format!("cmd-{name}")) {
        cmd = cmd.about(about);
    }
    if cmd.get_long_about().is_some() {
        cmd = cmd.long_about(text(&format!("cmd-{name}-long")));
    }
    if cmd.get_after_help().is_some() {
        cmd = cmd.after_help(text("help-exit-status"));
    }
    let (options, arguments) = (text("help-options"), text("help-arguments"));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = zh_help(&format!("arg-{name}-{id}")).or_else(|| zh_help(&format!("arg-{id}")));
        let (options, arguments) = (options.clone(), arguments.clone());
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            let (short, long) = with_values_in_chinese(&a, name, help.unwrap_or_default());
            // What clap would add in English is in the text now.
            let takes_values = a.get_action().takes_values();
            let has_env = a.get_env().is_some();
            let mut a = a.help_heading(heading).help(short).long_help(long);
            if takes_values {
                a = a.hide_default_value(true).hide_possible_values(true);
            }
            if has_env {
                a = a.hide_env(true);
            }
            a
        });
    }
    // clap's own -h and -V, with Chinese words, under the same heading.
    cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("打印帮助")
                .help_heading(options.clone()),
        )
        .subcommand_help_heading(text("help-commands"))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            text("help-usage")
        ));
    if name == "root" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("打印版本")
                .help_heading(options),
        );
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| in_chinese(s, &sub));
    }
    cmd
}

/// The paths a command works on: those given, else rules/ and, where it
/// exists, rosters/.
pub fn paths_or_default(paths: &[PathBuf]) -> Vec<PathBuf> {
    if !paths.is_empty() {
        return paths.to_vec();
    }
    let mut out = vec![PathBuf::from("rules")];
    if std::path::Path::new("rosters").is_dir() {
        out.push(PathBuf::from("rosters"));
    }
    out
}

/// Show the API calls that would make live rules match the files.
///
/// Exit status: 0 planned (or, with --detailed-exitcode, nothing to change),
/// 1 anything failed (invalid rules or flags, a change the API cannot
/// express, the API), 2 only with --detailed-exitcode: changes to make.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct PlanArgs {
    /// Rule files, roster files (rosters/<groupname>/YYYY-MM.csv) or folders
    /// [default: rules/ and rosters/ where present].
    pub paths: Vec<PathBuf>,
    /// Read live state from this file (what `pull` writes) instead of the API.
    #[arg(long, value_name = "FILE")]
    pub live: Option<PathBuf>,
    #[command(flatten)]
    pub change: ChangeArgs,
    /// Save the plan, in full, by the file's extension: .json (what `apply`
    /// and `apply --reviewed` read), .txt (text) or .md (markdown, never
    /// truncated). Repeat for several.
    #[arg(long, value_name = "FILE")]
    pub out: Vec<PathBuf>,
    /// Where the full plan can be read (e.g. the CI run that keeps
    /// plan.txt): a markdown plan too long for one comment links to it.
    #[arg(long, value_name = "URL")]
    pub full_plan_url: Option<String>,
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
    /// Exit 0 when there is nothing to change, 2 when there is.
    #[arg(long)]
    pub detailed_exitcode: bool,
    /// The current time, RFC 3339: special days before it are history.
    #[arg(long, value_name = "RFC3339", value_parser = rfc3339)]
    pub now: Option<jiff::Timestamp>,
    #[command(flatten)]
    pub api: ApiArgs,
}

/// Make the API calls that bring live rules in line with the files.
///
/// With --reviewed PLAN.json, the rule files are planned again and applied only
/// if the calls are exactly the reviewed ones. With a saved plan (`plan
/// --out`), exactly its calls, if it was made for this corp and API today,
/// is unedited, follows from its own entries and live state has not changed
/// since. With rule files, plan first, show it, and ask for `yes` (or
/// --auto-approve). Afterwards live state is read again and every call
/// checked. Exit status: 0 all applied and verified (field values may be
/// pending until tomorrow), 1 anything failed, was refused or not verified.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct ApplyArgs {
    /// A saved plan (JSON from `plan --out`), or rule files, roster files
    /// and folders [default: rules/ and rosters/ where present].
    pub targets: Vec<PathBuf>,
    /// Apply without asking (needed when not on a terminal).
    #[arg(long)]
    pub auto_approve: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
    /// A plan saved when the change was reviewed (`plan --out`, e.g. the pull
    /// request's): the rule files are planned again and applied only if that
    /// gives exactly the reviewed calls.
    #[arg(long, value_name = "PLAN.json")]
    pub reviewed: Option<PathBuf>,
    /// Refuse to start when the plan deletes more rules than this.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub max_deletes: usize,
    /// Stop at the first failed call (default: the other rules go on).
    #[arg(long)]
    pub fail_fast: bool,
    /// Write the groupid of each added rule into its file.
    #[arg(long)]
    pub write_ids: bool,
    /// Rules applied at the same time (each rule's calls stay in order).
    #[arg(long, default_value_t = 4)]
    pub concurrency: usize,
    /// The current time, RFC 3339.
    #[arg(long, value_name = "RFC3339", value_parser = rfc3339)]
    pub now: Option<jiff::Timestamp>,
    /// Calls per minute to each write endpoint (the limit is not documented).
    #[arg(long, default_value_t = crate::client::DEFAULT_WRITE_PER_MINUTE, value_name = "PER_MINUTE")]
    pub write_rate_limit: u32,
    #[command(flatten)]
    pub api: ApiArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// For a terminal or a CI log.
    Text,
    /// For a pull-request comment or a job summary.
    Markdown,
    /// The plan itself (format_version 2): what apply executes.
    Json,
}

/// How to reach the API. Values come from flags or the environment; secrets
/// are never shown (not even by --help).
#[derive(Debug, Clone, clap::Args)]
pub struct ApiArgs {
    /// The corp's id (企业ID).
    #[arg(long, env = "WECOM_CORPID", hide_env_values = true)]
    pub corpid: Option<String>,
    /// The secret of the app allowed to manage check-in rules.
    #[arg(long, env = "WECOM_CORPSECRET", hide_env_values = true)]
    pub corpsecret: Option<String>,
    /// A ready access_token from your own token service (instead of corpid + corpsecret).
    #[arg(long, env = "WECOM_ACCESS_TOKEN", hide_env_values = true)]
    pub access_token: Option<String>,
    /// The API's base URL.
    #[arg(long, env = "WECOM_API_BASE", hide_env_values = true, default_value = crate::client::DEFAULT_API_BASE)]
    pub api_base: String,
    /// getcorpcheckinoption calls per minute (the documented limit is 60).
    #[arg(
        long,
        env = "WECOM_API_READ_RATE_LIMIT",
        hide_env_values = true,
        default_value_t = 60,
        value_name = "PER_MINUTE"
    )]
    pub read_rate_limit: u32,
    /// getcheckinschedulist and setcheckinschedulist calls per minute, each
    /// (the documented limit is 60).
    #[arg(
        long,
        env = "WECOM_API_ROSTER_RATE_LIMIT",
        hide_env_values = true,
        default_value_t = 60,
        value_name = "PER_MINUTE"
    )]
    pub roster_rate_limit: u32,
    /// Seconds before one request times out.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
    /// Attempts per call when the API is busy or the network fails (first
    /// included, gettoken included); waits between them stay under 60 s.
    #[arg(
        long,
        env = "WECOM_API_ATTEMPTS",
        hide_env_values = true,
        default_value_t = 5
    )]
    pub attempts: usize,
    /// Milliseconds before the first retry of a call; each next wait doubles
    /// (with jitter, at most 10 s each).
    #[arg(
        long,
        env = "WECOM_API_RETRY_WAIT_MS",
        hide_env_values = true,
        default_value_t = 500,
        value_name = "MS"
    )]
    pub retry_wait_ms: u64,
}

/// Write one rule file per live rule, so an existing corp adopts the tool.
///
/// Import, commit, and `plan` shows no change. Refuses to overwrite files
/// unless --force.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct ImportArgs {
    /// Read live state from this file (what `pull` writes) instead of the API.
    #[arg(long, value_name = "FILE")]
    pub live: Option<PathBuf>,
    /// The folder to write the rule files into.
    #[arg(long, default_value = "rules")]
    pub out: PathBuf,
    /// Overwrite files that exist.
    #[arg(long, conflicts_with = "new_only")]
    pub force: bool,
    /// Only the live rules no file in the folder describes yet (by pinned
    /// groupid or groupname): adopt what was added in the admin console.
    #[arg(long)]
    pub new_only: bool,
    /// Instead of rule files, write the live roster of every schedule rule
    /// for this month (e.g. 2026-12) as rosters/<groupname>/YYYY-MM.csv.
    #[arg(long, value_name = "YYYY-MM")]
    pub rosters: Option<String>,
    /// The folder to write roster files into (with --rosters).
    #[arg(long, default_value = "rosters", value_name = "DIR")]
    pub rosters_out: PathBuf,
    /// With --rosters: read the rosters of these people (repeat, or
    /// comma-separate); without, getcheckinschedulist is asked for everyone
    /// (docs/rosters.md).
    #[arg(long, value_name = "USERID", value_delimiter = ',')]
    pub userid: Vec<String>,
    /// The current time, RFC 3339.
    #[arg(long, value_name = "RFC3339", value_parser = rfc3339)]
    pub now: Option<jiff::Timestamp>,
    #[command(flatten)]
    pub api: ApiArgs,
}

/// Save the live rules (the getcorpcheckinoption answer) as JSON.
///
/// The file is what `plan --live` and `emulate --state` read.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct PullArgs {
    /// Where to write the answer (default: standard output).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub api: ApiArgs,
}

/// Run a local emulator of the check-in rule API, for trials and tests.
///
/// Point the tool at it with WECOM_API_BASE=http://ADDRESS, WECOM_CORPID and
/// WECOM_CORPSECRET as printed. Stops on Ctrl-C.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct EmulateArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8089")]
    pub listen: String,
    /// Seed the rules from a getcorpcheckinoption answer (what `pull` writes), owned by the emulator's app.
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Seed rules made in the admin console: no app may change them.
    #[arg(long)]
    pub console_state: Option<PathBuf>,
    /// Write the state back to this file after every change.
    #[arg(long)]
    pub save: Option<PathBuf>,
    /// A directory of users, their departments and tags (JSON), from which
    /// getcheckinoption answers which rule applies to whom (docs/api-notes.md: the emulator's directory).
    #[arg(long, value_name = "FILE")]
    pub directory: Option<PathBuf>,
    /// Items one setcheckinschedulist call may carry (the real limit is not
    /// documented; docs/api-notes.md).
    #[arg(long, value_name = "N", default_value_t = crate::emulator::rosters::DEFAULT_MAX_ITEMS)]
    pub max_schedule_items: usize,
    /// Seed rosters from a getcheckinschedulist answer (JSON, `schedule_list`).
    #[arg(long, value_name = "FILE")]
    pub rosters: Option<PathBuf>,
    /// The corpid the emulator accepts.
    #[arg(long, default_value = "emulator-corp")]
    pub corpid: String,
    /// A secret the emulator accepts; each is one app. Repeat for several apps.
    #[arg(long = "corpsecret", default_value = "emulator-secret")]
    pub corpsecrets: Vec<String>,
    /// Seconds a token lives.
    #[arg(long, default_value_t = 7200, value_name = "SECONDS")]
    pub token_ttl: u64,
    /// How getcorpcheckinoption answers: as current servers (modern) or older ones (legacy).
    #[arg(long, value_enum, default_value_t = ReadShapeArg::Modern)]
    pub read_shape: ReadShapeArg,
    /// A per-endpoint limit, ENDPOINT=PER_MINUTE (e.g. update_checkin_option=120); over it the answer is 45009.
    #[arg(long = "rate-limit", value_name = "ENDPOINT=PER_MINUTE")]
    pub rate_limits: Vec<String>,
    /// A fault for the first calls, ENDPOINT=FAULT[xCOUNT] with FAULT one of -1, 45009, 301070, http500, slow:MS, drop.
    #[arg(long = "fault", value_name = "ENDPOINT=FAULT[xN]")]
    pub faults: Vec<String>,
    /// "Now" for checking that special days are in the future (RFC 3339).
    #[arg(long, value_name = "RFC3339", value_parser = rfc3339)]
    pub now: Option<jiff::Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReadShapeArg {
    Modern,
    Legacy,
}

/// Check rule files: YAML syntax, the schema, and every constraint the server enforces.
///
/// Exit status: 0 no errors (warnings allowed), 1 errors found or the tool could not run.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct ValidateArgs {
    /// Rule files, roster files or folders (searched recursively for *.yaml,
    /// *.yml, *.json and, for rosters, *.csv) [default: rules/ and rosters/
    /// where present].
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The current time, RFC 3339 (e.g. 2027-01-01T00:00:00+08:00): special days
    /// are allowed only in the future of it. Default: the real current time.
    #[arg(long, value_name = "RFC3339", value_parser = rfc3339)]
    pub now: Option<jiff::Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-like text with the offending source line.
    Text,
    /// One JSON document (see README: validate --format json).
    Json,
    /// GitHub Actions annotations (::error file=…,line=…::…).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// Write the JSON Schema of rule files (schema/checkin-rule.schema.json), or check that it is current.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_STATUS)]
pub struct SchemaArgs {
    /// Only check: exit 1 when the file differs from what this version generates.
    #[arg(long)]
    pub check: bool,
    /// Where the schema file is.
    #[arg(long, default_value = crate::schema::SCHEMA_PATH)]
    pub out: PathBuf,
}

/// The CLI reference (docs/cli.md): the `--help` of the tool and of every
/// command, as users see it, at a fixed width so the file is the same on
/// every machine.
pub fn reference() -> String {
    use clap::CommandFactory;
    let mut cmd = Cli::command()
        .term_width(100)
        .version(env!("CARGO_PKG_VERSION"));
    let mut out = String::from(
        "# Command-line reference\n\n<!-- Generated by `WECOM_CHECKIN_UPDATE_DOCS=1 cargo test cli_reference` from the\n     definitions `--help` prints; do not edit by hand. -->\n\n",
    );
    let mut section = |title: &str, help: String| {
        out += &format!("## {title}\n\n```text\n{}\n```\n\n", help.trim_end());
    };
    section("wecom-checkin", cmd.render_long_help().to_string());
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        if let Some(sub) = cmd.find_subcommand_mut(&name) {
            let mut sub = sub
                .clone()
                .term_width(100)
                .bin_name(format!("wecom-checkin {name}"));
            section(
                &format!("wecom-checkin {name}"),
                sub.render_long_help().to_string(),
            );
        }
    }
    out.trim_end().to_owned() + "\n"
}
