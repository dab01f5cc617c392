//! `enccfg fix`: applies safe (and, with `--unsafe`, unsafe) fixes through the core's export
//! engine and writes the result, or a unified diff, to stdout or a file.

use enccfg_core::{analyze, export, Applicability, Form, Options};

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
    let applicability = if include_unsafe {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let form = if canonical {
        Form::Canonical
    } else {
        Form::AsWritten
    };
    let result = export(text, &analyze(text, options), applicability, form, name);
    if result.canonical_refused {
        return Err(
            "the file does not decode even after fixes, so it has no canonical form (run `enccfg check` to see why)"
                .into(),
        );
    }
    let mut summary = format!("applied {}", count(result.applied.len(), "fix", "fixes"));
    for f in &result.applied {
        summary.push_str(&format!("\n  {} {}", f.code, f.title));
    }
    if result.skipped_unsafe > 0 {
        summary.push_str(&format!(
            "\n{} not applied: rerun with --unsafe to include {}",
            count(result.skipped_unsafe, "unsafe fix", "unsafe fixes"),
            if result.skipped_unsafe == 1 {
                "it"
            } else {
                "them"
            }
        ));
    }
    summary.push_str(if result.accepted {
        "\nthe fixed file would be accepted"
    } else {
        "\nthe fixed file would still be refused: run `enccfg check` on it"
    });
    let output = if diff { result.diff } else { result.output };
    Ok(FixRun { output, summary })
}
