//! EC0401 identity-first: `identity` is the first provider while a later one encrypts, so new
//! writes are stored in plaintext.

use super::{covers_secrets, element_kinds, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::Diagnostic;
use crate::fix::{edits, locate, FixContext, Proposal};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, entry) in ctx.entries() {
        let kinds = element_kinds(entry);
        let Some(&(ProviderKind::Identity, range, _)) = kinds.first() else {
            continue;
        };
        if kinds.iter().all(|(k, _, _)| *k == ProviderKind::Identity) {
            continue;
        }
        let what = if cfg!(feature = "full-lints") && covers_secrets(entry) {
            "new Secrets are stored in plaintext in etcd"
        } else {
            "new writes are stored unencrypted"
        };
        out.push(
            ctx.report(
                range,
                format!("`identity` is the first provider of resources[{i}], so {what}"),
            )
            .help("move `identity` after the encrypting providers (unless you are deliberately decrypting), then rewrite existing objects"),
        );
    }
}

/// Moves `identity` to the end of its list: new writes get encrypted (unsafe: it changes what
/// is written).
pub(crate) fn fix(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let (list, index) = locate::item_containing(ctx.root, d.range)?;
    Some(Proposal::new(
        "move `identity` to the end (new writes get encrypted)",
        edits::move_item_to_end(ctx.text, locate::items(list), index)?,
    ))
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};

    #[test]
    #[cfg(feature = "full-lints")]
    fn identity_before_an_encrypting_provider_is_reported_at_identity() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - identity: {{}}\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        let found = run(&text, "EC0401");
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].range.start()..found[0].range.end()],
            "identity"
        );
        assert!(found[0].fix.is_some(), "the unsafe fix is offered");
        assert!(found[0].message.contains("Secrets"), "stronger for secrets");
        let events = text.replace("[secrets]", "[events]");
        assert!(!run(&events, "EC0401")[0].message.contains("Secrets"));
    }

    #[test]
    fn identity_last_or_alone_is_not_identity_first() {
        let last = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n  - identity: {{}}\n");
        assert!(run(&last, "EC0401").is_empty());
        let alone =
            format!("{HEAD}resources:\n- resources: [events]\n  providers:\n  - identity: {{}}\n");
        assert!(run(&alone, "EC0401").is_empty());
    }
}
