//! `--format junit`: JUnit XML for CI test reports. One `testsuite` per file checked (the
//! manifest first with `--from-manifest`), one `testcase` per finding, or one passing
//! `testcase` for a file without findings. Errors are failures, and so are warnings under
//! `--deny-warnings`; other findings pass, with their text in `system-out`.

use crate::report::{Entry, Report};

pub fn render(report: &Report) -> String {
    let suites: Vec<(String, usize, usize)> = report
        .entries()
        .into_iter()
        .map(|(path, entries)| suite(path, &entries, report.deny_warnings))
        .collect();
    let tests: usize = suites.iter().map(|s| s.1).sum();
    let failures: usize = suites.iter().map(|s| s.2).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"enccfg check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n"
    ));
    for (xml, ..) in &suites {
        out.push_str(xml);
    }
    out.push_str("</testsuites>\n");
    out
}

/// One file's suite: its XML, its test count and its failure count.
fn suite(path: &str, entries: &[Entry<'_>], deny_warnings: bool) -> (String, usize, usize) {
    let failures = entries.iter().filter(|e| e.fails(deny_warnings)).count();
    let tests = entries.len().max(1);
    let name = attribute(path);
    let mut xml = format!(
        "  <testsuite name=\"{name}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n"
    );
    if entries.is_empty() {
        xml.push_str(&format!(
            "    <testcase classname=\"{name}\" name=\"no findings\" file=\"{name}\"/>\n"
        ));
    }
    for e in entries {
        let (line, column) = e.start;
        xml.push_str(&format!(
            "    <testcase classname=\"{name}\" name=\"{} {} at {line}:{column}\" file=\"{name}\" line=\"{line}\">\n",
            attribute(e.id),
            attribute(e.name)
        ));
        let body = format!(
            "{}: {path}:{line}:{column}: {}",
            e.severity.as_str(),
            e.full_text()
        );
        if e.fails(deny_warnings) {
            xml.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                attribute(e.id),
                attribute(e.message),
                text(&body)
            ));
        } else {
            xml.push_str(&format!("      <system-out>{}</system-out>\n", text(&body)));
        }
        xml.push_str("    </testcase>\n");
    }
    xml.push_str("  </testsuite>\n");
    (xml, tests, failures)
}

/// Element text: `&`, `<`, `>` escaped, and characters XML 1.0 cannot carry replaced.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// An attribute value in double quotes: as [`text`], plus `"`, and line breaks and tabs as
/// character references (a parser would otherwise turn them into spaces).
fn attribute(s: &str) -> String {
    text(s)
        .replace('"', "&quot;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

/// XML 1.0's `Char` production.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_escape_markup_and_drop_what_xml_cannot_carry() {
        assert_eq!(
            text("a<b>&c\u{1}\u{FFFE}"),
            "a&lt;b&gt;&amp;c\u{FFFD}\u{FFFD}"
        );
        assert_eq!(
            attribute("say \"hi\"\n\tnow"),
            "say &quot;hi&quot;&#10;&#9;now"
        );
    }
}
