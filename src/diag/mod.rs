//! Diagnostics are data: one type for every problem any command reports, and
//! one renderer per output format (`text`, `json`, `github`, `sarif`).
//!
//! The JSON form is a contract later tooling depends on (README: "validate
//! --format json"): `code` is the server's errcode (0 for problems the server
//! never sees: syntax, shape, schema), `errmsg` the server's English errmsg
//! exactly, `path` a JSON pointer into the rule, and `line`/`column` 1-based.

pub mod render;

use serde::Serialize;

use crate::load::yaml::Pos;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The server's errcode (301093 / 301094), or 0 for a problem of the file itself.
    pub code: u32,
    /// The server's errmsg, or a short category for code 0 ("unknown key", …).
    pub errmsg: String,
    pub severity: Severity,
    /// JSON pointer to the offending value within its rule document.
    pub path: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong, naming the actual values.
    pub message: String,
    /// What to change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The document's Chinese explanation (错误说明) of the errcode row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Stable id of the check that found it (SARIF rule id).
    pub check: &'static str,
    /// Where the offending text ends, for underlining.
    #[serde(skip)]
    pub end: Option<Pos>,
}

impl Diagnostic {
    /// A problem of the file itself (code 0): syntax, shape or schema.
    pub fn file_error(
        check: &'static str,
        file: &str,
        path: &str,
        pos: Pos,
        message: impl Into<String>,
    ) -> Self {
        let registered = crate::checks::registry::file_check_by_id(check);
        // Every id is registered (SARIF and the docs list them); a test run
        // that meets an unregistered one fails here.
        debug_assert!(
            registered.is_some(),
            "check {check:?} is not in FILE_CHECKS"
        );
        Diagnostic {
            code: 0,
            errmsg: check.to_owned(),
            severity: registered.map_or(Severity::Error, |c| c.severity),
            path: path.to_owned(),
            file: file.to_owned(),
            line: pos.line,
            column: pos.col,
            message: message.into(),
            help: None,
            explanation: None,
            check,
            end: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_end(mut self, end: Option<Pos>) -> Self {
        self.end = end;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Order of output: by file, then position, then code, then check and
    /// pointer, so that every language lists the same findings in the same
    /// order (the message, in the reader's language, decides last).
    pub fn sort_key(&self) -> (&str, usize, usize, u32, &str, &str, &str) {
        (
            &self.file,
            self.line,
            self.column,
            self.code,
            self.check,
            &self.path,
            &self.message,
        )
    }
}

/// Counts for the summary line and the exit code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub rules: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn new(files: usize, rules: usize, diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        Summary {
            files,
            rules,
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}
