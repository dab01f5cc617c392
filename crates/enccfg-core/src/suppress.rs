//! Inline suppression: `# enccfg: ignore[EC0402]` (codes or names, comma-separated) on a
//! finding's line or the line before hides that finding, if it is a lint. kube-apiserver's
//! findings (every stage but `lint`) are never hidden: a file is refused whatever its comments
//! say. A suppression that hides nothing is reported itself (EC0418).

use crate::diagnostic::{Diagnostic, Stage, TextRange};
use crate::line_index::LineIndex;
use crate::registry;

/// One code named in a suppression comment.
struct Named {
    /// 1-based line of the comment.
    line: u32,
    range: TextRange,
    word: String,
    code: Option<&'static registry::Code>,
    used: bool,
}

/// The codes named by suppression comments in `text`.
fn comments(text: &str, index: &LineIndex<&str>) -> Vec<Named> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find("enccfg:")) {
        let at = from + found;
        from = at + 7;
        let line_start = text
            .get(..at)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |i| i + 1);
        let before = text.get(line_start..at).unwrap_or_default();
        if !before.trim_end().ends_with('#') {
            continue;
        }
        let rest = text.get(from..).unwrap_or_default();
        let trimmed = rest.trim_start_matches(' ');
        let Some(list) = trimmed.strip_prefix("ignore[") else {
            continue;
        };
        let Some(close) = list
            .find(']')
            .filter(|&c| !list.get(..c).unwrap_or("").contains('\n'))
        else {
            continue;
        };
        let list_start = from + (rest.len() - trimmed.len()) + "ignore[".len();
        let line = index.position(at).line;
        let mut offset = list_start;
        for word in list.get(..close).unwrap_or_default().split(',') {
            let lead = word.len() - word.trim_start().len();
            let w = word.trim();
            if !w.is_empty() {
                out.push(Named {
                    line,
                    range: TextRange::new(offset + lead, offset + lead + w.len()),
                    word: w.to_string(),
                    code: registry::lookup(w),
                    used: false,
                });
            }
            offset += word.len() + 1;
        }
    }
    out
}

/// Removes the lints the comments of `text` suppress and reports the suppressions that hide
/// nothing. `diagnostics` carry their positions already.
pub(crate) fn apply(text: &str, diagnostics: &mut Vec<Diagnostic>) {
    if !text.contains("enccfg:") {
        return;
    }
    let index = LineIndex::new(text);
    let mut named = comments(text, &index);
    if named.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        if d.stage != Stage::Lint {
            return true;
        }
        let line = d.start.line;
        let hit = named.iter_mut().find(|n| {
            (n.line == line || n.line + 1 == line) && n.code.is_some_and(|c| c.code == d.code)
        });
        match hit {
            Some(n) => {
                n.used = true;
                false
            }
            None => true,
        }
    });
    for n in named.into_iter().filter(|n| !n.used) {
        let message = match n.code {
            None => format!("`{}` is not a diagnostic code or name", n.word),
            Some(c) if c.stage != Stage::Lint => format!(
                "`{}` is kube-apiserver's finding: only lints can be suppressed",
                c.code
            ),
            Some(c) => format!("nothing reports `{}` on this line or the next", c.code),
        };
        let mut d = Diagnostic::new(&registry::UNUSED_SUPPRESSION, n.range, message)
            .help("remove it from the comment");
        d.start = index.position(n.range.start());
        d.end = index.position(n.range.end());
        // Lints come last, in source order: insert among them (no sort, for the bundle's size).
        let at = diagnostics
            .iter()
            .rposition(|x| x.stage != Stage::Lint || x.range.start <= d.range.start)
            .map_or(0, |i| i + 1);
        diagnostics.insert(at, d);
    }
}

#[cfg(test)]
mod tests {
    use crate::options::Options;

    const FILE: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n  providers:\n  # enccfg: ignore[EC0402, weak-key-material]\n  - aescbc: {keys: [{name: k, secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=}]}\n";

    fn codes(text: &str) -> Vec<&'static str> {
        crate::analyze(text, &Options::default())
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn a_comment_on_the_line_before_hides_the_named_lints() {
        let found = codes(FILE);
        assert!(!found.contains(&"EC0402"), "{found:?}");
        assert!(!found.contains(&"EC0410"), "by name: {found:?}");
        assert!(!found.contains(&"EC0418"), "{found:?}");
        let same_line = FILE.replace(
            "  # enccfg: ignore[EC0402, weak-key-material]\n  - aescbc: {keys: [{name: k, secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=}]}\n",
            "  - aescbc: {keys: [{name: k, secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=}]} # enccfg: ignore[EC0402,EC0410]\n",
        );
        assert!(!codes(&same_line).contains(&"EC0402"));
    }

    #[test]
    fn unused_unknown_and_apiserver_codes_are_reported_and_errors_stay() {
        let text = FILE.replace("EC0402, weak-key-material", "EC0407, EC9999, EC0218");
        let analysis = crate::analyze(&text, &Options::default());
        let unused: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == "EC0418")
            .map(|d| (d.message.clone(), d.start.line))
            .collect();
        assert_eq!(unused.len(), 3, "{unused:?}");
        assert!(unused.iter().all(|(_, line)| *line == 6));
        assert!(unused[1].0.contains("EC9999"));
        assert!(unused[2].0.contains("only lints"));
        let broken = FILE.replace("QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=", "QUFB");
        let broken = broken.replace("EC0402, weak-key-material", "EC0218");
        let analysis = crate::analyze(&broken, &Options::default());
        assert!(!analysis.accepted);
        assert!(analysis.diagnostics.iter().any(|d| d.code == "EC0218"));
    }
}
