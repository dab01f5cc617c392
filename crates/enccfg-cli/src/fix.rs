//! `enccfg fix`: applies safe (and, with `--unsafe`, unsafe) fixes and writes the result, or a
//! unified diff, to stdout or a file.

use enccfg_core::fix::{fix_text, unified_diff};
use enccfg_core::{canonical_yaml, Options};

use crate::plural::count;

/// What to write and what to tell the user on stderr.
pub struct FixRun {
    pub output: String,
    pub summary: String,
}

pub fn run(
    text: &str,
    name: &str,
    options: &Options,
    include_unsafe: bool,
    diff: bool,
    canonical: bool,
) -> Result<FixRun, String> {
    let outcome = fix_text(text, options, include_unsafe);
    let mut fixed = outcome.text;
    if canonical {
        fixed = canonical_yaml(&fixed, options)
            .ok_or("the file does not decode even after fixes, so it has no canonical form")?;
    }
    let accepted = outcome.accepted;
    let mut summary = format!("applied {}", count(outcome.applied.len(), "fix", "fixes"));
    for f in &outcome.applied {
        summary.push_str(&format!("\n  {} {}", f.code, f.title));
    }
    if outcome.skipped_unsafe > 0 {
        summary.push_str(&format!(
            "\n{} not applied: rerun with --unsafe to include them",
            count(outcome.skipped_unsafe, "unsafe fix", "unsafe fixes")
        ));
    }
    summary.push_str(if accepted {
        "\nthe fixed file would be accepted"
    } else {
        "\nthe fixed file would still be refused: run `enccfg check` on it"
    });
    let output = if diff {
        unified_diff(text, &fixed, name)
    } else {
        fixed
    };
    Ok(FixRun { output, summary })
}
