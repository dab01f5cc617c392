//! The facade: runs the pipeline over a text and packages the result for the CLI and the app.

use crate::diagnostic::{Diagnostic, Fix, Severity, Stage, TextRange};
use crate::fix::FixContext;
use crate::line_index::LineIndex;
use crate::options::Options;
use crate::registry::{self, Build};
use crate::source::Source;
#[cfg(feature = "full-lints")]
use crate::suppress;
use crate::syntax::Node;
use crate::views::{self, Views};
use crate::{decode, lint, load, syntax, template, validate};

/// At most this many diagnostics get a fix built after the pipeline: finding a fix walks the
/// tree, and `analyze` must stay fast on files with hundreds of thousands of findings.
const MAX_BUILT_FIXES: usize = 1_000;

/// Everything we know about one text under one set of options.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Would kube-apiserver start with this file (no `error` diagnostic)?
    pub accepted: bool,
    /// In source order, except that `validate` diagnostics keep kube-apiserver's order among
    /// themselves.
    pub diagnostics: Vec<Diagnostic>,
    pub options: Options,
    /// Where key material (`secret:` values) sits in the text, for masking.
    pub secret_ranges: Vec<TextRange>,
    /// What the file does at run time; `None` when it does not decode.
    pub views: Option<Views>,
}

impl Analysis {
    /// The diagnostics that decide the verdict.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// `text` with every character of key material replaced by `*` (same length in chars);
    /// see [`crate::redact`].
    pub fn masked_text(&self, text: &str) -> String {
        crate::redact::mask(text, &self.secret_ranges)
    }
}

/// Like [`analyze`], for a file's raw bytes: UTF-8 (with or without a BOM) or UTF-16 with a
/// BOM, as kube-apiserver decodes them. Positions refer to the decoded text
/// ([`Source::from_bytes`]'s `text`).
pub fn analyze_bytes(bytes: &[u8], options: &Options) -> Analysis {
    analyze_source(&Source::from_bytes(bytes), options)
}

/// Gives each diagnostic the fix its registry entry declares, with the declared applicability:
/// built now by the entry's builder, or kept from the check that built it. A code without a
/// fix in the registry never carries one.
fn attach_fixes(text: &str, root: Option<&Node>, diagnostics: &mut [Diagnostic]) {
    let mut built = 0;
    for d in diagnostics.iter_mut() {
        let spec = registry::by_code(d.code).and_then(|c| c.fix);
        d.fix = match spec {
            None => None,
            Some(spec) => match spec.build {
                Build::AtCheck => d.fix.take().map(|f| Fix {
                    applicability: spec.applicability,
                    ..f
                }),
                Build::Later(build) if built < MAX_BUILT_FIXES => {
                    built += 1;
                    root.and_then(|root| build(&FixContext::new(text, root), d))
                        .map(|p| Fix {
                            title: p.title,
                            edits: p.edits,
                            applicability: spec.applicability,
                        })
                }
                Build::Later(_) => None,
            },
        };
    }
}

/// Analyses `text` for the kube-apiserver described by `options`. Total: never panics.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_source(&Source::from_text(text), options)
}

/// Analyses a decoded file (see [`Source`]), as a template when `options.template` is set.
/// Total: never panics.
#[inline(never)] // one copy for every caller: the page's bundle is budgeted
pub fn analyze_source(source: &Source, options: &Options) -> Analysis {
    if options.template {
        analyze_template_source(source, options)
    } else {
        analyze_plain(source, options)
    }
}

/// The file as kube-apiserver reads it, with a note when it is a template.
#[inline(never)]
fn analyze_plain(source: &Source, options: &Options) -> Analysis {
    let text = source.text.as_str();
    let mut run = pipeline(source, options);
    if let Some((style, range)) = template::detect(text) {
        let at = run
            .diagnostics
            .iter()
            .take_while(|d| d.stage == Stage::Syntax && d.range.start <= range.start)
            .count();
        run.diagnostics.insert(
            at.min(run.diagnostics.len()),
            Diagnostic::new(
                &registry::TEMPLATE,
                range,
                format!(
                    "this is a template ({}): render it first, or check it as a template",
                    style.as_str()
                ),
            )
            .help("`enccfg check --template`, or the page's template option, checks its structure"),
        );
    }
    finish(text, run, options)
}

/// Like [`analyze`], for a template (Jinja/Ansible, Go/Helm, Salt): each expression is
/// replaced by a typed stand-in and control lines are dropped, the result is analysed, and
/// the findings come back with positions in `text`. Findings at a stand-in depend on a value
/// we made up and are left out; no fix is offered (fix the template, then render it).
pub fn analyze_template(text: &str, options: &Options) -> Analysis {
    analyze_template_source(&Source::from_text(text), options)
}

/// Like [`analyze_template`], for a decoded file.
#[inline(never)]
pub fn analyze_template_source(source: &Source, options: &Options) -> Analysis {
    let rendered = template::render(&source.text);
    if rendered.unchanged() {
        return analyze_plain(source, options);
    }
    let mut run = pipeline(&Source::from_text(&rendered.text), options);
    run.diagnostics = std::mem::take(&mut run.diagnostics)
        .into_iter()
        .filter(|d| !(rendered.resource_stand_in && d.code == registry::SECRETS_NOT_ENCRYPTED.code))
        .filter_map(|mut d| {
            d.range = rendered.original(d.range)?;
            // Fixes are not offered on a template: they would edit text we rendered.
            d.fix = None;
            Some(d)
        })
        .collect();
    run.secret_ranges = run
        .secret_ranges
        .iter()
        .filter_map(|r| rendered.original(*r))
        .collect();
    finish(&source.text, run, options)
}

/// What the stages found, before positions.
struct Run {
    diagnostics: Vec<Diagnostic>,
    secret_ranges: Vec<TextRange>,
    views: Option<Views>,
}

#[inline(never)]
fn pipeline(source: &Source, options: &Options) -> Run {
    let text = source.text.as_str();
    let parsed = syntax::parse(source);
    let mut diagnostics = parsed.diagnostics;
    let secret_ranges = parsed
        .root
        .as_ref()
        .map(syntax::secret_ranges)
        .unwrap_or_default();
    let config = parsed.root.as_ref().and_then(|root| {
        let decoded = decode::decode(root, options, source.json);
        diagnostics.extend(decoded.diagnostics);
        decoded.config
    });
    if let Some(config) = &config {
        let field_errors = validate::validate(config, options);
        let valid = field_errors.is_empty();
        diagnostics.extend(field_errors);
        if valid {
            diagnostics.extend(load::check(config, options));
        }
        lint::check(config, options, &mut diagnostics);
    }
    attach_fixes(text, parsed.root.as_ref(), &mut diagnostics);
    // The tree is done with: free it before the views, so the two are never held at once.
    drop(parsed.root);
    let views = config.as_ref().map(|c| views::build(c, options));
    Run {
        diagnostics,
        secret_ranges,
        views,
    }
}

/// Positions, suppression comments and the verdict.
#[inline(never)]
fn finish(text: &str, run: Run, options: &Options) -> Analysis {
    let mut diagnostics = run.diagnostics;
    if !diagnostics.is_empty() {
        let index = LineIndex::new(text);
        for d in &mut diagnostics {
            d.start = index.position(d.range.start());
            d.end = index.position(d.range.end());
        }
    }
    // Suppression comments are read by the CLI and the native builds; the page's bundle leaves
    // them out (its size budget; see lint/mod.rs).
    #[cfg(feature = "full-lints")]
    suppress::apply(text, &mut diagnostics);
    let accepted = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    Analysis {
        accepted,
        diagnostics,
        options: *options,
        secret_ranges: run.secret_ranges,
        views: run.views,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn broken_yaml_is_refused_with_a_positioned_error() {
        let analysis = analyze(
            "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets\n",
            &Options::default(),
        );
        assert!(!analysis.accepted);
        let d = &analysis.diagnostics[0];
        assert_eq!((d.code, d.stage.as_str()), ("EC0001", "syntax"));
        assert_eq!(d.start.line, 5);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn invalid_utf8_is_positioned() {
        let analysis = analyze_bytes(b"a: 1\nb: \xff\n", &Options::default());
        assert!(!analysis.accepted);
        let d = &analysis.diagnostics[0];
        assert_eq!((d.code, d.start.line, d.start.column), ("EC0006", 2, 4));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn utf16_files_keep_their_positions() {
        let text = "apiVersion: v9\nkind: EncryptionConfiguration\n";
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let analysis = analyze_bytes(&bytes, &Options::default());
        let d = &analysis.diagnostics[0];
        assert_eq!((d.code, d.start.line, d.start.column), ("EC0103", 1, 13));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn secrets_are_masked() {
        let text = "keys:\n- name: k\n  secret: c2VjcmV0\n";
        let analysis = analyze(text, &Options::default());
        assert_eq!(
            analysis.masked_text(text),
            "keys:\n- name: k\n  secret: ********\n"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn well_formed_yaml_passes_the_syntax_stage() {
        let analysis = analyze("a: 1\n", &Options::default());
        assert!(analysis
            .diagnostics
            .iter()
            .all(|d| d.stage.as_str() != "syntax"));
    }
}
