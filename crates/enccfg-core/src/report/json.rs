//! `{"accepted", "diagnostics": [...]}`: every finding with its code, name, stage, severity,
//! message, 1-based span, kube-apiserver's field and error type (stage `validate`), help and fix.

use super::{array, object, opt, quote};
use crate::analysis::Analysis;
use crate::diagnostic::{Applicability, Diagnostic, Fix};

/// The JSON of one file's analysis (one line, no trailing newline).
pub fn json(analysis: &Analysis) -> String {
    let diagnostics: Vec<String> = analysis.diagnostics.iter().map(diagnostic).collect();
    object(&[
        ("accepted", analysis.accepted.to_string()),
        ("diagnostics", array(&diagnostics)),
    ])
}

/// One finding as the CLI's JSON object (the CLI builds its reports from this).
pub fn diagnostic(d: &Diagnostic) -> String {
    object(&[
        ("code", quote(d.code)),
        ("name", quote(d.name)),
        ("stage", quote(d.stage.as_str())),
        ("severity", quote(d.severity.as_str())),
        ("message", quote(&d.message)),
        ("line", d.start.line.to_string()),
        ("column", d.start.column.to_string()),
        ("end_line", d.end.line.to_string()),
        ("end_column", d.end.column.to_string()),
        ("field", opt(d.field.as_ref().map(|f| f.path.as_str()))),
        ("type", opt(d.field.as_ref().map(|f| f.error_type.as_str()))),
        ("help", opt(d.help.as_deref())),
        ("fix", d.fix.as_ref().map_or_else(|| "null".into(), fix)),
    ])
}

fn fix(f: &Fix) -> String {
    let applicability = match f.applicability {
        Applicability::Safe => "safe",
        Applicability::Unsafe => "unsafe",
        Applicability::DisplayOnly => "display-only",
    };
    let edits: Vec<String> = f
        .edits
        .iter()
        .map(|e| {
            object(&[
                ("start", e.range.start.to_string()),
                ("end", e.range.end.to_string()),
                ("insert", quote(&e.insert)),
            ])
        })
        .collect();
    object(&[
        ("title", quote(&f.title)),
        ("applicability", quote(applicability)),
        ("edits", array(&edits)),
    ])
}
