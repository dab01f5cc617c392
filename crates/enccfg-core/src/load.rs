//! Load-time checks kube-apiserver makes while building its transformers (facts §6): wildcard
//! masking across entries, and the KMSv1 feature gate. They carry no field path.

use rustc_hash::FxHashSet as HashSet;

use crate::decode::model::{Config, Entry, Field, Kms};
use crate::diagnostic::{Diagnostic, TextRange};
use crate::options::Options;
use crate::registry;
use crate::validate::parse_group_resource;

/// The KMS providers of `entry` whose apiVersion (after defaulting) is `version`: their index
/// in `providers`, the body, and where a finding points (the written apiVersion, else the key).
fn kms_of_version<'a>(
    entry: &'a Entry,
    version: &'a str,
) -> impl Iterator<Item = (usize, &'a Field<Box<Kms>>, TextRange)> + 'a {
    entry
        .providers_list()
        .iter()
        .enumerate()
        .filter_map(|(j, provider)| provider.kms.as_ref().map(|kms| (j, kms)))
        .filter(move |(_, kms)| kms.value.defaults.api_version == version)
        .map(|(j, kms)| {
            let range = kms
                .value
                .api_version
                .as_ref()
                .map_or(kms.key, |f| f.best_range());
            (j, kms, range)
        })
}

pub(crate) fn check(config: &Config, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(entries) = &config.resources else {
        return out;
    };
    // Groups whose `*` an earlier name recorded (`*` for `*.*`).
    let mut wildcards: HashSet<String> = HashSet::default();
    for (i, entry) in entries.value.iter().enumerate() {
        if !options.kmsv1_enabled() {
            for (j, kms, range) in kms_of_version(entry, "v1") {
                let how = if kms.value.defaults.api_version_defaulted {
                    "has no apiVersion, so it is KMS v1,"
                } else {
                    "is KMS v1"
                };
                let why = if options.kmsv1_gate.is_some() {
                    "which the KMSv1 feature gate, set to false, disables".to_string()
                } else {
                    format!(
                        "which the KMSv1 feature gate disables by default in 1.{}",
                        options.effective_minor()
                    )
                };
                out.push(
                    Diagnostic::new(
                        &registry::KMSV1_DISABLED,
                        range,
                        format!(
                            "KMS provider `{}` (resources[{i}].providers[{j}]) {how} {why}",
                            kms.value.name_text(),
                        ),
                    )
                    .help("set `apiVersion: v2` (KMS v2 plugin required), or start kube-apiserver with --feature-gates=KMSv1=true while migrating"),
                );
            }
        }
        if !options.kmsv2_enabled() {
            for (j, kms, range) in kms_of_version(entry, "v2") {
                out.push(
                    Diagnostic::new(
                        &registry::KMSV2_DISABLED,
                        range,
                        format!(
                            "KMS provider `{}` (resources[{i}].providers[{j}]) is KMS v2, which --feature-gates=KMSv2=false disables",
                            kms.value.name_text()
                        ),
                    )
                    .help("drop KMSv2=false from --feature-gates (the gate is on by default in 1.27 and 1.28)"),
                );
            }
        }
        for name in entry.resources_list() {
            let (resource, group) = parse_group_resource(&name.name);
            // Only wildcards can mask: the name's own group's `*`, then `*.*`.
            let masker = [group, "*"].into_iter().find(|g| wildcards.contains(*g));
            if let Some(masker) = masker {
                out.push(
                    Diagnostic::new(
                        &registry::WILDCARD_MASKED,
                        name.range,
                        format!(
                            "`{}` (resources[{i}]) is masked by the earlier rule `*.{masker}`, so kube-apiserver refuses to load the file",
                            name.name,
                        ),
                    )
                    .help("move this entry above the entry with the wildcard: specific names must come before wildcards"),
                );
            }
            if resource == "*" {
                wildcards.insert(group.to_string());
            }
        }
    }
    out
}
