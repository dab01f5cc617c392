//! Lints: our own advice on files kube-apiserver accepts (security, hygiene, deprecation).
//! Never errors: the verdict is kube-apiserver's alone.
//!
//! One rule per file (`lint/<rule_name>.rs`: its check, its fix builder when it has one, and its
//! tests), registered by one line in [`RULES`] (sorted by code) and one entry in the registry
//! (code, severity, summary, fix applicability, source). A meta-test fails when a rule file is
//! not in `RULES`, when `RULES` is unsorted, or when a rule's file name is not its registry name.

pub(crate) mod aescbc_not_recommended;
pub(crate) mod identity_first;
pub(crate) mod identity_only;
pub(crate) mod invisible_character_in_resource_name;
pub(crate) mod kms_v1_deprecated;
#[cfg(test)]
pub(crate) mod test_support;

use crate::decode::model::{Config, Entry, Provider, ProviderKind};
use crate::diagnostic::{Diagnostic, TextRange};
use crate::options::Options;
use crate::registry::{self, Code};

/// What a rule sees, and how it reports.
pub(crate) struct Context<'a> {
    pub config: &'a Config,
    pub options: &'a Options,
    code: &'static Code,
}

impl Context<'_> {
    /// A finding of the running rule at `range`.
    pub(crate) fn report(&self, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, range, message)
    }

    /// The entries of `resources`, with their index.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (usize, &Entry)> {
        self.config.resources_list().iter().enumerate()
    }
}

/// The kind each element of `providers` sets (the first kube-apiserver checks), with the range
/// of its key and the element. Elements that set none are left out.
pub(crate) fn element_kinds(entry: &Entry) -> Vec<(ProviderKind, TextRange, &Provider)> {
    entry
        .providers_list()
        .iter()
        .filter_map(|p| p.kinds().first().map(|&(kind, range)| (kind, range, p)))
        .collect()
}

/// A lint rule: its registry entry and its check.
pub(crate) struct Rule {
    pub code: &'static Code,
    pub check: fn(&Context<'_>, &mut Vec<Diagnostic>),
}

/// Every rule, sorted by code.
pub(crate) static RULES: &[Rule] = &[
    Rule {
        code: &registry::IDENTITY_FIRST,
        check: identity_first::check,
    },
    Rule {
        code: &registry::AESCBC_WEAK,
        check: aescbc_not_recommended::check,
    },
    Rule {
        code: &registry::KMSV1_DEPRECATED,
        check: kms_v1_deprecated::check,
    },
    Rule {
        code: &registry::IDENTITY_ONLY,
        check: identity_only::check,
    },
    Rule {
        code: &registry::INVISIBLE_IN_NAME,
        check: invisible_character_in_resource_name::check,
    },
];

/// Runs every rule over a decoded file.
pub(crate) fn check(config: &Config, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        let ctx = Context {
            config,
            options,
            code: rule.code,
        };
        (rule.check)(&ctx, &mut out);
    }
    out.sort_by_key(|d| d.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn rules_are_sorted_and_lints() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code.code < pair[1].code.code,
                "RULES is not sorted at {}",
                pair[1].code.code
            );
        }
        for rule in RULES {
            assert_eq!(
                rule.code.stage,
                crate::diagnostic::Stage::Lint,
                "{} is not a lint code",
                rule.code.code
            );
        }
    }

    #[test]
    fn every_rule_file_is_registered_under_its_registry_name() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lint");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|f| f.strip_suffix(".rs").map(str::to_string))
            .filter(|f| f != "mod" && f != "test_support")
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no rule files found in {dir}");
        for file in &files {
            let name = file.replace('_', "-");
            assert!(
                RULES.iter().any(|r| r.code.name == name),
                "src/lint/{file}.rs is not a registered rule: add `mod {file};` and a `Rule` line to lint::RULES, and its registry entry named `{name}`"
            );
        }
        for rule in RULES {
            let file = rule.code.name.replace('-', "_");
            assert!(
                files.contains(&file),
                "{} has no rule file src/lint/{file}.rs",
                rule.code.code
            );
        }
    }
}
