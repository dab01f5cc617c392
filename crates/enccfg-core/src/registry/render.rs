//! The registry as text: one code for a terminal (`enccfg explain`), and the generated
//! `docs/diagnostics.md` and `docs/fixes.md` (tests fail when the files on disk are stale).

use super::{docs_of, Build, Code, CODES};
use crate::diagnostic::Applicability;

fn applicability(a: Applicability) -> &'static str {
    match a {
        Applicability::Safe => "safe",
        Applicability::Unsafe => "unsafe",
        Applicability::DisplayOnly => "display-only",
    }
}

fn example_text(code: &Code) -> String {
    docs_of(code.code)
        .map(|d| String::from_utf8_lossy(d.example).into_owned())
        .unwrap_or_default()
}

/// A lint's sources, for the terminal and Markdown alike: one on a `Source:` line, more as a
/// list under `Sources:`; nothing for a code without sources.
fn sources_text(code: &Code) -> String {
    match code.sources() {
        [] => String::new(),
        [one] => format!("\nSource: {} <{}>\n", one.quote, one.url),
        many => {
            let mut out = String::from("\nSources:\n\n");
            for source in many {
                out.push_str(&format!("- {} <{}>\n", source.quote, source.url));
            }
            out
        }
    }
}

/// The docs of one code, as plain text for a terminal.
pub fn render_text(code: &Code) -> String {
    let docs = docs_of(code.code);
    let mut out = format!(
        "{} {} ({} {})\n\n{}\n\n{}\n",
        code.code,
        code.name,
        code.stage.as_str(),
        code.severity.as_str(),
        code.summary(),
        docs.map_or("", |d| d.explanation)
    );
    out.push_str(&sources_text(code));
    if let (Some(spec), Some((what, why))) = (code.fix, docs.and_then(|d| d.fix)) {
        out.push_str(&format!(
            "\nFix ({}): {what}. {why}.\n",
            applicability(spec.applicability)
        ));
    }
    out.push_str(&format!("\nExample:\n\n{}", example_text(code)));
    out
}

/// `docs/diagnostics.md`.
pub fn render_markdown() -> String {
    let mut out = String::from(
        "# Diagnostics\n\n<!-- Generated from crates/enccfg-core/src/registry/ by `UPDATE_DOCS=1 cargo test -p enccfg-core generated_docs_are_fresh`; do not edit. -->\n\n\
         Every finding has a stable code. `error` means kube-apiserver (with the chosen version and flags) refuses the file; \
         codes `EC04xx` are our own advice and never errors. Fixes and their safety: [fixes.md](fixes.md).\n\n\
         | code | name | stage | severity | fix | summary |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    for c in CODES {
        out.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} | {} |\n",
            c.code,
            c.code.to_lowercase(),
            c.name,
            c.stage.as_str(),
            c.severity.as_str(),
            c.fix.map_or("", |f| applicability(f.applicability)),
            c.summary().replace('|', "\\|")
        ));
    }
    for c in CODES {
        let docs = docs_of(c.code);
        out.push_str(&format!(
            "\n## {}\n\n`{}` · {} · {}\n\n**{}**\n\n{}\n",
            c.code,
            c.name,
            c.stage.as_str(),
            c.severity.as_str(),
            c.summary(),
            docs.map_or("", |d| d.explanation)
        ));
        out.push_str(&sources_text(c));
        if let (Some(spec), Some((what, why))) = (c.fix, docs.and_then(|d| d.fix)) {
            out.push_str(&format!(
                "\nFix ({}): {what}. {why}.\n",
                applicability(spec.applicability)
            ));
        }
        out.push_str(&format!(
            "\nExample (`crates/enccfg-core/src/registry/examples/{}.yaml`):\n\n```yaml\n{}```\n",
            c.code,
            example_text(c)
        ));
    }
    out
}

/// `docs/fixes.md`: every fix with its applicability, from the registry.
pub fn render_fixes_markdown() -> String {
    let mut out = String::from(FIXES_INTRO);
    out.push_str(
        "| code | name | fix | safety | built | why |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    for c in CODES {
        let (Some(spec), Some((what, why))) = (c.fix, docs_of(c.code).and_then(|d| d.fix)) else {
            continue;
        };
        let built = match spec.build {
            Build::AtCheck => "by the check",
            Build::Later(_) => "after analysis",
        };
        out.push_str(&format!(
            "| [{}](diagnostics.md#{}) | `{}` | {} | {} | {} | {} |\n",
            c.code,
            c.code.to_lowercase(),
            c.name,
            what.replace('|', "\\|"),
            applicability(spec.applicability),
            built,
            why.replace('|', "\\|")
        ));
    }
    out.push_str(FIXES_CANONICAL);
    out
}

const FIXES_INTRO: &str = "# Fixes and their safety

<!-- Generated from crates/enccfg-core/src/registry/ by `UPDATE_DOCS=1 cargo test -p enccfg-core generated_docs_are_fresh`; do not edit. -->

`enccfg fix` and the page's Export panel repair files with **text edits on your own file**:
comments, blank lines and layout outside the edited bytes stay exactly as they were. Each fix is
marked:

- **Safe**: the file can only have meant this; the edit keeps what kube-apiserver does, or turns a
  refused file into the obviously intended one. Applied by default.
- **Unsafe**: the result is valid but changes what is written or read (which provider encrypts, the
  prefix stored with every value). Applied only with `--unsafe` / \"include unsafe fixes\".
- **Display-only**: a suggestion in the diagnostic's help, to apply by hand.

A fix's safety is declared once, in the registry entry of its code; the function that builds the
fix returns only its title and edits, so it cannot claim another safety.

The engine applies fixes in rounds: it takes every fix whose edits do not conflict, re-analyses,
and repeats (at most 8 rounds) until nothing is left. A round that would add an error the file did
not have (other than one a later fix removes) is retried one fix at a time, and fixes that add
errors are dropped. Fixing a fixed file changes nothing. Key bytes are never changed: the only fix
that touches a secret re-encodes the same bytes.

";

const FIXES_CANONICAL: &str = "
The canonical form (`enccfg fix --canonical`, \"canonical form\" in the Export panel) re-emits the
decoded model in one layout (field order of the Kubernetes docs, two-space indent) with a small
emitter of our own. It drops comments and layout, and it never changes meaning on its own: a list
element that sets two providers stays one element (splitting it is EC0213's unsafe fix), so the
canonical text has the same verdict as the text it came from. When the text does not decode, it has
no canonical form, and the export says so and shows the fixed text instead.
";
