//! EC0406 secrets-not-encrypted: no entry makes kube-apiserver encrypt new Secrets (none
//! covers `secrets`, or the one that does only has `identity`).

use super::{element_kinds, secrets_rank, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let ranked = |e: &crate::decode::model::Entry| {
        e.resources_list()
            .iter()
            .filter_map(|r| secrets_rank(&r.name))
            .min()
    };
    let best = ctx.entries().filter_map(|(_, e)| ranked(e)).min();
    let Some(best) = best else {
        let range = ctx
            .config
            .resources
            .as_ref()
            .map_or(ctx.config.head, |f| f.key);
        out.push(
            ctx.report(range, "no entry covers `secrets` (`secrets`, `*.` or `*.*`): Secrets are stored unencrypted")
                .help("add an entry for `secrets` whose first provider encrypts"),
        );
        return;
    };
    // The providers of every entry naming the winning rule, concatenated (facts 7.1).
    let chain: Vec<_> = ctx
        .entries()
        .filter(|(_, e)| ranked(e) == Some(best))
        .flat_map(|(i, e)| element_kinds(e).into_iter().map(move |k| (i, k)))
        .collect();
    let Some(&(i, (ProviderKind::Identity, range, _))) = chain.first() else {
        return;
    };
    if chain
        .iter()
        .any(|(_, (k, _, _))| *k != ProviderKind::Identity)
    {
        return; // identity first while a later provider encrypts: EC0401.
    }
    out.push(
        ctx.report(
            range,
            format!("Secrets are covered by resources[{i}], which only has `identity`: they are stored unencrypted"),
        )
        .help("put an encrypting provider (`kms` v2 or `secretbox`) before `identity`"),
    );
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};

    #[test]
    fn a_file_that_never_covers_secrets_is_reported() {
        let text = format!("{HEAD}resources:\n- resources: [configmaps]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert_eq!(run(&text, "EC0406").len(), 1);
        let only_identity =
            format!("{HEAD}resources:\n- resources: ['*.*']\n  providers:\n  - identity: {{}}\n");
        assert_eq!(run(&only_identity, "EC0406").len(), 1);
    }

    #[test]
    fn secrets_under_an_encrypting_rule_or_identity_first_are_not_reported() {
        let exact = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert!(run(&exact, "EC0406").is_empty());
        let wildcard = format!("{HEAD}resources:\n- resources: [events]\n  providers:\n  - identity: {{}}\n- resources: ['*.']\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert!(run(&wildcard, "EC0406").is_empty());
        let identity_first = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - identity: {{}}\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert!(
            run(&identity_first, "EC0406").is_empty(),
            "EC0401 reports it"
        );
    }
}
