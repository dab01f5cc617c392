//! `--format json`: the documented machine-readable shape (see docs/cli.md): one file gives
//! `{"accepted", "diagnostics"}`, several give `{"accepted", "files": [{"path", "accepted",
//! "diagnostics"}]}`, and `--from-manifest` adds `"manifest"` to the latter.

use enccfg_core::{Diagnostic, Fix};
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

fn diagnostic(d: &Diagnostic) -> Value {
    json!({
        "code": d.code,
        "name": d.name,
        "stage": d.stage.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "line": d.start.line,
        "column": d.start.column,
        "end_line": d.end.line,
        "end_column": d.end.column,
        "field": d.field.as_ref().map(|f| f.path.clone()),
        "type": d.field.as_ref().map(|f| f.error_type.as_str()),
        "help": d.help,
        "fix": d.fix.as_ref().map(fix),
    })
}

fn fix(f: &Fix) -> Value {
    let applicability = match f.applicability {
        enccfg_core::Applicability::Safe => "safe",
        enccfg_core::Applicability::Unsafe => "unsafe",
        enccfg_core::Applicability::DisplayOnly => "display-only",
    };
    let edits: Vec<Value> = f
        .edits
        .iter()
        .map(|e| json!({ "start": e.range.start, "end": e.range.end, "insert": e.insert }))
        .collect();
    json!({ "title": f.title, "applicability": applicability, "edits": edits })
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
