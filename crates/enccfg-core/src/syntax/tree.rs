//! The spanned YAML tree: every scalar, sequence and mapping with its byte range.
//!
//! Collections share their children (`Rc`), so an anchor or an alias costs a pointer copy, not
//! a deep copy; `size` counts the nodes a subtree stands for once aliases are expanded, which
//! is what the later stages walk and what the alias budget limits.

use std::rc::Rc;

use crate::diagnostic::TextRange;

/// How a scalar was written; only plain scalars are resolved to booleans, numbers and null.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    Quoted,
    Block,
    /// A number on the JSON path: Go decodes its text straight into the field's type.
    JsonNumber,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NodeKind {
    Scalar {
        value: String,
        style: ScalarStyle,
        /// A `!!str`-style tag's suffix (`str`, `int`, …), if any. Boxed: a tag is rare, and
        /// a `Box<str>` makes every node a word smaller than a `String` would.
        tag: Option<Box<str>>,
    },
    Sequence(Shared<Node>),
    /// Key/value pairs in file order (duplicates kept; decoding decides what they mean).
    Mapping(Shared<(Node, Node)>),
}

/// Children shared between a node and its copies (anchors, aliases): cloning copies a
/// pointer. Reads like a slice.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Shared<T>(Rc<[T]>);

impl<T> std::ops::Deref for Shared<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<'a, T> IntoIterator for &'a Shared<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(items: Vec<T>) -> Self {
        Shared(items.into())
    }
}

/// One YAML node and the bytes it covers.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub range: TextRange,
    pub kind: NodeKind,
    /// Came from a `<<` merge key rather than being written in this mapping.
    pub merged: bool,
    /// Written as an alias (`*name`) of an anchored node.
    pub alias: bool,
    /// The number of nodes in this subtree, aliases expanded.
    pub size: usize,
}

impl Node {
    /// A scalar node.
    pub(crate) fn scalar(
        range: TextRange,
        value: String,
        style: ScalarStyle,
        tag: Option<String>,
    ) -> Node {
        Node {
            range,
            kind: NodeKind::Scalar {
                value,
                style,
                tag: tag.map(String::into_boxed_str),
            },
            merged: false,
            alias: false,
            size: 1,
        }
    }

    /// A sequence or mapping node over `kind`'s children.
    pub(crate) fn collection(range: TextRange, kind: NodeKind) -> Node {
        let children = match &kind {
            NodeKind::Scalar { .. } => 0,
            NodeKind::Sequence(items) => {
                items.iter().map(|n| n.size).fold(0, usize::saturating_add)
            }
            NodeKind::Mapping(pairs) => pairs
                .iter()
                .map(|(k, v)| k.size.saturating_add(v.size))
                .fold(0, usize::saturating_add),
        };
        Node {
            range,
            kind,
            merged: false,
            alias: false,
            size: children.saturating_add(1),
        }
    }

    /// The scalar's text, if this is a scalar.
    pub(crate) fn scalar_text(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }
}

impl Node {
    /// Every node of the subtree, without recursion (aliases are bounded by the parse budget).
    pub(crate) fn walk(&self) -> impl Iterator<Item = &Node> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            match &node.kind {
                NodeKind::Scalar { .. } => {}
                NodeKind::Sequence(items) => stack.extend(items.iter()),
                NodeKind::Mapping(pairs) => stack.extend(pairs.iter().flat_map(|(k, v)| [k, v])),
            }
            Some(node)
        })
    }

    /// The key/value pairs when this is a mapping.
    pub(crate) fn pairs(&self) -> &[(Node, Node)] {
        match &self.kind {
            NodeKind::Mapping(pairs) => pairs,
            _ => &[],
        }
    }
}

/// The ranges of every `secret:` value in the tree: key material to mask.
pub(crate) fn secret_ranges(root: &Node) -> Vec<crate::diagnostic::TextRange> {
    let mut found: Vec<_> = root
        .walk()
        .flat_map(Node::pairs)
        .filter(|(key, value)| key.scalar_text() == Some("secret") && value.scalar_text().is_some())
        .map(|(_, value)| value.range)
        .collect();
    crate::order::sort_by_key(&mut found, |r| crate::order::pair(r.start, r.end));
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn nodes_stay_small() {
        // The tree is the largest thing analyze holds: a word more per node is a tenth more heap.
        assert_eq!(std::mem::size_of::<super::Node>(), 72);
    }
}
