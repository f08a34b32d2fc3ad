//! wecom-checkin: WeCom check-in rules (打卡规则) as code.
//!
//! The binary is a thin shell over this library: [`run`] parses the command
//! line and dispatches to one module per command in [`commands`].

pub mod apply;
pub mod atomic;
pub mod checks;
pub mod cli;
pub mod client;
pub mod commands;
pub mod corps;
pub mod diag;
pub mod emit;
pub mod emulator;
pub mod error;
pub mod escape;
pub mod i18n;
pub mod live;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod plan;
pub mod roster;
pub mod schema;
pub mod usage_error;

use std::ffi::OsString;
use std::process::ExitCode;

/// How a command ended, as the process exit status: one contract for every
/// command (`cli::EXIT_STATUS`, README "Exit status").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, nothing failed.
    Success = 0,
    /// 1: anything failed: invalid rules or flags, the API or the network, a
    /// refusal, a path that cannot be read.
    Failure = 1,
    /// 2: only `plan --detailed-exitcode`: changes to make. Nothing else
    /// exits 2, so a drift job can tell drift from an outage.
    Changes = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// Runs the command line `args` (program name first) and returns the exit status.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    // Chosen before parsing: a flag's value that does not parse (`--now`)
    // is refused in the language asked for.
    let lang = i18n::of_args(&args);
    i18n::set(Some(lang));
    let parsed = cli::command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| <cli::Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let chinese = (e.use_stderr() && lang == i18n::Lang::ZhCn)
                .then(|| usage_error::chinese(&e))
                .flatten();
            match chinese {
                // The values in it are the user's own words.
                Some(text) => eprint_visible(&t!("tool-error", message = text)),
                None => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() {
                Exit::Failure.into()
            } else {
                Exit::Success.into()
            };
        }
    };
    // With a wecom-checkin.toml: the command runs once per corp.
    let routed = commands::corps::route(&cli, &args).and_then(|done| match done {
        Some(exit) => Ok(exit),
        None => commands::dispatch(cli),
    });
    match routed {
        Ok(exit) => exit.into(),
        Err(e) => {
            // Paths, names and server messages in it.
            eprint_visible(&e.to_string());
            Exit::Failure.into()
        }
    }
}

/// `text` on stderr with what hides in it made visible, line by line.
fn eprint_visible(text: &str) {
    let shown: Vec<String> = text.lines().map(|l| escape::text(l).into_owned()).collect();
    eprint!("{}", escape::guard_lines(shown.join("\n") + "\n"));
}
