//! Tabs, where the YAML library and kube-apiserver's go-yaml v2 disagree.
//!
//! go-yaml (like libyaml) treats a tab as whitespace only inside flow collections (`[...]`,
//! `{...}`), inside scalars and comments, and after a token that cannot start a key. In block
//! context a tab at the start of a line (even on an otherwise blank line) or right after a
//! `-`, `?` or `:` indicator is "a character that cannot start any token". `saphyr-parser`
//! accepts some of those; [`TabCheck`] finds them from the parser's events. It also knows the
//! opposite case: `{a:\tb}` is valid in flow context, where saphyr refuses the tab.

use crate::diagnostic::TextRange;

/// Tabs that go-yaml refuses unless they turn out to sit in a scalar, comment or flow
/// collection, and which of them the events showed to be covered.
pub(super) struct TabCheck {
    candidates: Vec<usize>,
    covered: Vec<bool>,
    /// For every open collection, where it starts if it is a flow collection.
    open: Vec<Option<usize>>,
    /// Where the second document starts (kube-apiserver ignores everything from there).
    second_document: Option<usize>,
}

impl TabCheck {
    /// `None` when there is nothing to check (no suspicious tab, or a JSON document, which
    /// Go's JSON decoder reads with tabs as plain whitespace).
    pub(super) fn new(text: &str) -> Option<TabCheck> {
        if !text.contains('\t') || text.trim_start().starts_with('{') {
            return None;
        }
        let candidates = candidates(text);
        if candidates.is_empty() {
            return None;
        }
        Some(TabCheck {
            covered: vec![false; candidates.len()],
            candidates,
            open: Vec::new(),
            second_document: None,
        })
    }

    /// Tabs in `range` are part of a scalar or flow collection: go-yaml accepts them.
    pub(super) fn cover(&mut self, range: TextRange) {
        let first = self.candidates.partition_point(|&t| t < range.start());
        for k in first..self.candidates.len() {
            if self.candidates[k] >= range.end() {
                break;
            }
            self.covered[k] = true;
        }
    }

    /// A sequence or mapping starts at `start`; `flow` when written `[` or `{`.
    pub(super) fn open(&mut self, start: usize, flow: bool) {
        self.open.push(flow.then_some(start));
    }

    /// The innermost open collection ends at `end`.
    pub(super) fn close(&mut self, end: usize) {
        if let Some(Some(start)) = self.open.pop() {
            self.cover(TextRange::new(start, end));
        }
    }

    pub(super) fn document(&mut self, start: usize, documents: usize) {
        if documents == 2 {
            self.second_document = Some(start);
        }
    }

    /// The first tab go-yaml refuses, in the first document.
    pub(super) fn first_refused(&self) -> Option<usize> {
        let end = self.second_document.unwrap_or(usize::MAX);
        self.candidates
            .iter()
            .zip(&self.covered)
            .find(|&(&at, &covered)| !covered && at < end)
            .map(|(&at, _)| at)
    }
}

/// Tabs in a line's indentation, or after a `-`, `?` or `:` indicator and blanks, that are not
/// in a comment.
fn candidates(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        let bytes = line.as_bytes();
        // After the indentation, or after an indicator and blanks.
        let mut blank_run = true;
        let mut prev: u8 = b' ';
        let mut indicator = false;
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\t' if blank_run || indicator => found.push(line_start + i),
                b' ' | b'\t' => {}
                b'#' if prev == b' ' || prev == b'\t' || i == 0 => break,
                b'-' | b'?' if blank_run => {
                    indicator = matches!(bytes.get(i + 1), Some(b' ' | b'\t'));
                    blank_run = false;
                }
                b':' => {
                    indicator = matches!(bytes.get(i + 1), Some(b' ' | b'\t'));
                    blank_run = false;
                }
                _ => {
                    blank_run = false;
                    indicator = false;
                }
            }
            prev = b;
        }
        line_start += line.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::candidates;

    #[test]
    fn candidates_are_indentation_and_indicator_tabs_outside_comments() {
        assert_eq!(candidates("\ta: b\n"), [0]);
        assert_eq!(candidates("a: b\n\t\nc: d\n"), [5]);
        assert_eq!(candidates("- \tb\n"), [2]);
        assert_eq!(candidates("a: \tb\n"), [3]);
        assert_eq!(candidates("a: b\tc\n"), Vec::<usize>::new());
        assert_eq!(candidates("a: b # x: \ty\n"), Vec::<usize>::new());
        assert_eq!(candidates("url: http://x\ty\n"), Vec::<usize>::new());
    }
}
