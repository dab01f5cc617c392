//! The spanned YAML tree: every scalar, sequence and mapping with its byte range.

use crate::diagnostic::TextRange;

/// How a scalar was written; only plain scalars are resolved to booleans, numbers and null.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    Quoted,
    Block,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NodeKind {
    Scalar {
        value: String,
        style: ScalarStyle,
        /// A `!!str`-style tag's suffix (`str`, `int`, …), if any.
        tag: Option<String>,
    },
    Sequence(Vec<Node>),
    /// Key/value pairs in file order (duplicates kept; decoding decides what they mean).
    Mapping(Vec<(Node, Node)>),
}

/// One YAML node and the bytes it covers.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub range: TextRange,
    pub kind: NodeKind,
    /// Came from a `<<` merge key rather than being written in this mapping.
    pub merged: bool,
}

impl Node {
    /// The number of nodes in this subtree (used for the alias-expansion budget).
    pub(crate) fn size(&self) -> usize {
        let mut count = 0;
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            count += 1;
            match &node.kind {
                NodeKind::Scalar { .. } => {}
                NodeKind::Sequence(items) => stack.extend(items),
                NodeKind::Mapping(pairs) => stack.extend(pairs.iter().flat_map(|(k, v)| [k, v])),
            }
        }
        count
    }

    /// The scalar's text, if this is a scalar.
    pub(crate) fn scalar_text(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }
}

/// The ranges of every `secret:` value in the tree: key material to mask.
pub(crate) fn secret_ranges(root: &Node) -> Vec<crate::diagnostic::TextRange> {
    let mut found = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Mapping(pairs) => {
                for (key, value) in pairs {
                    if key.scalar_text() == Some("secret") && value.scalar_text().is_some() {
                        found.push(value.range);
                    }
                    stack.push(value);
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}
