//! Validate: kube-apiserver's `ValidateEncryptionConfiguration`, rule for rule, with its field
//! paths, error types and order (facts §4). Only K-name-duplicate depends on automatic reload.

mod go_url;
mod keys;

pub(crate) use keys::decode_secret;
mod kms;
mod lower_case;
mod resources;

use rustc_hash::FxHashSet as HashSet;

use crate::decode::model::{Config, ProviderKind};
use crate::diagnostic::{Diagnostic, FieldErrorType, TextRange};
use crate::field_path::FieldPath;
use crate::options::Options;
use crate::registry::{self, Code};

/// Collects field errors in kube-apiserver's order.
pub(crate) struct Validator {
    pub reload: bool,
    pub diagnostics: Vec<Diagnostic>,
}

impl Validator {
    pub(crate) fn report(
        &mut self,
        code: &'static Code,
        range: TextRange,
        path: String,
        error_type: FieldErrorType,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push_mut(Diagnostic::new(code, range, message).field(path, error_type))
    }
}

pub(crate) fn validate(config: &Config, options: &Options) -> Vec<Diagnostic> {
    let mut v = Validator {
        reload: options.reload,
        diagnostics: Vec::new(),
    };
    let entries = match &config.resources {
        Some(list) if !list.value.is_empty() => list,
        other => {
            let range = other.as_ref().map_or(config.head, |f| f.best_range());
            v.report(
                &registry::RESOURCES_REQUIRED,
                range,
                "resources".into(),
                FieldErrorType::Required,
                "at least one entry is required in the top-level `resources` list".into(),
            )
            .help = Some("add an entry with `resources` (e.g. `- secrets`) and `providers`".into());
            return v.diagnostics;
        }
    };

    let mut kms_names: HashSet<String> = HashSet::default();
    let root = FieldPath::Root;
    let list = root.field("resources");
    for (i, entry) in entries.value.iter().enumerate() {
        let at = list.index(i);
        let p = at.field("providers");
        resources::validate_entry_resources(&mut v, entry, &at.field("resources"));

        let providers = entry.providers_list();
        if providers.is_empty() {
            let range = entry
                .providers
                .as_ref()
                .map_or(entry.head, |f| f.best_range());
            v.report(
                &registry::PROVIDERS_REQUIRED,
                range,
                p.to_string(),
                FieldErrorType::Required,
                format!("entry {i} has no providers: at least one is required"),
            )
            .help =
                Some("add a provider, e.g. `- secretbox: {keys: [...]}` or `- kms: {...}`".into());
        }
        for (j, provider) in providers.iter().enumerate() {
            let path = p.index(j);
            let kinds = provider.kinds();
            match kinds.len() {
                0 => {
                    v.report(
                        &registry::NO_PROVIDER,
                        provider.range,
                        path.to_string(),
                        FieldErrorType::Invalid,
                        "this list element sets no provider (kms, aesgcm, aescbc, secretbox or identity)".into(),
                    )
                    .help = Some("`- identity:` with nothing after it is null, not a provider: write `- identity: {}`".into());
                }
                1 => {}
                _ => {
                    let names: Vec<&str> = kinds.iter().map(|(k, _)| k.as_str()).collect();
                    let second = kinds.get(1).map_or(provider.range, |(_, range)| *range);
                    v.report(
                        &registry::SEVERAL_PROVIDERS,
                        second,
                        path.to_string(),
                        FieldErrorType::Invalid,
                        format!(
                            "one list element sets {} providers ({}); only `{}` is checked and the element is refused",
                            names.len(),
                            names.join(", "),
                            names.first().copied().unwrap_or_default()
                        ),
                    )
                    .help = Some("put each provider in its own `- ` list element, in the order you want them tried".into());
                }
            }
            let Some((first, _)) = kinds.first() else {
                continue;
            };
            match first {
                ProviderKind::Kms => {
                    // `kinds` lists only the kinds that are set, so `kms` is.
                    if let Some(kms) = &provider.kms {
                        kms::validate_kms(&mut v, kms, &path.field("kms"), &kms_names);
                        kms_names.insert(kms.value.name_text().to_string());
                    }
                }
                ProviderKind::Aesgcm | ProviderKind::Aescbc | ProviderKind::Secretbox => {
                    let sizes: &[usize] = match first {
                        ProviderKind::Secretbox => &[32],
                        _ => &[16, 24, 32],
                    };
                    if let Some(field) = provider.keys_of(*first) {
                        keys::validate_keys(
                            &mut v,
                            field,
                            *first,
                            &path.field(first.as_str()).field("keys"),
                            sizes,
                        );
                    }
                }
                ProviderKind::Identity => {}
            }
        }
    }
    v.diagnostics
}

pub(crate) use resources::{go_to_lower, parse_group_resource};
