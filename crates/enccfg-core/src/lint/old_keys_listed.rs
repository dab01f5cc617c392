//! EC0411 old-keys-listed: the write provider lists more than one key. Only the first key
//! encrypts; the others only decrypt data not yet rewritten (facts 7.2, 11.4).

use super::{element_kinds, Context};
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, entry) in ctx.entries() {
        // The write provider is the entry's first element.
        let Some(&(kind, _, _)) = element_kinds(entry).first() else {
            continue;
        };
        // Its body of that kind, looked up in place (a search of every body in the file for
        // each entry was quadratic: 5.6G instructions on a 10 MB file).
        let Some(body) = entry
            .providers_list()
            .first()
            .and_then(|first| first.keys_of(kind))
        else {
            continue;
        };
        let keys = body.value.keys_list();
        let Some(second) = keys.get(1) else {
            continue;
        };
        let resource = entry
            .resources_list()
            .first()
            .map_or("secrets", |r| r.name.as_str());
        let rewrite = if ctx.options.effective_minor() >= crate::plan::SVM_GA_MINOR {
            "a StorageVersionMigration per resource".to_string()
        } else {
            format!("`kubectl get {resource} --all-namespaces -o json | kubectl replace -f -`")
        };
        out.push(
            ctx.report(
                second.head,
                format!(
                    "resources[{i}] writes with its first key; {} older key(s) only decrypt",
                    keys.len() - 1
                ),
            )
            .help(format!(
                "once every object is rewritten ({rewrite}), remove the older keys"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD};

    const A: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    const B: &str = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    #[test]
    fn a_second_key_in_the_write_provider_is_reported_with_the_rewrite() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys:\n      - {{name: new, secret: {A}}}\n      - {{name: old, secret: {B}}}\n");
        let found = run(&text, "EC0411");
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("StorageVersionMigration"));
        let old = crate::options::Options {
            minor: 30,
            ..Default::default()
        };
        let found = super::super::test_support::run_with(&text, &old, "EC0411");
        assert!(found[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("kubectl get secrets"));
    }

    #[test]
    fn one_key_or_old_keys_in_a_read_provider_are_fine() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: new, secret: {A}}}]\n  - aescbc:\n      keys: [{{name: a, secret: {A}}}, {{name: b, secret: {B}}}]\n");
        assert!(run(&text, "EC0411").is_empty());
    }
}
