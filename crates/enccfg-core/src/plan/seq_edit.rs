//! Layout-keeping edits on YAML sequences that the plans need beyond `fix/edits.rs`: insert a
//! new item at an index and move an item to the front, in block (`- item`) or flow (`[a, b]`)
//! style. Each returns `None` when the layout is one we cannot edit safely.

use crate::diagnostic::{Edit, TextRange};
use crate::fix::edits::{self, block_item_lines};
use crate::fix::locate;
use crate::syntax::{Node, NodeKind};

/// A new sequence item, written both ways.
pub(crate) struct NewItem {
    /// Block style: the item's lines; the first follows `- `, later ones are relative to the
    /// item's content column.
    pub block: Vec<String>,
    /// Flow style, on one line.
    pub flow: String,
}

/// An insertion, and where the new item sits in the text after it.
pub(crate) struct Insertion {
    pub edit: Edit,
    pub item: TextRange,
}

/// The sequence node whose range is exactly `range`.
pub(crate) fn sequence_at(root: &Node, range: TextRange) -> Option<&Node> {
    let node = locate::find(root, range)?.node;
    matches!(node.kind, NodeKind::Sequence(_)).then_some(node)
}

fn is_flow(text: &str, seq: &Node) -> bool {
    text.get(seq.range.start()..)
        .is_some_and(|rest| rest.starts_with('['))
}

/// Inserts `item` so that it becomes item `index` of `seq` (`index == len` appends).
pub(crate) fn insert(text: &str, seq: &Node, index: usize, item: &NewItem) -> Option<Insertion> {
    let items = locate::items(seq);
    if index > items.len() {
        return None;
    }
    if is_flow(text, seq) {
        return insert_flow(seq, items, index, &item.flow);
    }
    // Block style: copy the dash prefix of a sibling.
    let sibling = items.get(index).or_else(|| items.last())?;
    let lines = block_item_lines(text, sibling)?;
    let prefix = text.get(lines.start()..sibling.range.start())?;
    let indent: String = prefix
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let mut block = String::new();
    for (n, line) in item.block.iter().enumerate() {
        block.push_str(if n == 0 { prefix } else { &indent });
        block.push_str(line);
        block.push('\n');
    }
    let (at, lead) = if index < items.len() {
        (lines.start(), "")
    } else if text.get(..lines.end())?.ends_with('\n') {
        (lines.end(), "")
    } else {
        (lines.end(), "\n")
    };
    let start = at + lead.len() + prefix.len();
    let end = at + lead.len() + block.len() - 1;
    Some(Insertion {
        edit: Edit {
            range: TextRange::empty(at),
            insert: format!("{lead}{block}"),
        },
        item: TextRange::new(start, end),
    })
}

fn insert_flow(seq: &Node, items: &[Node], index: usize, flow: &str) -> Option<Insertion> {
    let (at, insert, offset) = if items.is_empty() {
        (seq.range.start() + 1, flow.to_string(), 0)
    } else if index < items.len() {
        (items.get(index)?.range.start(), format!("{flow}, "), 0)
    } else {
        (items.last()?.range.end(), format!(", {flow}"), 2)
    };
    Some(Insertion {
        edit: Edit {
            range: TextRange::empty(at),
            insert,
        },
        item: TextRange::new(at + offset, at + offset + flow.len()),
    })
}

/// Moves item `from` of `seq` to the front.
pub(crate) fn move_to_front(text: &str, seq: &Node, from: usize) -> Option<Vec<Edit>> {
    let items = locate::items(seq);
    let (first, moving) = (items.first()?, items.get(from)?);
    if from == 0 {
        return Some(Vec::new());
    }
    if is_flow(text, seq) {
        let mut out = edits::remove_item(text, items, from)?;
        out.push(Edit {
            range: TextRange::empty(first.range.start()),
            insert: format!("{}, ", text.get(moving.range.start()..moving.range.end())?),
        });
        return Some(out);
    }
    let moving_lines = block_item_lines(text, moving)?;
    let first_lines = block_item_lines(text, first)?;
    let mut block = text
        .get(moving_lines.start()..moving_lines.end())?
        .to_string();
    if !block.ends_with('\n') {
        block.push('\n');
    }
    Some(vec![
        Edit {
            range: moving_lines,
            insert: String::new(),
        },
        Edit {
            range: TextRange::empty(first_lines.start()),
            insert: block,
        },
    ])
}

/// Removes item `index` of `seq`.
pub(crate) fn remove(text: &str, seq: &Node, index: usize) -> Option<Vec<Edit>> {
    edits::remove_item(text, locate::items(seq), index)
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::*;
    use crate::syntax;

    fn root_seq(text: &str) -> Node {
        let root = syntax::parse(&crate::source::Source::from_text(text))
            .root
            .expect("parses");
        let (_, list) = root.pairs()[0].clone();
        list
    }

    fn item() -> NewItem {
        NewItem {
            block: vec!["name: new".into(), "secret: c2VjcmV0".into()],
            flow: "{name: new, secret: c2VjcmV0}".into(),
        }
    }

    #[test]
    fn block_insert_copies_the_siblings_indentation() {
        let text =
            "keys:\n  # the writer\n  - name: a\n    secret: x\n  - name: b\n    secret: y\n";
        let seq = root_seq(text);
        let first = insert(text, &seq, 0, &item()).unwrap();
        let out = edits::apply(text, &[first.edit]);
        assert_eq!(
            out,
            "keys:\n  # the writer\n  - name: new\n    secret: c2VjcmV0\n  - name: a\n    secret: x\n  - name: b\n    secret: y\n"
        );
        assert_eq!(
            &out[first.item.start()..first.item.end()],
            "name: new\n    secret: c2VjcmV0"
        );
        let second = insert(text, &seq, 1, &item()).unwrap();
        let out = edits::apply(text, &[second.edit]);
        assert!(out.contains("secret: x\n  - name: new\n    secret: c2VjcmV0\n  - name: b"));
        let last = insert(text.trim_end(), &seq, 2, &item()).unwrap();
        let out = edits::apply(text.trim_end(), &[last.edit]);
        assert!(
            out.ends_with("secret: y\n  - name: new\n    secret: c2VjcmV0\n"),
            "{out}"
        );
    }

    #[test]
    fn flow_insert_keeps_one_line() {
        let text = "keys: [{name: a, secret: x}]\n";
        let seq = root_seq(text);
        let first = insert(text, &seq, 0, &item()).unwrap();
        let out = edits::apply(text, &[first.edit]);
        assert_eq!(
            out,
            "keys: [{name: new, secret: c2VjcmV0}, {name: a, secret: x}]\n"
        );
        assert_eq!(
            &out[first.item.start()..first.item.end()],
            "{name: new, secret: c2VjcmV0}"
        );
        let end = insert(text, &seq, 1, &item()).unwrap();
        assert_eq!(
            edits::apply(text, &[end.edit]),
            "keys: [{name: a, secret: x}, {name: new, secret: c2VjcmV0}]\n"
        );
        let empty = "keys: []\n";
        let seq = root_seq(empty);
        let only = insert(empty, &seq, 0, &item()).unwrap();
        assert_eq!(
            edits::apply(empty, &[only.edit]),
            "keys: [{name: new, secret: c2VjcmV0}]\n"
        );
        assert!(insert(empty, &seq, 1, &item()).is_none());
    }

    #[test]
    fn moving_to_the_front_keeps_comments_with_their_item() {
        let text = "l:\n  - a: 1\n  - b: 2 # two\n  - c: 3\n";
        let seq = root_seq(text);
        let out = edits::apply(text, &move_to_front(text, &seq, 1).unwrap());
        assert_eq!(out, "l:\n  - b: 2 # two\n  - a: 1\n  - c: 3\n");
        let flow = "l: [a, b, c]\n";
        let seq = root_seq(flow);
        let out = edits::apply(flow, &move_to_front(flow, &seq, 2).unwrap());
        assert_eq!(out, "l: [c, a, b]\n");
    }
}
