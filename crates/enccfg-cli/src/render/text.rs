//! `--format text`: compiler-style output drawn by `annotate-snippets` (what rustc and cargo
//! use: display widths of wide characters, tabs and multi-line spans come out right), over the
//! text with key material masked. Several files are reported one after the other, each with
//! its verdict, then one summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use enccfg_core::{Analysis, Diagnostic, LineIndex, Severity};

use crate::manifest::{Finding, ManifestReport};
use crate::plural::count;
use crate::report::{FileReport, Report};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    if let Some(file) = report.single() {
        out.push_str(&file_section(file, "this file"));
    } else {
        // A blank line after each section, before the summary.
        if let Some(m) = &report.manifest {
            out.push_str(&manifest_section(m));
            out.push('\n');
        }
        for file in &report.files {
            out.push_str(&file_section(file, &file.path));
            out.push('\n');
        }
        out.push_str(&summary(report));
        out.push('\n');
    }
    if let Some(line) = deny_warnings_line(report) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// One file: its findings, then its verdict naming it as `name`.
fn file_section(file: &FileReport, name: &str) -> String {
    let masked = LineIndex::new(file.analysis.masked_text(&file.text));
    let renderer = Renderer::plain();
    let mut out = String::new();
    for d in &file.analysis.diagnostics {
        out.push_str(&renderer.render(&report(d, &file.path, &masked)));
        out.push_str("\n\n");
    }
    out.push_str(&file_verdict(&file.analysis, name));
    out.push('\n');
    out
}

/// The manifest's findings, then what kube-apiserver is given.
fn manifest_section(m: &ManifestReport) -> String {
    let index = LineIndex::new(m.text.as_str());
    let renderer = Renderer::plain();
    let mut out = String::new();
    for f in &m.findings {
        out.push_str(&renderer.render(&finding(f, &m.path, &index)));
        out.push_str("\n\n");
    }
    let o = &m.options;
    let gate = match o.kmsv1_gate {
        Some(true) => ", KMSv1=true",
        Some(false) => ", KMSv1=false",
        None => "",
    };
    let reload = if o.reload { "on" } else { "off" };
    out.push_str(&match &m.config {
        Some(c) => format!(
            "{}: kube-apiserver 1.{} reads {} ({} on this node), automatic reload {reload}{gate}\n",
            m.path,
            o.effective_minor(),
            c.in_container,
            c.on_node
        ),
        None => format!(
            "{}: kube-apiserver 1.{}, no encryption configuration to check\n",
            m.path,
            o.effective_minor()
        ),
    });
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One diagnostic: `error[EC0218]: message`, `--> file:line:col`, the lines of its span with
/// the span underlined, then `= field: …` and `= help: …`.
fn report<'a>(d: &'a Diagnostic, file: &'a str, masked: &'a LineIndex<String>) -> [Group<'a>; 1] {
    let span = ((d.start.line, d.start.column), (d.end.line, d.end.column));
    let mut group = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.code)
        .element(snippet(span, file, masked));
    if let Some(field) = &d.field {
        group = group.element(Level::NOTE.with_name("field").message(format!(
            "{} ({})",
            field.path,
            field.error_type.as_str()
        )));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    [group]
}

/// One manifest finding, drawn like a diagnostic with its kind as the code.
fn finding<'a>(f: &'a Finding, file: &'a str, index: &'a LineIndex<&'a str>) -> [Group<'a>; 1] {
    let mut group = level(f.severity)
        .primary_title(f.message.as_str())
        .id(f.kind)
        .element(snippet((f.start, f.end), file, index));
    if let Some(help) = &f.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    [group]
}

/// The lines the span covers (1-based line and char column; end exclusive), with the span as
/// the primary annotation. Masking keeps every line's chars, so positions hold in the masked
/// text.
fn snippet<'a, T: AsRef<str>>(
    (start, end): ((u32, u32), (u32, u32)),
    file: &'a str,
    index: &'a LineIndex<T>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let (start_line, start_column) = start;
    let (mut end_line, mut end_column) = end;
    if end_line > start_line && end_column == 1 {
        // A span that ends at a line start does not reach into that line.
        end_line -= 1;
        end_column = u32::MAX;
    }
    end_line = end_line.max(start_line);
    let first = index
        .line_range(start_line.saturating_sub(1) as usize)
        .start;
    let last = index.line_range(end_line.saturating_sub(1) as usize).end;
    let from = index
        .byte_of(start_line, start_column)
        .saturating_sub(first);
    let to = index
        .byte_of(end_line, end_column)
        .saturating_sub(first)
        .max(from);
    Snippet::source(index.text().get(first..last).unwrap_or_default())
        .path(file)
        .line_start(start_line as usize)
        .annotation(AnnotationKind::Primary.span(from..to))
}

/// A file's verdict and counts, naming the file as `name`.
fn file_verdict(analysis: &Analysis, name: &str) -> String {
    let minor = analysis.options.effective_minor();
    let errors = analysis.errors().count();
    let others = count(
        analysis.diagnostics.len() - errors,
        "other finding",
        "other findings",
    );
    if analysis.accepted {
        format!("accepted: kube-apiserver 1.{minor} would start with {name} ({others})")
    } else {
        let errors = count(errors, "error", "errors");
        format!(
            "refused: kube-apiserver 1.{minor} would not start with {name} ({errors}, {others})"
        )
    }
}

/// The last line of a report on several files or a manifest.
fn summary(report: &Report) -> String {
    let files = &report.files;
    let refused = files.iter().filter(|f| !f.analysis.accepted).count();
    let manifest = report.manifest.as_ref();
    let errors = files
        .iter()
        .map(|f| f.analysis.errors().count())
        .sum::<usize>()
        + manifest.map_or(0, |m| {
            m.findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count()
        });
    let all = files
        .iter()
        .map(|f| f.analysis.diagnostics.len())
        .sum::<usize>()
        + manifest.map_or(0, |m| m.findings.len());
    let counts = format!(
        "{}, {}",
        count(errors, "error", "errors"),
        count(all - errors, "other finding", "other findings")
    );
    let checked = count(files.len(), "file", "files");
    match manifest {
        Some(m) if !m.accepted() || refused > 0 => {
            format!("refused: kube-apiserver would not start with this Pod ({counts})")
        }
        Some(m) if m.config.is_none() => format!(
            "accepted: kube-apiserver would start, but reads no encryption configuration ({counts})"
        ),
        Some(_) => format!(
            "accepted: kube-apiserver would start with this Pod and the file it names ({counts})"
        ),
        None if refused > 0 => {
            format!("refused: {refused} of {checked} would stop kube-apiserver ({counts})")
        }
        None if files.len() == 1 => {
            format!("accepted: kube-apiserver would start with the file checked ({counts})")
        }
        None => format!(
            "accepted: kube-apiserver would start with each of the {checked} checked ({counts})"
        ),
    }
}

/// Says why the check fails when only `--deny-warnings` makes it fail.
fn deny_warnings_line(report: &Report) -> Option<String> {
    if !report.deny_warnings || !report.fails() || !report.accepted() {
        return None;
    }
    let warnings = report.files.iter().map(FileReport::warnings).sum::<usize>()
        + report.manifest.as_ref().map_or(0, |m| {
            m.findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count()
        });
    Some(format!(
        "failed: {} and --deny-warnings",
        count(warnings, "warning", "warnings")
    ))
}

#[cfg(test)]
mod tests {
    use super::render;
    use crate::report::{FileReport, Report};
    use enccfg_core::{analyze, Options};

    const HEADER: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n";

    /// The rendered text of `body` (after the header), for a file named `f.yaml`.
    fn check(body: &str) -> String {
        let text = format!("{HEADER}{body}");
        let file = FileReport {
            path: "f.yaml".into(),
            analysis: analyze(&text, &Options::default()),
            text,
        };
        render(&Report {
            files: vec![file],
            manifest: None,
            deny_warnings: false,
            one_file: true,
        })
    }

    /// The source row of line `line` and the row under it.
    fn rows(out: &str, line: u32) -> (&str, &str) {
        let rows: Vec<&str> = out.lines().collect();
        let at = rows
            .iter()
            .position(|r| r.trim_start().starts_with(&format!("{line} |")))
            .unwrap_or_else(|| panic!("no line {line} in\n{out}"));
        (rows[at], rows[at + 1])
    }

    #[test]
    fn wide_characters_before_the_span_move_the_underline_by_their_width() {
        let out = check("resources:\n  - resources: [\"機密\", Secrets]\n    providers:\n      - identity: {}\n");
        assert!(out.contains("error[EC0205]: resource name `Secrets` contains capital letters\n --> f.yaml:4:23\n"), "{out}");
        let (source, underline) = rows(&out, 4);
        assert_eq!(source, "4 |   - resources: [\"機密\", Secrets]");
        // 機 and 密 are two columns wide each: the carets start two columns past the char count.
        let before = "4 |   - resources: [\"機密\", ".chars().count() + 2;
        assert_eq!(underline, format!("  |{}^^^^^^^", " ".repeat(before - 3)));
    }

    #[test]
    fn a_tab_before_the_span_is_expanded_in_both_rows() {
        let out = check(
            "resources:\n  - resources: [\t\"x\", Secrets]\n    providers:\n      - identity: {}\n",
        );
        assert!(out.contains(" --> f.yaml:4:23\n"), "{out}");
        assert!(
            !out.contains('\t'),
            "a raw tab aligns differently in every terminal:\n{out}"
        );
        let (source, underline) = rows(&out, 4);
        let column = source.find("Secrets").unwrap();
        assert_eq!(underline.find('^'), Some(column), "{out}");
        assert_eq!(underline.trim_end().len(), column + "Secrets".len());
    }

    #[test]
    fn a_multi_line_span_is_drawn_from_its_first_to_its_last_character() {
        let out = check("resources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: k\n              secret: >-\n                QUFBQUFB\n                QUFB\n");
        assert!(out.contains("error[EC0217]"), "{out}");
        assert!(!out.contains("QUFB"), "key material leaked:\n{out}");
        // The span is the block scalar, from its `>-` header on line 9 to the last key
        // character of line 11 (masked like the key, since it is part of the value).
        let (first, opening) = rows(&out, 9);
        let (middle, _) = rows(&out, 10);
        let (last, closing) = rows(&out, 11);
        assert_eq!(opening.find('^'), first.find("**"), "{out}");
        assert!(
            middle.starts_with("10 | |") && middle.ends_with(" ********"),
            "{out}"
        );
        assert!(
            last.starts_with("11 | |") && last.ends_with(" ****"),
            "{out}"
        );
        assert!(closing.trim_start().starts_with("| |_"), "{out}");
        assert_eq!(closing.find('^'), Some(last.len() - 1), "{out}");
    }

    #[test]
    fn an_empty_span_gets_one_caret_and_the_summary_follows() {
        let out = check("resources: [\n");
        assert!(out.contains("error[EC0001]"), "{out}");
        assert!(out.contains("\n  | ^\n"), "{out}");
        assert!(out.ends_with("(1 error, 0 other findings)\n"), "{out}");
    }
}
