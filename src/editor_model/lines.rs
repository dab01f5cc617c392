//! Line starts of the editor text (bytes and UTF-16 units), caret positions, and the window of
//! lines worth drawing for a scroll position (the overlay draws only those).

/// Every editor line is this tall (the CSS sets the same `line-height`).
pub const LINE_HEIGHT_PX: f64 = 21.0;
/// Lines drawn above and below the visible ones.
const OVERSCAN: usize = 20;
/// The window moves in steps of this many lines, so scrolling re-renders rarely.
const STEP: usize = 10;

/// The text split into lines, computed once per edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Lines {
    text: std::rc::Rc<str>,
    /// Byte offset of each line start.
    starts: Vec<usize>,
    /// UTF-16 offset of each line start.
    utf16_starts: Vec<u32>,
}

impl Lines {
    pub fn new(text: std::rc::Rc<str>) -> Lines {
        let mut starts = vec![0];
        let mut utf16_starts = vec![0];
        let mut utf16 = 0u32;
        for (i, c) in text.char_indices() {
            utf16 += c.len_utf16() as u32;
            if c == '\n' {
                starts.push(i + 1);
                utf16_starts.push(utf16);
            }
        }
        Lines {
            text,
            starts,
            utf16_starts,
        }
    }

    /// Number of lines (a final newline starts an empty last line, as in the textarea).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// Line `index` (0-based) without its line break.
    pub fn line(&self, index: usize) -> &str {
        let Some(&start) = self.starts.get(index) else {
            return "";
        };
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        self.text[start..end]
            .strip_suffix('\r')
            .unwrap_or(&self.text[start..end])
    }

    /// The 1-based line and column (in characters) of a UTF-16 caret offset.
    pub fn caret(&self, utf16: u32) -> (u32, u32) {
        let index = self.utf16_starts.partition_point(|&s| s <= utf16).max(1) - 1;
        let mut units = self.utf16_starts[index];
        let mut column = 1;
        for c in self.line(index).chars() {
            units += c.len_utf16() as u32;
            if units > utf16 {
                break;
            }
            column += 1;
        }
        (index as u32 + 1, column)
    }

    /// The UTF-16 offsets of a byte range (what a textarea's selection uses), in
    /// O(log lines + line length): views of big files convert thousands of spans.
    pub fn utf16_span(&self, range: enccfg_core::TextRange) -> (u32, u32) {
        (self.utf16_of(range.start()), self.utf16_of(range.end()))
    }

    fn utf16_of(&self, byte: usize) -> u32 {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let index = self.starts.partition_point(|&s| s <= byte) - 1;
        let within = &self.text[self.starts[index]..byte];
        self.utf16_starts[index] + within.encode_utf16().count() as u32
    }

    /// The UTF-16 offset where line `line` (1-based) starts.
    pub fn utf16_line_start(&self, line: u32) -> u32 {
        let index = (line.max(1) as usize - 1).min(self.count() - 1);
        self.utf16_starts[index]
    }
}

/// Lines `first..end` (0-based) are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub end: usize,
}

/// The lines to draw when the textarea is scrolled to `scroll_top` and shows `viewport` pixels.
pub fn visible_window(scroll_top: f64, viewport: f64, total: usize) -> Window {
    let top = ((scroll_top.max(0.0) / LINE_HEIGHT_PX) as usize).min(total.saturating_sub(1));
    let shown = (viewport.max(0.0) / LINE_HEIGHT_PX).ceil() as usize + 1;
    let first = (top / STEP * STEP).saturating_sub(OVERSCAN);
    let end = (top / STEP * STEP + STEP + shown + OVERSCAN).min(total);
    Window {
        first: first.min(end),
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_carets_count_chars_and_utf16_units() {
        let lines = Lines::new("ab\r\nx😀y\n".into());
        assert_eq!(lines.count(), 3);
        assert_eq!(
            (lines.line(0), lines.line(1), lines.line(2)),
            ("ab", "x😀y", "")
        );
        assert_eq!(lines.line(9), "");
        assert_eq!(lines.caret(0), (1, 1));
        assert_eq!(lines.caret(4), (2, 1));
        assert_eq!(lines.caret(5), (2, 2));
        assert_eq!(lines.caret(7), (2, 3)); // after the emoji (two UTF-16 units)
        assert_eq!(lines.caret(9), (3, 1));
        assert_eq!(lines.caret(999), (3, 1));
        assert_eq!(lines.utf16_line_start(2), 4);
        assert_eq!(lines.utf16_line_start(99), 9);
    }

    #[test]
    fn byte_spans_convert_like_the_core() {
        let text = "a: é😀\nb: [x]\n";
        let lines = Lines::new(text.into());
        for (start, end) in [(0, 1), (3, 9), (10, 14), (4, 5), (0, 99)] {
            let range = enccfg_core::TextRange::new(start, end);
            assert_eq!(
                lines.utf16_span(range),
                enccfg_core::utf16_span(text, range),
                "{start}..{end}"
            );
        }
    }

    #[test]
    fn the_window_covers_the_viewport_and_moves_in_steps() {
        let w = visible_window(0.0, 420.0, 5000);
        assert_eq!(w.first, 0);
        assert!(w.end >= 21 && w.end < 80);
        let far = visible_window(4000.0 * LINE_HEIGHT_PX, 420.0, 5000);
        assert!(far.first <= 4000 && far.end >= 4021);
        assert!(far.end - far.first < 100);
        assert_eq!(visible_window(4001.0 * LINE_HEIGHT_PX, 420.0, 5000), far);
        let end = visible_window(1e9, 420.0, 5000);
        assert_eq!(end.end, 5000);
        assert!(end.first < end.end);
        assert_eq!(visible_window(0.0, 400.0, 3), Window { first: 0, end: 3 });
    }
}
