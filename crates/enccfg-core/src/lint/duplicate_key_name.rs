//! EC0409 duplicate-key-name: two keys of one provider share a name. Stored values carry the
//! key's name, so reads try both keys and a rotation cannot tell old data from new.

use rustc_hash::FxHashMap as HashMap;

use super::{keyed, Context};
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for body in keyed(ctx.config) {
        let keys = body.keys.value.keys_list();
        // The first index of each name in this provider (a map: providers may list many keys).
        let mut first_of: HashMap<&str, usize> = HashMap::default();
        for (k, key) in keys.iter().enumerate() {
            let Some(name) = key.name.as_ref().filter(|n| !n.value.is_empty()) else {
                continue;
            };
            let first = *first_of.entry(name.value.as_str()).or_insert(k);
            if first != k {
                out.push(
                    ctx.report(
                        name.best_range(),
                        format!("keys[{k}] of this `{}` is named `{}` like keys[{first}]", body.kind.as_str(), name.value),
                    )
                    .help("give each key its own name (a dated one such as `key-2026-12`); never rename a key that encrypted data"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD};

    const A: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    const B: &str = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    #[test]
    fn a_repeated_key_name_is_reported_at_the_second() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {A}}}, {{name: k, secret: {B}}}]\n");
        let found = run(&text, "EC0409");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("keys[1]"));
    }

    #[test]
    fn distinct_names_or_names_in_other_providers_are_fine() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: k, secret: {A}}}, {{name: j, secret: {B}}}]\n  - aescbc:\n      keys: [{{name: k, secret: {B}}}]\n");
        assert!(run(&text, "EC0409").is_empty());
    }
}
