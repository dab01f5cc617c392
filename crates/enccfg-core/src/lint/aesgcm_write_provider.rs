//! EC0407 aesgcm-write-provider: `aesgcm` encrypts new writes; its keys must be rotated every
//! 200,000 writes, which only automated rotation keeps up with.

use super::{element_kinds, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, entry) in ctx.entries() {
        if let Some(&(ProviderKind::Aesgcm, range, _)) = element_kinds(entry).first() {
            out.push(
                ctx.report(range, format!("`aesgcm` writes resources[{i}]: its key must be rotated every 200,000 writes"))
                    .help("use `kms` v2 or `secretbox`, or automate key rotation"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};

    #[test]
    fn aesgcm_as_the_write_provider_is_reported() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - aesgcm:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert_eq!(run(&text, "EC0407").len(), 1);
    }

    #[test]
    fn aesgcm_kept_only_for_reads_is_not_reported() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n  - aesgcm:\n      keys: [{{name: old, secret: {KEY32}}}]\n");
        assert!(run(&text, "EC0407").is_empty());
    }
}
