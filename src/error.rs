//! Errors that stop a command (exit 1): the tool could not do its job at all.
//! Problems *in* rule files are diagnostics, not errors.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct ToolError {
    pub message: String,
    /// What the user can do about it.
    pub help: Option<String>,
}

impl ToolError {
    pub fn new(message: impl Into<String>) -> Self {
        ToolError {
            message: message.into(),
            help: None,
        }
    }

    /// "cannot read PATH: why", in the reader's language.
    pub fn cannot_read(path: &std::path::Path, why: impl fmt::Display) -> Self {
        Self::about("err-cannot-read", path, why)
    }

    pub fn cannot_write(path: &std::path::Path, why: impl fmt::Display) -> Self {
        Self::about("err-cannot-write", path, why)
    }

    pub fn cannot_create(path: &std::path::Path, why: impl fmt::Display) -> Self {
        Self::about("err-cannot-create", path, why)
    }

    fn about(id: &str, path: &std::path::Path, why: impl fmt::Display) -> Self {
        let path = path.display().to_string();
        Self::new(crate::t!(id, path = path, error = why.to_string()))
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let message = self.message.as_str();
        write!(f, "{}", crate::t!("tool-error", message = message))?;
        if let Some(help) = &self.help {
            write!(f, "\n{}", crate::t!("tool-help", help = help.as_str()))?;
        }
        Ok(())
    }
}

impl std::error::Error for ToolError {}
