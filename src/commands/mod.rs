//! One module per command.

pub mod schema;
pub mod validate;

use crate::Exit;
use crate::cli::{Cli, Command};
use crate::error::ToolError;

pub fn dispatch(cli: Cli) -> Result<Exit, ToolError> {
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
    }
}

/// Whether to colour output written to stdout: on a terminal, unless NO_COLOR is set.
pub fn stdout_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}
