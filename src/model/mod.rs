//! The rule model: one type on both sides of the diff (docs/planning.md).

mod rule;
mod values;
pub mod wire;

pub use rule::*;
pub use values::*;
