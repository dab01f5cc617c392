//! Where go-yaml v2 (kube-apiserver's YAML reader, a 2014 port of libyaml) reads differently
//! from libyaml 0.2.5, which `libyaml-safer` ports. Each difference was checked on the oracle:
//!
//! - a tag runs on through `,`, `[` and `]` (libyaml stops there, and panics on a `,` after a
//!   tag in a flow collection): those characters are patched inside tags before parsing, also
//!   in a tag right after a quoted scalar, a `]` or `}`, or a quoted key's `:` (`"b"!, …`);
//! - in a flow collection, `:` before `,`, `?`, `[`, `]`, `{` or `}` is part of a plain scalar
//!   (libyaml refuses it): patched when libyaml stops there;
//! - `\'` is an escape in double quotes (libyaml refuses it): patched to `\"` when libyaml stops
//!   there, and the value gets its `'` back;
//! - in a flow collection `?` ends a plain scalar, so what follows is an error; `\/` is not an
//!   escape; only `%YAML 1.1` is accepted: checked on the events.
//!
//! - go-yaml's BOM check looks at the start of its buffer, not at the current position: when
//!   the buffer starts with U+FEFF (the text after the file's BOM starts with another one, or
//!   the buffer moved onto one: a U+FEFF that ends a 512-byte chunk, read inside a scalar),
//!   go-yaml skips the first character of every line it starts outside a scalar, until its
//!   buffer moves again (near the end of the chunk). Those characters are patched to spaces,
//!   line by line, since whether a line starts inside a scalar depends on the lines before.
//!
//! A patch replaces one ASCII byte by another, so every position stays where it was.

use std::borrow::Cow;

/// One byte of the text replaced before parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Patch {
    pub at: usize,
    pub original: u8,
    pub replacement: u8,
}

/// Stands for a character go-yaml keeps in a plain scalar or a tag; libyaml does too.
const KEEP: u8 = b'~';

/// go-yaml's tag characters after the handle (`is_alpha` and the URI characters).
fn uri_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_;/?:@&=+$,.!~*'()[]%".contains(&b)
}

/// Whether a `!` after `before` and `previous` can start a token: after a blank, a flow
/// indicator, the end of a quoted scalar or of a flow collection, or the `:` after a quoted key
/// (`{"a":!t, …}`). A `!` inside a quoted scalar may pass too: its patch is undone in the value.
fn may_start_token(before: u8, previous: u8) -> bool {
    matches!(
        previous,
        b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b'"' | b'\'' | b']' | b'}'
    ) || previous == b':' && matches!(before, b'"' | b'\'')
}

/// Patches `,`, `[` and `]` inside every tag that starts a token.
pub(super) fn tag_patches(text: &str) -> Vec<Patch> {
    let bytes = text.as_bytes();
    let mut patches = Vec::new();
    let (mut before, mut previous) = (b'\n', b'\n');
    for (at, &b) in bytes.iter().enumerate() {
        let starts_token = may_start_token(before, previous);
        (before, previous) = (previous, b);
        if b != b'!' || !starts_token || bytes.get(at + 1) == Some(&b'<') {
            continue;
        }
        let run = bytes
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| uri_char(c));
        for (i, &c) in run.enumerate() {
            if matches!(c, b',' | b'[' | b']') {
                patches.push(Patch {
                    at: at + 1 + i,
                    original: c,
                    replacement: KEEP,
                });
            }
        }
    }
    patches
}

/// The patch that makes libyaml read on where it stopped at `at` and go-yaml does not.
pub(super) fn patch_for_error(text: &str, at: usize, problem: &str) -> Option<Patch> {
    let bytes = text.as_bytes();
    match problem {
        "found unexpected ':'" if bytes.get(at) == Some(&b':') => Some(Patch {
            at,
            original: b':',
            replacement: KEEP,
        }),
        "found unknown escape character"
            if bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'\'') =>
        {
            Some(Patch {
                at: at + 1,
                original: b'\'',
                replacement: b'"',
            })
        }
        _ => None,
    }
}

/// `text` with the patches applied.
pub(super) fn apply<'t>(text: &'t str, patches: &[Patch]) -> Cow<'t, str> {
    if patches.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for patch in patches {
        if let Some(b) = bytes.get_mut(patch.at) {
            *b = patch.replacement;
        }
    }
    // Only ASCII bytes are swapped for ASCII bytes: still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

/// Where lines start (YAML 1.1 breaks: LF, CR, CRLF, NEL, LS, PS). Byte by byte (decoding
/// every char cost several times more): in UTF-8, the first byte of NEL (C2 85), LS (E2 80 A8)
/// and PS (E2 80 A9) only ever starts a char.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        let next = |k: usize| bytes.get(i + k).copied();
        let break_len = match b {
            b'\n' => 1,
            b'\r' if next(1) != Some(b'\n') => 1,
            0xC2 if next(1) == Some(0x85) => 2,
            0xE2 if next(1) == Some(0x80) && matches!(next(2), Some(0xA8 | 0xA9)) => 3,
            _ => return None,
        };
        Some(i + break_len)
    })
}

/// go-yaml's BOM check looks at the start of its buffer, so a U+FEFF at the start of a later
/// line is an ordinary character there (libyaml would skip it): patched to U+FEFE, which
/// libyaml reads like any other letter.
pub(super) fn line_start_bom_patches(text: &str, base: usize) -> Vec<Patch> {
    line_starts(text)
        .filter(|&at| at > base && text.get(at..).is_some_and(|r| r.starts_with('\u{feff}')))
        .map(|at| Patch {
            at: at + 2,
            original: 0xbf,
            replacement: 0xbe,
        })
        .collect()
}

/// Where go-yaml's buffer starts with U+FEFF: `(from, buffer_end)` spans, each from where the
/// buffer starts to the end of the raw chunk it holds. `chunk_ends` are the raw chunks' ends
/// in the text; `base` is where the text after the file's BOM starts.
pub(super) fn bom_buffers(text: &str, base: usize, chunk_ends: &[usize]) -> Vec<(usize, usize)> {
    let bom = |at: usize| {
        text.get(at..)
            .is_some_and(|rest| rest.starts_with('\u{feff}'))
    };
    let mut spans = Vec::new();
    let first_end = chunk_ends.first().copied().unwrap_or(text.len());
    if bom(base) {
        spans.push((base, first_end));
    }
    for (i, &end) in chunk_ends.iter().enumerate() {
        let next_end = chunk_ends.get(i + 1).copied().unwrap_or(text.len());
        if let Some(start) = end.checked_sub(3).filter(|&s| s >= base && bom(s)) {
            spans.push((start, next_end));
        }
    }
    spans
}

/// The first line start where go-yaml's BOM bug skips a character and `patches` does not yet
/// say so, or the other way round; with the patches that skip it (empty when it must not be
/// skipped). `spans` come from [`bom_buffers`]; `inside` tells whether a line start lies
/// inside a scalar that spans lines. The bug lasts until go-yaml moves its buffer again, which
/// it does when a token starts fewer than 4 characters before the span's end.
pub(super) fn next_bom_skip(
    text: &str,
    spans: &[(usize, usize)],
    patches: &[Patch],
    inside: impl Fn(usize) -> bool,
) -> Option<(usize, Vec<Patch>)> {
    let bytes = text.as_bytes();
    let buggy = |start: usize| {
        let last_token = bytes
            .get(..start)
            .unwrap_or_default()
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        spans.iter().any(|&(from, buffer_end)| {
            start > from && start < buffer_end && buffer_end.saturating_sub(last_token) >= 4
        })
    };
    let starts = line_starts(text).filter(|&start| buggy(start));
    for start in starts {
        let skip = !inside(start);
        let patched = patches
            .iter()
            .any(|p| p.at == start && p.replacement == b' ');
        if skip == patched {
            continue;
        }
        if !skip {
            return Some((start, Vec::new()));
        }
        let width = text
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        let patches = (start..start + width)
            .filter_map(|at| {
                let original = *bytes.get(at)?;
                (original != b' ').then_some(Patch {
                    at,
                    original,
                    replacement: b' ',
                })
            })
            .collect::<Vec<_>>();
        if patches.is_empty() {
            continue;
        }
        return Some((start, patches));
    }
    None
}

/// Gives a scalar's value back the characters patched inside its raw text (`raw`, patched;
/// `original`, as written), which starts at `start`. The n-th patched character of the raw
/// text is the n-th such character of the value (no YAML escape or folding makes or drops
/// one), and the n-th `\"` escape is the n-th `"`.
pub(super) fn restore(
    value: &mut String,
    raw: &str,
    original: &str,
    start: usize,
    patches: &[Patch],
) {
    for patch in patches.iter().filter(|p| p.replacement != b' ') {
        let Some(mut offset) = patch.at.checked_sub(start).filter(|&o| o < raw.len()) else {
            continue;
        };
        while !raw.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = raw.get(..offset).unwrap_or_default();
        let (Some(now), Some(was)) = (
            raw.get(offset..).and_then(|r| r.chars().next()),
            original.get(offset..).and_then(|r| r.chars().next()),
        ) else {
            continue;
        };
        let (ordinal, wanted, put) = if patch.replacement == b'"' {
            (escaped_quotes(before), '"', '\'')
        } else {
            (before.matches(now).count(), now, was)
        };
        if let Some((i, found)) = value.match_indices(wanted).nth(ordinal) {
            let range = i..i + found.len();
            value.replace_range(range, &put.to_string());
        }
    }
}

/// How many `\"` escapes a double-quoted scalar's raw text holds.
fn escaped_quotes(raw: &str) -> usize {
    escapes(raw).filter(|&(_, c)| c == b'"').count()
}

/// The escapes of a double-quoted scalar's raw text: (offset of the `\`, escaped byte).
fn escapes(raw: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let bytes = raw.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            if b == b'\\' {
                let at = i;
                i += 2;
                return Some((at, bytes.get(at + 1).copied().unwrap_or(b' ')));
            }
            i += 1;
        }
        None
    })
}

/// go-yaml refuses `\/` in double quotes: the offset of the first one in the raw text.
pub(super) fn escaped_slash(raw: &str) -> Option<usize> {
    escapes(raw).find(|&(_, c)| c == b'/').map(|(at, _)| at)
}

/// In a flow collection go-yaml ends a plain scalar at `?` and then fails on the `?`: its
/// offset in the raw text (never the first character, which cannot be `?` there).
pub(super) fn flow_question_mark(raw: &str) -> Option<usize> {
    raw.char_indices()
        .skip(1)
        .find(|&(_, c)| c == '?')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_start_after_every_yaml_break() {
        let text = "a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g\u{2027}\u{c5}h\r";
        let starts: Vec<usize> = line_starts(text).collect();
        let expected: Vec<usize> = ["a\n", "b\r\n", "c\r", "d\u{85}", "e\u{2028}", "f\u{2029}"]
            .iter()
            .scan(0, |at, line| {
                *at += line.len();
                Some(*at)
            })
            .chain([text.len()])
            .collect();
        assert_eq!(starts, expected);
    }

    #[test]
    fn tags_are_patched_only_where_a_token_starts() {
        let at: Vec<usize> = tag_patches("a: [!!str, b]").iter().map(|p| p.at).collect();
        assert_eq!(at, [9]);
        assert!(tag_patches("a: b!c,d").is_empty());
        assert!(tag_patches("a: !<x,y> b").is_empty());
        let text = "k: {x: !t], y}";
        // go-yaml reads the tag `!t],` and then the scalar `y`.
        assert_eq!(apply(text, &tag_patches(text)), "k: {x: !t~~ y}");
    }

    #[test]
    fn patched_values_are_restored_by_ordinal() {
        let patches = [Patch {
            at: 5,
            original: b',',
            replacement: KEEP,
        }];
        let mut value = "~a !~b".to_string();
        restore(&mut value, "~a !~b", "~a !,b", 1, &patches);
        assert_eq!(value, "~a !,b");
        let quote = [Patch {
            at: 5,
            original: b'\'',
            replacement: b'"',
        }];
        let mut value = "\"x\"".to_string();
        restore(&mut value, "\"\\\"x\\\"\"", "\"\\\"x\\'\"", 0, &quote);
        assert_eq!(value, "\"x'");
    }

    #[test]
    fn escapes_and_question_marks_are_found() {
        assert_eq!(escaped_slash(r#""a\\/\/""#), Some(5));
        assert_eq!(escaped_slash(r#""a\\/""#), None);
        assert_eq!(flow_question_mark("x?y"), Some(1));
        assert_eq!(flow_question_mark("xy"), None);
    }

    #[test]
    fn errors_that_go_yaml_does_not_make_give_patches() {
        assert!(patch_for_error("[a:]", 2, "found unexpected ':'").is_some());
        assert!(patch_for_error(r#""\'""#, 1, "found unknown escape character").is_some());
        assert!(patch_for_error(r#""\q""#, 1, "found unknown escape character").is_none());
    }
}
