//! New keys for the local providers (`aescbc`, `aesgcm`, `secretbox`): their sizes, a dated
//! name, and the text edit that inserts one as the write key (first) or as a read-only key
//! (second) of a provider, keeping the file's layout and comments. The random bytes and the
//! date come from the caller (WebCrypto in the page, the OS in the CLI): the core has neither.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::loaded::{local_keys, Loaded};
use super::seq_edit::{self, NewItem};
use crate::canonical::scalar;
use crate::decode::model::ProviderKind;
use crate::diagnostic::TextRange;
use crate::fix::edits;
use crate::options::Options;

/// The key sizes (bytes) a provider accepts, the recommended one first: 32 for every provider;
/// `aescbc` and `aesgcm` also take 16 and 24, `secretbox` only 32.
pub fn key_sizes(provider: &str) -> &'static [usize] {
    match provider {
        "aescbc" | "aesgcm" => &[32, 24, 16],
        "secretbox" => &[32],
        _ => &[],
    }
}

/// Standard base64 with padding: what `secret:` holds.
pub fn encode_key(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// A key name for `date` (`2026-05-07` gives `key-20260507`) that no key in `taken` has yet.
pub fn dated_key_name(date: &str, taken: &[String]) -> String {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    let base = if digits.is_empty() {
        "key".to_string()
    } else {
        format!("key-{digits}")
    };
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|name| !taken.contains(name))
        .unwrap_or(base)
}

/// Every key name of the local providers in `text` (to name a new key apart from them).
pub fn key_names(text: &str) -> Vec<String> {
    let loaded = Loaded::new(text, &locating());
    let Some(config) = &loaded.config else {
        return Vec::new();
    };
    config
        .resources_list()
        .iter()
        .flat_map(|e| e.providers_list())
        .flat_map(local_keys)
        .filter_map(|k| k.name.as_ref().map(|f| f.value.clone()))
        .collect()
}

/// Where a new key goes in its provider's `keys`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyPosition {
    /// First: kube-apiserver writes with it from the next start or reload.
    Write,
    /// Second: it only reads, until it is moved first.
    ReadOnly,
}

/// The provider a new key goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyTarget {
    /// `aescbc`, `aesgcm` or `secretbox`.
    pub provider: &'static str,
    pub entry: usize,
    pub index: usize,
    /// The names its keys have now.
    pub key_names: Vec<String>,
    /// Where the provider is written.
    pub range: TextRange,
}

impl KeyTarget {
    /// The sizes this provider accepts, the recommended one first.
    pub fn sizes(&self) -> &'static [usize] {
        key_sizes(self.provider)
    }
}

/// A new key put into the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInsertion {
    pub text: String,
    /// The inserted key (`name: …` to the end of its secret) in `text`.
    pub selection: TextRange,
}

/// Finding the provider needs only the model: decode as 1.30 did (unknown fields ignored), so
/// a typo elsewhere does not hide the provider.
fn locating() -> Options {
    Options {
        minor: 30,
        ..Options::default()
    }
}

fn is_local(kind: ProviderKind) -> bool {
    matches!(
        kind,
        ProviderKind::Aescbc | ProviderKind::Aesgcm | ProviderKind::Secretbox
    )
}

/// The provider that gets a new key: the `aescbc`/`aesgcm`/`secretbox` provider at byte `caret`,
/// else the first one in the file.
pub fn key_target(text: &str, caret: Option<usize>) -> Result<KeyTarget, String> {
    let loaded = Loaded::new(text, &locating());
    let config = loaded.config.as_ref().ok_or(
        "the file does not decode yet: fix the errors shown, then generate the key".to_string(),
    )?;
    let mut first = None;
    for (e, entry) in config.resources_list().iter().enumerate() {
        for (i, provider) in entry.providers_list().iter().enumerate() {
            let Some((kind, _)) = provider.first_kind() else {
                continue;
            };
            if !is_local(kind) {
                continue;
            }
            let target = KeyTarget {
                provider: kind.as_str(),
                entry: e,
                index: i,
                key_names: local_keys(provider)
                    .iter()
                    .map(|k| k.name.as_ref().map_or("", |f| f.value.as_str()).to_string())
                    .collect(),
                range: provider.range,
            };
            let at_caret =
                caret.is_some_and(|c| provider.range.start() <= c && c <= provider.range.end());
            if at_caret {
                return Ok(target);
            }
            first.get_or_insert(target);
        }
    }
    first.ok_or_else(|| {
        "the file has no aescbc, aesgcm or secretbox provider to add a key to".to_string()
    })
}

/// Inserts the key `name`/`secret` into `target`'s `keys` at `position`.
pub fn insert_key(
    text: &str,
    target: &KeyTarget,
    name: &str,
    secret: &str,
    position: KeyPosition,
) -> Result<KeyInsertion, String> {
    let loaded = Loaded::new(text, &locating());
    let stale = || "the file changed: generate the key again".to_string();
    if loaded.json {
        return Err(
            "this file is JSON (it starts with `{`): write it as YAML (Export, canonical form) to add keys here"
                .into(),
        );
    }
    let provider = loaded
        .provider(target.entry, target.index)
        .ok_or_else(stale)?;
    let body = provider
        .first_kind()
        .filter(|(kind, _)| kind.as_str() == target.provider)
        .and_then(|(kind, _)| provider.keys_of(kind))
        .ok_or_else(stale)?;
    let keys = body.value.keys.as_ref().ok_or_else(|| {
        format!(
            "this {} provider has no `keys:` list to add to",
            target.provider
        )
    })?;
    let root = loaded.root.as_ref().ok_or_else(stale)?;
    let seq = seq_edit::sequence_at(root, keys.value_range)
        .ok_or_else(|| "the `keys:` value is not a list this tool can edit".to_string())?;
    let count = keys.value.len();
    let index = match position {
        KeyPosition::Write => 0,
        KeyPosition::ReadOnly => count.min(1),
    };
    let item = key_item(name, secret);
    let insertion = seq_edit::insert(text, seq, index, &item).ok_or_else(|| {
        "the layout around `keys:` is one this tool cannot edit safely; add the key by hand"
            .to_string()
    })?;
    Ok(KeyInsertion {
        text: edits::apply(text, std::slice::from_ref(&insertion.edit)),
        selection: insertion.item,
    })
}

/// A `keys` item in both styles.
pub(crate) fn key_item(name: &str, secret: &str) -> NewItem {
    let (name, secret) = (scalar(name), scalar(secret));
    NewItem {
        block: vec![format!("name: {name}"), format!("secret: {secret}")],
        flow: format!("{{name: {name}, secret: {secret}}}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_the_providers() {
        assert_eq!(key_sizes("secretbox"), &[32]);
        assert_eq!(key_sizes("aesgcm"), &[32, 24, 16]);
        assert_eq!(key_sizes("aescbc")[0], 32);
        assert!(key_sizes("kms").is_empty());
    }

    #[test]
    fn names_are_dated_and_unique() {
        assert_eq!(dated_key_name("2026-05-07", &[]), "key-20260507");
        let taken = vec!["key-20260507".to_string(), "key-20260507-2".to_string()];
        assert_eq!(dated_key_name("2026-05-07", &taken), "key-20260507-3");
        assert_eq!(dated_key_name("", &[]), "key");
    }

    #[test]
    fn every_local_key_name_is_listed() {
        let text = include_str!("../../../../static/examples/rotation.yaml");
        assert_eq!(key_names(text), ["key2", "key1"]);
        assert!(key_names("a: [").is_empty());
    }

    #[test]
    fn encoding_is_padded_standard_base64() {
        assert_eq!(encode_key(&[0xfb; 16]), "+/v7+/v7+/v7+/v7+/v7+w==");
    }
}
