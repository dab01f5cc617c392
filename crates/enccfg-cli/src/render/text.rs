//! `--format text`: compiler-style output with the source line, a caret underline, and key
//! material masked.

use enccfg_core::{Analysis, Diagnostic};

use crate::plural::count;

pub fn render(analysis: &Analysis, file: &str, text: &str) -> String {
    let masked = analysis.masked_text(text);
    let lines: Vec<&str> = masked.split('\n').collect();
    let mut out = String::new();
    for d in &analysis.diagnostics {
        render_one(&mut out, d, file, &lines);
    }
    out.push_str(&summary(analysis));
    out.push('\n');
    out
}

/// The last line: the verdict and the counts.
fn summary(analysis: &Analysis) -> String {
    let minor = analysis.options.effective_minor();
    let errors = analysis.errors().count();
    let others = count(
        analysis.diagnostics.len() - errors,
        "other finding",
        "other findings",
    );
    if analysis.accepted {
        format!("accepted: kube-apiserver 1.{minor} would start with this file ({others})")
    } else {
        let errors = count(errors, "error", "errors");
        format!(
            "refused: kube-apiserver 1.{minor} would not start with this file ({errors}, {others})"
        )
    }
}

fn render_one(out: &mut String, d: &Diagnostic, file: &str, lines: &[&str]) {
    let line_no = d.start.line as usize;
    out.push_str(&format!(
        "{}[{}]: {}\n",
        d.severity.as_str(),
        d.code,
        d.message
    ));
    out.push_str(&format!(
        "{}--> {file}:{}:{}\n",
        " ".repeat(line_no.to_string().len()),
        d.start.line,
        d.start.column
    ));
    if let Some(source) = lines.get(line_no.wrapping_sub(1)) {
        let source = source.trim_end_matches('\r');
        let gutter = " ".repeat(line_no.to_string().len());
        let start = (d.start.column as usize).saturating_sub(1);
        let width = if d.end.line == d.start.line {
            (d.end.column as usize).saturating_sub(d.start.column as usize)
        } else {
            source.chars().count().saturating_sub(start)
        }
        .max(1);
        let pad: String = source
            .chars()
            .take(start)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        out.push_str(&format!(
            "{gutter} |\n{line_no} | {source}\n{gutter} | {pad}{}\n",
            "^".repeat(width)
        ));
    }
    let gutter = " ".repeat(line_no.to_string().len());
    if let Some(field) = &d.field {
        out.push_str(&format!(
            "{gutter} = field: {} ({})\n",
            field.path,
            field.error_type.as_str()
        ));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("{gutter} = help: {help}\n"));
    }
    out.push('\n');
}
