//! The byte entry point: a file's bytes as kube-apiserver's readers see them.
//!
//! kube-apiserver hands the raw bytes to a recognizer: when the first byte that is not Unicode
//! white space is `{`, Go's JSON decoder reads the file; otherwise go-yaml v2 does, and its
//! reader decodes UTF-8, UTF-8 with a BOM, and UTF-16LE/BE with a BOM. go-yaml reads the bytes
//! in 512-byte chunks and checks every character of a chunk it fills, so a bad byte after the
//! first document only matters when it sits in a chunk already read. [`Source`] keeps what
//! later stages need of that: the text (positions are in it), the path, the chunk ends and
//! where the bytes stopped being decodable.

/// go-yaml's raw input buffer: the reader fills it 512 bytes at a time.
pub(crate) const CHUNK: usize = 512;

/// How the file's bytes were encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// A place where the bytes cannot be decoded, as an offset into [`Source::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Broken {
    pub at: usize,
    pub problem: &'static str,
}

/// A file decoded to text, with what the readers need to treat it as kube-apiserver does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The decoded text, without the byte order mark. Every position refers to it.
    pub text: String,
    pub encoding: Encoding,
    /// Go's JSON decoder reads this file (the first non-space byte is `{`).
    pub(crate) json: bool,
    /// Text offsets where go-yaml's 512-byte raw chunks end (after the first chunk).
    pub(crate) chunk_ends: ChunkEnds,
    /// The first place the bytes cannot be decoded (the text stops being faithful there).
    pub(crate) broken: Option<Broken>,
    /// The text may still start with the file's BOM (typed text; decoded bytes have none).
    pub(crate) leading_bom: bool,
}

/// Where the raw chunks end, in text offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ChunkEnds {
    /// UTF-8: every 512 raw bytes; the text starts `shift` raw bytes in (a stripped BOM).
    Every { shift: usize },
    /// UTF-16: computed while decoding.
    At(Vec<usize>),
}

impl ChunkEnds {
    /// Every chunk end within the first `len` bytes of text.
    pub(crate) fn up_to(&self, len: usize) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut at = 0;
        loop {
            let end = self.end_of_chunk_holding(at);
            if end > len || end <= at {
                return ends;
            }
            ends.push(end);
            at = end;
        }
    }

    /// The end of the raw chunk that holds text offset `at` (where go-yaml stops reading).
    pub(crate) fn end_of_chunk_holding(&self, at: usize) -> usize {
        match self {
            ChunkEnds::Every { shift } => {
                let raw = at.saturating_add(*shift);
                (raw / CHUNK)
                    .saturating_add(1)
                    .saturating_mul(CHUNK)
                    .saturating_sub(*shift)
            }
            ChunkEnds::At(ends) => ends
                .iter()
                .copied()
                .find(|&end| end > at)
                .unwrap_or(usize::MAX),
        }
    }
}

impl Source {
    /// Did some bytes not decode (they are U+FFFD in [`Source::text`])?
    pub fn broken(&self) -> bool {
        self.broken.is_some()
    }

    /// Text typed or pasted (already Unicode): read as kube-apiserver would read these bytes.
    pub fn from_text(text: &str) -> Source {
        Source {
            json: starts_json(text),
            text: text.to_string(),
            encoding: Encoding::Utf8,
            chunk_ends: ChunkEnds::Every { shift: 0 },
            broken: None,
            leading_bom: true,
        }
    }

    /// Decodes a file's bytes: UTF-8 (with or without a BOM) or UTF-16 with a BOM. Bytes that
    /// do not decode become U+FFFD in the text (as Go's JSON decoder reads them inside
    /// strings); [`crate::analyze_source`] reports the first one where go-yaml would.
    pub fn from_bytes(bytes: &[u8]) -> Source {
        if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
            let (text, broken) = utf8_lossy(rest);
            return Source {
                text,
                encoding: Encoding::Utf8Bom,
                json: false,
                chunk_ends: ChunkEnds::Every { shift: 3 },
                broken,
                leading_bom: false,
            };
        }
        for (bom, big_endian, encoding) in [
            (b"\xff\xfe", false, Encoding::Utf16Le),
            (b"\xfe\xff", true, Encoding::Utf16Be),
        ] {
            if let Some(rest) = bytes.strip_prefix(bom) {
                let (text, chunk_ends, broken) = utf16(rest, big_endian);
                return Source {
                    text,
                    encoding,
                    json: false,
                    chunk_ends: ChunkEnds::At(chunk_ends),
                    broken,
                    leading_bom: false,
                };
            }
        }
        let (text, broken) = utf8_lossy(bytes);
        Source {
            json: starts_json(&text),
            text,
            encoding: Encoding::Utf8,
            chunk_ends: ChunkEnds::Every { shift: 0 },
            broken,
            leading_bom: false,
        }
    }
}

/// apimachinery's `IsJSONBuffer`: the first rune that is not `unicode.IsSpace` is `{`.
fn starts_json(text: &str) -> bool {
    text.trim_start_matches(char::is_whitespace)
        .starts_with('{')
}

/// UTF-8 with every byte that is not part of a valid sequence replaced by U+FFFD (as Go's
/// `utf8.DecodeRune` reads it: one replacement per byte), and where the first one was.
fn utf8_lossy(mut bytes: &[u8]) -> (String, Option<Broken>) {
    let mut text = String::with_capacity(bytes.len());
    let mut broken = None;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                text.push_str(valid);
                return (text, broken);
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let problem = if error.error_len().is_some() {
                    "invalid UTF-8"
                } else {
                    "incomplete UTF-8 octet sequence"
                };
                broken.get_or_insert(Broken {
                    at: text.len(),
                    problem,
                });
                text.push(char::REPLACEMENT_CHARACTER);
                let Some((_, after)) = rest.split_first() else {
                    return (text, broken);
                };
                bytes = after;
            }
        }
    }
}

/// UTF-16 (after its BOM) to text, with the text offsets where go-yaml's raw chunks end.
fn utf16(bytes: &[u8], big_endian: bool) -> (String, Vec<usize>, Option<Broken>) {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] if big_endian => Some(u16::from_be_bytes([*a, *b])),
        [a, b] => Some(u16::from_le_bytes([*a, *b])),
        _ => None,
    });
    let mut text = String::with_capacity(bytes.len());
    let mut ends = Vec::new();
    let mut broken = None;
    // Raw offset of the next unit, counting the 2-byte BOM.
    let mut raw = 2;
    let mut pending: Option<u16> = None;
    for unit in units {
        let Some(unit) = unit else {
            broken.get_or_insert(Broken {
                at: text.len(),
                problem: "incomplete UTF-16 character",
            });
            break;
        };
        let start = if pending.is_some() { raw - 2 } else { raw };
        raw += 2;
        let decoded = match pending.take() {
            Some(high) if (0xDC00..0xE000).contains(&unit) => {
                char::decode_utf16([high, unit]).next().and_then(Result::ok)
            }
            Some(_) => None,
            None if (0xD800..0xDC00).contains(&unit) => {
                pending = Some(unit);
                continue;
            }
            None => char::decode_utf16([unit]).next().and_then(Result::ok),
        };
        // A character that starts in a later raw chunk: the previous chunks end before it.
        while (ends.len() + 1) * CHUNK <= start {
            ends.push(text.len());
        }
        match decoded {
            Some(c) => text.push(c),
            None => {
                broken.get_or_insert(Broken {
                    at: text.len(),
                    problem: "invalid UTF-16 surrogate pair",
                });
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if pending.is_some() {
        broken.get_or_insert(Broken {
            at: text.len(),
            problem: "incomplete UTF-16 character",
        });
    }
    (text, ends, broken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_recognised_by_their_bom() {
        assert_eq!(Source::from_bytes(b"a: 1").encoding, Encoding::Utf8);
        let bom = Source::from_bytes(b"\xef\xbb\xbf{\"a\": 1}");
        assert_eq!(
            (bom.encoding, bom.text.as_str(), bom.json),
            (Encoding::Utf8Bom, "{\"a\": 1}", false)
        );
        let le = Source::from_bytes(b"\xff\xfea\0:\0 \0\x01\xd8\x37\xdc");
        assert_eq!(
            (le.encoding, le.text.as_str()),
            (Encoding::Utf16Le, "a: \u{10437}")
        );
        let be = Source::from_bytes(b"\xfe\xff\0a\0:");
        assert_eq!((be.encoding, be.text.as_str()), (Encoding::Utf16Be, "a:"));
    }

    #[test]
    fn json_is_chosen_by_the_first_non_space_character() {
        assert!(Source::from_text(" \n\u{a0}{").json);
        assert!(!Source::from_text("\u{feff}{").json);
        assert!(!Source::from_text("a: {").json);
    }

    #[test]
    fn undecodable_bytes_are_replaced_one_by_one_and_remembered() {
        let s = Source::from_bytes(b"ab\xff\xfec");
        assert_eq!(s.text, "ab\u{fffd}\u{fffd}c");
        assert_eq!(s.broken.map(|b| b.at), Some(2));
        let odd = Source::from_bytes(b"\xff\xfea\0b");
        assert_eq!(odd.text, "a");
        assert_eq!(
            odd.broken.map(|b| (b.at, b.problem)),
            Some((1, "incomplete UTF-16 character"))
        );
        let lone = Source::from_bytes(b"\xff\xfe\x00\xdcx\0");
        assert_eq!(lone.text, "\u{fffd}x");
    }

    #[test]
    fn chunk_ends_follow_the_raw_bytes() {
        assert_eq!(ChunkEnds::Every { shift: 0 }.end_of_chunk_holding(0), 512);
        assert_eq!(
            ChunkEnds::Every { shift: 0 }.end_of_chunk_holding(512),
            1024
        );
        assert_eq!(ChunkEnds::Every { shift: 3 }.end_of_chunk_holding(0), 509);
        // UTF-16: 2 BOM bytes, then 255 units fill the first chunk.
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(std::iter::repeat_n([b'a', 0], 300).flatten());
        let s = Source::from_bytes(&bytes);
        assert_eq!(s.chunk_ends.end_of_chunk_holding(0), 255);
    }
}
