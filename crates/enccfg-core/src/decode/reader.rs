//! Reading typed values out of YAML nodes the way kube-apiserver's decoder does (YAML → JSON →
//! case-sensitive Go structs), reporting wrong types and unknown fields with their places.

use super::duration::parse_go_duration;
use super::model::Field;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::field_path::FieldPath;
use crate::options::Options;
use crate::registry;
use crate::syntax::{resolve, Node, NodeKind, Resolved, ScalarStyle};

/// Collects decode diagnostics; knows whether unknown fields are errors (1.31+) or dropped,
/// and whether Go's JSON decoder read the file.
pub(crate) struct Reader {
    pub strict: bool,
    pub json: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// A mapping's fields by name, last occurrence winning (as in go-yaml v2).
pub(crate) struct Fields<'n> {
    pairs: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> Fields<'n> {
    /// The values of every occurrence of field `name`, in file order.
    pub(crate) fn all(&self, name: &str) -> Vec<&'n Node> {
        self.pairs
            .iter()
            .filter(|(n, _, _)| *n == name)
            .map(|(_, _, v)| *v)
            .collect()
    }

    /// The key and value nodes of field `name`, if present.
    pub(crate) fn get(&self, name: &str) -> Option<(&'n Node, &'n Node)> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _, _)| *n == name)
            .map(|(_, k, v)| (*k, *v))
    }
}

/// What a node holds, resolved as YAML 1.1.
pub(crate) fn resolved(node: &Node) -> Option<Resolved> {
    match &node.kind {
        NodeKind::Scalar { value, style, tag } => Some(resolve(value, *style, tag.as_deref())),
        _ => None,
    }
}

/// `true` for a null scalar (`~`, `null`, or nothing after the colon).
pub(crate) fn is_null(node: &Node) -> bool {
    matches!(resolved(node), Some(Resolved::Null))
}

fn describe(node: &Node) -> String {
    match &node.kind {
        NodeKind::Sequence(_) => "a list".into(),
        NodeKind::Mapping(_) => "a mapping".into(),
        NodeKind::Scalar { value, style, .. } => {
            let resolved = resolved(node).unwrap_or(Resolved::Str);
            match (&resolved, style) {
                (Resolved::Bool(_), ScalarStyle::Plain) => {
                    format!(
                        "the boolean `{value}` (YAML 1.1 reads unquoted `{value}` as a boolean)"
                    )
                }
                (Resolved::Null, _) => "null".into(),
                (Resolved::Int(_) | Resolved::Float(_), _) => format!("the number `{value}`"),
                _ => resolved.describe().into(),
            }
        }
    }
}

impl Reader {
    pub(crate) fn new(options: &Options, json: bool) -> Self {
        Reader {
            strict: options.strict_decoding(),
            json,
            diagnostics: Vec::new(),
        }
    }

    fn wrong_type(&mut self, node: &Node, path: &FieldPath<'_>, expected: &str) {
        let mut d = Diagnostic::new(
            &registry::WRONG_TYPE,
            node.range,
            format!(
                "`{path}` must be {expected}, but this is {}",
                describe(node)
            ),
        );
        if let NodeKind::Scalar {
            value,
            style: ScalarStyle::Plain,
            ..
        } = &node.kind
        {
            if expected == "a string" {
                let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
                d = d.help(format!("quote it: {quoted}")).fix(Fix {
                    title: format!("quote `{value}` so it stays a string"),
                    edits: vec![Edit {
                        range: node.range,
                        insert: quoted,
                    }],
                    applicability: Applicability::Safe,
                });
            }
        }
        self.diagnostics.push(d);
    }

    /// The fields of a mapping (or `None` for null / wrong type), reporting unknown ones.
    pub(crate) fn mapping<'n>(
        &mut self,
        node: &'n Node,
        path: &FieldPath<'_>,
        known: &[&str],
    ) -> Option<Fields<'n>> {
        let pairs = match &node.kind {
            NodeKind::Mapping(pairs) => pairs,
            NodeKind::Scalar { .. } if is_null(node) => return None,
            _ => {
                self.wrong_type(node, path, "a mapping");
                return None;
            }
        };
        let mut fields = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let name = key.scalar_text().unwrap_or("");
            let name = json_key(key).unwrap_or(name);
            if known.contains(&name) {
                fields.push((name, key, value));
            } else {
                let present: Vec<&str> =
                    pairs.iter().filter_map(|(k, _)| k.scalar_text()).collect();
                self.unknown_field(key, name, path, known, &present);
            }
        }
        Some(Fields { pairs: fields })
    }

    fn unknown_field(
        &mut self,
        key: &Node,
        name: &str,
        path: &FieldPath<'_>,
        known: &[&str],
        present: &[&str],
    ) {
        let full = path.field(name);
        let (severity, consequence) = if self.strict {
            (
                Severity::Error,
                "kube-apiserver refuses unknown fields from 1.31",
            )
        } else {
            (
                Severity::Warning,
                "before 1.31 kube-apiserver silently ignores it, so it has no effect",
            )
        };
        let mut d = Diagnostic::new(
            &registry::UNKNOWN_FIELD,
            key.range,
            format!("unknown field `{full}`: {consequence}"),
        )
        .severity(severity);
        d = match suggest(name, known) {
            Some(better) => {
                let d = d.help(format!(
                    "did you mean `{better}`? Field names are case-sensitive"
                ));
                if present.contains(&better) {
                    d
                } else {
                    d.fix(Fix {
                        title: format!("rename `{name}` to `{better}`"),
                        edits: vec![Edit {
                            range: key.range,
                            insert: better.to_string(),
                        }],
                        applicability: Applicability::Safe,
                    })
                }
            }
            None => d.help(format!(
                "fields allowed here: {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        self.diagnostics.push(d);
    }

    /// A list's items (empty for null), or `None` when the node is not a list.
    pub(crate) fn sequence<'n>(
        &mut self,
        node: &'n Node,
        path: &FieldPath<'_>,
    ) -> Option<&'n [Node]> {
        match &node.kind {
            NodeKind::Sequence(items) => Some(items),
            NodeKind::Scalar { .. } if is_null(node) => Some(&[]),
            _ => {
                self.wrong_type(node, path, "a list");
                None
            }
        }
    }

    /// A string value (null reads as empty); `None` after reporting a wrong type.
    pub(crate) fn string(&mut self, node: &Node, path: &FieldPath<'_>) -> Option<String> {
        self.string_as(node, resolved(node), path)
    }

    /// [`Reader::string`] for a node already resolved to `resolution`.
    fn string_as(
        &mut self,
        node: &Node,
        resolution: Option<Resolved>,
        path: &FieldPath<'_>,
    ) -> Option<String> {
        match (&node.kind, resolution) {
            (NodeKind::Scalar { value, .. }, Some(Resolved::Str)) => Some(value.clone()),
            (_, Some(Resolved::Null)) => Some(String::new()),
            _ => {
                self.wrong_type(node, path, "a string");
                None
            }
        }
    }

    /// An optional string field: `None` when missing or null.
    pub(crate) fn string_field(
        &mut self,
        fields: &Fields<'_>,
        name: &str,
        path: &FieldPath<'_>,
    ) -> Option<Field<String>> {
        let (key, value) = fields.get(name)?;
        let text = match resolved(value) {
            Some(Resolved::Null) => return None,
            resolution => self.string_as(value, resolution, &path.field(name))?,
        };
        Some(Field {
            value: text,
            key: key.range,
            value_range: value.range,
        })
    }

    /// `cachesize`: an int32 (integral floats such as `1e3` pass, as after Go's JSON round trip).
    pub(crate) fn int32_field(
        &mut self,
        fields: &Fields<'_>,
        name: &str,
        path: &FieldPath<'_>,
    ) -> Option<Field<i32>> {
        let (key, node) = fields.get(name)?;
        let full = path.field(name);
        let json_number = matches!(
            node.kind,
            NodeKind::Scalar {
                style: ScalarStyle::JsonNumber,
                ..
            }
        );
        let value = match resolved(node) {
            Some(Resolved::Null) => return None,
            // Go's JSON decoder parses the literal itself: `1e3` or `1000.0` is no int32.
            Some(Resolved::Float(_)) if json_number => None,
            Some(Resolved::Int(v)) => i32::try_from(v).ok(),
            Some(Resolved::Float(f)) if !f.is_finite() => {
                self.diagnostics.push(Diagnostic::new(
                    &registry::UNREPRESENTABLE_NUMBER,
                    node.range,
                    format!(
                        "`{full}` is infinite or NaN, which kube-apiserver cannot convert to JSON"
                    ),
                ));
                return None;
            }
            Some(Resolved::Float(f)) => {
                let integral = f.fract() == 0.0 && f.abs() < 1e21;
                (integral && f >= i32::MIN as f64 && f <= i32::MAX as f64).then_some(f as i32)
            }
            Some(Resolved::Str) | Some(Resolved::Bool(_)) | None => {
                self.wrong_type(node, &full, "a whole number (int32)");
                return None;
            }
        };
        match value {
            Some(v) => Some(Field {
                value: v,
                key: key.range,
                value_range: node.range,
            }),
            None => {
                self.diagnostics.push(
                    Diagnostic::new(
                        &registry::INT32_RANGE,
                        node.range,
                        format!("`{full}` must be a whole number from -2147483648 to 2147483647"),
                    )
                    .help("use a positive cache size such as 1000, or a negative one to disable the cache"),
                );
                None
            }
        }
    }

    /// `timeout`: a Go duration string; a bare number is a decode error.
    pub(crate) fn duration_field(
        &mut self,
        fields: &Fields<'_>,
        name: &str,
        path: &FieldPath<'_>,
    ) -> Option<Field<i64>> {
        let (key, node) = fields.get(name)?;
        let full = path.field(name);
        let text = match (&node.kind, resolved(node)) {
            (_, Some(Resolved::Null)) => return None,
            (NodeKind::Scalar { value, .. }, Some(Resolved::Str)) => value.clone(),
            (NodeKind::Scalar { value, .. }, _) => {
                self.diagnostics.push(
                    Diagnostic::new(
                        &registry::INVALID_DURATION,
                        node.range,
                        format!(
                            "`{full}` must be a duration string such as \"3s\", but this is {}",
                            describe(node)
                        ),
                    )
                    .help(format!("add a unit, e.g. `{value}s`")),
                );
                return None;
            }
            _ => {
                self.wrong_type(node, &full, "a duration string such as \"3s\"");
                return None;
            }
        };
        match parse_go_duration(&text) {
            Some(nanos) => Some(Field {
                value: nanos,
                key: key.range,
                value_range: node.range,
            }),
            None => {
                self.diagnostics.push(
                    Diagnostic::new(
                        &registry::INVALID_DURATION,
                        node.range,
                        format!("`{full}` is not a valid duration: `{text}`"),
                    )
                    .help("write a number with a unit: ns, us, ms, s, m or h (e.g. \"3s\", \"500ms\", \"1m30s\")"),
                );
                None
            }
        }
    }
}

/// The JSON key a YAML key becomes (YAML 1.1: `yes:` is the key "true").
fn json_key(key: &Node) -> Option<&'static str> {
    match resolved(key)? {
        Resolved::Bool(true) => Some("true"),
        Resolved::Bool(false) => Some("false"),
        Resolved::Null => Some("null"),
        _ => None,
    }
}

/// A known field the unknown `name` probably meant: same letters in another case, or at most
/// two edits away.
fn suggest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        return Some(k);
    }
    let lower = name.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1];
        for ((cb, diagonal), above) in b.iter().zip(&prev).zip(prev.iter().skip(1)) {
            let left = row.last().copied().unwrap_or(usize::MAX - 1);
            let cost = usize::from(ca != cb);
            row.push((diagonal + cost).min(above + 1).min(left + 1));
        }
        prev = row;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_cover_case_and_small_typos() {
        let known = ["apiVersion", "name", "cachesize", "endpoint", "timeout"];
        assert_eq!(suggest("cacheSize", &known), Some("cachesize"));
        assert_eq!(suggest("endpont", &known), Some("endpoint"));
        assert_eq!(suggest("apiversion", &known), Some("apiVersion"));
        assert_eq!(suggest("pandas", &known), None);
    }
}
