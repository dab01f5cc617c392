//! go-yaml's reader: the text is handed over in the raw 512-byte chunks go-yaml reads, and a
//! chunk is refused as a whole when it holds a character go-yaml does not allow in a file
//! (control characters, U+FFFE, U+FFFF) or bytes that did not decode. A bad character after
//! the first document therefore only matters when go-yaml has already read its chunk.

use std::io::{BufRead, Read};

use crate::source::{Broken, ChunkEnds};

/// Why the reader stopped, and where (a text offset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Refused {
    pub at: usize,
    /// `None` for a character go-yaml does not allow; else the decoding problem.
    pub broken: Option<&'static str>,
}

/// A `BufRead` over `text[start..]` that serves go-yaml's chunks.
pub(super) struct ChunkReader<'a> {
    /// What the parser is served (patched: the same length as `original`).
    text: &'a str,
    /// The file's text as written: what go-yaml's reader checks.
    original: &'a str,
    pos: usize,
    /// Every character that ends before this offset has been checked.
    checked: usize,
    ends: &'a ChunkEnds,
    broken: Option<Broken>,
    /// Set when a chunk was refused.
    pub refused: Option<Refused>,
    /// The line break served after a text that ends with `\` has been read (see `needs_tail`).
    tail_served: bool,
}

impl<'a> ChunkReader<'a> {
    /// `text` is served; `original` (the same text before patches) is checked.
    pub(super) fn new(
        text: &'a str,
        original: &'a str,
        start: usize,
        ends: &'a ChunkEnds,
        broken: Option<Broken>,
    ) -> Self {
        ChunkReader {
            text,
            original,
            pos: start,
            checked: start,
            ends,
            broken,
            refused: None,
            tail_served: false,
        }
    }

    /// libyaml-safer panics on a `\` that ends the input inside a double-quoted scalar (it reads
    /// the escaped character without checking that there is one); go-yaml's C original reads its
    /// buffer's NUL there and refuses the file. A line break served after a final `\` changes no
    /// plain or single-quoted scalar, and makes the double-quoted case a refusal too.
    fn needs_tail(&self) -> bool {
        !self.tail_served && self.pos >= self.text.len() && self.text.ends_with('\\')
    }

    /// Checks the chunk holding `self.pos` once (as go-yaml decodes it whole); its end.
    fn chunk_end(&mut self) -> std::io::Result<usize> {
        let len = self.text.len();
        let refused = if self.pos >= len {
            // go-yaml notices bytes that never complete a character when it reads past the end.
            self.broken.filter(|b| b.at >= len).map(|b| Refused {
                at: b.at,
                broken: Some(b.problem),
            })
        } else {
            let end = self.ends.end_of_chunk_holding(self.pos).min(len);
            let refused = self.refusal(self.checked, end);
            self.checked = self.checked.max(end);
            if refused.is_none() {
                return Ok(end);
            }
            refused
        };
        match refused {
            Some(refused) => {
                self.refused = Some(refused);
                // The reason is kept in `self.refused`; the error only stops the reader.
                Err(std::io::ErrorKind::InvalidData.into())
            }
            None => Ok(len),
        }
    }

    /// The first reason to refuse the characters that complete in `text[from..to]`.
    fn refusal(&self, from: usize, to: usize) -> Option<Refused> {
        if from >= to {
            return None;
        }
        let mut first = from;
        while !self.original.is_char_boundary(first) {
            first -= 1;
        }
        let forbidden =
            first_refused(self.original, first, to).map(|at| Refused { at, broken: None });
        let broken = self
            .broken
            .filter(|b| (from..to).contains(&b.at))
            .map(|b| Refused {
                at: b.at,
                broken: Some(b.problem),
            });
        match (forbidden, broken) {
            (Some(f), Some(b)) => Some(if f.at < b.at { f } else { b }),
            (f, b) => f.or(b),
        }
    }
}

/// The first char from `first` (a char boundary) that ends by `to` and is not [`allowed`]:
/// ASCII bytes are checked without decoding, other chars decoded.
fn first_refused(text: &str, first: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = first;
    while at < to {
        let b = *bytes.get(at)?;
        if b.is_ascii() {
            if !allowed(char::from(b)) {
                return Some(at);
            }
            at += 1;
            continue;
        }
        let c = text.get(at..)?.chars().next()?;
        if at + c.len_utf8() > to {
            return None;
        }
        if !allowed(c) {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
}

/// go-yaml's printable characters (YAML 1.1 `c-printable`). Inlined: the reader asks for every
/// byte of the text, and a call cost more than the test.
#[inline(always)]
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

impl Read for ChunkReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), available.get(..n)) {
            to.copy_from_slice(from);
        }
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for ChunkReader<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        let end = self.chunk_end()?;
        if self.needs_tail() {
            return Ok(b"\n");
        }
        Ok(self.text.as_bytes().get(self.pos..end).unwrap_or_default())
    }

    fn consume(&mut self, amt: usize) {
        if amt > 0 && self.needs_tail() {
            self.tail_served = true;
            return;
        }
        self.pos = self.pos.saturating_add(amt).min(self.text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str, broken: Option<Broken>) -> (Vec<u8>, Option<Refused>) {
        let ends = ChunkEnds::Every { shift: 0 };
        let mut reader = ChunkReader::new(text, text, 0, &ends, broken);
        let mut out = Vec::new();
        let _ = reader.read_to_end(&mut out);
        (out, reader.refused)
    }

    #[test]
    fn chunks_with_forbidden_characters_are_refused_whole() {
        let text = format!("{}\u{1}", "a".repeat(600));
        let (out, refused) = read_all(&text, None);
        assert_eq!(out.len(), 512, "the first chunk is served");
        assert_eq!(
            refused,
            Some(Refused {
                at: 600,
                broken: None
            })
        );
        assert_eq!(read_all("ab", None), (b"ab".to_vec(), None));
    }

    #[test]
    fn the_text_as_written_is_checked_not_the_patched_one() {
        let ends = ChunkEnds::Every { shift: 0 };
        // A patch served spaces where the file has U+0080 (go-yaml's BOM bug skips it).
        let mut reader = ChunkReader::new("a\n  b", "a\n\u{80}b", 0, &ends, None);
        let mut out = Vec::new();
        let _ = reader.read_to_end(&mut out);
        assert!(out.is_empty());
        assert_eq!(
            reader.refused,
            Some(Refused {
                at: 2,
                broken: None
            })
        );
    }

    #[test]
    fn undecodable_bytes_stop_the_reader_in_their_chunk() {
        let broken = Some(Broken {
            at: 1,
            problem: "invalid UTF-8",
        });
        let (out, refused) = read_all("a\u{fffd}", broken);
        assert!(out.is_empty());
        assert_eq!(refused.map(|r| r.at), Some(1));
        let at_end = Some(Broken {
            at: 2,
            problem: "incomplete UTF-16 character",
        });
        let (out, refused) = read_all("ab", at_end);
        assert_eq!(out, b"ab");
        assert_eq!(
            refused.map(|r| r.broken),
            Some(Some("incomplete UTF-16 character"))
        );
    }
}
