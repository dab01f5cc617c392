//! Unified diff between the user's text and the fixed text.

use similar::TextDiff;

/// A unified diff (3 lines of context) from `old` to `new`, labelled `a/<name>` and `b/<name>`;
/// empty when they are equal.
pub fn unified_diff(old: &str, new: &str, name: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_show_changed_lines_only() {
        let d = unified_diff("a\nb\nc\n", "a\nB\nc\n", "x.yaml");
        assert!(d.starts_with("--- a/x.yaml\n+++ b/x.yaml\n"), "{d}");
        assert!(d.contains("-b\n+B\n"));
        assert_eq!(unified_diff("same\n", "same\n", "x"), "");
    }
}
