//! Completion at the caret: the fields valid at that place (in a mapping: the fields of its
//! level not written yet; under `providers`: the provider kinds), values with a fixed set
//! (`apiVersion`, `kind`, `kms.apiVersion: v2`) and resource names, in block lists and in a
//! flow list such as `resources: [secrets, ]`.

use super::lines::{line_of, parents_at, scan, LineInfo};
use super::schema::{fields_of, find, level_of, Level};
use crate::diagnostic::TextRange;
use crate::options::Options;

/// Common built-in resources people encrypt, then the wildcards.
const RESOURCE_NAMES: &[(&str, &str)] = &[
    ("secrets", "core Secrets"),
    ("configmaps", "core ConfigMaps"),
    ("events", "core Events"),
    ("serviceaccounts", "core ServiceAccounts"),
    ("deployments.apps", "Deployments"),
    ("statefulsets.apps", "StatefulSets"),
    ("daemonsets.apps", "DaemonSets"),
    ("jobs.batch", "Jobs"),
    ("cronjobs.batch", "CronJobs"),
    ("ingresses.networking.k8s.io", "Ingresses"),
    (
        "customresourcedefinitions.apiextensions.k8s.io",
        "CRD definitions",
    ),
    ("*.apps", "wildcard: every resource of group apps (1.27+)"),
    ("*.", "wildcard: every core-group resource (1.27+)"),
    ("*.*", "wildcard: every resource, CRDs included (1.27+)"),
];

/// One completion: what the list shows and what is inserted in place of `replace`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// The page's `data-label`.
    pub label: String,
    pub insert: String,
    pub detail: String,
    /// Byte range replaced: the partial word before the caret.
    pub replace: TextRange,
}

/// What can be typed at byte `offset`, filtered by the word already typed before it.
pub fn complete(text: &str, offset: usize, options: &Options) -> Vec<Completion> {
    let offset = offset.min(text.len());
    let lines = scan(text);
    let index = line_of(&lines, offset);
    let Some(line) = lines.get(index) else {
        return Vec::new();
    };
    let at = offset.saturating_sub(line.start).min(line.text.len());
    let before = line.text.get(..at).unwrap_or("");
    // The word being typed: back to a space, `[`, `,` or `-`.
    let word_start = before
        .rfind([' ', '[', ',', '\t'])
        .map_or(0, |i| i + 1)
        .max(if line.item { line.col.min(at) } else { 0 });
    let word = before.get(word_start..).unwrap_or("");
    let replace = TextRange::new(line.start + word_start, offset);
    let make = |label: &str, insert: String, detail: &str| Completion {
        label: label.to_string(),
        insert,
        detail: detail.to_string(),
        replace,
    };
    let candidates: Vec<Completion> = match place(&lines, index, line, at, before) {
        Place::Key(level) => {
            let written = siblings(&lines, index, key_column(line, before), line.item);
            fields_of(level)
                .filter(|f| !written.iter().any(|w| w == f.name))
                .map(|f| {
                    let insert = match f.child {
                        Some(Level::Identity) => format!("{}: {{}}", f.name),
                        Some(_) => format!("{}:", f.name),
                        None => format!("{}: ", f.name),
                    };
                    make(f.name, insert, f.ty)
                })
                .collect()
        }
        Place::Value(level, key) => values(level, &key, options)
            .into_iter()
            .map(|(v, d)| make(v, v.to_string(), d))
            .collect(),
        Place::ResourceName => RESOURCE_NAMES
            .iter()
            .map(|(n, d)| make(n, n.to_string(), d))
            .collect(),
        Place::Nothing => Vec::new(),
    };
    candidates
        .into_iter()
        .filter(|c| c.label.starts_with(word) && c.label != word)
        .collect()
}

enum Place {
    Key(Level),
    Value(Level, String),
    ResourceName,
    Nothing,
}

fn place(lines: &[LineInfo], index: usize, line: &LineInfo, at: usize, before: &str) -> Place {
    if let Some((key, _, _)) = &line.key {
        // After `key:`: its value, or a flow list of resource names.
        if line.value_at.is_some_and(|v| at >= v) || before.ends_with(':') {
            let Some(level) = level_of(&line.parents) else {
                return Place::Nothing;
            };
            if level == Level::Entry && key == "resources" && before.contains('[') {
                return Place::ResourceName;
            }
            return match find(level, key) {
                Some(f) if f.child.is_none() => Place::Value(level, key.clone()),
                _ => Place::Nothing,
            };
        }
    }
    match level_of(&parents_at(lines, index, key_column(line, before))) {
        Some(Level::ResourceNames) => Place::ResourceName,
        Some(Level::Identity) | None => Place::Nothing,
        Some(level) => Place::Key(level),
    }
}

/// The column of a key typed at the caret: after the spaces and `- ` markers before it on an
/// empty line, else where the line's content starts.
fn key_column(line: &LineInfo, before: &str) -> usize {
    if line.blank {
        before.len() - before.trim_start_matches([' ', '-']).len()
    } else {
        line.col
    }
}

/// Keys already written in the mapping the caret is in: the lines at its column, up to the
/// item that starts it and down to the next item or a shallower line.
fn siblings(lines: &[LineInfo], index: usize, col: usize, item: bool) -> Vec<String> {
    let mut out = Vec::new();
    let key = |l: &LineInfo| l.key.as_ref().map(|(k, _, _)| k.clone());
    if !item {
        for l in lines.iter().take(index).rev().filter(|l| !l.blank) {
            if l.col < col {
                break;
            }
            if l.col == col {
                out.extend(key(l));
                if l.item {
                    break;
                }
            }
        }
    }
    for l in lines.iter().skip(index + 1).filter(|l| !l.blank) {
        if l.col < col || (l.col == col && l.item) {
            break;
        }
        if l.col == col {
            out.extend(key(l));
        }
    }
    out
}

fn values(level: Level, key: &str, options: &Options) -> Vec<(&'static str, &'static str)> {
    let v1 = if options.kmsv1_enabled() {
        "KMS v1 (deprecated)"
    } else {
        "KMS v1 (deprecated; does not load: the KMSv1 gate is off)"
    };
    match (level, key) {
        (Level::Root, "apiVersion") => vec![("apiserver.config.k8s.io/v1", "the only version")],
        (Level::Root, "kind") => vec![("EncryptionConfiguration", "the file's type")],
        (Level::Kms, "apiVersion") => vec![("v2", "KMS v2 (GA since 1.29)"), ("v1", v1)],
        (Level::Kms, "timeout") => vec![("3s", "the default")],
        (Level::Kms, "endpoint") => {
            vec![("unix:///var/run/kms-plugin/socket.sock", "a Unix socket")]
        }
        _ => Vec::new(),
    }
}
