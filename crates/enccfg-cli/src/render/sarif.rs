//! `--format sarif`: SARIF 2.1.0, one run with one artifact per file checked (the manifest
//! first with `--from-manifest`) and one result per finding, with exact regions.

use enccfg_core::{registry, Severity};
use serde_json::{json, Value};

use crate::manifest;
use crate::report::Report;

pub fn render(report: &Report) -> String {
    let mut rules: Vec<Value> = registry::CODES
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": { "text": c.summary() },
                "fullDescription": { "text": registry::docs_of(c.code).map_or(c.summary(), |d| d.explanation) },
                "defaultConfiguration": { "level": level(c.severity) },
            })
        })
        .collect();
    if report.manifest.is_some() {
        rules.extend(manifest::KINDS.iter().map(|(kind, severity, summary)| {
            json!({
                "id": kind,
                "name": kind,
                "shortDescription": { "text": summary },
                "defaultConfiguration": { "level": level(*severity) },
            })
        }));
    }
    let entries = report.entries();
    let artifacts: Vec<Value> = entries
        .iter()
        .map(|(path, _)| json!({ "location": { "uri": path } }))
        .collect();
    let results: Vec<Value> = entries
        .iter()
        .enumerate()
        .flat_map(|(index, (path, list))| {
            list.iter().map(move |e| {
                let mut message = e.message.to_string();
                if let Some(field) = &e.field {
                    message.push_str(&format!(" ({field})"));
                }
                json!({
                    "ruleId": e.id,
                    "level": level(e.severity),
                    "message": { "text": message },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": path, "index": index },
                            "region": {
                                "startLine": e.start.0,
                                "startColumn": e.start.1,
                                "endLine": e.end.0,
                                "endColumn": e.end.1,
                            }
                        }
                    }],
                })
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "enccfg",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }]
    });
    format!("{log:#}\n")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
