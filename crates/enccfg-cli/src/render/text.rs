//! `--format text`: compiler-style output drawn by `annotate-snippets` (what rustc and cargo
//! use: display widths of wide characters, tabs and multi-line spans come out right), over the
//! text with key material masked.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use enccfg_core::{Analysis, Diagnostic, LineIndex, Severity};

use crate::plural::count;

pub fn render(analysis: &Analysis, file: &str, text: &str) -> String {
    let masked = LineIndex::new(analysis.masked_text(text));
    let renderer = Renderer::plain();
    let mut out = String::new();
    for d in &analysis.diagnostics {
        out.push_str(&renderer.render(&report(d, file, &masked)));
        out.push_str("\n\n");
    }
    out.push_str(&summary(analysis));
    out.push('\n');
    out
}

/// One diagnostic: `error[EC0218]: message`, `--> file:line:col`, the lines of its span with
/// the span underlined, then `= field: …` and `= help: …`.
fn report<'a>(d: &'a Diagnostic, file: &'a str, masked: &'a LineIndex<String>) -> [Group<'a>; 1] {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let mut group = level
        .primary_title(d.message.as_str())
        .id(d.code)
        .element(snippet(d, file, masked));
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

/// The lines the span covers, with the span as the primary annotation. Positions come from the
/// analysis in chars, and masking keeps every line's chars, so they hold in the masked text.
fn snippet<'a>(
    d: &Diagnostic,
    file: &'a str,
    masked: &'a LineIndex<String>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let (start, mut end) = (d.start, d.end);
    if end.line > start.line && end.column == 1 {
        // A span that ends at a line start does not reach into that line.
        end.line -= 1;
        end.column = u32::MAX;
    }
    end.line = end.line.max(start.line);
    let first = masked
        .line_range(start.line.saturating_sub(1) as usize)
        .start;
    let last = masked.line_range(end.line.saturating_sub(1) as usize).end;
    let from = masked
        .byte_of(start.line, start.column)
        .saturating_sub(first);
    let to = masked
        .byte_of(end.line, end.column)
        .saturating_sub(first)
        .max(from);
    Snippet::source(masked.text().get(first..last).unwrap_or_default())
        .path(file)
        .line_start(start.line as usize)
        .annotation(AnnotationKind::Primary.span(from..to))
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

#[cfg(test)]
mod tests {
    use super::render;
    use enccfg_core::{analyze, Options};

    const HEADER: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n";

    /// The rendered text of `body` (after the header), for a file named `f.yaml`.
    fn check(body: &str) -> String {
        let text = format!("{HEADER}{body}");
        render(&analyze(&text, &Options::default()), "f.yaml", &text)
    }

    /// The source row of line `line` and the row under it.
    fn rows(out: &str, line: u32) -> (&str, &str) {
        let rows: Vec<&str> = out.lines().collect();
        let at = rows
            .iter()
            .position(|r| r.starts_with(&format!("{line} |")))
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
        let (first, _) = rows(&out, 10);
        let (last, closing) = rows(&out, 11);
        // The span opens at the first key character of line 10 and closes under the last one
        // of line 11.
        assert!(
            first.starts_with("10 | /") && first.ends_with("********"),
            "{out}"
        );
        assert!(
            last.starts_with("11 | |") && last.ends_with("****"),
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
