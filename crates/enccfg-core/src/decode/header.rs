//! `apiVersion` and `kind`: which registered type the decoder picks, if any.

use super::reader::{resolved, Reader};
use crate::diagnostic::{Diagnostic, TextRange};
use crate::registry;
use crate::syntax::{Node, NodeKind, Resolved};

/// Other kinds the decoder's scheme knows in `apiserver.config.k8s.io/v1`: they decode, then
/// fail as "unexpected config type".
const OTHER_KINDS: &[&str] = &[
    "AdmissionConfiguration",
    "AuthenticationConfiguration",
    "AuthorizationConfiguration",
    "TracingConfiguration",
];

pub(crate) const API_VERSION: &str = "apiserver.config.k8s.io/v1";
pub(crate) const KIND: &str = "EncryptionConfiguration";

/// Checks the type header; `false` means decoding stops here.
pub(crate) fn check(root: &Node, reader: &mut Reader) -> bool {
    let NodeKind::Mapping(pairs) = &root.kind else {
        reader.diagnostics.push(
            Diagnostic::new(
                &registry::WRONG_TYPE,
                head(root),
                "the document must be a mapping with `apiVersion`, `kind` and `resources`",
            )
            .help("start from `apiVersion: apiserver.config.k8s.io/v1` and `kind: EncryptionConfiguration`"),
        );
        return false;
    };
    // Go's `encoding/json` reads the header whatever the version: it matches keys
    // case-insensitively and the last matching key wins. Before 1.31 the body decode then drops
    // such keys; from 1.31 they are strict "unknown field" errors.
    let find = |name: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k.scalar_text().is_some_and(|k| go_fold_eq(k, name)))
    };
    let api_version = header_value(find("apiVersion"), "apiVersion", reader);
    let kind = header_value(find("kind"), "kind", reader);
    let (Some(api_version), Some(kind)) = (api_version, kind) else {
        return false;
    };
    let (api_text, api_range) = api_version;
    let (kind_text, kind_range) = kind;
    let missing_range = head(root);
    if kind_text.is_empty() {
        reader.diagnostics.push(
            Diagnostic::new(
                &registry::MISSING_KIND,
                kind_range.unwrap_or(missing_range),
                "`kind` is missing, so the decoder cannot tell what this file is",
            )
            .help("add `kind: EncryptionConfiguration`"),
        );
        return false;
    }
    if api_text.is_empty() {
        reader.diagnostics.push(
            Diagnostic::new(
                &registry::MISSING_API_VERSION,
                api_range.unwrap_or(missing_range),
                "`apiVersion` is missing, so the decoder cannot tell what this file is",
            )
            .help("add `apiVersion: apiserver.config.k8s.io/v1`"),
        );
        return false;
    }
    let accepted = (api_text == API_VERSION && kind_text == KIND)
        || (api_text == "v1" && kind_text == "EncryptionConfig");
    if accepted {
        return true;
    }
    let at = kind_range
        .unwrap_or(missing_range)
        .cover(api_range.unwrap_or(missing_range));
    if api_text == API_VERSION && OTHER_KINDS.contains(&kind_text.as_str()) {
        reader.diagnostics.push(
            Diagnostic::new(
                &registry::WRONG_CONFIG_TYPE,
                kind_range.unwrap_or(at),
                format!("this file is a `{kind_text}`, not an EncryptionConfiguration; kube-apiserver rejects it as an unexpected config type"),
            )
            .help("pass the encryption configuration itself to --encryption-provider-config"),
        );
        return false;
    }
    let help = if kind_text.eq_ignore_ascii_case(KIND)
        || kind_text.eq_ignore_ascii_case("EncryptionConfigurations")
    {
        format!("write `kind: {KIND}` exactly (case-sensitive, singular)")
    } else if api_text.starts_with("apiserver.config.k8s.io/") {
        format!("the only version is `{API_VERSION}`")
    } else if api_text == "v1" && kind_text == KIND {
        format!("with `kind: {KIND}` use `apiVersion: {API_VERSION}`")
    } else {
        format!("use `apiVersion: {API_VERSION}` and `kind: {KIND}`")
    };
    reader.diagnostics.push(
        Diagnostic::new(
            &registry::UNKNOWN_KIND,
            if api_text == API_VERSION {
                kind_range.unwrap_or(at)
            } else {
                api_range.unwrap_or(at)
            },
            format!("no kind `{kind_text}` is registered for version `{api_text}`"),
        )
        .help(help),
    );
    false
}

/// The text of a header field (`""` when missing or null) and its value range; `None` after a
/// wrong-type error.
fn header_value(
    pair: Option<&(Node, Node)>,
    name: &str,
    reader: &mut Reader,
) -> Option<(String, Option<TextRange>)> {
    let Some((key, value)) = pair else {
        return Some((String::new(), None));
    };
    match (&value.kind, resolved(value)) {
        (NodeKind::Scalar { value: text, .. }, Some(Resolved::Str)) => {
            Some((text.clone(), Some(value.range)))
        }
        (_, Some(Resolved::Null)) => Some((String::new(), Some(key.range))),
        _ => {
            reader.diagnostics.push(Diagnostic::new(
                &registry::WRONG_TYPE,
                value.range,
                format!("`{name}` must be a string"),
            ));
            None
        }
    }
}

/// Go's case-insensitive key match (`encoding/json`): simple case folding, which for ASCII
/// letters also matches the Kelvin sign (k) and the long s (s).
fn go_fold_eq(a: &str, b: &str) -> bool {
    fn fold(c: char) -> char {
        match c {
            '\u{212a}' => 'k',
            '\u{17f}' => 's',
            c => c.to_ascii_lowercase(),
        }
    }
    a.chars().map(fold).eq(b.chars().map(fold))
}

/// A small range that stands for a whole node: a mapping's first key, a list's first item.
pub(crate) fn head(node: &Node) -> TextRange {
    let mut node = node;
    loop {
        match &node.kind {
            NodeKind::Mapping(pairs) if !pairs.is_empty() => {
                if let Some((key, _)) = pairs.first() {
                    return key.range;
                }
            }
            NodeKind::Sequence(items) if !items.is_empty() => {
                if let Some(first) = items.first() {
                    node = first;
                }
            }
            _ => return node.range,
        }
    }
}
