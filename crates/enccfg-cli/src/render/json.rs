//! `--format json`: the documented machine-readable shape (see docs/cli.md): one file gives
//! `{"accepted", "diagnostics"}`, several give `{"accepted", "files": [{"path", "accepted",
//! "diagnostics"}]}`, and `--from-manifest` adds `"manifest"` to the latter.

use enccfg_core::Diagnostic;
use serde_json::{json, Value};

use crate::manifest::ManifestReport;
use crate::report::Report;

/// One JSON object and a newline.
pub fn render(report: &Report) -> String {
    let value = match report.single() {
        Some(file) => json!({
            "accepted": file.analysis.accepted,
            "diagnostics": diagnostics(&file.analysis.diagnostics),
        }),
        None => {
            let files: Vec<Value> = report
                .files
                .iter()
                .map(|f| {
                    json!({
                        "path": f.path,
                        "accepted": f.analysis.accepted,
                        "diagnostics": diagnostics(&f.analysis.diagnostics),
                    })
                })
                .collect();
            let mut value = json!({ "accepted": report.accepted(), "files": files });
            if let (Some(m), Some(object)) = (&report.manifest, value.as_object_mut()) {
                object.insert("manifest".into(), manifest(m));
            }
            value
        }
    };
    format!("{value}\n")
}

fn diagnostics(list: &[Diagnostic]) -> Vec<Value> {
    list.iter().map(diagnostic).collect()
}

/// One finding: the core's `report` writes it (the page's "Copy findings as JSON" uses the same
/// function), read back here to sit inside the CLI's reports.
fn diagnostic(d: &Diagnostic) -> Value {
    serde_json::from_str(&enccfg_core::report::diagnostic_json(d)).unwrap_or(Value::Null)
}

fn manifest(m: &ManifestReport) -> Value {
    let findings: Vec<Value> = m
        .findings
        .iter()
        .map(|f| {
            json!({
                "kind": f.kind,
                "severity": f.severity.as_str(),
                "message": f.message,
                "line": f.start.0,
                "column": f.start.1,
                "end_line": f.end.0,
                "end_column": f.end.1,
                "help": f.help,
            })
        })
        .collect();
    json!({
        "path": m.path,
        "accepted": m.accepted(),
        "config": m.config.as_ref().map(|c| json!({
            "in_container": c.in_container,
            "on_node": c.on_node,
        })),
        "kubernetes_version": format!("1.{}", m.options.effective_minor()),
        "reload": m.options.reload,
        "kmsv1_gate": m.options.kmsv1_gate,
        "findings": findings,
    })
}
