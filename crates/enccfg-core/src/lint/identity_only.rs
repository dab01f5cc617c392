//! EC0404 identity-only: an entry whose providers are all `identity` stores its resources in
//! plaintext (intended when it opts resources out before a wildcard).

use rustc_hash::FxHashMap as HashMap;

use super::{covers_secrets, element_kinds, Context};
use crate::decode::model::{Config, Entry, ProviderKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::validate::parse_group_resource;

/// For each group a wildcard `*.<group>` names (`*` for `*.*`), the last entry that names it:
/// "does a later entry's wildcard cover this entry?" becomes a lookup (a scan of every later
/// entry for each identity-only entry was quadratic).
fn last_wildcards(config: &Config) -> HashMap<&str, usize> {
    let mut last = HashMap::default();
    for (i, entry) in config.resources_list().iter().enumerate() {
        for w in entry.resources_list() {
            let (wr, wg) = parse_group_resource(w.name.trim());
            if wr == "*" {
                last.insert(wg, i);
            }
        }
    }
    last
}

/// Whether a later entry's wildcard covers one of `entry`'s names: the entry is then an opt-out.
fn opts_out(last: &HashMap<&str, usize>, i: usize, entry: &Entry) -> bool {
    let later = |group: &str| last.get(group).is_some_and(|&at| at > i);
    entry.resources_list().iter().any(|r| {
        let (_, g) = parse_group_resource(r.name.trim());
        later("*") || later(g)
    })
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Without the full lints (the page), this is the plain EC0404 note it always was.
    let full = cfg!(feature = "full-lints");
    let last = full.then(|| last_wildcards(ctx.config));
    for (i, entry) in ctx.entries() {
        let kinds = element_kinds(entry);
        let Some(&(ProviderKind::Identity, range, _)) = kinds.first() else {
            continue;
        };
        if kinds.iter().any(|(k, _, _)| *k != ProviderKind::Identity)
            || (full && covers_secrets(entry))
        {
            // Secrets left unencrypted are EC0406's warning.
            continue;
        }
        if last.as_ref().is_some_and(|last| opts_out(last, i, entry)) {
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
        // A wildcard before the entry does not make it an opt-out; one of another group neither.
        let before = format!("{HEAD}resources:\n- resources: ['*.*']\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n- resources: [events]\n  providers:\n  - identity: {{}}\n");
        assert_eq!(run(&before, "EC0404")[0].severity, Severity::Warning);
        let other = format!("{lone}- resources: ['*.apps']\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert_eq!(run(&other, "EC0404")[0].severity, Severity::Warning);
        let same = format!("{HEAD}resources:\n- resources: [deployments.apps]\n  providers:\n  - identity: {{}}\n- resources: ['*.apps']\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n");
        assert_eq!(run(&same, "EC0404")[0].severity, Severity::Info);
    }

    #[test]
    fn an_entry_that_encrypts_is_not_identity_only() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {KEY32}}}]\n  - identity: {{}}\n");
        assert!(run(&text, "EC0404").is_empty());
    }
}
