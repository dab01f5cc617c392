//! EC0402 aescbc-not-recommended: `aescbc` is rated weak by the Kubernetes docs.

use super::{element_kinds, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, entry) in ctx.entries() {
        for (kind, range, _) in element_kinds(entry) {
            if kind == ProviderKind::Aescbc {
                out.push(
                    ctx.report(
                        range,
                        "`aescbc` is rated weak by the Kubernetes docs (padding-oracle attacks)",
                    )
                    .help("prefer `secretbox`, or a `kms` v2 provider"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};

    #[test]
    fn an_aescbc_provider_is_reported() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - aescbc:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert_eq!(run(&text, "EC0402").len(), 1);
    }

    #[test]
    fn secretbox_is_not_aescbc() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert!(run(&text, "EC0402").is_empty());
    }
}
