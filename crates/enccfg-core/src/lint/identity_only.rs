//! EC0404 identity-only: an entry whose providers are all `identity` stores its resources in
//! plaintext (intended when it opts resources out before a wildcard).

use super::{covers_secrets, element_kinds, Context};
use crate::decode::model::ProviderKind;
use crate::diagnostic::{Diagnostic, Severity};
use crate::validate::parse_group_resource;

/// Whether a later entry's wildcard covers one of `entry`'s names: the entry is then an opt-out.
fn opts_out(ctx: &Context<'_>, i: usize, entry: &crate::decode::model::Entry) -> bool {
    ctx.entries().skip(i + 1).any(|(_, later)| {
        later.resources_list().iter().any(|w| {
            let (wr, wg) = parse_group_resource(w.name.trim());
            wr == "*"
                && entry.resources_list().iter().any(|r| {
                    let (_, g) = parse_group_resource(r.name.trim());
                    wg == "*" || wg == g
                })
        })
    })
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, entry) in ctx.entries() {
        let kinds = element_kinds(entry);
        let Some(&(ProviderKind::Identity, range, _)) = kinds.first() else {
            continue;
        };
        // Without the full lints (the page), this is the plain EC0404 note it always was.
        let full = cfg!(feature = "full-lints");
        if kinds.iter().any(|(k, _, _)| *k != ProviderKind::Identity)
            || (full && covers_secrets(entry))
        {
            // Secrets left unencrypted are EC0406's warning.
            continue;
        }
        if full && opts_out(ctx, i, entry) {
            out.push(ctx.report(
                range,
                format!("resources[{i}] only has `identity`: it opts these resources out of a later wildcard"),
            ));
            continue;
        }
        let d = ctx
            .report(
                range,
                format!("resources[{i}] only has `identity`: its resources are stored unencrypted"),
            )
            .help("put an encrypting provider first, or list these resources before a wildcard to opt them out");
        out.push(if full {
            d.severity(Severity::Warning)
        } else {
            d
        });
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
    #[cfg(feature = "full-lints")]
    fn an_opt_out_before_a_wildcard_is_info_and_a_lone_one_a_warning() {
        use crate::diagnostic::Severity;
        let lone =
            format!("{HEAD}resources:\n- resources: [events]\n  providers:\n  - identity: {{}}\n");
        assert_eq!(run(&lone, "EC0404")[0].severity, Severity::Warning);
        let opt_out = format!("{lone}- resources: ['*.*']\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        let found = run(&opt_out, "EC0404");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].message.contains("opts"));
    }

    #[test]
    fn an_entry_that_encrypts_is_not_identity_only() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n  - identity: {{}}\n");
        assert!(run(&text, "EC0404").is_empty());
    }
}
