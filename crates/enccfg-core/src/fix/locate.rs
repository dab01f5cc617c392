//! Finding tree nodes by the ranges diagnostics carry.

use crate::diagnostic::TextRange;
use crate::syntax::{Node, NodeKind};

/// Where a node sits: its parent collection and its index there.
pub(crate) struct Located<'n> {
    pub node: &'n Node,
    pub parent: Option<&'n Node>,
    /// Index among the parent's items, or among its pairs (for a key or value).
    pub index: usize,
}

/// The node whose range is exactly `target` (the deepest one, keys included).
pub(crate) fn find(root: &Node, target: TextRange) -> Option<Located<'_>> {
    let mut best: Option<Located<'_>> = None;
    let mut stack: Vec<(&Node, Option<&Node>, usize)> = vec![(root, None, 0)];
    while let Some((node, parent, index)) = stack.pop() {
        if node.range.start > target.end || node.range.end < target.start {
            continue;
        }
        if node.range == target {
            best = Some(Located {
                node,
                parent,
                index,
            });
        }
        match &node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Sequence(items) => {
                stack.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| (item, Some(node), i)),
                );
            }
            NodeKind::Mapping(pairs) => {
                for (i, (k, v)) in pairs.iter().enumerate() {
                    stack.push((k, Some(node), i));
                    stack.push((v, Some(node), i));
                }
            }
        }
    }
    best
}

/// The mapping that holds a key at `key_range`, and the pair's index.
pub(crate) fn mapping_of_key(root: &Node, key_range: TextRange) -> Option<(&Node, usize)> {
    let found = find(root, key_range)?;
    let parent = found.parent?;
    match &parent.kind {
        NodeKind::Mapping(pairs)
            if pairs
                .get(found.index)
                .is_some_and(|(k, _)| k.range == key_range) =>
        {
            Some((parent, found.index))
        }
        _ => None,
    }
}

/// The sequence item (and its sequence) whose range contains `inner`.
pub(crate) fn item_containing(root: &Node, inner: TextRange) -> Option<(&Node, usize)> {
    let mut found = None;
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.range.start > inner.start || node.range.end < inner.end {
            continue;
        }
        match &node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    if item.range.start <= inner.start && inner.end <= item.range.end {
                        found = Some((node, i));
                    }
                }
                stack.extend(items);
            }
            NodeKind::Mapping(pairs) => stack.extend(pairs.iter().flat_map(|(k, v)| [k, v])),
        }
    }
    found
}

pub(crate) fn items(node: &Node) -> &[Node] {
    match &node.kind {
        NodeKind::Sequence(items) => items,
        _ => &[],
    }
}

/// The mapping holding a pair whose key starts at `at.start`, and the pair's index.
pub(crate) fn pairs_starting_at(root: &Node, at: TextRange) -> Option<(&Node, usize)> {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        // Only nodes around `at` can hold it (alias copies also exist where first written).
        if node.range.start > at.start || node.range.end < at.start {
            continue;
        }
        match &node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Mapping(pairs) => {
                if let Some(i) = pairs.iter().position(|(k, _)| k.range.start == at.start) {
                    return Some((node, i));
                }
                stack.extend(pairs.iter().map(|(_, v)| v));
            }
        }
    }
    None
}

/// The mapping node whose range is exactly `target`.
pub(crate) fn find_mapping(root: &Node, target: TextRange) -> Option<&Node> {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.range.start > target.end || node.range.end < target.start {
            continue;
        }
        match &node.kind {
            NodeKind::Mapping(pairs) => {
                if node.range == target {
                    return Some(node);
                }
                stack.extend(pairs.iter().map(|(_, v)| v));
            }
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Scalar { .. } => {}
        }
    }
    None
}
