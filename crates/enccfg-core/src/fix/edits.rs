//! Text edits that keep the user's layout: replace a scalar, remove a list item or a mapping
//! pair (block or flow style), move a list item. Each returns `None` when the layout is one we
//! cannot edit safely, so no fix is offered.

use crate::diagnostic::{Edit, TextRange};
use crate::syntax::Node;

pub(crate) fn replace(range: TextRange, insert: impl Into<String>) -> Vec<Edit> {
    vec![Edit {
        range,
        insert: insert.into(),
    }]
}

fn line_start(text: &str, at: usize) -> usize {
    text.get(..at.min(text.len()))
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The end of the line holding `at`, past its line break.
fn line_end_inclusive(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| at + i + 1)
}

/// Only spaces, or a comment, between `from` and the end of its line.
fn rest_of_line_is_blank(text: &str, from: usize) -> bool {
    let end = line_end_inclusive(text, from);
    let rest = text.get(from.min(end)..end).unwrap_or_default().trim();
    rest.is_empty() || rest.starts_with('#')
}

/// The non-space character before `at`, and its offset.
fn previous_char(text: &str, at: usize) -> Option<(usize, char)> {
    text.get(..at)?
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
}

/// The whole lines of a block-sequence item (`- item` and its nested lines), or `None` when the
/// item does not own its lines.
pub(crate) fn block_item_lines(text: &str, item: &Node) -> Option<TextRange> {
    let start = line_start(text, item.range.start());
    let prefix = text.get(start..item.range.start())?;
    if !prefix
        .trim_start()
        .strip_prefix('-')
        .is_some_and(|after| after.trim().is_empty())
    {
        return None;
    }
    let end = item.range.end().max(item.range.start());
    if !rest_of_line_is_blank(text, end) {
        return None;
    }
    Some(TextRange::new(
        start,
        line_end_inclusive(text, end.saturating_sub(1).max(start)),
    ))
}

/// Removes item `index` of a sequence node.
pub(crate) fn remove_item(text: &str, items: &[Node], index: usize) -> Option<Vec<Edit>> {
    let item = items.get(index)?;
    if let Some(lines) = block_item_lines(text, item) {
        return Some(replace(lines, ""));
    }
    // Flow style: `[a, b]`.
    match previous_char(text, item.range.start())? {
        (comma, ',') => Some(replace(TextRange::new(comma, item.range.end()), "")),
        (_, '[') => {
            let end = items
                .get(index + 1)
                .map_or(item.range.end(), |next| next.range.start());
            Some(replace(TextRange::new(item.range.start(), end), ""))
        }
        _ => None,
    }
}

/// Removes the pair `key: value` from a mapping whose pairs are `pairs`.
pub(crate) fn remove_pair(text: &str, pairs: &[(Node, Node)], index: usize) -> Option<Vec<Edit>> {
    let (key, value) = pairs.get(index)?;
    let end = value.range.end().max(key.range.end());
    let start = line_start(text, key.range.start());
    let indent = text.get(start..key.range.start())?;
    if indent.trim().is_empty() && rest_of_line_is_blank(text, end) {
        return Some(replace(
            TextRange::new(
                start,
                line_end_inclusive(text, end.saturating_sub(1).max(key.range.start())),
            ),
            "",
        ));
    }
    match previous_char(text, key.range.start())? {
        (comma, ',') => Some(replace(TextRange::new(comma, end), "")),
        (_, '{') => {
            let next = pairs.get(index + 1).map_or(end, |(k, _)| k.range.start());
            Some(replace(TextRange::new(key.range.start(), next), ""))
        }
        _ => None,
    }
}

/// Moves block item `from` after the last item of the same sequence.
pub(crate) fn move_item_to_end(text: &str, items: &[Node], from: usize) -> Option<Vec<Edit>> {
    let last = items.last()?;
    if from + 1 >= items.len() {
        return None;
    }
    let moving = block_item_lines(text, items.get(from)?)?;
    let last_lines = block_item_lines(text, last)?;
    let mut block = text.get(moving.start()..moving.end())?.to_string();
    let mut insert_at = last_lines.end();
    if !block.ends_with('\n') {
        block.push('\n');
    }
    if !text.get(..insert_at)?.ends_with('\n') {
        block.insert(0, '\n');
        insert_at = text.len();
    }
    Some(vec![
        Edit {
            range: moving,
            insert: String::new(),
        },
        Edit {
            range: TextRange::empty(insert_at),
            insert: block,
        },
    ])
}

/// Applies non-overlapping edits (sorted here) to `text`.
pub(crate) fn apply(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    crate::order::sort_by_key(&mut sorted, |e| {
        crate::order::pair(e.range.start, e.range.end)
    });
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for edit in sorted {
        let (start, end) = (
            edit.range.start().min(text.len()),
            edit.range.end().min(text.len()),
        );
        let Some(kept) = text.get(last..start).filter(|_| text.is_char_boundary(end)) else {
            // Overlapping an earlier edit, or not on a character boundary: skipped.
            continue;
        };
        out.push_str(kept);
        out.push_str(&edit.insert);
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    out
}

/// Whether two edits touch the same bytes (insertions at the same point conflict too).
pub(crate) fn overlaps(a: &Edit, b: &Edit) -> bool {
    let (a, b) = (a.range, b.range);
    a.start < b.end && b.start < a.end || a.start == b.start
}
