//! EC0403 kms-v1-deprecated: a KMS v1 provider, while the version and gates still load it.

use super::{element_kinds, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.options.kmsv1_enabled() {
        // kube-apiserver refuses the file (EC0302): no need to advise on top.
        return;
    }
    for (_, entry) in ctx.entries() {
        for (kind, _, provider) in element_kinds(entry) {
            let Some(kms) = provider.kms.as_ref().filter(|_| kind == ProviderKind::Kms) else {
                continue;
            };
            if kms.value.defaults.api_version != "v1" {
                continue;
            }
            out.push(
                ctx.report(
                    kms.value
                        .api_version
                        .as_ref()
                        .map_or(kms.key, |f| f.best_range()),
                    format!(
                        "KMS provider `{}` uses the deprecated KMS v1 API",
                        kms.value.name_text()
                    ),
                )
                .help("plan a migration to `apiVersion: v2`; KMS v1 is off by default from 1.29"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run_with, HEAD};
    use crate::options::Options;

    fn kms(api_version: &str) -> String {
        format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - kms: {{{api_version}name: p, endpoint: 'unix:///k.sock'}}\n")
    }

    #[test]
    fn a_kms_v1_provider_is_reported_when_it_loads() {
        let gate_on = Options {
            kmsv1_gate: Some(true),
            ..Options::default()
        };
        assert_eq!(run_with(&kms(""), &gate_on, "EC0403").len(), 1);
        assert_eq!(
            run_with(&kms("apiVersion: v1, "), &gate_on, "EC0403").len(),
            1
        );
    }

    #[test]
    fn kms_v2_or_a_refused_v1_is_not_reported() {
        let gate_on = Options {
            kmsv1_gate: Some(true),
            ..Options::default()
        };
        assert!(run_with(&kms("apiVersion: v2, "), &gate_on, "EC0403").is_empty());
        assert!(run_with(&kms(""), &Options::default(), "EC0403").is_empty());
    }
}
