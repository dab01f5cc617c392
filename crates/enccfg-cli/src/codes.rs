//! `--select` and `--ignore` (ruff's words): which findings `check` reports, by code (`EC0402`)
//! or name (`aescbc-not-recommended`).
//!
//! They choose among the advice, never among kube-apiserver's refusals: a finding of severity
//! `error` means kube-apiserver would not start, so it is always reported and always decides
//! the exit code, whatever the flags say (a note on stderr says when a flag asked to leave
//! one out). Warnings and info notes the flags leave out are neither shown nor counted (so
//! `--deny-warnings` does not fail on them).

use std::collections::BTreeSet;

use enccfg_core::{registry, Diagnostic, Severity};

/// The codes `--select` and `--ignore` named.
#[derive(Debug, Default)]
pub struct CodeFilter {
    /// `None`: every code.
    select: Option<BTreeSet<&'static str>>,
    ignore: BTreeSet<&'static str>,
}

impl CodeFilter {
    /// From the flags' values (each already split at commas), or a usage error naming the
    /// unknown code with the nearest known one.
    pub fn new(select: Option<&[String]>, ignore: &[String]) -> Result<Self, String> {
        let select = match select {
            None => None,
            Some(words) => {
                let codes = resolve_all(words, "--select")?;
                if codes.is_empty() {
                    return Err("--select needs at least one code".into());
                }
                Some(codes)
            }
        };
        Ok(CodeFilter {
            select,
            ignore: resolve_all(ignore, "--ignore")?,
        })
    }

    fn wants(&self, code: &str) -> bool {
        self.select.as_ref().is_none_or(|s| s.contains(code)) && !self.ignore.contains(code)
    }

    /// Drops the warnings and notes the flags leave out. Returns the codes of the errors the
    /// flags asked to leave out, which stay.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) -> BTreeSet<&'static str> {
        let mut kept_errors = BTreeSet::new();
        diagnostics.retain(|d| {
            if self.wants(d.code) {
                true
            } else if d.severity == Severity::Error {
                kept_errors.insert(d.code);
                true
            } else {
                false
            }
        });
        kept_errors
    }
}

fn resolve_all(words: &[String], flag: &str) -> Result<BTreeSet<&'static str>, String> {
    words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .map(|w| resolve(w, flag))
        .collect()
}

/// A code or name, as registered.
fn resolve(word: &str, flag: &str) -> Result<&'static str, String> {
    if let Some(code) = registry::lookup(word) {
        return Ok(code.code);
    }
    let wanted = word.to_ascii_lowercase();
    let nearest = registry::CODES
        .iter()
        .flat_map(|c| [(c.code, c), (c.name, c)])
        .map(|(key, c)| {
            (
                strsim::normalized_levenshtein(&wanted, &key.to_ascii_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Err(match nearest {
        Some((_, c)) => format!(
            "unknown code `{word}` in {flag}: did you mean `{}` ({})?",
            c.code, c.name
        ),
        None => format!(
            "unknown code `{word}` in {flag}: `enccfg explain --all-markdown` lists every code"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use enccfg_core::{analyze, Options};

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn codes_and_names_are_accepted_and_unknown_ones_get_the_nearest() {
        let filter = CodeFilter::new(None, &words(&["EC0402", "identity-first", ""])).unwrap();
        assert!(!filter.wants("EC0402") && !filter.wants("EC0401"));
        assert!(filter.wants("EC0403"));
        let error = CodeFilter::new(None, &words(&["identity-frist"])).unwrap_err();
        assert_eq!(
            error,
            "unknown code `identity-frist` in --ignore: did you mean `EC0401` (identity-first)?"
        );
        let error = CodeFilter::new(Some(&words(&["ec0221x"])), &[]).unwrap_err();
        assert!(error.contains("did you mean `EC0221`"), "{error}");
        let error = CodeFilter::new(Some(&words(&["banana"])), &[]).unwrap_err();
        assert!(error.ends_with("lists every code"), "{error}");
        assert!(CodeFilter::new(Some(&words(&[""])), &[]).is_err());
    }

    #[test]
    fn errors_stay_whatever_the_flags_say_and_advice_follows_them() {
        // Identity first (a warning) and a 25-byte aescbc key (an error).
        let text = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - identity: {}\n      - aescbc:\n          keys:\n            - name: k\n              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFB\n";
        let all = analyze(text, &Options::default()).diagnostics;
        let codes = |d: &[Diagnostic]| d.iter().map(|d| d.code).collect::<Vec<_>>();
        assert!(codes(&all).contains(&"EC0401") && codes(&all).contains(&"EC0218"));

        let mut only_error = all.clone();
        let filter = CodeFilter::new(Some(&words(&["EC0218"])), &[]).unwrap();
        assert!(filter.apply(&mut only_error).is_empty());
        assert_eq!(codes(&only_error), ["EC0218"]);

        let mut ignored = all.clone();
        let filter = CodeFilter::new(None, &words(&["EC0218", "EC0401"])).unwrap();
        let kept = filter.apply(&mut ignored);
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), ["EC0218"]);
        assert!(codes(&ignored).contains(&"EC0218"));
        assert!(!codes(&ignored).contains(&"EC0401"));
    }
}
