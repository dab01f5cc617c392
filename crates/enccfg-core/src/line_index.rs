//! Byte offsets to 1-based line/column positions (in chars and in UTF-16 units).

use crate::diagnostic::Position;

/// Line starts of a text, for turning byte offsets into positions.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// UTF-16 offset of each line start.
    utf16_line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut utf16_line_starts = vec![0];
        let mut utf16 = 0;
        for (i, c) in text.char_indices() {
            utf16 += c.len_utf16();
            if c == '\n' {
                line_starts.push(i + 1);
                utf16_line_starts.push(utf16);
            }
        }
        LineIndex {
            text,
            line_starts,
            utf16_line_starts,
        }
    }

    /// The position of byte `offset` (clamped to the text and to a char boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let before = &self.text[start..offset];
        let column = before.chars().count() + 1;
        let utf16_column = before.encode_utf16().count() + 1;
        Position {
            line: to_u32(line + 1),
            column: to_u32(column),
            utf16_column: to_u32(utf16_column),
            utf16_offset: to_u32(self.utf16_line_starts[line] + utf16_column - 1),
        }
    }
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_and_utf16_units() {
        let index = LineIndex::new("ab\nx😀y\n");
        let p = index.position(3 + 1 + 4);
        assert_eq!((p.line, p.column, p.utf16_column), (2, 3, 4));
        assert_eq!(p.utf16_offset, 3 + 3);
        assert_eq!(index.position(0).line, 1);
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_char_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1).column, 1);
        assert_eq!(index.position(99).column, 2);
    }
}
