//! Rosters (排班) as code: who works which shift of a schedule rule on each
//! day of a month, one CSV file per rule and month (docs/rosters.md).
//!
//! - [`file`] reads `rosters/<groupname>/<YYYY-MM>.csv` with every cell's place;
//! - [`check`] checks a roster against the rule files (validate and plan);
//! - [`live`] reads live rosters with getcheckinschedulist;
//! - [`plan`] diffs them into setcheckinschedulist calls.

pub mod check;
pub mod file;
pub mod live;
pub mod plan;
pub mod write;

pub use file::{RosterFile, Rosters};

use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::error::ToolError;
use crate::load::Loaded;

/// Reads the rosters under `paths` and checks them against the loaded rule
/// files; their text joins `loaded.sources` and every problem is returned.
pub fn load(
    paths: &[PathBuf],
    loaded: &mut Loaded,
) -> Result<(Vec<RosterFile>, Vec<Diagnostic>), ToolError> {
    let read = file::read_paths(paths)?;
    loaded.sources.extend(read.sources);
    loaded.files += read.files.len();
    let mut diagnostics = read.diagnostics;
    diagnostics.extend(check::check(&read.files, &loaded.rules));
    Ok((read.files, diagnostics))
}
