//! Meta-tests: the registry, its docs, its fixtures, the fixes it declares and the generated
//! docs agree with each other and with what the pipeline reports.

use super::docs::DOCS;
use super::*;
use crate::analysis::analyze_bytes;
use crate::options::Options;

/// The options a fixture asks for on its first line (`# options: k8s=1.30 reload=on kmsv1=on`).
fn fixture_options(example: &[u8]) -> Options {
    let mut options = Options::default();
    let first = example.split(|&b| b == b'\n').next().unwrap_or_default();
    let Some(list) = std::str::from_utf8(first)
        .ok()
        .and_then(|l| l.strip_prefix("# options:"))
    else {
        return options;
    };
    for word in list.split_whitespace() {
        match word.split_once('=') {
            Some(("k8s", v)) => options.minor = Options::parse_version(v).expect(v),
            Some(("reload", v)) => options.reload = v == "on",
            Some(("kmsv1", v)) => options.kmsv1_gate = Some(v == "on"),
            Some(("kmsv2", v)) => options.kmsv2_gate = Some(v == "on"),
            _ => panic!("unknown fixture option {word}"),
        }
    }
    options
}

fn example_of(code: &Code) -> &'static [u8] {
    docs_of(code.code)
        .unwrap_or_else(|| panic!("{} has no docs", code.code))
        .example
}

#[test]
fn codes_are_sorted_numbered_without_gaps_and_in_their_stage_range() {
    assert_eq!(TEXTS.len(), CODES.len());
    for (code, texts) in CODES.iter().zip(TEXTS) {
        assert_eq!(code.code, texts.code, "TEXTS runs beside CODES");
    }
    assert_eq!(LABELS.len(), CODES.len());
    for code in CODES {
        let label = label(code.code).expect("every code has a label");
        assert_eq!(
            (label.code, label.name, label.source_url),
            (code.code, code.name, code.source_url)
        );
    }
    for pair in CODES.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    let mut names: Vec<_> = CODES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CODES.len(), "names repeat");
    let mut previous: Option<(&str, u32)> = None;
    for c in CODES {
        let range = match c.stage {
            Stage::Syntax => "EC00",
            Stage::Decode => "EC01",
            Stage::Validate => "EC02",
            Stage::Load => "EC03",
            Stage::Lint => "EC04",
        };
        let number: u32 = c
            .code
            .strip_prefix(range)
            .unwrap_or_else(|| panic!("{} is not in the {range}xx range of its stage", c.code))
            .parse()
            .unwrap_or_else(|_| panic!("{} is not EC + four digits", c.code));
        let expected = match previous {
            Some((r, n)) if r == range => n + 1,
            _ => 1,
        };
        assert_eq!(
            number, expected,
            "{}: codes in {range}xx are numbered from 01 without gaps",
            c.code
        );
        previous = Some((range, number));
        assert!(
            c.name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "{}: names are kebab-case",
            c.name
        );
    }
}

#[test]
fn every_code_is_documented_and_lints_name_their_source() {
    let documented: Vec<&str> = DOCS.iter().map(|(c, _)| *c).collect();
    let codes: Vec<&str> = CODES.iter().map(|c| c.code).collect();
    assert_eq!(
        documented, codes,
        "DOCS must list exactly the registry's codes, in order"
    );
    for c in CODES {
        let docs = docs_of(c.code).expect("documented");
        assert!(
            !c.summary().is_empty() && !c.summary().ends_with('.'),
            "{}: one-line summary without a final period",
            c.code
        );
        assert!(
            docs.explanation.len() > 40,
            "{}: the explanation is too short",
            c.code
        );
        assert_eq!(
            c.fix.is_some(),
            docs.fix.is_some(),
            "{}: a fix needs its docs, and docs need a fix",
            c.code
        );
        match c.stage {
            Stage::Lint => {
                let sources = c.sources();
                assert!(!sources.is_empty(), "{}: a lint quotes its source", c.code);
                for source in sources {
                    assert!(
                        source.url.starts_with("https://") && source.quote.len() > 20,
                        "{}: every source has a quotation and an https link",
                        c.code
                    );
                }
                assert_eq!(
                    c.source_url,
                    sources.first().map(|s| s.url),
                    "{}: the page links the first source",
                    c.code
                );
                assert_ne!(
                    c.severity,
                    Severity::Error,
                    "{}: lints are never errors",
                    c.code
                );
            }
            _ => assert!(
                c.sources().is_empty() && c.source_url.is_none(),
                "{}: only lints carry a source",
                c.code
            ),
        }
    }
}

#[test]
fn every_example_reports_its_code_exactly_once() {
    for c in CODES {
        let example = example_of(c);
        let analysis = analyze_bytes(example, &fixture_options(example));
        let found = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == c.code)
            .count();
        assert_eq!(found, 1, "{}: its example reports it {found} times", c.code);
    }
}

#[test]
fn declared_fixes_are_offered_with_their_applicability_and_remove_their_code() {
    for c in CODES {
        let example = example_of(c);
        let options = fixture_options(example);
        let analysis = analyze_bytes(example, &options);
        let d = analysis
            .diagnostics
            .iter()
            .find(|d| d.code == c.code)
            .expect("fires");
        let Some(spec) = c.fix else {
            assert!(d.fix.is_none(), "{} declares no fix but offers one", c.code);
            continue;
        };
        let fix = d
            .fix
            .as_ref()
            .unwrap_or_else(|| panic!("{} declares a fix but its example gets none", c.code));
        assert_eq!(fix.applicability, spec.applicability, "{}", c.code);
        assert!(!fix.edits.is_empty() && !fix.title.is_empty(), "{}", c.code);
        let text = std::str::from_utf8(example).expect("fixable examples are UTF-8");
        let fixed = crate::fix::apply_fix(text, fix);
        let after = crate::analyze(&fixed, &options);
        assert!(
            !after
                .diagnostics
                .iter()
                .any(|d| d.stage == Stage::Syntax && d.severity == Severity::Error),
            "{}: the fixed text does not parse:\n{fixed}",
            c.code
        );
        assert!(
            !after.diagnostics.iter().any(|d| d.code == c.code),
            "{}: the fixed text still reports it:\n{fixed}",
            c.code
        );
    }
}

#[test]
fn codes_without_a_fix_never_offer_one_on_any_example() {
    for example in DOCS.iter().map(|(_, d)| d.example) {
        let analysis = analyze_bytes(example, &fixture_options(example));
        for d in &analysis.diagnostics {
            let spec = by_code(d.code).and_then(|c| c.fix);
            match (spec, &d.fix) {
                (None, Some(_)) => panic!("{} offers a fix it does not declare", d.code),
                (Some(spec), Some(fix)) => {
                    assert_eq!(fix.applicability, spec.applicability, "{}", d.code)
                }
                _ => {}
            }
        }
    }
}

#[test]
fn every_fixture_file_belongs_to_a_code() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/registry/examples");
    let files: Vec<String> = std::fs::read_dir(dir)
        .expect("examples folder")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    assert_eq!(files.len(), CODES.len(), "one fixture per code");
    for file in files {
        let code = file.strip_suffix(".yaml").unwrap_or(&file);
        assert!(
            by_code(code).is_some(),
            "examples/{file} belongs to no code"
        );
    }
}

#[test]
fn lookup_finds_by_code_or_name() {
    assert_eq!(lookup("ec0221").map(|c| c.name), Some("kms-name-duplicate"));
    assert_eq!(lookup("identity-first").map(|c| c.code), Some("EC0401"));
    assert!(lookup("EC9999").is_none());
    assert_eq!(by_code("EC0401").map(|c| c.name), Some("identity-first"));
    assert!(by_code("ec0401").is_none(), "by_code is exact");
}

fn assert_fresh(relative: &str, generated: &str) {
    let path = format!("{}/../../docs/{relative}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, generated).expect("write the generated docs");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/{relative} is stale: run `UPDATE_DOCS=1 cargo test -p enccfg-core generated_docs_are_fresh`"
    );
}

#[test]
fn generated_docs_are_fresh() {
    assert_fresh("diagnostics.md", &render_markdown());
    assert_fresh("fixes.md", &render_fixes_markdown());
}

#[test]
fn every_source_is_shown_by_the_docs_and_the_cli() {
    let markdown = render_markdown();
    for c in CODES {
        let text = render_text(c);
        for source in c.sources() {
            let shown = format!("{} <{}>", source.quote, source.url);
            assert!(markdown.contains(&shown), "{}: docs/diagnostics.md", c.code);
            assert!(text.contains(&shown), "{}: enccfg explain", c.code);
        }
    }
    // Several sources are a list; one stays on its line.
    let several = CODES
        .iter()
        .find(|c| c.sources().len() > 1)
        .expect("a lint with several sources");
    assert!(render_text(several).contains("\nSources:\n\n- "));
    let one = CODES
        .iter()
        .find(|c| c.sources().len() == 1)
        .expect("a lint with one source");
    assert!(render_text(one).contains("\nSource: "));
}
