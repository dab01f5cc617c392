//! Lints: our own advice on files kube-apiserver accepts (security, hygiene, deprecation).
//! Never errors: the verdict is kube-apiserver's alone.
//!
//! One rule per file (`lint/<rule_name>.rs`: its check, its fix builder when it has one, and its
//! tests), registered by one line in [`RULES`] (sorted by code) and one entry in the registry
//! (code, severity, summary, fix applicability, source). A meta-test fails when a rule file is
//! not in `RULES`, when `RULES` is unsorted, or when a rule's file name is not its registry name.
//!
//! The rules added for issue 11 (EC0406-EC0417) are behind the default feature `full-lints`,
//! which every build of this project uses (the CLI, the page, the tests); an embedder that wants
//! a smaller engine with only EC0401-EC0405 can turn it off.

pub(crate) mod aescbc_not_recommended;
#[cfg(feature = "full-lints")]
pub(crate) mod aesgcm_write_provider;
#[cfg(feature = "full-lints")]
pub(crate) mod duplicate_key_name;
pub(crate) mod identity_first;
#[cfg(feature = "full-lints")]
pub(crate) mod identity_kept_last;
pub(crate) mod identity_only;
pub(crate) mod invisible_character_in_resource_name;
#[cfg(feature = "full-lints")]
pub(crate) mod key_material_reused;
#[cfg(feature = "full-lints")]
pub(crate) mod kms_endpoint_abstract_socket;
pub(crate) mod kms_endpoint_host_segment;
#[cfg(feature = "full-lints")]
pub(crate) mod kms_endpoint_world_writable;
#[cfg(feature = "full-lints")]
pub(crate) mod kms_timeout_unusual;
pub(crate) mod kms_v1_deprecated;
#[cfg(feature = "full-lints")]
pub(crate) mod old_keys_listed;
#[cfg(feature = "full-lints")]
pub(crate) mod placeholder_value;
#[cfg(feature = "full-lints")]
pub(crate) mod secrets_not_encrypted;
#[cfg(test)]
pub(crate) mod test_support;
#[cfg(feature = "full-lints")]
pub(crate) mod weak_key_material;

use crate::decode::model::{Config, Entry, Provider, ProviderKind};
#[cfg(feature = "full-lints")]
use crate::decode::model::{Field, Keys, Kms};
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
        .filter_map(|p| p.first_kind().map(|(kind, range)| (kind, range, p)))
        .collect()
}

#[cfg(feature = "full-lints")]
/// One `aesgcm`, `aescbc` or `secretbox` body: entry index, element index, kind, body.
pub(crate) struct Keyed<'a> {
    pub entry: usize,
    pub index: usize,
    pub kind: ProviderKind,
    pub keys: &'a Field<Keys>,
}

#[cfg(feature = "full-lints")]
/// Every body with `keys` in the file, in file order.
pub(crate) fn keyed<'a>(config: &'a Config) -> Vec<Keyed<'a>> {
    let mut out = Vec::new();
    for (entry, e) in config.resources_list().iter().enumerate() {
        for (index, p) in e.providers_list().iter().enumerate() {
            for kind in [
                ProviderKind::Aesgcm,
                ProviderKind::Aescbc,
                ProviderKind::Secretbox,
            ] {
                if let Some(keys) = p.keys_of(kind) {
                    out.push(Keyed {
                        entry,
                        index,
                        kind,
                        keys,
                    });
                }
            }
        }
    }
    out
}

#[cfg(feature = "full-lints")]
/// Every `kms` body in the file, in file order.
pub(crate) fn kms_bodies(config: &Config) -> Vec<&Field<Box<Kms>>> {
    config
        .resources_list()
        .iter()
        .flat_map(|e| e.providers_list())
        .filter_map(|p| p.kms.as_ref())
        .collect()
}

/// Whether `name` (as written in `resources`) covers core `secrets`: 0 exact, 1 `*.`, 2 `*.*`.
/// Case is ignored: `Secrets` is kube-apiserver's error (EC0205), not a missing rule.
pub(crate) fn secrets_rank(name: &str) -> Option<u8> {
    match crate::validate::parse_group_resource(&name.trim().to_ascii_lowercase()) {
        ("secrets", "") => Some(0),
        ("*", "") => Some(1),
        ("*", "*") => Some(2),
        _ => None,
    }
}

/// Whether an entry lists a name that covers core `secrets`.
pub(crate) fn covers_secrets(entry: &Entry) -> bool {
    entry
        .resources_list()
        .iter()
        .any(|r| secrets_rank(&r.name).is_some())
}

#[cfg(feature = "full-lints")]
/// A `unix://` endpoint as the plugin client reads it (facts 11.3): the host part Go's URL
/// parser sees, and the path it dials. `None` for other schemes.
pub(crate) fn unix_endpoint(endpoint: &str) -> Option<(&str, &str)> {
    let scheme = endpoint.get(..7)?;
    if !scheme.eq_ignore_ascii_case("unix://") {
        return None;
    }
    let rest = endpoint.get(7..)?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    Some(match rest.find('/') {
        Some(at) => (rest.get(..at)?, rest.get(at..)?),
        None => (rest, ""),
    })
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
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::SECRETS_NOT_ENCRYPTED,
        check: secrets_not_encrypted::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::AESGCM_WRITER,
        check: aesgcm_write_provider::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::KEY_REUSED,
        check: key_material_reused::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::DUPLICATE_KEY_NAME,
        check: duplicate_key_name::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::WEAK_KEY,
        check: weak_key_material::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::OLD_KEYS,
        check: old_keys_listed::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::IDENTITY_LAST,
        check: identity_kept_last::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::KMS_TIMEOUT_UNUSUAL,
        check: kms_timeout_unusual::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::KMS_ENDPOINT_HOST,
        check: kms_endpoint_host_segment::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::KMS_ENDPOINT_SHARED_DIR,
        check: kms_endpoint_world_writable::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::KMS_ENDPOINT_ABSTRACT,
        check: kms_endpoint_abstract_socket::check,
    },
    #[cfg(feature = "full-lints")]
    Rule {
        code: &registry::PLACEHOLDER,
        check: placeholder_value::check,
    },
];

/// Runs every rule over a decoded file and adds their findings to `out`, in source order
/// among themselves (appended in place: a second list of every finding, then copied over,
/// was the peak of memory on files with a finding per entry).
pub(crate) fn check(config: &Config, options: &Options, out: &mut Vec<Diagnostic>) {
    let first = out.len();
    for rule in RULES {
        let ctx = Context {
            config,
            options,
            code: rule.code,
        };
        (rule.check)(&ctx, out);
    }
    if let Some(found) = out.get_mut(first..) {
        crate::order::sort_by_key(found, |d| u64::from(d.range.start));
    }
}

#[cfg(test)]
#[cfg(feature = "full-lints")]
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
