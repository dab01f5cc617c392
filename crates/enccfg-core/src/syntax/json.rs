//! The JSON path: a file whose first non-space character is `{` is read by Go's
//! `encoding/json`, with no fallback to YAML. Its grammar holds for the whole input: no
//! comments, trailing commas, single quotes or bare keys, no raw control characters in
//! strings, nothing but white space after the object. Numbers keep their text
//! ([`ScalarStyle::JsonNumber`]) so decoding can put them straight into Go types. Iterative:
//! no recursion, nesting bounded like the YAML path.

use super::tree::{Node, NodeKind, ScalarStyle};
use super::Parsed;
use crate::diagnostic::{Diagnostic, TextRange};
use crate::go_quote::go_quote_byte;
use crate::registry;

/// Nesting deeper than this is refused (Go's own limit is 10,000).
const MAX_DEPTH: usize = 256;

/// A collection whose end has not been read yet.
struct Open {
    start: usize,
    object: bool,
    items: Vec<Node>,
}

/// Why the reader stopped: where, and Go's words for it.
struct Stop {
    at: usize,
    problem: String,
}

/// What the reader expects next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    Value,
    Key,
    /// `,` or the end of the innermost collection.
    Next,
}

pub(super) fn parse(text: &str) -> Parsed {
    match read(text) {
        Ok(root) => Parsed {
            root: Some(root),
            diagnostics: Vec::new(),
        },
        Err(Ok(stop)) => {
            let end = text
                .get(stop.at..)
                .and_then(|rest| rest.chars().next())
                .map_or(stop.at, |c| stop.at + c.len_utf8());
            let message = format!("kube-apiserver's JSON decoder stops here: {}", stop.problem);
            Parsed {
                root: None,
                diagnostics: vec![Diagnostic::new(
                    &registry::YAML_SYNTAX,
                    TextRange::new(stop.at, end),
                    message,
                )
                .help("a file that starts with `{` is read as strict JSON (no comments, no trailing commas, double quotes only); to write YAML, start with `apiVersion:`")],
            }
        }
        Err(Err(deep)) => Parsed {
            root: None,
            diagnostics: vec![Diagnostic::new(
                &registry::TOO_DEEP,
                TextRange::new(deep, deep + 1),
                format!("the JSON nesting goes deeper than {MAX_DEPTH} levels here"),
            )
            .help(
                "an EncryptionConfiguration needs fewer than ten levels; look for runaway brackets",
            )],
        },
    }
}

/// The whole input as one value; `Err(Ok(stop))` on a syntax error, `Err(Err(at))` when the
/// nesting exceeds the budget at `at`.
fn read(text: &str) -> Result<Node, Result<Stop, usize>> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut at = skip_space(bytes, 0);
    let mut want = Want::Value;
    loop {
        let found = bytes.get(at).copied();
        let done: Option<Node> = match want {
            Want::Key => match found {
                Some(b'"') => {
                    let (key, end) = string(text, at).map_err(Ok)?;
                    at = skip_space(bytes, end);
                    if bytes.get(at) != Some(&b':') {
                        return Err(Ok(invalid(text, at, "after object key")));
                    }
                    at = skip_space(bytes, at + 1);
                    if let Some(open) = stack.last_mut() {
                        open.items.push(key);
                    }
                    want = Want::Value;
                    continue;
                }
                _ => {
                    return Err(Ok(invalid(
                        text,
                        at,
                        "looking for beginning of object key string",
                    )))
                }
            },
            Want::Next => {
                let Some(open) = stack.last() else {
                    return Err(Ok(invalid(text, at, "after top-level value")));
                };
                let (closer, context) = if open.object {
                    (b'}', "after object key:value pair")
                } else {
                    (b']', "after array element")
                };
                match found {
                    Some(b',') => {
                        at = skip_space(bytes, at + 1);
                        want = if open.object { Want::Key } else { Want::Value };
                        continue;
                    }
                    Some(c) if c == closer => {
                        at += 1;
                        stack.pop().map(|open| close(open, at))
                    }
                    _ => return Err(Ok(invalid(text, at, context))),
                }
            }
            Want::Value => match found {
                Some(open @ (b'{' | b'[')) => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(Err(at));
                    }
                    let object = open == b'{';
                    stack.push(Open {
                        start: at,
                        object,
                        items: Vec::new(),
                    });
                    at = skip_space(bytes, at + 1);
                    let closer = if object { b'}' } else { b']' };
                    if bytes.get(at) == Some(&closer) {
                        at += 1;
                        stack.pop().map(|open| close(open, at))
                    } else {
                        want = if object { Want::Key } else { Want::Value };
                        continue;
                    }
                }
                Some(b'"') => {
                    let (node, end) = string(text, at).map_err(Ok)?;
                    at = end;
                    Some(node)
                }
                Some(b'-' | b'0'..=b'9') => {
                    let end = number(text, at).map_err(Ok)?;
                    let value = text.get(at..end).unwrap_or_default().to_string();
                    let node = Node::scalar(
                        TextRange::new(at, end),
                        value,
                        ScalarStyle::JsonNumber,
                        None,
                    );
                    at = end;
                    Some(node)
                }
                Some(b't' | b'f' | b'n') => {
                    let end = literal(text, at).map_err(Ok)?;
                    let value = text.get(at..end).unwrap_or_default().to_string();
                    let node =
                        Node::scalar(TextRange::new(at, end), value, ScalarStyle::Plain, None);
                    at = end;
                    Some(node)
                }
                _ => return Err(Ok(invalid(text, at, "looking for beginning of value"))),
            },
        };
        // A value is complete: it is the document, or goes into its collection.
        let Some(node) = done else { continue };
        at = skip_space(bytes, at);
        match stack.last_mut() {
            Some(open) => {
                open.items.push(node);
                want = Want::Next;
            }
            None if at >= bytes.len() => return Ok(node),
            None => return Err(Ok(invalid(text, at, "after top-level value"))),
        }
    }
}

/// The finished collection (an object's items alternate key, value).
fn close(open: Open, end: usize) -> Node {
    let range = TextRange::new(open.start, end);
    if !open.object {
        return Node::collection(range, NodeKind::Sequence(open.items.into()));
    }
    let mut pairs = Vec::with_capacity(open.items.len() / 2);
    let mut items = open.items.into_iter();
    while let (Some(key), Some(value)) = (items.next(), items.next()) {
        pairs.push((key, value));
    }
    Node::collection(range, NodeKind::Mapping(pairs.into()))
}

/// Go's JSON white space: space, tab, line feed, carriage return.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// Go's "invalid character … <context>" (or "unexpected end of JSON input"); Go's scanner names
/// the byte at `at`, even inside a UTF-8 sequence.
fn invalid(text: &str, at: usize, context: &str) -> Stop {
    let problem = match text.as_bytes().get(at) {
        None => "unexpected end of JSON input".to_string(),
        Some(&byte) => format!("invalid character {} {context}", go_quote_byte(byte)),
    };
    Stop { at, problem }
}

/// A string starting at `start` (the opening quote): its node and where it ends.
fn string(text: &str, start: usize) -> Result<(Node, usize), Stop> {
    let mut value = String::new();
    let mut chars = text.get(start + 1..).unwrap_or_default().char_indices();
    // A high surrogate waiting for its low half.
    let mut high: Option<u16> = None;
    loop {
        let Some((i, c)) = chars.next() else {
            return Err(Stop {
                at: text.len(),
                problem: "unexpected end of JSON input".into(),
            });
        };
        let at = start + 1 + i;
        if c != '\\' {
            if let Some(_pending) = high.take() {
                value.push(char::REPLACEMENT_CHARACTER);
            }
        }
        match c {
            '"' => {
                let end = at + 1;
                let node =
                    Node::scalar(TextRange::new(start, end), value, ScalarStyle::Quoted, None);
                return Ok((node, end));
            }
            c if c < ' ' => return Err(invalid(text, at, "in string literal")),
            '\\' => {
                let Some((j, e)) = chars.next() else {
                    return Err(Stop {
                        at: text.len(),
                        problem: "unexpected end of JSON input".into(),
                    });
                };
                let simple = match e {
                    '"' | '\\' | '/' => Some(e),
                    'b' => Some('\u{8}'),
                    'f' => Some('\u{c}'),
                    'n' => Some('\n'),
                    'r' => Some('\r'),
                    't' => Some('\t'),
                    'u' => None,
                    _ => return Err(invalid(text, start + 1 + j, "in string escape code")),
                };
                if let Some(s) = simple {
                    if high.take().is_some() {
                        value.push(char::REPLACEMENT_CHARACTER);
                    }
                    value.push(s);
                    continue;
                }
                let mut unit: u16 = 0;
                for _ in 0..4 {
                    let Some((k, h)) = chars.next() else {
                        return Err(Stop {
                            at: text.len(),
                            problem: "unexpected end of JSON input".into(),
                        });
                    };
                    let Some(d) = h.to_digit(16) else {
                        return Err(invalid(
                            text,
                            start + 1 + k,
                            "in \\u hexadecimal character escape",
                        ));
                    };
                    unit = unit.wrapping_mul(16).wrapping_add(d as u16);
                }
                match (high.take(), unit) {
                    (Some(h), 0xDC00..=0xDFFF) => value.push(
                        char::decode_utf16([h, unit])
                            .next()
                            .and_then(Result::ok)
                            .unwrap_or(char::REPLACEMENT_CHARACTER),
                    ),
                    (pending, 0xD800..=0xDBFF) => {
                        if pending.is_some() {
                            value.push(char::REPLACEMENT_CHARACTER);
                        }
                        high = Some(unit);
                    }
                    (pending, _) => {
                        if pending.is_some() {
                            value.push(char::REPLACEMENT_CHARACTER);
                        }
                        value.push(
                            char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER),
                        );
                    }
                }
            }
            c => value.push(c),
        }
    }
}

/// A number starting at `start`: where it ends. Go's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?
/// ([eE][+-]?[0-9]+)?`; what may follow it is checked by the caller.
fn number(text: &str, start: usize) -> Result<usize, Stop> {
    let bytes = text.as_bytes();
    let digits = |mut at: usize| {
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        at
    };
    let mut at = start;
    if bytes.get(at) == Some(&b'-') {
        at += 1;
    }
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => at = digits(at),
        _ => return Err(invalid(text, at, "in numeric literal")),
    }
    if bytes.get(at) == Some(&b'.') {
        if !bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            return Err(invalid(
                text,
                at + 1,
                "after decimal point in numeric literal",
            ));
        }
        at = digits(at + 1);
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if !bytes.get(at).is_some_and(u8::is_ascii_digit) {
            return Err(invalid(text, at, "in exponent of numeric literal"));
        }
        at = digits(at);
    }
    Ok(at)
}

/// `true`, `false` or `null` starting at `start`: where it ends.
fn literal(text: &str, start: usize) -> Result<usize, Stop> {
    let rest = text.get(start..).unwrap_or_default();
    let word = ["true", "false", "null"]
        .into_iter()
        .find(|w| w.as_bytes().first() == rest.as_bytes().first())
        .unwrap_or("null");
    for (i, expected) in word.bytes().enumerate() {
        if rest.as_bytes().get(i) != Some(&expected) {
            let context = format!("in literal {word} (expecting '{}')", char::from(expected));
            return Err(invalid(text, start + i, &context));
        }
    }
    Ok(start + word.len())
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::*;

    fn problem(text: &str) -> (usize, String) {
        let parsed = parse(text);
        let d = &parsed.diagnostics[0];
        (
            d.range.start(),
            d.message
                .replace("kube-apiserver's JSON decoder stops here: ", ""),
        )
    }

    #[test]
    fn objects_arrays_and_scalars_become_nodes_with_ranges() {
        let text = r#"{"a": [1, -2.5e3, "x\u00e9\ud83d\ude00", true, null], "b": {}}"#;
        let root = parse(text).root.unwrap();
        let pairs = root.pairs();
        assert_eq!(pairs[0].0.scalar_text(), Some("a"));
        let NodeKind::Sequence(items) = &pairs[0].1.kind else {
            panic!()
        };
        assert_eq!(items[1].scalar_text(), Some("-2.5e3"));
        assert!(matches!(
            items[1].kind,
            NodeKind::Scalar {
                style: ScalarStyle::JsonNumber,
                ..
            }
        ));
        assert_eq!(items[2].scalar_text(), Some("xé😀"));
        assert_eq!(
            &text[items[2].range.start()..items[2].range.end()],
            r#""x\u00e9\ud83d\ude00""#
        );
        assert_eq!(pairs[1].1.pairs().len(), 0);
    }

    #[test]
    fn go_syntax_errors_are_positioned_and_worded_as_go_does() {
        assert_eq!(
            problem("{\"a\": 1,}"),
            (
                8,
                "invalid character '}' looking for beginning of object key string".into()
            )
        );
        assert_eq!(
            problem("{\"a\": 1} x"),
            (9, "invalid character 'x' after top-level value".into())
        );
        // The byte as Go's strconv.Quote writes it (`\x01`, not Rust's `\u{1}`); of a UTF-8
        // sequence, its first byte as a character of its own (0xC2 of U+0085 is 'Â').
        assert_eq!(
            problem("{\"a\": \u{1}}"),
            (
                6,
                "invalid character '\\x01' looking for beginning of value".into()
            )
        );
        assert_eq!(
            problem("{\"a\": \u{85}}"),
            (
                6,
                "invalid character 'Â' looking for beginning of value".into()
            )
        );
        assert_eq!(
            problem("{\"a\": 010}"),
            (
                7,
                "invalid character '1' after object key:value pair".into()
            )
        );
        assert_eq!(
            problem("{'a': 1}"),
            (
                1,
                "invalid character '\\'' looking for beginning of object key string".into()
            )
        );
        assert_eq!(
            problem("{\"a\": \"\t\"}"),
            (7, "invalid character '\\t' in string literal".into())
        );
        assert_eq!(
            problem("{\"a\": 1 # c\n}"),
            (
                8,
                "invalid character '#' after object key:value pair".into()
            )
        );
        assert_eq!(
            problem("{\"a\": tru}"),
            (
                9,
                "invalid character '}' in literal true (expecting 'e')".into()
            )
        );
        assert_eq!(
            problem("{\"a\": 1."),
            (8, "unexpected end of JSON input".into())
        );
        assert_eq!(
            problem("{\"a\""),
            (4, "unexpected end of JSON input".into())
        );
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let root = parse(r#"{"a": "\ud800x\udc00"}"#).root.unwrap();
        assert_eq!(root.pairs()[0].1.scalar_text(), Some("\u{fffd}x\u{fffd}"));
    }

    #[test]
    fn deep_nesting_is_refused_in_bounded_time() {
        let text = format!("{{\"a\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(parse(&text).diagnostics[0].code, "EC0004");
    }
}
