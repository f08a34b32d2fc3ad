//! Running a command for the corps of `wecom-checkin.toml`: for each corp,
//! this same program is run with the corp's folders and its own environment
//! variables (so each run has its own client, token and rate limits and no
//! corp's secret can reach another's run), several at once; their outputs are
//! printed a section per corp, in name order, and their exit statuses
//! combined (1 if any failed, else 2 if any has changes, else 0).

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command as Process, Stdio};

use crate::Exit;
use crate::cli::{Cli, Command, Format, PlanFormat};
use crate::corps::{self, Corp, Corps};
use crate::error::ToolError;

/// Runs at once at most this many corps (each is mostly waiting on the API).
const AT_ONCE: usize = 8;

/// What a command needs to know to run per corp.
struct Shape {
    /// Runs over every corp when no --corp is given.
    fans_out: bool,
    /// The user named paths (or a live file) of their own.
    own_paths: bool,
    /// One JSON document as output: several cannot be printed one after another.
    json: bool,
    markdown: bool,
}

/// Runs `cli` per corp when a `wecom-checkin.toml` is here (and this is not
/// already one corp's run); None: run it as it is.
pub fn route(cli: &Cli, args: &[OsString]) -> Result<Option<Exit>, ToolError> {
    if std::env::var_os(corps::CHILD).is_some() {
        return Ok(None);
    }
    // Commands without corps (schema, emulate, completions, man) never read
    // the file: a broken one does not stop them.
    if shape(&cli.command).is_none() && cli.corp.is_none() {
        return Ok(None);
    }
    let Some(file) = corps::find(Path::new("."))? else {
        return match &cli.corp {
            Some(name) => Err(ToolError::new(crate::t!(
                "corps-no-file",
                name = name.as_str(),
                file = corps::FILE
            ))
            .with_help(crate::t!("corps-no-file-help"))),
            None => Ok(None),
        };
    };
    let Some(shape) = shape(&cli.command) else {
        return match &cli.corp {
            Some(_) => Err(ToolError::new(crate::t!("corps-not-for-command"))),
            None => Ok(None),
        };
    };
    let selected: Vec<(&String, &Corp)> = match &cli.corp {
        Some(name) => {
            let corp = file.corps.get(name).ok_or_else(|| {
                ToolError::new(crate::t!(
                    "corps-unknown",
                    name = crate::escape::text(name).as_ref(),
                    file = corps::FILE
                ))
                .with_help(crate::t!("corps-unknown-help", names = names(&file)))
            })?;
            vec![(name, corp)]
        }
        None => file.corps.iter().collect(),
    };
    if selected.len() > 1 {
        let refuse = |why: &str| {
            Err(ToolError::new(crate::t!(
                "corps-refuse",
                why = crate::t!(why),
                file = corps::FILE,
                n = selected.len()
            ))
            .with_help(crate::t!("corps-refuse-help", names = names(&file))))
        };
        if !shape.fans_out {
            return refuse("corps-why-one");
        }
        if shape.own_paths {
            return refuse("corps-why-paths");
        }
        if shape.json {
            return refuse("corps-why-json");
        }
    }
    let program = std::env::current_exe()
        .map_err(|e| ToolError::new(crate::t!("corps-no-program", error = e.to_string())))?;
    let mut runs: Vec<(String, Process)> = selected
        .iter()
        .map(|(name, corp)| {
            let child_args = child_args(cli, args, name, corp, selected.len() > 1);
            (name.to_string(), process(&program, name, corp, &child_args))
        })
        .collect();
    if runs.len() == 1 {
        // One corp: its run is this run (a terminal stays a terminal, so
        // apply can still ask).
        let (_, mut process) = runs.remove(0);
        let status = process
            .status()
            .map_err(|e| ToolError::new(crate::t!("corps-cannot-run", error = e.to_string())))?;
        return Ok(Some(exit_of(status.code())));
    }
    Ok(Some(fan_out(runs, shape.markdown)))
}

fn shape(command: &Command) -> Option<Shape> {
    Some(match command {
        Command::Validate(a) => Shape {
            fans_out: true,
            own_paths: !a.paths.is_empty(),
            json: matches!(a.format, Format::Json | Format::Sarif),
            markdown: false,
        },
        Command::Plan(a) => Shape {
            fans_out: true,
            own_paths: !a.paths.is_empty() || a.live.is_some(),
            json: a.format == PlanFormat::Json,
            markdown: a.format == PlanFormat::Markdown,
        },
        Command::Apply(a) => Shape {
            fans_out: true,
            own_paths: !a.targets.is_empty(),
            json: false,
            markdown: false,
        },
        Command::Import(_) | Command::Pull(_) | Command::Explain(_) => Shape {
            fans_out: false,
            own_paths: false,
            json: false,
            markdown: false,
        },
        _ => return None,
    })
}

fn names(file: &Corps) -> String {
    file.corps.keys().cloned().collect::<Vec<_>>().join(", ")
}

/// The command line for one corp: `--corp` taken out; the corp's folders
/// where the user named none; with several corps, each saved or reviewed
/// plan file named for the corp.
fn child_args(
    cli: &Cli,
    args: &[OsString],
    name: &str,
    corp: &Corp,
    several: bool,
) -> Vec<OsString> {
    let mut out = Vec::new();
    let mut rest = args.iter().skip(1);
    let has = |flag: &str| {
        args.iter()
            .any(|a| a == flag || a.to_string_lossy().starts_with(&format!("{flag}=")))
    };
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--corp" {
            rest.next();
            continue;
        }
        if text.starts_with("--corp=") {
            continue;
        }
        if several && (text == "--out" || text == "--reviewed") {
            out.push(arg.clone());
            if let Some(file) = rest.next() {
                out.push(corps::per_corp_file(&file.to_string_lossy(), name).into());
            }
            continue;
        }
        let inline = text
            .split_once('=')
            .filter(|(f, _)| several && (*f == "--out" || *f == "--reviewed"));
        if let Some((flag, file)) = inline {
            out.push(format!("{flag}={}", corps::per_corp_file(file, name)).into());
            continue;
        }
        out.push(arg.clone());
    }
    let folders = || {
        let mut f = vec![corp.rules.clone().into_os_string()];
        f.extend(corp.rosters.clone().map(|r| r.into_os_string()));
        f
    };
    match &cli.command {
        Command::Validate(a) if a.paths.is_empty() => out.extend(folders()),
        Command::Plan(a) if a.paths.is_empty() => out.extend(folders()),
        Command::Apply(a) if a.targets.is_empty() => out.extend(folders()),
        Command::Explain(a) if a.paths.is_empty() => {
            for folder in folders() {
                out.push("--rules".into());
                out.push(folder);
            }
        }
        Command::Import(a) => {
            if !has("--out") {
                out.push("--out".into());
                out.push(corp.rules.clone().into_os_string());
            }
            if let (Some(_), Some(rosters), false) =
                (&a.rosters, &corp.rosters, has("--rosters-out"))
            {
                out.push("--rosters-out".into());
                out.push(rosters.clone().into_os_string());
            }
        }
        _ => {}
    }
    out
}

fn process(program: &Path, name: &str, corp: &Corp, args: &[OsString]) -> Process {
    let mut process = Process::new(program);
    process.args(args).env(corps::CHILD, name);
    for (var, value) in corps::environment(corp, |v| std::env::var_os(v)) {
        match value {
            Some(value) => process.env(var, value),
            None => process.env_remove(var),
        };
    }
    process
}

fn exit_of(code: Option<i32>) -> Exit {
    match code {
        Some(0) => Exit::Success,
        Some(2) => Exit::Changes,
        _ => Exit::Failure,
    }
}

/// Runs every corp, AT_ONCE at a time, and prints each one's output whole,
/// a section per corp in name order; its stderr lines carry its name.
fn fan_out(runs: Vec<(String, Process)>, markdown: bool) -> Exit {
    let outputs: Vec<(String, std::io::Result<std::process::Output>)> =
        std::thread::scope(|scope| {
            let mut results = Vec::new();
            let mut runs = runs.into_iter();
            loop {
                let handles: Vec<_> = runs
                    .by_ref()
                    .take(AT_ONCE)
                    .map(|(name, mut p)| {
                        p.stdin(Stdio::null());
                        (name, scope.spawn(move || p.output()))
                    })
                    .collect();
                if handles.is_empty() {
                    break;
                }
                for (name, handle) in handles {
                    let output = handle.join().unwrap_or_else(|_| {
                        Err(std::io::Error::other("the run's thread panicked"))
                    });
                    results.push((name, output));
                }
            }
            results
        });
    let mut exits = Vec::new();
    for (name, output) in outputs {
        if markdown {
            println!(
                "{}\n",
                crate::t!("corps-heading-markdown", name = name.as_str())
            );
        } else {
            println!("{}", crate::t!("corps-heading", name = name.as_str()));
        }
        match output {
            Ok(output) => {
                print!("{}", String::from_utf8_lossy(&output.stdout));
                for line in String::from_utf8_lossy(&output.stderr).lines() {
                    eprintln!("{name}: {line}");
                }
                exits.push(exit_of(output.status.code()));
            }
            Err(e) => {
                let said = crate::t!(
                    "tool-error",
                    message = crate::t!(
                        "corps-cannot-run-for",
                        name = name.as_str(),
                        error = e.to_string()
                    )
                );
                eprintln!("{name}: {said}");
                exits.push(Exit::Failure);
            }
        }
        if markdown {
            println!();
        }
    }
    combine(&exits)
}

/// 1 if any run failed, else 2 if any has changes to make, else 0.
fn combine(exits: &[Exit]) -> Exit {
    if exits.contains(&Exit::Failure) {
        Exit::Failure
    } else if exits.contains(&Exit::Changes) {
        Exit::Changes
    } else {
        Exit::Success
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn args_for(line: &[&str], several: bool) -> Vec<String> {
        let args: Vec<OsString> = line.iter().map(OsString::from).collect();
        let cli = Cli::try_parse_from(&args).unwrap();
        let corp = Corp {
            rules: "hq/rules".into(),
            rosters: Some("hq/rosters".into()),
            env_prefix: "HQ_".into(),
        };
        child_args(&cli, &args, "hq", &corp, several)
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn each_corp_gets_its_folders_and_its_own_plan_files() {
        assert_eq!(
            args_for(
                &[
                    "w",
                    "plan",
                    "--out=plan.json",
                    "--corp",
                    "hq",
                    "--out",
                    "p.md"
                ],
                true
            ),
            [
                "plan",
                "--out=plan.hq.json",
                "--out",
                "p.hq.md",
                "hq/rules",
                "hq/rosters"
            ]
        );
        assert_eq!(
            args_for(
                &["w", "--corp=hq", "apply", "--reviewed", "plan.json"],
                false
            ),
            ["apply", "--reviewed", "plan.json", "hq/rules", "hq/rosters"],
            "one corp: the files as named"
        );
        assert_eq!(
            args_for(&["w", "import", "--rosters", "2026-12"], false),
            [
                "import",
                "--rosters",
                "2026-12",
                "--out",
                "hq/rules",
                "--rosters-out",
                "hq/rosters"
            ]
        );
        assert_eq!(
            args_for(&["w", "explain", "alice"], false),
            [
                "explain",
                "alice",
                "--rules",
                "hq/rules",
                "--rules",
                "hq/rosters"
            ]
        );
        assert_eq!(args_for(&["w", "validate", "x"], false), ["validate", "x"]);
    }

    #[test]
    fn exit_statuses_combine_failure_first() {
        use Exit::*;
        assert_eq!(combine(&[Success, Changes, Failure]), Failure);
        assert_eq!(combine(&[Success, Changes]), Changes);
        assert_eq!(combine(&[Success, Success]), Success);
        assert_eq!(exit_of(None), Failure, "killed by a signal");
    }
}
