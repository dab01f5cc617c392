//! The one text-position service: byte offsets ↔ 1-based line/column (in chars) ↔ UTF-16
//! offsets (what a browser's `selectionStart` counts), and the lines themselves. The analysis,
//! the CLI's snippets and the app's editor and panels all use it.

use std::ops::Range;

use crate::diagnostic::{Position, TextRange};

/// Bytes between two checkpoints: a conversion costs at most this much counting.
const STRIDE: usize = 256;

/// Where a character starts: byte offset, and chars and UTF-16 units before it in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    byte: usize,
    chars: usize,
    utf16: usize,
}

const START: Mark = Mark {
    byte: 0,
    chars: 0,
    utf16: 0,
};

/// A text with its line starts and checkpoints every [`STRIDE`] bytes, so that every
/// conversion is cheap even on a line of megabytes. `T` is how the text is held: `&str` for a
/// one-off analysis, `Rc<str>` for the app's editor, which keeps it across renders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex<T: AsRef<str>> {
    text: T,
    lines: Vec<Mark>,
    checkpoints: Vec<Mark>,
    /// Every char is one byte (and one UTF-16 unit): offsets need no counting.
    ascii: bool,
}

impl<T: AsRef<str>> LineIndex<T> {
    pub fn new(text: T) -> Self {
        let (mut lines, mut checkpoints) = (vec![START], vec![START]);
        let (mut chars, mut utf16, mut next_checkpoint) = (0, 0, STRIDE);
        // Byte by byte (decoding each char cost ten times more): a char starts at every byte
        // that is not a UTF-8 continuation byte, and takes two UTF-16 units when its first
        // byte starts a four-byte sequence.
        for (i, &b) in text.as_ref().as_bytes().iter().enumerate() {
            if b & 0xC0 == 0x80 {
                continue;
            }
            if i >= next_checkpoint {
                checkpoints.push(Mark {
                    byte: i,
                    chars,
                    utf16,
                });
                next_checkpoint = i + STRIDE;
            }
            chars += 1;
            utf16 += if b >= 0xF0 { 2 } else { 1 };
            if b == b'\n' {
                lines.push(Mark {
                    byte: i + 1,
                    chars,
                    utf16,
                });
            }
        }
        let ascii = chars == text.as_ref().len();
        LineIndex {
            text,
            lines,
            checkpoints,
            ascii,
        }
    }

    pub fn text(&self) -> &str {
        self.text.as_ref()
    }

    /// Number of lines; a final line break starts an empty last line, as in a textarea.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The bytes of line `index` (0-based), without its line break (`\n` or `\r\n`); empty
    /// past the last line.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let text = self.text();
        let Some(start) = self.lines.get(index).map(|m| m.byte) else {
            return text.len()..text.len();
        };
        let mut end = self
            .lines
            .get(index + 1)
            .map_or(text.len(), |next| next.byte - 1);
        if text.get(start..end).is_some_and(|l| l.ends_with('\r')) {
            end -= 1;
        }
        start..end
    }

    /// Line `index` (0-based) without its line break; empty past the last line.
    pub fn line(&self, index: usize) -> &str {
        self.text().get(self.line_range(index)).unwrap_or_default()
    }

    /// `offset` moved into the text and back to the start of the char it falls in.
    fn clamp(&self, offset: usize) -> usize {
        let text = self.text();
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The last mark at or before `key` (marks are sorted by every field alike).
    fn mark_before(marks: &[Mark], key: impl Fn(&Mark) -> usize, at: usize) -> Mark {
        let found = marks.partition_point(|m| key(m) <= at);
        marks.get(found.saturating_sub(1)).copied().unwrap_or(START)
    }

    /// Chars and UTF-16 units before byte `offset` (a char boundary).
    fn counts(&self, offset: usize) -> (usize, usize) {
        if self.ascii {
            return (offset, offset);
        }
        let mark = Self::mark_before(&self.checkpoints, |m| m.byte, offset);
        let between = self.text().get(mark.byte..offset).unwrap_or_default();
        let (chars, utf16) = char_and_utf16_counts(between);
        (mark.chars + chars, mark.utf16 + utf16)
    }

    /// The position of byte `offset` (clamped to the text and to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self.lines.partition_point(|m| m.byte <= offset).max(1) - 1;
        let start = self.lines.get(line).copied().unwrap_or(START);
        let (chars, utf16) = self.counts(offset);
        Position {
            line: to_u32(line + 1),
            column: to_u32(chars - start.chars + 1),
            utf16_column: to_u32(utf16 - start.utf16 + 1),
            utf16_offset: to_u32(utf16),
        }
    }

    /// The UTF-16 offsets of a byte range (what a textarea's selection uses).
    pub fn utf16_span(&self, range: TextRange) -> (u32, u32) {
        let utf16 = |offset| to_u32(self.counts(self.clamp(offset)).1);
        (utf16(range.start()), utf16(range.end()))
    }

    /// The byte offset of UTF-16 offset `utf16` (a caret); one inside a surrogate pair, or
    /// past the end, moves back to the char's start, or to the end of the text.
    pub fn byte_of_utf16(&self, utf16: u32) -> usize {
        let target = utf16 as usize;
        let mark = Self::mark_before(&self.checkpoints, |m| m.utf16, target);
        let rest = self.text().get(mark.byte..).unwrap_or_default();
        let mut units = mark.utf16;
        for (i, c) in rest.char_indices() {
            units += c.len_utf16();
            if units > target {
                return mark.byte + i;
            }
        }
        self.text().len()
    }

    /// The byte offset of a 1-based line and column (in chars); columns past the line's end
    /// give its end, lines past the last give the end of the text.
    pub fn byte_of(&self, line: u32, column: u32) -> usize {
        let range = self.line_range((line as usize).saturating_sub(1));
        let line_text = self.text().get(range.clone()).unwrap_or_default();
        let skip = (column as usize).saturating_sub(1);
        range.start
            + line_text
                .char_indices()
                .nth(skip)
                .map_or(line_text.len(), |(i, _)| i)
    }
}

/// Chars and UTF-16 units in `text`, counted byte by byte as in [`LineIndex::new`] (decoding
/// chars cost several times more on the long lines of flow-style files): a char starts at every
/// byte that is not a continuation byte, and takes two units when it is four bytes long.
fn char_and_utf16_counts(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let four_byte = bytes.iter().filter(|&&b| b >= 0xF0).count();
    (chars, chars + four_byte)
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
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
        // With wide chars, and all ASCII (where offsets are not counted at all).
        for line in ["aé😀b".repeat(400), "ab c".repeat(400)] {
            agree_with_counting(&format!("x\n{line}\n{line}"));
        }
    }

    fn agree_with_counting(text: &str) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..offset];
            let p = index.position(offset);
            let utf16 = text[..offset].encode_utf16().count();
            assert_eq!(p.line as usize, text[..offset].matches('\n').count() + 1);
            assert_eq!(p.column as usize, before.chars().count() + 1);
            assert_eq!(p.utf16_column as usize, before.encode_utf16().count() + 1);
            assert_eq!(p.utf16_offset as usize, utf16);
            assert_eq!(index.byte_of_utf16(utf16 as u32), offset);
            assert_eq!(index.byte_of(p.line, p.column), offset);
        }
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_char_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1).column, 1);
        assert_eq!(index.position(99).column, 2);
        assert_eq!(index.utf16_span(TextRange::new(1, 99)), (0, 1));
    }

    #[test]
    fn lines_drop_their_breaks_and_a_final_break_starts_an_empty_line() {
        let index = LineIndex::new("ab\r\nx😀y\n");
        assert_eq!(index.line_count(), 3);
        assert_eq!(
            (index.line(0), index.line(1), index.line(2)),
            ("ab", "x😀y", "")
        );
        assert_eq!(index.line(9), "");
        assert_eq!(index.line_range(1), 4..10);
        assert_eq!(LineIndex::new("").line_count(), 1);
    }

    #[test]
    fn carets_inside_a_surrogate_pair_or_past_the_end_move_back() {
        let index = LineIndex::new("x😀y");
        assert_eq!(index.byte_of_utf16(2), 1); // between the emoji's two units
        assert_eq!(index.byte_of_utf16(3), 5);
        assert_eq!(index.byte_of_utf16(99), 6);
        assert_eq!(index.byte_of(1, 99), 6);
        assert_eq!(index.byte_of(7, 1), 6);
    }

    #[test]
    fn spans_convert_to_utf16_offsets() {
        let text = "a: é😀\nb: [x]\n";
        let index = LineIndex::new(text);
        for (start, end) in [(0, 1), (3, 9), (10, 14), (4, 5), (0, 99)] {
            let expect = |at: usize| {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text[..at].encode_utf16().count() as u32
            };
            assert_eq!(
                index.utf16_span(TextRange::new(start, end)),
                (expect(start), expect(end)),
                "{start}..{end}"
            );
        }
    }
}
