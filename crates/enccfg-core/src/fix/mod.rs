//! Fixes: repairs as text edits on the user's own file (comments and layout survive), each
//! marked `Safe` or `Unsafe`, and the engine that applies them to a fixpoint.

mod diff;
mod edits;
mod locate;
mod rules;

use std::collections::HashMap;

pub use diff::unified_diff;

use crate::analysis::{analyze, Analysis};
use crate::diagnostic::{Applicability, Diagnostic, Severity, Stage};
use crate::options::Options;
use crate::syntax::Node;

/// Rounds of fix → re-analyse before the engine stops.
const MAX_ROUNDS: usize = 8;

/// At most this many diagnostics get a fix attached: finding a fix walks the tree, and
/// `analyze` must stay fast on files with hundreds of thousands of findings.
const MAX_ATTACHED: usize = 1_000;

/// Attaches a fix to every diagnostic that has one (diagnostics that already carry one keep
/// it), for the first [`MAX_ATTACHED`] diagnostics.
pub(crate) fn attach(text: &str, root: Option<&Node>, diagnostics: &mut [Diagnostic]) {
    let Some(root) = root else { return };
    for d in diagnostics
        .iter_mut()
        .take(MAX_ATTACHED)
        .filter(|d| d.fix.is_none())
    {
        d.fix = rules::for_diagnostic(text, root, d);
    }
}

/// One fix the engine applied.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedFix {
    pub code: &'static str,
    pub title: String,
    pub applicability: Applicability,
}

/// The result of fixing a text.
#[derive(Clone, Debug, PartialEq)]
pub struct FixOutcome {
    pub text: String,
    pub applied: Vec<AppliedFix>,
    /// Unsafe fixes left out because they were not asked for.
    pub skipped_unsafe: usize,
    /// Would kube-apiserver accept `text`? (From the engine's last analysis: no need to
    /// analyse the result again. The canonical form has the same verdict, property-tested.)
    pub accepted: bool,
}

/// Applies every safe fix (and the unsafe ones when `include_unsafe`), re-analysing after each
/// round, until nothing is left to fix. Conflicting edits wait for the next round; a round that
/// would add an error is retried one fix at a time, keeping only fixes that add none.
pub fn fix_text(text: &str, options: &Options, include_unsafe: bool) -> FixOutcome {
    let threshold = if include_unsafe {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let original = analyze(text, options);
    let mut current = text.to_string();
    let mut analysis = original.clone();
    let mut applied = Vec::new();
    let mut rejected: Vec<(String, &'static str)> = Vec::new();
    // The last state that has no error the original lacked: what we return.
    let mut last_good = (current.clone(), 0, analysis.clone());
    for _ in 0..MAX_ROUNDS {
        let candidates: Vec<&Diagnostic> = analysis
            .diagnostics
            .iter()
            .filter(|d| fix_at(d, threshold).is_some())
            .filter(|d| {
                !rejected.contains(&(
                    d.fix.as_ref().map(|f| f.title.clone()).unwrap_or_default(),
                    d.code,
                ))
            })
            .collect();
        let batch = non_conflicting(&candidates);
        if batch.is_empty() {
            break;
        }
        let all_edits: Vec<_> = batch
            .iter()
            .flat_map(|d| d.fix.as_ref().unwrap().edits.clone())
            .collect();
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
        applied.extend(taken.iter().map(|d| {
            let f = d.fix.as_ref().unwrap();
            AppliedFix {
                code: d.code,
                title: f.title.clone(),
                applicability: f.applicability,
            }
        }));
        current = next;
        analysis = next_analysis;
        if !adds_errors(&original, &analysis) {
            last_good = (current.clone(), applied.len(), analysis.clone());
        }
    }
    let (text, kept, analysis) = last_good;
    applied.truncate(kept);
    let skipped_unsafe = if include_unsafe {
        0
    } else {
        analysis
            .diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Unsafe)
            })
            .count()
    };
    FixOutcome {
        text,
        applied,
        skipped_unsafe,
        accepted: analysis.accepted,
    }
}

/// The diagnostic's fix when it is at least as sure as `threshold` (never display-only).
fn fix_at(d: &Diagnostic, threshold: Applicability) -> Option<&crate::diagnostic::Fix> {
    d.fix.as_ref().filter(|f| {
        f.applicability >= threshold
            && f.applicability != Applicability::DisplayOnly
            && !f.edits.is_empty()
    })
}

/// Applies one diagnostic's fix to `text` (for the per-diagnostic buttons).
pub fn apply_fix(text: &str, fix: &crate::diagnostic::Fix) -> String {
    edits::apply(text, &fix.edits)
}

/// Fixes whose edits do not touch each other, in source order.
fn non_conflicting<'a>(candidates: &[&'a Diagnostic]) -> Vec<&'a Diagnostic> {
    let mut sorted = candidates.to_vec();
    sorted.sort_by_key(|d| {
        d.fix
            .as_ref()
            .and_then(|f| f.edits.iter().map(|e| e.range.start).min())
    });
    let mut taken: Vec<&Diagnostic> = Vec::new();
    for d in sorted {
        let edits = &d.fix.as_ref().unwrap().edits;
        let clashes = taken.iter().any(|t| {
            t.fix
                .as_ref()
                .unwrap()
                .edits
                .iter()
                .any(|a| edits.iter().any(|b| edits::overlaps(a, b)))
        });
        if !clashes {
            taken.push(d);
        }
    }
    taken
}

fn one_by_one<'a>(
    text: &str,
    before: &Analysis,
    batch: &[&'a Diagnostic],
    options: &Options,
    threshold: Applicability,
    rejected: &mut Vec<(String, &'static str)>,
) -> (String, Analysis, Vec<&'a Diagnostic>) {
    let mut current = text.to_string();
    let mut current_analysis = before.clone();
    let mut taken = Vec::new();
    // Apply from the end so earlier offsets stay valid.
    for d in batch.iter().rev() {
        let fix = d.fix.as_ref().unwrap();
        let next = edits::apply(&current, &fix.edits);
        let next_analysis = analyze(&next, options);
        if adds_unfixable_errors(&current_analysis, &next_analysis, threshold) {
            rejected.push((fix.title.clone(), d.code));
            continue;
        }
        current = next;
        current_analysis = next_analysis;
        taken.push(*d);
    }
    (current, current_analysis, taken)
}

/// Like [`adds_errors`], ignoring new errors that carry a fix the engine may apply next round
/// (lower-casing `Secrets` next to `secrets` creates a duplicate whose removal is safe).
fn adds_unfixable_errors(before: &Analysis, after: &Analysis, threshold: Applicability) -> bool {
    let mut fixable = after.clone();
    fixable
        .diagnostics
        .retain(|d| fix_at(d, threshold).is_none());
    adds_errors(before, &fixable)
}

/// Whether `after` has more errors of some code than `before`. When `before` stopped at
/// syntax or decode, only those stages are compared (validation had not run yet).
pub(crate) fn adds_errors(before: &Analysis, after: &Analysis) -> bool {
    let stopped_early = before
        .errors()
        .any(|d| matches!(d.stage, Stage::Syntax | Stage::Decode));
    let count = |a: &Analysis| {
        let mut map: HashMap<&'static str, usize> = HashMap::new();
        for d in a
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            if !stopped_early || matches!(d.stage, Stage::Syntax | Stage::Decode) {
                *map.entry(d.code).or_default() += 1;
            }
        }
        map
    };
    let (b, a) = (count(before), count(after));
    a.iter()
        .any(|(code, n)| *n > b.get(code).copied().unwrap_or(0))
}
