//! EC0404 identity-only: an entry whose providers are all `identity` stores its resources in
//! plaintext (intended when it opts resources out before a wildcard).

use super::{element_kinds, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, entry) in ctx.entries() {
        let kinds = element_kinds(entry);
        let Some(&(ProviderKind::Identity, range, _)) = kinds.first() else {
            continue;
        };
        if kinds.iter().any(|(k, _, _)| *k != ProviderKind::Identity) {
            continue;
        }
        out.push(
            ctx.report(
                range,
                format!("resources[{i}] only has `identity`: its resources are stored unencrypted"),
            )
            .help(
                "fine for an opt-out before a wildcard; otherwise put an encrypting provider first",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};

    #[test]
    fn an_entry_with_only_identity_is_reported() {
        let text =
            format!("{HEAD}resources:\n- resources: [events]\n  providers:\n  - identity: {{}}\n");
        assert_eq!(run(&text, "EC0404").len(), 1);
    }

    #[test]
    fn an_entry_that_encrypts_is_not_identity_only() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n  - identity: {{}}\n");
        assert!(run(&text, "EC0404").is_empty());
    }
}
