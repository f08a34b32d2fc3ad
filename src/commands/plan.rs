//! `wecom-checkin plan`: the rules in git against live state, as API calls.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::Exit;
use crate::checks;
use crate::cli::{PlanArgs, PlanFormat};
use crate::client::Client;
use crate::diag::{Diagnostic, render};
use crate::error::ToolError;
use crate::live::{self, LiveRule};
use crate::load::{self, Loaded};
use crate::plan::{self, Options, Plan};
use crate::roster::RosterFile;

/// Live rules and where they came from: the file (what `pull` writes), else the API.
pub fn read_live(
    file: Option<&Path>,
    api: &crate::cli::ApiArgs,
) -> Result<(Vec<LiveRule>, String), ToolError> {
    match file {
        Some(path) => read_live_file(path),
        None => read_live_api(&*super::connect(api)?, &super::runtime()?),
    }
}

fn read_live_file(path: &Path) -> Result<(Vec<LiveRule>, String), ToolError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ToolError::new(format!("cannot read {}: {e}", path.display())))?;
    let rules = live::parse_answer_text(&text).map_err(|e| {
        ToolError::new(format!("{}: {e}", path.display()))
            .with_help("pass a file written by `wecom-checkin pull`")
    })?;
    Ok((rules, load::display_path(path)))
}

/// The live rules through `client`, and its API base as their source.
pub fn read_live_api(
    client: &Client,
    runtime: &tokio::runtime::Runtime,
) -> Result<(Vec<LiveRule>, String), ToolError> {
    let answer = runtime
        .block_on(client.get_corp_checkin_option())
        .map_err(|e| ToolError::new(format!("cannot read the live rules: {e}")))?;
    let rules = live::parse_answer(&answer)
        .map_err(|e| ToolError::new(format!("the live answer is not usable: {e}")))?;
    Ok((rules, client.base().to_owned()))
}

/// The commit of the rules, when they are in a git work tree ("-dirty" when they have local changes).
pub fn git_commit(paths: &[PathBuf]) -> Option<String> {
    let first = paths.first()?;
    let dir = if first.is_dir() {
        first.clone()
    } else {
        first.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let commit = git(&["rev-parse", "HEAD"])?;
    let dirty = git(&["status", "--porcelain", "--", "."]).is_some_and(|s| !s.is_empty());
    Some(if dirty {
        format!("{commit}-dirty")
    } else {
        commit
    })
}

/// Loads and checks the desired rules and rosters; problems of the files
/// themselves stop here.
pub fn load_desired(
    paths: &[PathBuf],
) -> Result<(Loaded, Vec<RosterFile>, Vec<Diagnostic>), ToolError> {
    let mut loaded = load::load_paths(paths)?;
    let mut blocking: Vec<Diagnostic> = std::mem::take(&mut loaded.diagnostics);
    blocking.extend(checks::check_corp(&loaded.rules));
    let (rosters, roster_problems) = crate::roster::load(&mut loaded);
    blocking.extend(roster_problems);
    blocking.retain(Diagnostic::is_error);
    Ok((loaded, rosters, blocking))
}

/// Plans each roster file against its live roster, read through `client`
/// (none with `--live`: a file holds rules only, so its rosters are said to
/// be not compared).
fn plan_rosters(
    plan: &mut Plan,
    rosters: &[RosterFile],
    loaded: &Loaded,
    live_rules: &[LiveRule],
    api: Option<(&Client, &tokio::runtime::Runtime)>,
    batch: usize,
    now: i64,
) -> Result<(), ToolError> {
    if rosters.is_empty() {
        return Ok(());
    }
    let today = crate::model::Date(now).cst_day();
    let mut targets = Vec::new();
    for roster in rosters {
        match crate::roster::plan::target(plan, roster) {
            Ok(id) if api.is_some() => targets.push((roster, id)),
            Ok(_) => crate::roster::plan::not_planned(
                plan,
                roster,
                "live rosters are read from the API; a --live file holds rules only".into(),
            ),
            Err(why) => crate::roster::plan::not_planned(plan, roster, why),
        }
    }
    let Some((client, runtime)) = api else {
        return Ok(());
    };
    // One read per month and 100 people, whatever their rules.
    let months: BTreeSet<u32> = targets.iter().map(|(r, _)| r.yearmonth()).collect();
    for month in months {
        let users: BTreeSet<String> = targets
            .iter()
            .filter(|(r, _)| r.yearmonth() == month)
            .flat_map(|(r, _)| r.rows.iter().map(|row| row.userid.clone()))
            .collect();
        let users: Vec<String> = users.into_iter().collect();
        let mut live = runtime
            .block_on(crate::roster::live::read_month(client, month, &users))
            .map_err(|e| {
                ToolError::new(format!(
                    "cannot read the live rosters of {:04}-{:02}: {e}",
                    month / 100,
                    month % 100
                ))
            })?;
        for (roster, groupid) in targets.iter().filter(|(r, _)| r.yearmonth() == month) {
            // Only the file's people count: others of the rule are not managed here.
            let mut cells = live.remove(groupid).unwrap_or_default();
            cells.retain(|(u, _), _| roster.rows.iter().any(|r| r.userid == *u));
            crate::roster::plan::plan_one(
                plan,
                roster,
                &loaded.rules,
                live_rules,
                *groupid,
                &cells,
                today,
                batch,
            );
        }
    }
    if !plan.errors.is_empty() {
        plan.blocked = true;
        plan.calls.clear();
    }
    Ok(())
}

/// A plan, or why the rule files could not be planned.
pub enum Planned {
    Plan(Box<Plan>, Loaded),
    Refused(Vec<Diagnostic>, Loaded),
}

/// Builds the plan the way `plan` and `apply` both need it, through
/// `client` when the caller has one (apply: one client, one set of limits).
pub fn make_plan(args: &PlanArgs, client: Option<Arc<Client>>) -> Result<Planned, ToolError> {
    let clock = crate::cli::now_or_clock(args.now);
    let now = clock.as_second();
    let paths = crate::cli::paths_or_default(&args.paths);
    let (loaded, rosters, blocking) = load_desired(&paths)?;
    if !blocking.is_empty() {
        return Ok(Planned::Refused(blocking, loaded));
    }
    let runtime = super::runtime()?;
    let (client, (live_rules, source)) = match args.live.as_deref() {
        Some(path) => (None, read_live_file(path)?),
        None => {
            let client = match client {
                Some(c) => c,
                None => super::connect(&args.api)?,
            };
            let live = read_live_api(&client, &runtime)?;
            (Some(client), live)
        }
    };
    let opts = Options {
        prune: args.change.prune,
        allow_replace: args.change.allow_replace,
        now: clock,
        effective_now: args.change.effective_now,
    };
    let mut plan = plan::build(&loaded.rules, &live_rules, &opts);
    plan_rosters(
        &mut plan,
        &rosters,
        &loaded,
        &live_rules,
        client.as_deref().map(|c| (c, &runtime)),
        args.change.roster_batch,
        now,
    )?;
    plan.live.source = source;
    if args.live.is_none() {
        plan.live.corpid = super::corpid(&args.api);
    }
    plan.commit = git_commit(&paths);
    plan.seal();
    Ok(Planned::Plan(Box::new(plan), loaded))
}

/// The --full-plan-url as it goes into a comment: an http(s) URL without
/// user name or password, percent-encoded (no space, `<` or `>` can end the link).
fn full_plan_url(raw: &str) -> Result<String, ToolError> {
    let refuse = |why: String| {
        ToolError::new(format!(
            "--full-plan-url {:?} is not usable: {why}",
            crate::client::without_userinfo(raw)
        ))
        .with_help("pass the http(s) address of the page that keeps the full plan, e.g. the CI run")
    };
    let url = reqwest::Url::parse(raw.trim()).map_err(|e| refuse(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse(format!("the scheme is {}", url.scheme())));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse("it has a user name or password".into()));
    }
    Ok(url.to_string())
}

/// The format of an --out file, by its extension.
fn out_format(path: &Path) -> Result<PlanFormat, ToolError> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => Ok(PlanFormat::Json),
        Some("txt") => Ok(PlanFormat::Text),
        Some("md") => Ok(PlanFormat::Markdown),
        _ => Err(ToolError::new(format!(
            "--out {}: the format is taken from the extension",
            path.display()
        ))
        .with_help("name the file .json (for apply), .txt or .md")),
    }
}

/// Writes `text` to `path` whole or not at all.
fn atomic_write(path: &Path, text: &str) -> Result<(), ToolError> {
    crate::atomic::write(path, text)
        .map_err(|e| ToolError::new(format!("cannot write {}: {e}", path.display())))
}

pub fn run(args: &PlanArgs) -> Result<Exit, ToolError> {
    for path in &args.out {
        out_format(path)?;
    }
    let full_plan_url = args
        .full_plan_url
        .as_deref()
        .map(full_plan_url)
        .transpose()?;
    let color = super::stdout_color();
    let (plan, loaded) = match make_plan(args, None)? {
        Planned::Plan(plan, loaded) => (*plan, loaded),
        Planned::Refused(blocking, loaded) => {
            print!(
                "{}",
                crate::escape::guard_lines(render::diagnostics_text(
                    &blocking,
                    &loaded.sources,
                    color
                ))
            );
            println!(
                "Plan refused: the rule files have {} error{}; `wecom-checkin validate` shows them all.",
                blocking.len(),
                if blocking.len() == 1 { "" } else { "s" }
            );
            return Ok(Exit::Failure);
        }
    };
    let mut diagnostics: Vec<Diagnostic> =
        plan.errors.iter().chain(&plan.warnings).cloned().collect();
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let diag_text = render::diagnostics_text(&diagnostics, &loaded.sources, false);
    let out = match args.format {
        PlanFormat::Text => {
            render::diagnostics_text(&diagnostics, &loaded.sources, color)
                + &plan::render::text(&plan, color)
        }
        PlanFormat::Markdown => plan::render::markdown(&plan, &diag_text, full_plan_url.as_deref()),
        PlanFormat::Json => plan::render::json(&plan),
    };
    // Logs run a line that begins with `::` as a workflow command.
    let out = crate::escape::guard_lines(out);
    print!("{out}");
    for path in &args.out {
        let text = match out_format(path)? {
            PlanFormat::Json => plan::render::json(&plan),
            PlanFormat::Text => {
                render::diagnostics_text(&diagnostics, &loaded.sources, false)
                    + &plan::render::text(&plan, false)
            }
            PlanFormat::Markdown => plan::render::markdown_full(&plan, &diag_text),
        };
        atomic_write(path, &text)?;
        super::note(format!("saved the plan to {}", path.display()));
    }
    Ok(if plan.is_blocked() {
        Exit::Failure
    } else if args.detailed_exitcode && plan.has_changes() {
        Exit::Changes
    } else {
        Exit::Success
    })
}
