//! One module per command.

pub mod apply;
pub mod completions;
pub mod corps;
pub mod emulate;
pub mod explain;
pub mod import;
pub mod man;
pub mod plan;
pub mod pull;
pub mod schema;
pub mod validate;

use crate::Exit;
use crate::cli::{Cli, Command};
use crate::error::ToolError;

/// `--color`, set once from the command line.
static COLOR: std::sync::OnceLock<crate::cli::ColorChoice> = std::sync::OnceLock::new();

pub fn dispatch(cli: Cli) -> Result<Exit, ToolError> {
    let _ = COLOR.set(cli.color);
    let _ = VERBOSITY.set(match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (false, true) => Verbosity::Verbose,
        (false, false) => Verbosity::Normal,
    });
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Apply(args) => apply::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Pull(args) => pull::run(&args),
        Command::Emulate(args) => emulate::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
    }
}

/// `-q` / `-v`, set once from the command line (as `--color` is; ripgrep
/// keeps its message switches the same way).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

static VERBOSITY: std::sync::OnceLock<Verbosity> = std::sync::OnceLock::new();

/// `-q`: only the command's output and its problems.
pub fn quiet() -> bool {
    VERBOSITY.get() == Some(&Verbosity::Quiet)
}

/// `-v`: the request log too.
pub fn verbose() -> bool {
    VERBOSITY.get() == Some(&Verbosity::Verbose)
}

/// A note on stderr about what was done ("saved the plan to …"), unless -q.
pub fn note(line: impl std::fmt::Display) {
    if !quiet() {
        let line = crate::escape::text(&line.to_string()).into_owned();
        eprint!("{}", crate::escape::guard_lines(line + "\n"));
    }
}

/// Whether to colour output written to stdout: `--color always|never`, or
/// (auto) on a terminal, unless NO_COLOR is set.
pub fn stdout_color() -> bool {
    use crate::cli::ColorChoice;
    use std::io::IsTerminal;
    match COLOR.get().copied().unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// The corp id from the flags or the environment, also when a ready
/// access_token is used: a saved plan is bound to it.
pub fn corpid(api: &crate::cli::ApiArgs) -> Option<String> {
    api.corpid
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The client configuration from the API flags, or what to do when credentials are missing.
pub fn client_config(api: &crate::cli::ApiArgs) -> Result<crate::client::Config, ToolError> {
    use crate::client::{Config, Credentials};
    let nonempty = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let credentials = match (
        nonempty(&api.access_token),
        nonempty(&api.corpid),
        nonempty(&api.corpsecret),
    ) {
        (Some(token), _, _) => Credentials::Token(token),
        (None, Some(corpid), Some(corpsecret)) => Credentials::Corp { corpid, corpsecret },
        _ => {
            return Err(ToolError::new(crate::t!("err-no-credentials"))
                .with_help(crate::t!("err-no-credentials-help")));
        }
    };
    let mut config = Config::new(api_base(&api.api_base)?, credentials);
    config.read_per_minute = api.read_rate_limit;
    config.roster_per_minute = api.roster_rate_limit;
    config.request_timeout = std::time::Duration::from_secs(api.timeout.max(1));
    config.max_attempts = api.attempts.max(1);
    config.min_backoff = std::time::Duration::from_millis(api.retry_wait_ms.clamp(1, 10_000));
    config.log_requests = verbose();
    Ok(config)
}

/// A client for the API flags: one per command, so that every call it makes
/// counts against the same rate limits and shares one token.
pub fn connect(
    api: &crate::cli::ApiArgs,
) -> Result<std::sync::Arc<crate::client::Client>, ToolError> {
    crate::client::Client::new(client_config(api)?).map_err(|e| ToolError::new(e.to_string()))
}

/// connect(), for apply: the only command that writes rules, and so the
/// only one with a write rate (`--write-rate-limit`).
pub fn connect_for_writes(
    api: &crate::cli::ApiArgs,
    write_per_minute: u32,
) -> Result<std::sync::Arc<crate::client::Client>, ToolError> {
    let mut config = client_config(api)?;
    config.write_per_minute = write_per_minute;
    crate::client::Client::new(config).map_err(|e| ToolError::new(e.to_string()))
}

/// The API's base URL, checked before any call: a URL with a scheme and a
/// host, and no user name or password (it would be printed and saved).
fn api_base(raw: &str) -> Result<String, ToolError> {
    let shown = crate::client::without_userinfo(raw);
    let refuse = |why: &str| {
        ToolError::new(crate::t!(
            "err-api-base",
            base = format!("{shown:?}"),
            why = why
        ))
        .with_help(crate::t!(
            "err-api-base-help",
            example = crate::client::DEFAULT_API_BASE
        ))
    };
    if !raw.contains("://") {
        return Err(refuse(
            "it has no scheme: a host or host:port needs http:// or https:// in front",
        ));
    }
    let url = reqwest::Url::parse(raw.trim()).map_err(|e| refuse(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse(&format!(
            "the scheme is {:?}, not http or https (a host:port needs http:// in front)",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(refuse("it names no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse(
            "it holds a user name or password; the API takes none, and the tool would print and save it",
        ));
    }
    Ok(raw.trim().to_owned())
}

pub use crate::pipeline::runtime;
