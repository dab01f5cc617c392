//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), then the summary
//! as a plain log line.

use enccfg_core::Severity;

use crate::report::{Entry, Report};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for (path, entries) in report.entries() {
        for e in &entries {
            out.push_str(&annotation(path, e));
            out.push('\n');
        }
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

fn annotation(path: &str, e: &Entry<'_>) -> String {
    let command = match e.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let ((line, col), (end_line, end_col)) = (e.start, e.end);
    let mut properties = format!(
        "file={},line={line},col={col},endLine={end_line}",
        property(path)
    );
    // Columns only make sense to GitHub on one line; its end column is the last one covered.
    if end_line == line {
        properties.push_str(&format!(
            ",endColumn={}",
            end_col.saturating_sub(1).max(col)
        ));
    }
    properties.push_str(&format!(
        ",title={}",
        property(&format!("{} {}", e.id, e.name))
    ));
    format!("::{command} {properties}::{}", data(&e.full_text()))
}

/// The last line: the files' verdict, as plain log text (not a command).
fn summary(report: &Report) -> String {
    let refused = report.files.iter().filter(|f| !f.analysis.accepted).count();
    let verdict = if report.fails() { "failed" } else { "passed" };
    let manifest = match &report.manifest {
        Some(m) if !m.accepted() => ", and the manifest stops kube-apiserver",
        _ => "",
    };
    format!(
        "enccfg: {verdict}: {} of {} would stop kube-apiserver{manifest}",
        refused,
        crate::plural::count(report.files.len(), "file", "files")
    )
}

/// A workflow command's message: `%`, CR and LF escaped.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as [`data`], plus `:` and `,`.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped_as_the_runner_reads_them() {
        assert_eq!(data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(property("100% a:b,c\r\nd"), "100%25 a%3Ab%2Cc%0D%0Ad");
        // `%` first, so an escape in the input is not read back as another character.
        assert_eq!(data("%0A"), "%250A");
    }
}
