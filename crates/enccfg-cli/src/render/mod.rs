//! Output formats of `enccfg check`.

pub mod json;
pub mod sarif;
pub mod text;
