//! Markdown for an issue or a review: the verdict, then one list item per finding with its
//! code, position, severity, message, field and help. Messages never hold key material.

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;

/// Backticks that cannot be closed by the text inside them.
fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn item(path: &str, d: &Diagnostic) -> String {
    let mut out = format!(
        "- **{}** {} `{}:{}:{}` ({}): {}",
        d.severity.as_str(),
        code(d.code),
        path,
        d.start.line,
        d.start.column,
        d.name,
        d.message.replace('\n', " ")
    );
    if let Some(f) = &d.field {
        out.push_str(&format!(
            "\n  - field: {} ({})",
            code(&f.path),
            f.error_type.as_str()
        ));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("\n  - help: {}", help.replace('\n', " ")));
    }
    out.push('\n');
    out
}

/// The findings of `path` as Markdown, headed by the verdict for the analysis's version.
pub fn markdown(analysis: &Analysis, path: &str) -> String {
    let minor = analysis.options.effective_minor();
    let verdict = if analysis.accepted {
        format!("kube-apiserver 1.{minor} would start with `{path}`.")
    } else {
        format!("kube-apiserver 1.{minor} would **refuse** `{path}`.")
    };
    let mut out = format!("### EncryptionConfiguration check\n\n{verdict}\n\n");
    if analysis.diagnostics.is_empty() {
        out.push_str("No findings.\n");
    }
    for d in &analysis.diagnostics {
        out.push_str(&item(path, d));
    }
    out
}
