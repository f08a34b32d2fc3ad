//! The rule model: one type on both sides of the diff (docs/planning.md).

pub mod defaults;
pub mod fields;
mod rule;
mod values;
pub mod wire;

pub use fields::TOOL_KEYS;

pub use rule::*;
pub use values::*;
