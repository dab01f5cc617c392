//! EC0412 identity-kept-last: `identity` after an encrypting write provider keeps plaintext
//! readable. Right during the first migration; afterwards it only lets plaintext planted in
//! etcd be read as if it were encrypted (defence in depth: remove it).

use super::{element_kinds, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, entry) in ctx.entries() {
        let kinds = element_kinds(entry);
        if kinds
            .first()
            .is_none_or(|(k, _, _)| *k == ProviderKind::Identity)
        {
            continue;
        }
        if let Some(&(_, range, _)) = kinds.iter().find(|(k, _, _)| *k == ProviderKind::Identity) {
            out.push(
                ctx.report(
                    range,
                    format!("resources[{i}] still reads plaintext through `identity`"),
                )
                .help("keep it until every object is rewritten encrypted, then remove it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD};

    const A: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    #[test]
    fn identity_after_an_encrypting_writer_is_reported() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {A}}}]\n  - identity: {{}}\n");
        let found = run(&text, "EC0412");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none(), "no bulk-applicable removal");
    }

    #[test]
    fn identity_first_or_no_identity_is_not_reported() {
        let first = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - identity: {{}}\n  - secretbox:\n      keys: [{{name: k, secret: {A}}}]\n");
        assert!(run(&first, "EC0412").is_empty());
        let none = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {A}}}]\n");
        assert!(run(&none, "EC0412").is_empty());
    }
}
