//! `--format json`: the documented machine-readable shape (see docs/cli.md).

use enccfg_core::{Analysis, Diagnostic, Fix};
use serde_json::{json, Value};

/// One JSON object and a newline.
pub fn render(analysis: &Analysis) -> String {
    let diagnostics: Vec<Value> = analysis.diagnostics.iter().map(diagnostic).collect();
    let value = json!({ "accepted": analysis.accepted, "diagnostics": diagnostics });
    format!("{value}\n")
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
