//! Syntax: a file's text to our own spanned tree, read the way kube-apiserver reads it: Go's
//! JSON decoder when the first non-space character is `{` (`json.rs`), else go-yaml v2
//! (`parse.rs`, the only file that uses the YAML library, with go-yaml's differences from
//! libyaml in `goyaml.rs` and its reader in `reader.rs`). Everything after this stage sees
//! only [`Node`].

mod goyaml;
mod json;
mod parse;
mod reader;
mod scalar;
mod tree;

pub(crate) use parse::count_events;
pub(crate) use scalar::{resolve, Resolved};
pub(crate) use tree::{secret_ranges, Node, NodeKind, ScalarStyle};

use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// The first document of a file and what went wrong reading it.
pub(crate) struct Parsed {
    /// The first document's root (kube-apiserver reads only that one); `None` when there is none
    /// or it could not be read.
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `source` as kube-apiserver does. Total: never panics, bounded in depth and size.
pub(crate) fn parse(source: &Source) -> Parsed {
    if source.json {
        json::parse(&source.text)
    } else {
        parse::parse(source)
    }
}
