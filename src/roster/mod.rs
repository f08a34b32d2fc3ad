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

use crate::diag::Diagnostic;
use crate::load::Loaded;

/// Reads the rosters found beside the rule files and checks them against the
/// loaded rules; their text joins `loaded.sources` and every problem is returned.
pub fn load(loaded: &mut Loaded) -> (Vec<RosterFile>, Vec<Diagnostic>) {
    let read = file::read_files(&loaded.roster_files);
    loaded.sources.extend(read.sources);
    loaded.files += read.files.len();
    let mut diagnostics = read.diagnostics;
    diagnostics.extend(check::check(&read.files, &loaded.rules));
    (read.files, diagnostics)
}
