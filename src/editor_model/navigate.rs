//! Caret ↔ diagnostics: the diagnostic under the caret (for the status line), and where F8 /
//! Shift+F8 move the caret (the next / previous diagnostic start, wrapping around).

use enccfg_core::Diagnostic;

/// Where to put the caret: a UTF-16 offset (what `selectionStart` counts) and its 1-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub offset: u32,
    pub line: u32,
}

/// The diagnostic whose span holds the caret (ends included): the most severe, then the
/// narrowest.
pub fn under_caret(diagnostics: &[Diagnostic], caret: u32) -> Option<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.start.utf16_offset <= caret && caret <= d.end.utf16_offset)
        .min_by_key(|d| (d.severity, d.end.utf16_offset - d.start.utf16_offset))
}

/// The next (`forward`) or previous diagnostic start from `caret`, wrapping around the file.
/// A caret already on a start moves past it.
pub fn step(diagnostics: &[Diagnostic], caret: u32, forward: bool) -> Option<Target> {
    let mut starts: Vec<Target> = diagnostics
        .iter()
        .map(|d| Target {
            offset: d.start.utf16_offset,
            line: d.start.line,
        })
        .collect();
    enccfg_core::order::sort_by_key(&mut starts, |t| u64::from(t.offset));
    starts.dedup_by_key(|t| t.offset);
    if forward {
        starts
            .iter()
            .find(|t| t.offset > caret)
            .or(starts.first())
            .copied()
    } else {
        starts
            .iter()
            .rev()
            .find(|t| t.offset < caret)
            .or(starts.last())
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enccfg_core::analyze;

    fn broken() -> Vec<Diagnostic> {
        let example = crate::examples::find("broken").unwrap();
        analyze(example.text, &example.options()).diagnostics
    }

    #[test]
    fn f8_walks_forward_through_every_start_and_wraps() {
        let diagnostics = broken();
        let mut starts: Vec<u32> = diagnostics.iter().map(|d| d.start.utf16_offset).collect();
        starts.sort();
        starts.dedup();
        let mut caret = 0;
        let mut seen = Vec::new();
        for _ in 0..starts.len() {
            let t = step(&diagnostics, caret, true).unwrap();
            seen.push(t.offset);
            caret = t.offset;
        }
        assert_eq!(seen, starts);
        assert_eq!(step(&diagnostics, caret, true).unwrap().offset, starts[0]);
    }

    #[test]
    fn shift_f8_walks_backward_and_wraps() {
        let diagnostics = broken();
        let first = step(&diagnostics, 0, true).unwrap();
        let last = step(&diagnostics, first.offset, false).unwrap();
        assert!(last.offset > first.offset, "wrapped to the last one");
        let before_last = step(&diagnostics, last.offset, false).unwrap();
        assert!(before_last.offset < last.offset);
        let d = diagnostics
            .iter()
            .find(|d| d.start.utf16_offset == last.offset)
            .unwrap();
        assert_eq!(last.line, d.start.line);
    }

    #[test]
    fn no_diagnostics_no_target() {
        assert_eq!(step(&[], 5, true), None);
        assert_eq!(under_caret(&[], 5), None);
    }

    #[test]
    fn the_most_severe_diagnostic_under_the_caret_wins() {
        let diagnostics = broken();
        let identity = diagnostics.iter().find(|d| d.code == "EC0401").unwrap();
        let found = under_caret(&diagnostics, identity.start.utf16_offset + 1).unwrap();
        assert_eq!(found.code, "EC0401");
        let key = diagnostics.iter().find(|d| d.code == "EC0217").unwrap();
        assert_eq!(
            under_caret(&diagnostics, key.end.utf16_offset)
                .unwrap()
                .code,
            "EC0217"
        );
        assert!(under_caret(&diagnostics, 0).is_none());
    }
}
