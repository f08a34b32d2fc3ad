//! `wecom-checkin completions SHELL`: the shell's completion script (clap_complete).

use clap::CommandFactory;

use crate::Exit;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::ToolError;

pub fn run(args: &CompletionsArgs) -> Result<Exit, ToolError> {
    let mut cmd = Cli::command();
    clap_complete::generate(
        args.shell,
        &mut cmd,
        "wecom-checkin",
        &mut std::io::stdout(),
    );
    Ok(Exit::Success)
}
