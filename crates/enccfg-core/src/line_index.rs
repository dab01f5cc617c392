//! Byte offsets to 1-based line/column positions (in chars and in UTF-16 units).

use crate::diagnostic::Position;

/// Bytes between two checkpoints: a position costs at most this much counting.
const STRIDE: usize = 256;

/// Where a character starts: byte offset, and chars and UTF-16 units before it in the text.
#[derive(Clone, Copy)]
struct Mark {
    byte: usize,
    chars: usize,
    utf16: usize,
}

/// Line starts of a text, and checkpoints every [`STRIDE`] bytes, so that turning an offset
/// into a position is cheap even on a line of megabytes.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    lines: Vec<Mark>,
    checkpoints: Vec<Mark>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let start = Mark {
            byte: 0,
            chars: 0,
            utf16: 0,
        };
        let (mut lines, mut checkpoints) = (vec![start], vec![start]);
        let (mut chars, mut utf16) = (0, 0);
        for (i, c) in text.char_indices() {
            if i >= checkpoints[checkpoints.len() - 1].byte + STRIDE {
                checkpoints.push(Mark {
                    byte: i,
                    chars,
                    utf16,
                });
            }
            chars += 1;
            utf16 += c.len_utf16();
            if c == '\n' {
                lines.push(Mark {
                    byte: i + 1,
                    chars,
                    utf16,
                });
            }
        }
        LineIndex {
            text,
            lines,
            checkpoints,
        }
    }

    /// Chars and UTF-16 units before byte `offset` (a char boundary).
    fn counts(&self, offset: usize) -> (usize, usize) {
        let at = self.checkpoints.partition_point(|m| m.byte <= offset) - 1;
        let mark = self.checkpoints[at];
        let between = &self.text[mark.byte..offset];
        (
            mark.chars + between.chars().count(),
            mark.utf16 + between.encode_utf16().count(),
        )
    }

    /// The position of byte `offset` (clamped to the text and to a char boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.partition_point(|m| m.byte <= offset) - 1;
        let start = self.lines[line];
        let (chars, utf16) = self.counts(offset);
        let utf16_column = utf16 - start.utf16 + 1;
        Position {
            line: to_u32(line + 1),
            column: to_u32(chars - start.chars + 1),
            utf16_column: to_u32(utf16_column),
            utf16_offset: to_u32(utf16),
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
    fn long_lines_use_checkpoints_and_agree_with_counting() {
        let line = "aé😀b".repeat(400);
        let text = format!("x\n{line}\n{line}");
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..offset];
            let p = index.position(offset);
            assert_eq!(p.line as usize, text[..offset].matches('\n').count() + 1);
            assert_eq!(p.column as usize, before.chars().count() + 1);
            assert_eq!(p.utf16_column as usize, before.encode_utf16().count() + 1);
            assert_eq!(
                p.utf16_offset as usize,
                text[..offset].encode_utf16().count()
            );
        }
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_char_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1).column, 1);
        assert_eq!(index.position(99).column, 2);
    }
}
