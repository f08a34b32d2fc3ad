//! The command line: raw flags only. Each command checks and derives its own
//! configuration from these before doing anything.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Manage WeCom (企业微信) check-in rules (打卡规则) as code.
///
/// Rules live as YAML files in git, one rule per file; `validate` checks them
/// offline exactly as the server would.
#[derive(Debug, Parser)]
#[command(name = "wecom-checkin", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Validate(ValidateArgs),
    Schema(SchemaArgs),
}

/// Check rule files: YAML syntax, the schema, and every constraint the server enforces.
///
/// Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the tool could not run.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Rule files or folders (searched recursively for *.yaml, *.yml, *.json).
    #[arg(default_value = "rules")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The current time, RFC 3339 (e.g. 2027-01-01T00:00:00+08:00): special days
    /// are allowed only in the future of it. Default: the real current time.
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<String>,
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
pub struct SchemaArgs {
    /// Only check: exit 1 when the file differs from what this version generates.
    #[arg(long)]
    pub check: bool,
    /// Where the schema file is.
    #[arg(long, default_value = crate::schema::SCHEMA_PATH)]
    pub out: PathBuf,
}
