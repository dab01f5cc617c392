//! EC0408 key-material-reused: the same key bytes appear in two keys (of one provider, of
//! several providers or of several entries). Never names the key material, only where it is.

use rustc_hash::FxHashMap as HashMap;

use super::{keyed, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::validate::decode_secret;

/// Where a key is: `resources[entry].providers[index].kind.keys[key]` once displayed, which is
/// only when a finding names it (not for every key of the file).
#[derive(Clone, Copy)]
struct Place<'a> {
    entry: usize,
    index: usize,
    kind: &'a str,
    key: usize,
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Place {
            entry,
            index,
            kind,
            key,
        } = self;
        write!(
            f,
            "resources[{entry}].providers[{index}].{kind}.keys[{key}]"
        )
    }
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Every key material seen so far: where it was first (with its provider kind) and its name.
    let mut seen: HashMap<Vec<u8>, (Place<'_>, &str)> = HashMap::default();
    for body in keyed(ctx.config) {
        for (k, key) in body.keys.value.keys_list().iter().enumerate() {
            let Some(secret) = key.secret.as_ref() else {
                continue;
            };
            let Some(bytes) = decode_secret(&secret.value).filter(|b| !b.is_empty()) else {
                continue;
            };
            let name = key.name.as_ref().map_or("", |f| f.value.as_str());
            let kind = body.kind.as_str();
            let here = Place {
                entry: body.entry,
                index: body.index,
                kind,
                key: k,
            };
            if let Some((first, first_name)) = seen.get(&bytes) {
                // The same provider and key copied into another entry is a common, deliberate
                // layout; other reuse (another algorithm, another name) is a warning.
                let copy = first.kind == kind && *first_name == name;
                let d = ctx
                    .report(
                        secret.value_range,
                        format!("{here} has the same key material as {first}"),
                    )
                    .help(
                        "give every key its own random bytes: `head -c 32 /dev/urandom | base64`",
                    );
                out.push(if copy { d.severity(Severity::Info) } else { d });
                continue;
            }
            seen.insert(bytes, (here, name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};
    use crate::diagnostic::Severity;

    const OTHER: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    #[test]
    fn the_same_bytes_in_two_providers_are_reported_without_the_key() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: a, secret: {OTHER}}}]\n  - aescbc:\n      keys: [{{name: b, secret: {OTHER}}}]\n");
        let found = run(&text, "EC0408");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(!found[0].message.contains(OTHER));
        assert!(found[0].message.contains("providers[1].aescbc"));
    }

    #[test]
    fn distinct_keys_are_not_reported_and_a_copied_provider_is_info() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: a, secret: {OTHER}}}, {{name: b, secret: {KEY32}}}]\n");
        assert!(run(&text, "EC0408").is_empty());
        let copied = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - secretbox:\n      keys: [{{name: a, secret: {OTHER}}}]\n- resources: [configmaps]\n  providers:\n  - secretbox:\n      keys: [{{name: a, secret: {OTHER}}}]\n");
        let found = run(&copied, "EC0408");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
    }
}
