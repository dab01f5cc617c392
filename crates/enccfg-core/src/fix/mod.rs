//! Fixes as text edits on the user's own file (comments and layout survive): the builders named
//! by the registry (`builders.rs`, and the lint rule files), the layout-keeping edit primitives
//! (`edits.rs`), tree lookups by range (`locate.rs`) and unified diffs (`diff.rs`). This module
//! knows nothing of the registry or of the analysis: the facade attaches fixes, and the export
//! engine (`crate::export`) applies them.

pub(crate) mod builders;
mod diff;
pub(crate) mod edits;
pub(crate) mod locate;

pub use diff::unified_diff;

use crate::diagnostic::{Edit, Fix};
use crate::syntax::Node;

/// What a fix builder sees: the analysed text and its tree.
pub struct FixContext<'a> {
    pub(crate) text: &'a str,
    pub(crate) root: &'a Node,
}

impl<'a> FixContext<'a> {
    pub(crate) fn new(text: &'a str, root: &'a Node) -> Self {
        FixContext { text, root }
    }
}

/// A fix without its applicability (which only the registry declares).
pub struct Proposal {
    pub(crate) title: String,
    pub(crate) edits: Vec<Edit>,
}

impl Proposal {
    pub(crate) fn new(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Proposal {
            title: title.into(),
            edits,
        }
    }
}

/// `text` with one fix's edits applied (for the per-finding buttons).
pub fn apply_fix(text: &str, fix: &Fix) -> String {
    edits::apply(text, &fix.edits)
}
