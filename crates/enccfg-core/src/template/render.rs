//! Template mode's stand-in text: control tags and control-only lines become spaces (same
//! length, so positions do not move), and each expression becomes a typed stand-in chosen by
//! where it stands (`secret:` gets a valid 32-byte key, `name:` a name, a mapping key in
//! `providers` a provider kind, a list item a resource, a whole line under `resources:`,
//! `providers:` or `keys:` one item of that list). Stand-ins may change the length; the pieces
//! map positions back, and a range that touches a stand-in has no original: a finding there
//! depends on a value we made up.

use super::scan::{tags, Tag, TagKind};
use crate::diagnostic::TextRange;

/// One replaced span: where it was, where its replacement is, and whether it is a value we
/// made up (a stand-in) rather than blanked control text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    original: TextRange,
    rendered: TextRange,
    stand_in: bool,
}

/// The text template mode analyses, and the way back to the original positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rendered {
    pub text: String,
    pieces: Vec<Piece>,
    /// A resource name was made up: rules on which resources are covered cannot be judged.
    pub resource_stand_in: bool,
}

impl Rendered {
    /// Whether the text had no tags at all.
    pub(crate) fn unchanged(&self) -> bool {
        self.pieces.is_empty()
    }

    fn offset(&self, at: usize) -> usize {
        let mut shift: i64 = 0;
        for p in &self.pieces {
            if at < p.rendered.start() {
                break;
            }
            if at < p.rendered.end() {
                return if p.stand_in {
                    p.original.start()
                } else {
                    at.saturating_add_signed(shift as isize)
                };
            }
            shift = p.original.end() as i64 - p.rendered.end() as i64;
        }
        at.saturating_add_signed(shift as isize)
    }

    /// `range` of the rendered text in the original, or `None` when it touches a stand-in.
    pub(crate) fn original(&self, range: TextRange) -> Option<TextRange> {
        let touches = self.pieces.iter().filter(|p| p.stand_in).any(|p| {
            let r = p.rendered;
            if range.start == range.end {
                r.start <= range.start && range.start < r.end.max(r.start + 1)
            } else {
                range.start < r.end.max(r.start + 1) && r.start < range.end
            }
        });
        if touches {
            return None;
        }
        Some(TextRange::new(
            self.offset(range.start()),
            self.offset(range.end()),
        ))
    }
}

/// The key of a `key: value` ending `prefix` (`secret: ` or `{name: "`), if any.
fn key_before(prefix: &str) -> Option<&str> {
    let p = prefix.trim_end().trim_end_matches(['"', '\'']).trim_end();
    let p = p.strip_suffix(':')?;
    let start = p
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    p.get(start..).filter(|k| !k.is_empty())
}

/// The key that owns a list item whose dash is at column `dash` (the nearest line above that
/// is less indented, or at that column and not itself an item), or with `None` the key that
/// ends the line just above (for a whole-line expression). Returns the key and its column.
fn owner<'a>(lines: &[&'a str], line: usize, dash: Option<usize>) -> Option<(&'a str, usize)> {
    for above in lines.iter().take(line).rev() {
        let content = above.split(" #").next().unwrap_or(above).trim_end();
        let trimmed = content.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("{%") {
            continue;
        }
        let col = content.len() - trimmed.len();
        if let Some(dash) = dash {
            if col > dash || (col == dash && trimmed.starts_with('-')) {
                continue;
            }
        }
        let body = trimmed.trim_start_matches("- ");
        let key = body.strip_suffix(':')?;
        let key_col = col + (trimmed.len() - body.len());
        return key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
            .then_some((key, key_col));
    }
    None
}

struct Maker {
    count: u8,
    resource_stand_in: bool,
}

impl Maker {
    fn next(&mut self) -> u8 {
        self.count = self.count.wrapping_add(1);
        self.count
    }

    /// A valid 32-byte key (accepted by every local provider; bytes 0..32). The same for
    /// every stand-in: a finding on it (reuse, weakness) is at a stand-in and dropped.
    fn key(&mut self) -> String {
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=".into()
    }

    fn name(&mut self) -> String {
        format!("tmpl{}", self.next())
    }

    fn resource(&mut self) -> String {
        self.resource_stand_in = true;
        format!("tmpl{}", self.next())
    }

    /// A stand-in for the value of `key` (inline, after `key:`).
    fn value(&mut self, key: &str, column: usize) -> String {
        match key {
            "secret" => self.key(),
            "endpoint" => format!("unix:///var/run/kmsplugin/tmpl{}.sock", self.next()),
            "timeout" => "3s".into(),
            "cachesize" => "1000".into(),
            "apiVersion" if column == 0 => "apiserver.config.k8s.io/v1".into(),
            "apiVersion" => "v2".into(),
            "kind" => "EncryptionConfiguration".into(),
            _ => self.name(),
        }
    }

    /// One list item of the list owned by `key` (a whole-line expression).
    fn item(&mut self, key: &str, key_col: usize) -> Option<String> {
        Some(match key {
            "resources" if key_col == 0 => format!(
                "- {{resources: [{}], providers: [{{identity: {{}}}}]}}",
                self.resource()
            ),
            "resources" => format!("- {}", self.resource()),
            "providers" => format!(
                "- aescbc: {{keys: [{{name: {}, secret: {}}}]}}",
                self.name(),
                self.key()
            ),
            "keys" => format!("- {{name: {}, secret: {}}}", self.name(), self.key()),
            _ => return None,
        })
    }
}

/// The provider kind to stand in for a templated mapping key, from what its body holds.
fn provider_for(lines: &[&str], line: usize, rest_of_line: &str, indent: usize) -> &'static str {
    let mut body = rest_of_line.to_string();
    for below in lines.iter().skip(line + 1) {
        let trimmed = below.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        if below.len() - trimmed.len() <= indent {
            break;
        }
        body.push_str(trimmed);
        body.push('\n');
    }
    if body.contains("endpoint") {
        "kms"
    } else if body.contains("keys") {
        "aescbc"
    } else {
        "identity"
    }
}

/// Template mode's text for `text`.
pub(crate) fn render(text: &str) -> Rendered {
    let found = tags(text);
    let mut maker = Maker {
        count: 0,
        resource_stand_in: false,
    };
    if found.is_empty() {
        return Rendered {
            text: text.to_string(),
            pieces: Vec::new(),
            resource_stand_in: false,
        };
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut line_starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for l in &lines {
        line_starts.push(at);
        at += l.len() + 1;
    }
    let line_of = |offset: usize| {
        line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    };
    // (original range, replacement, stand-in)
    let mut edits: Vec<(TextRange, String, bool)> = Vec::new();
    let blank = |t: &Tag| -> String {
        text.get(t.range.start()..t.range.end())
            .unwrap_or_default()
            .chars()
            .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
            .collect::<String>()
    };
    let mut i = 0;
    while let Some(tag) = found.get(i) {
        let line = line_of(tag.range.start());
        let start = line_starts.get(line).copied().unwrap_or(0);
        let line_text = lines.get(line).copied().unwrap_or_default();
        let prefix = text.get(start..tag.range.start()).unwrap_or_default();
        let line_end = start + line_text.len();
        let suffix = text
            .get(tag.range.end().min(line_end)..line_end)
            .unwrap_or_default();
        let alone = prefix.trim().is_empty() && suffix.trim().is_empty();
        if tag.kind == TagKind::Control {
            edits.push((tag.range, blank(tag), false));
            i += 1;
            continue;
        }
        if alone {
            // A whole line: one item of the list its owner holds, or nothing.
            let indent = prefix.len();
            let item = owner(&lines, line, None)
                .filter(|(_, col)| *col <= indent || indent == 0)
                .and_then(|(key, col)| maker.item(key, col).map(|item| (item, col)));
            match item {
                Some((item, col)) => {
                    let pad = " ".repeat(col + 2);
                    edits.push((
                        TextRange::new(start, tag.range.end()),
                        format!("{pad}{item}"),
                        true,
                    ));
                }
                None => edits.push((tag.range, blank(tag), false)),
            }
            i += 1;
            continue;
        }
        let stand_in = if suffix.trim_start().starts_with(':') {
            let indent = line_text.len() - line_text.trim_start().len();
            provider_for(&lines, line, suffix, indent).to_string()
        } else if let Some(key) = key_before(prefix) {
            let column = prefix.len() - prefix.trim_start().len();
            if key == "resources" {
                maker.resource()
            } else {
                maker.value(key, column)
            }
        } else {
            let t = prefix.trim_end();
            let list_item = t.ends_with('-') || t.ends_with('[') || t.ends_with(',');
            let indent = line_text.len() - line_text.trim_start().len();
            let key = if t.ends_with('[') || t.ends_with(',') {
                key_before(t.rsplit_once('[').map_or(t, |(k, _)| k)).map(str::to_string)
            } else {
                owner(&lines, line, Some(indent)).map(|(k, _)| k.to_string())
            };
            match (list_item, key.as_deref()) {
                (true, Some("resources")) => maker.resource(),
                _ => maker.name(),
            }
        };
        edits.push((tag.range, stand_in, true));
        i += 1;
    }
    // Tags come in text order, and a whole-line stand-in starts its line: already sorted.
    let mut out = String::with_capacity(text.len() + 64);
    let mut pieces = Vec::with_capacity(edits.len());
    let mut last = 0;
    for (range, insert, stand_in) in edits {
        if range.start() < last {
            continue;
        }
        out.push_str(text.get(last..range.start()).unwrap_or_default());
        let from = out.len();
        out.push_str(&insert);
        pieces.push(Piece {
            original: range,
            rendered: TextRange::new(from, out.len()),
            stand_in,
        });
        last = range.end();
    }
    out.push_str(text.get(last..).unwrap_or_default());
    Rendered {
        text: out,
        pieces,
        resource_stand_in: maker.resource_stand_in,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_lines_are_blanked_in_place_and_values_get_typed_stand_ins() {
        let text = "{{- if .Values.on }}\nkind: EncryptionConfiguration\nsecret: {{ .Values.key | b64enc }}\n{{- end }}\n";
        let r = render(text);
        assert!(
            r.text.starts_with("                    \nkind:"),
            "{:?}",
            r.text
        );
        let secret = r.text.lines().nth(2).unwrap_or_default();
        let key = secret.strip_prefix("secret: ").unwrap_or_default();
        assert_eq!(
            crate::validate::decode_secret(key).map(|b| b.len()),
            Some(32)
        );
        // `kind` is untouched and maps back to itself.
        let at = r.text.find("kind").unwrap_or_default();
        assert_eq!(
            r.original(TextRange::new(at, at + 4)),
            Some(TextRange::new(at, at + 4))
        );
        // After the longer stand-in, positions shift back.
        let end_line = r.text.rfind("    ").unwrap_or_default();
        assert!(r.original(TextRange::empty(end_line)).is_some());
        let s = r.text.find("secret: ").unwrap_or_default() + 8;
        assert_eq!(
            r.original(TextRange::new(s, s + 3)),
            None,
            "a stand-in has no original"
        );
    }

    #[test]
    fn a_whole_line_list_under_resources_becomes_one_item() {
        let text = "resources:\n  - resources:\n{{ res | to_nice_yaml | indent(4, True) }}\n    providers:\n    - {{ algorithm }}:\n        keys:\n        - name: key\n          secret: {{ token | b64encode }}\n";
        let r = render(text);
        assert!(r.text.contains("\n      - tmpl"), "{}", r.text);
        assert!(r.text.contains("- aescbc:"), "{}", r.text);
        assert!(r.resource_stand_in);
    }
}
