//! Mutations: YAML features (flow collections, quoting and escapes, tabs, comments,
//! directives, anchors, aliases and merge keys, tags, documents), JSON edge cases that Go's
//! decoder treats its own way, encodings (BOM, UTF-16), and plain byte edits.

use crate::rng::Rng;

/// The mutation families, by name (for the report).
pub const FAMILIES: &[&str] = &[
    "flow",
    "quote",
    "escape",
    "tab",
    "comment",
    "directive",
    "anchor",
    "merge",
    "tag",
    "document",
    "unicode",
    "json",
    "indent",
    "bytes",
];

/// Applies one mutation of `family` to `text`.
pub fn text(family: &str, text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let line = rng.below(lines.len());
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let Some(current) = out.get(line).cloned() else {
        return text.to_string();
    };
    let value_at = current.find(": ").map(|i| i + 2);
    match family {
        "flow" => {
            // Wrap a value in a flow collection, with breaks at odd columns.
            if let Some(at) = value_at {
                let (head, value) = current.split_at(at);
                let value = value.trim_end_matches('\n');
                let wrapped = match rng.below(5) {
                    0 => format!("[{value}]"),
                    1 => format!("{{x: {value},\n{}y: z}}", " ".repeat(rng.below(4))),
                    2 => format!("[\n{value}\n{}]", " ".repeat(rng.below(3))),
                    3 => format!("[{value}]#c"),
                    _ => format!("{{k: {value}?q}}"),
                };
                out[line] = format!("{head}{wrapped}\n");
            }
        }
        "quote" => {
            if let Some(at) = value_at {
                let (head, value) = current.split_at(at);
                let value = value.trim_end_matches('\n');
                let quoted = match rng.below(6) {
                    0 => format!("'{value}'"),
                    1 => format!("\"{value}\""),
                    2 => format!("\"{value}\n{}x\"", " ".repeat(rng.below(3))),
                    3 => format!("'{value}\n\tx'"),
                    4 => format!("\"{value}\"#c"),
                    _ => format!("\"{value}\" # c"),
                };
                out[line] = format!("{head}{quoted}\n");
            }
        }
        "escape" => {
            if let Some(at) = value_at {
                let (head, value) = current.split_at(at);
                let value = value.trim_end_matches('\n').trim_matches('"');
                let escape = *rng.pick(&[
                    "\\'",
                    "\\/",
                    "\\x41",
                    "\\u00e9",
                    "\\N",
                    "\\_",
                    "\\t",
                    "\\q",
                    "\\\"",
                    "\\U0001F600",
                    "\\\t",
                ]);
                out[line] = format!("{head}\"{value}{escape}\"\n");
            }
        }
        "tab" => {
            let at = match rng.below(4) {
                0 => 0,
                1 => current.find(": ").map_or(0, |i| i + 1),
                2 => current.trim_end_matches('\n').len(),
                _ => current.find("- ").map_or(0, |i| i + 1),
            };
            let mut l = current.clone();
            if at <= l.len() && l.is_char_boundary(at) {
                if rng.chance(50) && l.get(at..at + 1) == Some(" ") {
                    l.replace_range(at..at + 1, "\t");
                } else {
                    l.insert(at, '\t');
                }
            }
            out[line] = l;
        }
        "comment" => {
            let comment = *rng.pick(&[" # c", "#c", " #", "\t# c"]);
            let l = current.trim_end_matches('\n');
            out[line] = if rng.chance(50) {
                format!("{l}{comment}\n")
            } else {
                format!("# {}\n{current}", rng.below(9))
            };
        }
        "directive" => {
            let header = *rng.pick(&[
                "%YAML 1.1\n---\n",
                "%YAML 1.2\n---\n",
                "%YAML 1.1#c\n---\n",
                "%YAML 2.0\n---\n",
                "%TAG ! tag:x,2000:\n---\n",
                "%TAG !e! tag:yaml.org,2002:\n---\n",
                "%FOO bar\n---\n",
                "--- ",
                "---\n",
            ]);
            return format!("{header}{text}");
        }
        "anchor" => {
            if let Some(at) = value_at {
                let (head, value) = current.split_at(at);
                let name = *rng.pick(&["a", "a.b", "a-b_1", "x", "é"]);
                out[line] = format!("{head}&{name} {value}");
                if let Some(other) = out.get(rng.below(out.len())).cloned() {
                    if let Some(at2) = other.find(": ").map(|i| i + 2) {
                        let i = out.iter().position(|l| *l == other).unwrap_or(0);
                        if i > line {
                            let (h2, _) = other.split_at(at2);
                            out[i] = format!("{h2}*{name}\n");
                        }
                    }
                }
            }
        }
        "merge" => {
            // Merge keys: a mapping, a list of mappings, an alias of a list, a scalar.
            let indent: String = current.chars().take_while(|c| *c == ' ').collect();
            if current.trim_start().starts_with("- ") || !current.contains(": ") {
                return text.to_string();
            }
            let merge = *rng.pick(&[
                "<<: {name: merged}",
                "<<: [{name: a}, {name: b}]",
                "<<: 1",
                "!!merge <<: {endpoint: unix:///m}",
                "\"<<\": {x: y}",
                "<<: {}",
            ]);
            out.insert(line, format!("{indent}{merge}\n"));
        }
        "tag" => {
            if let Some(at) = value_at {
                let (head, value) = current.split_at(at);
                let tag = *rng.pick(&[
                    "!!str ",
                    "!!int ",
                    "!!binary ",
                    "! ",
                    "!custom ",
                    "!!float ",
                    "!!null ",
                    "!!str,",
                    "!e!str ",
                    "!!map ",
                    "!<tag:yaml.org,2002:str> ",
                ]);
                out[line] = format!("{head}{tag}{value}");
            }
        }
        "document" => {
            let tail = *rng.pick(&[
                "---\nx: [\n",
                "...\n",
                "--- |\n  x\n",
                "---\n\u{1}\n",
                "...\ngarbage: [\n",
                "\n---\n",
            ]);
            if rng.chance(50) {
                return format!("{text}{tail}");
            }
            out.insert(line, tail.to_string());
        }
        "unicode" => {
            let c = *rng.pick(&[
                '\u{feff}', '\u{85}', '\u{2028}', '\u{2029}', '\u{a0}', 'é', '\u{fffe}', '\u{7f}',
                '\u{80}', '\u{1}',
            ]);
            let l = current.trim_end_matches('\n');
            let at = rng.below(l.len() + 1);
            if l.is_char_boundary(at) {
                let mut l = l.to_string();
                l.insert(at, c);
                out[line] = format!("{l}\n");
            }
        }
        "json" => {
            let edit = *rng.pick(&[
                (",\n", ",,\n"),
                ("}", ",}"),
                ("]", ",]"),
                ("\"", "'"),
                (": ", ": /* c */ "),
                ("\n", "\n// c\n"),
                ("\"v2\"", "\"v2\\/\""),
                ("\"name\"", "name"),
                ("\"", "\"\t"),
                ("{", "{\"kms\": {\"timeout\": \"5s\"}, "),
                ("\"kms\": {", "\"kms\": {\"name\": \"m\"}, \"kms\": {"),
                ("\"kind\"", "\"KIND\""),
                ("\"secret\": \"", "\"secret\": \"\\u00"),
            ]);
            if let Some(i) = text.match_indices(edit.0).map(|(i, _)| i).nth(rng.below(6)) {
                let mut t = text.to_string();
                t.replace_range(i..i + edit.0.len(), edit.1);
                return t;
            }
            return match rng.below(3) {
                0 => format!(" \u{a0}{text}"),
                1 => format!("{text}---\n"),
                _ => format!("{text}{{}}"),
            };
        }
        "key" => {
            // Keys YAML allows and JSON does not, or that resolve to something else.
            let indent: String = current.chars().take_while(|c| *c == ' ').collect();
            if current.trim_start().starts_with("- ") {
                return text.to_string();
            }
            let key = *rng.pick(&[
                "~: x",
                "null: x",
                "18446744073709551615: x",
                "9223372036854775807: x",
                "? [a]\n: x",
                "? {a: b}\n: x",
                "true: x",
                "0x10: x",
                "1e3: x",
                "\"\": x",
                "!!str ~: x",
            ]);
            let key = key.replace('\n', &format!("\n{indent}"));
            out.insert(line, format!("{indent}{key}\n"));
        }
        "indent" => {
            let l = if rng.chance(50) {
                format!(" {current}")
            } else {
                current.strip_prefix(' ').unwrap_or(&current).to_string()
            };
            out[line] = l;
        }
        _ => {}
    }
    out.concat()
}

/// Byte-level edits, then sometimes a re-encoding (BOM, UTF-16).
pub fn bytes(mut data: Vec<u8>, rng: &mut Rng) -> Vec<u8> {
    for _ in 0..rng.below(3) {
        let at = rng.below(data.len() + 1);
        match rng.below(5) {
            0 => data.insert(
                at,
                *rng.pick(&[
                    b' ', b'\t', b'\n', b'\r', 0, 1, 0x7f, 0x80, 0xff, b'#', b':', b'-', b'{',
                    b'[', b'"', b'\'',
                ]),
            ),
            1 if at < data.len() => {
                data.remove(at);
            }
            2 if at < data.len() => data[at] = rng.next() as u8 & 0x7f,
            3 => {
                let end = (at + 1 + rng.below(8)).min(data.len());
                let copy = data[at.min(end)..end].to_vec();
                data.splice(at..at, copy);
            }
            _ => {}
        }
    }
    data
}

/// Re-encodes UTF-8 text: with a BOM, or as UTF-16LE/BE with a BOM (maybe with an odd byte).
pub fn encoding(data: Vec<u8>, rng: &mut Rng) -> Vec<u8> {
    let text = String::from_utf8_lossy(&data).into_owned();
    match rng.below(4) {
        0 => [b"\xef\xbb\xbf".as_slice(), &data].concat(),
        1 => {
            let mut out = vec![0xff, 0xfe];
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
        2 => {
            let mut out = vec![0xfe, 0xff];
            out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            if rng.chance(30) {
                out.push(b'\n');
            }
            out
        }
        _ => [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), &data].concat(),
    }
}
