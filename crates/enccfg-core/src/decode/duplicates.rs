//! Duplicate keys anywhere in the document: errors from 1.31 (strict decoding), before that
//! the last value silently wins.
//!
//! Keys are compared as go-yaml v2 compares them once resolved (`1` and `01` collide, `1`
//! and `1.0` or `true` and `"true"` do not). In strict mode go-yaml v2 also refuses a key
//! that a `<<` merge already set in the same mapping (or two merged maps that share a key);
//! before 1.31 such keys simply override each other, as merges intend.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::reader::{resolved, Reader};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry;
use crate::syntax::{Node, NodeKind, Resolved};

pub(crate) fn check(root: &Node, reader: &mut Reader) {
    // Aliases copy nodes with their ranges: report each place once.
    let mut reported = HashSet::default();
    for node in root.walk() {
        match &node.kind {
            NodeKind::Scalar { .. } | NodeKind::Sequence(_) => {}
            NodeKind::Mapping(pairs) => {
                let mut seen: HashMap<KeyIdentity<'_>, &Node> = HashMap::default();
                for (key, _) in pairs.iter() {
                    let Some(id) = key_identity(key) else {
                        continue;
                    };
                    let Some(earlier) = seen.insert(id, key) else {
                        continue;
                    };
                    let merged = earlier.merged || key.merged;
                    if merged && !reader.strict {
                        continue;
                    }
                    // Point at a key the user wrote in this mapping when there is one.
                    let at = if key.merged && !earlier.merged {
                        earlier
                    } else {
                        key
                    };
                    if reported.insert(at.range) {
                        report(reader, at, merged);
                    }
                }
            }
        }
    }
}

fn report(reader: &mut Reader, key: &Node, merged: bool) {
    let name = key.scalar_text().unwrap_or_default();
    let (severity, consequence) = if reader.strict {
        (
            Severity::Error,
            "kube-apiserver refuses duplicate keys from 1.31",
        )
    } else {
        (
            Severity::Warning,
            "before 1.31 the last one silently wins and the earlier value is lost",
        )
    };
    let (message, help) = if merged {
        (
            format!("key `{name}` is set twice in this mapping (through a `<<` merge): {consequence}"),
            "strict decoding does not let a mapping override a merged key: drop the `<<` merge or the repeated key",
        )
    } else {
        (
            format!("key `{name}` appears twice in this mapping: {consequence}"),
            "keep one of the two and delete the other",
        )
    };
    reader.diagnostics.push(
        Diagnostic::new(&registry::DUPLICATE_KEY, key.range, message)
            .severity(severity)
            .help(help),
    );
}

/// What a key is once resolved, tagged with its type: two keys collide when these are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum KeyIdentity<'a> {
    Str(&'a str),
    Null,
    Bool(bool),
    Int(i128),
    /// By bit pattern (with -0 as 0): equal floats are the same key, and no float printing
    /// code is pulled into the wasm bundle.
    Float(u64),
}

fn key_identity(key: &Node) -> Option<KeyIdentity<'_>> {
    let NodeKind::Scalar { value, .. } = &key.kind else {
        return None;
    };
    Some(match resolved(key)? {
        Resolved::Str => KeyIdentity::Str(value),
        Resolved::Null => KeyIdentity::Null,
        Resolved::Bool(b) => KeyIdentity::Bool(b),
        Resolved::Int(i) => KeyIdentity::Int(i),
        Resolved::Float(f) => KeyIdentity::Float(if f == 0.0 { 0 } else { f.to_bits() }),
    })
}
