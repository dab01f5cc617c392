//! Unified diff between the user's text and the fixed text: `similar`'s plain Myers algorithm
//! (called directly, without its line-hashing preflight, so neither the other algorithms nor a
//! second copy of Myers for hashed lines are in the wasm bundle) and our own hunk printer.

use similar::algorithms::{myers, Capture, Replace};
use similar::{group_diff_ops, DiffTag};

/// A unified diff (3 lines of context) from `old` to `new`, labelled `a/<name>` and `b/<name>`;
/// empty when they are equal.
pub fn unified_diff(old: &str, new: &str, name: &str) -> String {
    if old == new {
        return String::new();
    }
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    // `Replace` pairs a deletion with the insertion next to it, so `-` lines print before `+`.
    let mut capture = Replace::new(Capture::new());
    // Capture's error type is Infallible.
    let _ = myers::diff_deadline_raw(
        &mut capture,
        &old_lines,
        0..old_lines.len(),
        &new_lines,
        0..new_lines.len(),
        None,
    );
    let capture = capture.into_inner();
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    for group in group_diff_ops(capture.into_ops(), 3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (old_start, new_start) = (first.old_range().start, first.new_range().start);
        let (old_len, new_len) = (
            last.old_range().end - old_start,
            last.new_range().end - new_start,
        );
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            hunk_range(old_start, old_len),
            hunk_range(new_start, new_len)
        ));
        for op in &group {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let old = old_lines.get(old_range).unwrap_or_default();
            if tag == DiffTag::Equal {
                old.iter().for_each(|l| push_line(&mut out, ' ', l));
                continue;
            }
            old.iter().for_each(|l| push_line(&mut out, '-', l));
            let new = new_lines.get(new_range).unwrap_or_default();
            new.iter().for_each(|l| push_line(&mut out, '+', l));
        }
    }
    out
}

/// `start,len` in 1-based unified-diff notation (`start` is the line before an empty range).
fn hunk_range(start: usize, len: usize) -> String {
    match len {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{len}", start + 1),
    }
}

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_show_changed_lines_with_context() {
        let d = unified_diff("a\nb\nc\n", "a\nB\nc\n", "x.yaml");
        assert_eq!(
            d,
            "--- a/x.yaml\n+++ b/x.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
        assert_eq!(unified_diff("same\n", "same\n", "x"), "");
    }

    #[test]
    fn far_apart_changes_make_separate_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new = old
            .replace("2\n", "two\n")
            .replacen("19\n", "nineteen\n", 1);
        let d = unified_diff(&old, &new, "f");
        assert_eq!(d.matches("@@ ").count(), 2, "{d}");
        assert!(d.contains("@@ -1,5 +1,5 @@"), "{d}");
        assert!(unified_diff("a", "b", "f").contains("\\ No newline at end of file"));
    }
}
