//! Duplicate keys anywhere in the document: errors from 1.31 (strict decoding), before that
//! the last value silently wins.

use std::collections::HashMap;

use super::reader::{resolved, Reader};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry;
use crate::syntax::{Node, NodeKind, Resolved};

pub(crate) fn check(root: &Node, reader: &mut Reader) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Mapping(pairs) => {
                let mut seen: HashMap<String, &Node> = HashMap::new();
                for (key, value) in pairs {
                    stack.push(value);
                    if key.merged {
                        continue;
                    }
                    let Some(id) = key_identity(key) else {
                        continue;
                    };
                    if seen.insert(id.clone(), key).is_some() {
                        report(reader, key, &id);
                    }
                }
            }
        }
    }
}

fn report(reader: &mut Reader, key: &Node, id: &str) {
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
    reader.diagnostics.push(
        Diagnostic::new(
            &registry::DUPLICATE_KEY,
            key.range,
            format!("key `{id}` appears twice in this mapping: {consequence}"),
        )
        .severity(severity)
        .help("keep one of the two and delete the other"),
    );
}

/// What a key is once resolved: two keys collide when these are equal.
fn key_identity(key: &Node) -> Option<String> {
    let NodeKind::Scalar { value, .. } = &key.kind else {
        return None;
    };
    Some(match resolved(key)? {
        Resolved::Str => value.clone(),
        Resolved::Null => "null".into(),
        Resolved::Bool(b) => b.to_string(),
        Resolved::Int(i) => i.to_string(),
        Resolved::Float(f) => f.to_string(),
    })
}
