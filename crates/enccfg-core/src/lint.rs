//! Lint: our own advice on files kube-apiserver accepts (security and hygiene). Never errors.

use crate::decode::model::{Config, ProviderKind};
use crate::diagnostic::Diagnostic;
use crate::options::Options;
use crate::registry;

pub(crate) fn check(config: &Config, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(entries) = &config.resources else {
        return out;
    };
    for (i, entry) in entries.value.iter().enumerate() {
        invisible_characters(entry, i, &mut out);
        let providers = entry.providers_list();
        // Each element's checked kind, with the element.
        let elements: Vec<_> = providers
            .iter()
            .filter_map(|p| p.kinds().first().map(|&(kind, range)| (kind, range, p)))
            .collect();
        let kinds: Vec<_> = elements.iter().map(|&(k, r, _)| (k, r)).collect();
        if let Some((ProviderKind::Identity, range)) = kinds.first() {
            if kinds.iter().any(|(k, _)| *k != ProviderKind::Identity) {
                out.push(
                    Diagnostic::new(
                        &registry::IDENTITY_FIRST,
                        *range,
                        format!("`identity` is the first provider of resources[{i}], so new writes are stored unencrypted"),
                    )
                    .help("move `identity` after the encrypting providers (unless you are deliberately decrypting), then rewrite existing objects"),
                );
            } else if !kinds.is_empty() {
                out.push(
                    Diagnostic::new(
                        &registry::IDENTITY_ONLY,
                        *range,
                        format!("resources[{i}] only has `identity`: its resources are stored unencrypted"),
                    )
                    .help("fine for an opt-out before a wildcard; otherwise put an encrypting provider first"),
                );
            }
        }
        for (kind, range, provider) in &elements {
            match kind {
                ProviderKind::Aescbc => out.push(
                    Diagnostic::new(
                        &registry::AESCBC_WEAK,
                        *range,
                        "`aescbc` is rated weak by the Kubernetes docs (padding-oracle attacks)",
                    )
                    .help("prefer `secretbox`, or a `kms` v2 provider"),
                ),
                ProviderKind::Kms if options.kmsv1_enabled() => {
                    let Some(kms) = &provider.kms else {
                        continue;
                    };
                    if kms.value.defaults.api_version == "v1" {
                        out.push(
                            Diagnostic::new(
                                &registry::KMSV1_DEPRECATED,
                                kms.value.api_version.as_ref().map_or(kms.key, |f| f.best_range()),
                                format!("KMS provider `{}` uses the deprecated KMS v1 API", kms.value.name_text()),
                            )
                            .help("plan a migration to `apiVersion: v2`; KMS v1 is off by default from 1.29"),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Names kube-apiserver accepts but that match nothing: a character that does not show.
fn invisible_characters(entry: &crate::decode::model::Entry, i: usize, out: &mut Vec<Diagnostic>) {
    for name in entry.resources_list() {
        let invisible = name.name.chars().find(|&c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
                )
        });
        if let Some(c) = invisible {
            out.push(
                Diagnostic::new(
                    &registry::INVISIBLE_IN_NAME,
                    name.range,
                    format!("a resource name of resources[{i}] holds the invisible character U+{:04X}, so it matches no resource and that resource stays unencrypted", u32::from(c)),
                )
                .help("retype the name (it was probably copied with a hidden character)"),
            );
        }
    }
}
