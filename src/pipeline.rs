//! The pipeline `plan` and `apply` share: load and check the rule and roster
//! files, read live state (a file or the API), build the plan, plan the
//! rosters, and record where it all came from. Commands settle their flags
//! into an [`Input`] and call [`make`]; they never call each other.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::checks;
use crate::client::Client;
use crate::diag::Diagnostic;
use crate::error::ToolError;
use crate::live::{self, LiveRule};
use crate::load::{self, Loaded};
use crate::plan::{self, Options, Plan};
use crate::roster::RosterFile;

/// Live rules and where they came from: the file (what `pull` writes), else the API.
pub fn read_live_file(path: &Path) -> Result<(Vec<LiveRule>, String), ToolError> {
    let text = std::fs::read_to_string(path).map_err(|e| ToolError::cannot_read(path, e))?;
    let rules = live::parse_answer_text(&text).map_err(|e| {
        ToolError::new(crate::t!(
            "err-in-file",
            path = path.display().to_string(),
            error = e
        ))
        .with_help(crate::t!("err-live-file-help"))
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
        .map_err(|e| ToolError::new(crate::t!("err-live-rules", error = e.to_string())))?;
    let rules = live::parse_answer(&answer)
        .map_err(|e| ToolError::new(crate::t!("err-live-answer", error = e.to_string())))?;
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
            Ok(_) => crate::roster::plan::not_planned(plan, roster, crate::t!("roster-live-file")),
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
                ToolError::new(crate::t!(
                    "err-live-rosters-of",
                    month = format!("{:04}-{:02}", month / 100, month % 100),
                    error = e.to_string()
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

/// What a plan is made from, settled from the command line once.
pub struct Input<'a> {
    /// Rule files, roster files and folders (the defaults already filled in).
    pub paths: Vec<PathBuf>,
    pub live: Live<'a>,
    pub options: Options,
    /// People per getcheckinschedulist read and setcheckinschedulist call.
    pub roster_batch: usize,
    /// The corp the API belongs to, recorded in the plan (a saved plan is bound to it).
    pub corpid: Option<String>,
}

/// Where live state comes from.
pub enum Live<'a> {
    /// A file `pull` wrote: rules only.
    File(&'a Path),
    /// The API, through the client this gives; asked for only once the rule
    /// files have loaded, so their errors show without credentials.
    Api(Box<dyn FnOnce() -> Result<Arc<Client>, ToolError> + 'a>),
}

/// Loads the files, reads live state, and builds the plan with its rosters.
pub fn make(input: Input) -> Result<Planned, ToolError> {
    let now = input.options.now.as_second();
    let (loaded, rosters, blocking) = load_desired(&input.paths)?;
    if !blocking.is_empty() {
        return Ok(Planned::Refused(blocking, loaded));
    }
    let runtime = runtime()?;
    let (client, (live_rules, source), corpid) = match input.live {
        Live::File(path) => (None, read_live_file(path)?, None),
        Live::Api(connect) => {
            let client = connect()?;
            let live = read_live_api(&client, &runtime)?;
            (Some(client), live, input.corpid)
        }
    };
    let mut plan = plan::build(&loaded.rules, &live_rules, &input.options);
    plan_rosters(
        &mut plan,
        &rosters,
        &loaded,
        &live_rules,
        client.as_deref().map(|c| (c, &runtime)),
        input.roster_batch,
        now,
    )?;
    plan.live.source = source;
    plan.live.corpid = corpid;
    plan.commit = git_commit(&input.paths);
    plan.seal();
    Ok(Planned::Plan(Box::new(plan), loaded))
}

/// A runtime for the commands that talk to the API.
pub fn runtime() -> Result<tokio::runtime::Runtime, ToolError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| ToolError::new(crate::t!("err-runtime", error = e.to_string())))
}
