//! Analysis → the rows and labels the components draw (pure, tested natively).

use enccfg_core::{Analysis, Diagnostic, Severity};

/// One line of the diagnostics list.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticRow {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub stage: &'static str,
    pub line: u32,
    pub column: u32,
    /// UTF-16 offsets of the span, for selecting it in the textarea.
    pub select_from: u32,
    pub select_to: u32,
    pub message: String,
    pub field: Option<String>,
    pub error_type: Option<&'static str>,
    pub help: Option<String>,
}

impl From<&Diagnostic> for DiagnosticRow {
    fn from(d: &Diagnostic) -> Self {
        DiagnosticRow {
            code: d.code,
            name: d.name,
            severity: d.severity.as_str(),
            stage: d.stage.as_str(),
            line: d.start.line,
            column: d.start.column,
            select_from: d.start.utf16_offset,
            select_to: d.end.utf16_offset,
            message: d.message.clone(),
            field: d.field.as_ref().map(|f| f.path.clone()),
            error_type: d.field.as_ref().map(|f| f.error_type.as_str()),
            help: d.help.clone(),
        }
    }
}

/// The diagnostics in source order (kube-apiserver's order kept among equal positions).
pub fn diagnostic_rows(analysis: &Analysis) -> Vec<DiagnosticRow> {
    let mut rows: Vec<DiagnosticRow> = analysis
        .diagnostics
        .iter()
        .map(DiagnosticRow::from)
        .collect();
    rows.sort_by_key(|r| (r.line, r.column));
    rows
}

/// The verdict line.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub accepted: bool,
    pub headline: String,
    pub detail: String,
}

pub fn verdict(analysis: &Analysis) -> Verdict {
    let minor = analysis.options.effective_minor();
    let errors = analysis.errors().count();
    let others = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Error)
        .count();
    if analysis.accepted {
        Verdict {
            accepted: true,
            headline: format!("kube-apiserver 1.{minor} would start with this file"),
            detail: match others {
                0 => "no findings".into(),
                1 => "1 warning or note below".into(),
                n => format!("{n} warnings or notes below"),
            },
        }
    } else {
        Verdict {
            accepted: false,
            headline: format!("kube-apiserver 1.{minor} would refuse to start"),
            detail: match errors {
                1 => "1 error decides it".into(),
                n => format!("{n} errors decide it"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enccfg_core::{analyze, Options};

    #[test]
    fn rows_carry_positions_and_the_verdict_counts_errors() {
        let analysis = analyze("a:\n  - [\n", &Options::default());
        let rows = diagnostic_rows(&analysis);
        assert_eq!(rows[0].code, "EC0001");
        assert!(rows[0].line >= 2);
        let v = verdict(&analysis);
        assert!(!v.accepted);
        assert_eq!(v.detail, "1 error decides it");
    }
}
