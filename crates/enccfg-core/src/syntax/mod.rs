//! Syntax: text to our own spanned YAML tree. `parse.rs` is the only file that uses the YAML
//! library; everything after this stage sees only [`Node`].

mod parse;
mod scalar;
mod tabs;
mod tree;

pub(crate) use parse::{count_events, parse};
pub(crate) use scalar::{resolve, Resolved};
pub(crate) use tree::{secret_ranges, Node, NodeKind, ScalarStyle};
