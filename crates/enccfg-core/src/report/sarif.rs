//! SARIF 2.1.0 for one file: the registry's codes as rules, one result per finding with its
//! exact region (columns in code points).

use super::{array, object, quote};
use crate::analysis::Analysis;
use crate::diagnostic::Severity;
use crate::registry;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF log of one file named `uri`, from tool version `version`.
pub fn sarif(analysis: &Analysis, uri: &str, version: &str) -> String {
    let rules: Vec<String> = registry::CODES
        .iter()
        .map(|c| {
            let full = registry::docs_of(c.code).map_or(c.summary(), |d| d.explanation);
            object(&[
                ("id", quote(c.code)),
                ("name", quote(c.name)),
                ("shortDescription", object(&[("text", quote(c.summary()))])),
                ("fullDescription", object(&[("text", quote(full))])),
                (
                    "defaultConfiguration",
                    object(&[("level", quote(level(c.severity)))]),
                ),
            ])
        })
        .collect();
    let results: Vec<String> = analysis
        .diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(f) = &d.field {
                message.push_str(&format!(" ({} ({}))", f.path, f.error_type.as_str()));
            }
            let region = object(&[
                ("startLine", d.start.line.to_string()),
                ("startColumn", d.start.column.to_string()),
                ("endLine", d.end.line.to_string()),
                ("endColumn", d.end.column.to_string()),
            ]);
            let location = object(&[(
                "physicalLocation",
                object(&[
                    (
                        "artifactLocation",
                        object(&[("uri", quote(uri)), ("index", "0".into())]),
                    ),
                    ("region", region),
                ]),
            )]);
            object(&[
                ("ruleId", quote(d.code)),
                ("level", quote(level(d.severity))),
                ("message", object(&[("text", quote(&message))])),
                ("locations", array(&[location])),
            ])
        })
        .collect();
    let driver = object(&[
        ("name", quote("enccfg")),
        ("version", quote(version)),
        (
            "informationUri",
            quote("https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/"),
        ),
        ("rules", array(&rules)),
    ]);
    let run = object(&[
        ("tool", object(&[("driver", driver)])),
        ("columnKind", quote("unicodeCodePoints")),
        (
            "artifacts",
            array(&[object(&[("location", object(&[("uri", quote(uri))]))])]),
        ),
        ("results", array(&results)),
    ]);
    object(&[
        (
            "$schema",
            quote("https://json.schemastore.org/sarif-2.1.0.json"),
        ),
        ("version", quote("2.1.0")),
        ("runs", array(&[run])),
    ])
}
