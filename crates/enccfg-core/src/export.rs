//! The export engine, beside the facade: from a text and its analysis to the file a user saves.
//! It applies the fixes the chosen applicability allows, in rounds, re-analysing after each
//! round until nothing is left to fix; optionally renders the result in the canonical layout;
//! and says what it did. The Export panel and `enccfg fix` both call [`export`].
//!
//! It starts from the caller's analysis, so a text with nothing to fix costs no analysis at
//! all, and it never applies a fix the applicability excludes: the canonical form keeps every
//! list element as it is (see `canonical.rs`), and when the text has no canonical form the
//! export says so and writes the fixed text instead.

use rustc_hash::FxHashMap as HashMap;

use crate::analysis::{analyze, Analysis};
use crate::canonical::canonical_yaml;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity, Stage};
use crate::fix::{edits, unified_diff};
use crate::options::Options;

/// Rounds of fix → re-analyse before the engine stops.
const MAX_ROUNDS: usize = 8;

/// The layout of the exported text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The user's own text with the fixes' edits: comments and layout kept.
    AsWritten,
    /// The decoded model in one stable layout (comments dropped).
    Canonical,
}

/// One fix the engine applied.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedFix {
    pub code: &'static str,
    pub title: String,
    pub applicability: Applicability,
}

/// What to save, and what happened on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    /// The text after the fixes, in the user's layout.
    pub fixed: String,
    /// What to save: `fixed`, or its canonical form when that was asked for and exists.
    pub output: String,
    /// The canonical form was asked for, but the fixed text does not decode.
    pub canonical_refused: bool,
    /// `output` against the original text, as a unified diff (empty when unchanged).
    pub diff: String,
    pub applied: Vec<AppliedFix>,
    /// Fixes left out because the applicability excludes them.
    pub skipped_unsafe: usize,
    /// Would kube-apiserver accept `output`? (The canonical form has the verdict of the text it
    /// came from, which the fix properties test.)
    pub accepted: bool,
    /// Errors left in `output`.
    pub remaining: usize,
}

/// Fixes `text` (whose analysis is `analysis`) up to `applicability` and renders it in `form`;
/// `name` labels the diff.
pub fn export(
    text: &str,
    analysis: &Analysis,
    applicability: Applicability,
    form: Form,
    name: &str,
) -> Export {
    let outcome = fix_rounds(text, analysis, applicability);
    let canonical = match form {
        Form::Canonical => Some(canonical_yaml(&outcome.text, &analysis.options)),
        Form::AsWritten => None,
    };
    let canonical_refused = matches!(canonical, Some(None));
    let fixed = outcome.text;
    let output = canonical.flatten().unwrap_or_else(|| fixed.clone());
    let diff = if output == text {
        String::new()
    } else {
        unified_diff(text, &output, name)
    };
    Export {
        fixed,
        output,
        canonical_refused,
        diff,
        applied: outcome.applied,
        skipped_unsafe: outcome.skipped_unsafe,
        accepted: outcome.analysis.accepted,
        remaining: outcome.analysis.errors().count(),
    }
}

/// The fixed text, what was applied, and the analysis of the fixed text.
struct Outcome {
    text: String,
    applied: Vec<AppliedFix>,
    skipped_unsafe: usize,
    analysis: Analysis,
}

/// Applies every fix at `threshold` or surer, re-analysing after each round, until nothing is
/// left to fix. Conflicting edits wait for the next round; a round that would add an error is
/// retried one fix at a time, keeping only fixes that add none.
fn fix_rounds(text: &str, original: &Analysis, threshold: Applicability) -> Outcome {
    let options = &original.options;
    let mut current = text.to_string();
    let mut analysis = original.clone();
    let mut applied = Vec::new();
    let mut rejected: Vec<(String, &'static str)> = Vec::new();
    // The last state with no error the original lacked: what we return.
    let mut last_good = (current.clone(), 0, analysis.clone());
    for _ in 0..MAX_ROUNDS {
        let candidates: Vec<(&Diagnostic, &Fix)> = analysis
            .diagnostics
            .iter()
            .filter_map(|d| fix_at(d, threshold).map(|f| (d, f)))
            .filter(|(d, f)| !rejected.contains(&(f.title.clone(), d.code)))
            .collect();
        let batch = non_conflicting(&candidates);
        if batch.is_empty() {
            break;
        }
        let all_edits: Vec<_> = batch.iter().flat_map(|(_, f)| f.edits.clone()).collect();
        let next = edits::apply(&current, &all_edits);
        let next_analysis = analyze(&next, options);
        let (next, next_analysis, taken) =
            if adds_unfixable_errors(&analysis, &next_analysis, threshold) {
                one_by_one(
                    &current,
                    &analysis,
                    &batch,
                    options,
                    threshold,
                    &mut rejected,
                )
            } else {
                (next, next_analysis, batch.clone())
            };
        if taken.is_empty() || next == current {
            break;
        }
        applied.extend(taken.iter().map(|(d, f)| AppliedFix {
            code: d.code,
            title: f.title.clone(),
            applicability: f.applicability,
        }));
        current = next;
        analysis = next_analysis;
        if !adds_errors(original, &analysis) {
            last_good = (current.clone(), applied.len(), analysis.clone());
        }
    }
    let (text, kept, analysis) = last_good;
    applied.truncate(kept);
    let skipped_unsafe = analysis
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability < threshold && f.applicability != Applicability::DisplayOnly)
        .count();
    Outcome {
        text,
        applied,
        skipped_unsafe,
        analysis,
    }
}

/// The diagnostic's fix when it is at least as sure as `threshold` (never display-only).
fn fix_at(d: &Diagnostic, threshold: Applicability) -> Option<&Fix> {
    d.fix.as_ref().filter(|f| {
        f.applicability >= threshold
            && f.applicability != Applicability::DisplayOnly
            && !f.edits.is_empty()
    })
}

/// Fixes whose edits do not touch each other, in source order.
fn non_conflicting<'a>(candidates: &[(&'a Diagnostic, &'a Fix)]) -> Vec<(&'a Diagnostic, &'a Fix)> {
    let mut sorted = candidates.to_vec();
    // No edit sorts first, as `None` does.
    crate::order::sort_by_key(&mut sorted, |(_, f)| {
        f.edits
            .iter()
            .map(|e| e.range.start)
            .min()
            .map_or(0, |start| u64::from(start) + 1)
    });
    let mut taken: Vec<(&Diagnostic, &Fix)> = Vec::new();
    for (d, fix) in sorted {
        let clashes = taken.iter().any(|(_, t)| {
            t.edits
                .iter()
                .any(|a| fix.edits.iter().any(|b| edits::overlaps(a, b)))
        });
        if !clashes {
            taken.push((d, fix));
        }
    }
    taken
}

fn one_by_one<'a>(
    text: &str,
    before: &Analysis,
    batch: &[(&'a Diagnostic, &'a Fix)],
    options: &Options,
    threshold: Applicability,
    rejected: &mut Vec<(String, &'static str)>,
) -> (String, Analysis, Vec<(&'a Diagnostic, &'a Fix)>) {
    let mut current = text.to_string();
    let mut current_analysis = before.clone();
    let mut taken = Vec::new();
    // Apply from the end so earlier offsets stay valid.
    for &(d, fix) in batch.iter().rev() {
        let next = edits::apply(&current, &fix.edits);
        let next_analysis = analyze(&next, options);
        if adds_unfixable_errors(&current_analysis, &next_analysis, threshold) {
            rejected.push((fix.title.clone(), d.code));
            continue;
        }
        current = next;
        current_analysis = next_analysis;
        taken.push((d, fix));
    }
    (current, current_analysis, taken)
}

/// Like [`adds_errors`], ignoring new errors that carry a fix the engine may apply next round
/// (lower-casing `Secrets` next to `secrets` creates a duplicate whose removal is safe).
fn adds_unfixable_errors(before: &Analysis, after: &Analysis, threshold: Applicability) -> bool {
    error_counts(before, after, |d| fix_at(d, threshold).is_none())
}

/// Whether `after` has more errors of some code than `before`. When `before` stopped at
/// syntax or decode, only those stages are compared (validation had not run yet).
fn adds_errors(before: &Analysis, after: &Analysis) -> bool {
    error_counts(before, after, |_| true)
}

fn error_counts(before: &Analysis, after: &Analysis, counts: impl Fn(&Diagnostic) -> bool) -> bool {
    let stopped_early = before
        .errors()
        .any(|d| matches!(d.stage, Stage::Syntax | Stage::Decode));
    let tally = |a: &Analysis, only: &dyn Fn(&Diagnostic) -> bool| {
        let mut map: HashMap<&'static str, usize> = HashMap::default();
        for d in a
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            if only(d) && (!stopped_early || matches!(d.stage, Stage::Syntax | Stage::Decode)) {
                *map.entry(d.code).or_default() += 1;
            }
        }
        map
    };
    let b = tally(before, &|_| true);
    let a = tally(after, &counts);
    a.iter()
        .any(|(code, n)| *n > b.get(code).copied().unwrap_or(0))
}

/// Analyses `text` and exports it: for callers that have no analysis yet (tests, tools).
pub fn fix_text(text: &str, options: &Options, applicability: Applicability, form: Form) -> Export {
    export(text, &analyze(text, options), applicability, form, "file")
}
