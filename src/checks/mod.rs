//! Offline checks of loaded rules. One file per family of checks.

mod corp;

use crate::diag::Diagnostic;
use crate::error::ToolError;
use crate::load::LoadedRule;

/// "Now" as a Unix timestamp: `--now` (RFC 3339) or the real current time.
pub fn parse_now(now: Option<&str>) -> Result<i64, ToolError> {
    match now {
        None => Ok(jiff::Timestamp::now().as_second()),
        Some(s) => s
            .parse::<jiff::Timestamp>()
            .map(|t| t.as_second())
            .map_err(|e| {
                ToolError::new(format!("--now {s:?} is not an RFC 3339 time: {e}"))
                    .with_help("write e.g. --now 2027-01-01T00:00:00+08:00")
            }),
    }
}

/// Every check over every rule, and the checks across rules.
pub fn check_all(rules: &[LoadedRule], _now: i64) -> Vec<Diagnostic> {
    corp::check(rules)
}
