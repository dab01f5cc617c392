//! Values read from etcd, as people paste them: the raw value (`k8s:enc:aescbc:v1:key1:…`),
//! `etcdctl get` output (the key line, then the value), a hex dump (`hexdump -C`, `xxd`), the
//! base64 `value` of `etcdctl get -w json`, or an unencrypted object (JSON, or protobuf with
//! its `k8s\0` magic). Recognises the form, the prefix's provider and key name, and the etcd
//! key (which names the resource).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// What a stored value is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredForm {
    /// `k8s:enc:<provider>:<version>:<name>:` followed by ciphertext.
    Encrypted {
        /// `aescbc`, `aesgcm`, `secretbox` or `kms`.
        provider: &'static str,
        /// `v1`, or `v1`/`v2` for KMS.
        version: String,
        /// The key name (local providers) or the KMS `name`.
        name: String,
        /// The whole prefix, `k8s:enc:aescbc:v1:key1:`.
        prefix: String,
    },
    /// Unencrypted JSON (written by `identity`).
    PlainJson,
    /// Unencrypted protobuf (`k8s\0` magic; written by `identity`).
    PlainProtobuf,
}

impl StoredForm {
    /// The provider as the views name it: `aescbc:key1`, `kms:myKms`, `identity`.
    pub fn label(&self) -> String {
        match self {
            StoredForm::Encrypted { provider, name, .. } => format!("{provider}:{name}"),
            _ => "identity".into(),
        }
    }
}

/// A recognised stored value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredValue {
    pub form: StoredForm,
    /// The etcd key when the text has one (`/registry/secrets/default/db`).
    pub etcd_key: Option<String>,
}

const PROVIDERS: [&str; 4] = ["aescbc", "aesgcm", "secretbox", "kms"];

/// The bytes of a hex dump (`hexdump -C`, `xxd`), if `text` is one.
fn from_hex_dump(text: &str) -> Option<String> {
    let mut bytes = Vec::new();
    for line in text.lines() {
        let line = line.split('|').next().unwrap_or("");
        let mut tokens = line.split_whitespace();
        let Some(offset) = tokens.next() else {
            continue;
        };
        let offset = offset.trim_end_matches(':');
        if offset.len() < 7 || !offset.chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        for token in tokens {
            if !(token.len() == 2 || token.len() == 4)
                || !token.chars().all(|c| c.is_ascii_hexdigit())
            {
                break;
            }
            for pair in token.as_bytes().chunks(2) {
                let pair = std::str::from_utf8(pair).ok()?;
                bytes.push(u8::from_str_radix(pair, 16).ok()?);
            }
        }
    }
    (!bytes.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned())
}

/// Texts that base64-decode to something that looks stored (etcd's JSON output).
fn from_base64(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || c == '"' || c == ',')
        .filter(|t| t.len() >= 12)
        .find_map(|token| {
            let bytes = STANDARD.decode(token.trim_matches('"')).ok()?;
            let looks_stored = bytes.starts_with(b"k8s:enc:")
                || bytes.starts_with(b"k8s\0")
                || bytes.starts_with(b"{");
            looks_stored.then(|| String::from_utf8_lossy(&bytes).into_owned())
        })
}

fn etcd_key(text: &str) -> Option<String> {
    let at = text.find("/registry/")?;
    let key: String = text
        .get(at..)?
        .chars()
        .take_while(|c| !c.is_whitespace() && !"\"'`,".contains(*c))
        .collect();
    Some(key)
}

/// The `k8s:enc:…` prefix in `text`; `names` are key and KMS names a file knows (a KMS v1
/// name may contain `:`, so the longest known name that fits wins).
fn encrypted(text: &str, names: &[String]) -> Option<StoredForm> {
    let at = text.find("k8s:enc:")?;
    let rest = text.get(at + "k8s:enc:".len()..)?;
    let (provider, rest) = rest.split_once(':')?;
    let provider = PROVIDERS.into_iter().find(|p| *p == provider)?;
    let (version, rest) = rest.split_once(':').unwrap_or((rest, ""));
    let known = names
        .iter()
        .filter(|n| !n.is_empty() && rest.starts_with(&format!("{n}:")))
        .max_by_key(|n| n.len());
    let name = match known {
        Some(name) => name.clone(),
        None => rest
            .split(|c: char| c == ':' || c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_string(),
    };
    Some(StoredForm::Encrypted {
        provider,
        version: version.to_string(),
        prefix: format!("k8s:enc:{provider}:{version}:{name}:"),
        name,
    })
}

fn plaintext(text: &str) -> Option<StoredForm> {
    for line in text.lines().map(str::trim) {
        if line.starts_with('{') && (line.contains("\"kind\"") || line.contains("\"apiVersion\"")) {
            return Some(StoredForm::PlainJson);
        }
        let Some(after) = line.strip_prefix("k8s") else {
            continue;
        };
        if after.is_empty()
            || after.starts_with(['\0', '\u{fffd}'])
            || after.starts_with("\\x00")
            || after.starts_with("\\u0000")
            || after.starts_with(|c: char| c.is_control())
        {
            return Some(StoredForm::PlainProtobuf);
        }
    }
    None
}

/// Recognises a stored value in `text`, if there is one.
pub fn recognise(text: &str, names: &[String]) -> Option<StoredValue> {
    let decoded = from_hex_dump(text).or_else(|| from_base64(text));
    let candidates = decoded.iter().map(String::as_str).chain([text]);
    let mut form = None;
    for candidate in candidates {
        form = encrypted(candidate, names).or_else(|| {
            let rest = candidate
                .lines()
                .filter(|l| !l.trim_start().starts_with("/registry/"));
            plaintext(&rest.collect::<Vec<_>>().join("\n"))
        });
        if form.is_some() {
            break;
        }
    }
    Some(StoredValue {
        form: form?,
        etcd_key: decoded
            .as_deref()
            .and_then(etcd_key)
            .or_else(|| etcd_key(text)),
    })
}

/// The resource an etcd key names, as `resource` or `resource.group`: `/registry/secrets/ns/n`
/// is `secrets`; `/registry/<group>/<resource>/…` when the first part has a dot (custom
/// resources, some built-in groups); a few built-in resources live under other names.
pub fn resource_of_key(key: &str) -> Option<String> {
    let path = key.strip_prefix("/registry/")?;
    let mut parts = path.split('/');
    let first = parts.next().filter(|p| !p.is_empty())?;
    let second = parts.next();
    Some(match (first, second) {
        ("minions", _) => "nodes".into(),
        ("services", Some("specs")) => "services".into(),
        ("services", Some("endpoints")) => "endpoints".into(),
        (
            "deployments" | "replicasets" | "daemonsets" | "statefulsets" | "controllerrevisions",
            _,
        ) => {
            format!("{first}.apps")
        }
        ("jobs" | "cronjobs", _) => format!("{first}.batch"),
        (group, Some(resource)) if group.contains('.') && !resource.is_empty() => {
            format!("{resource}.{group}")
        }
        _ => first.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_split_into_provider_version_and_name() {
        let v = recognise("k8s:enc:aescbc:v1:key1:\u{1}\u{2}garbage", &[]).unwrap();
        assert_eq!(v.form.label(), "aescbc:key1");
        let v = recognise("k8s:enc:kms:v1:team:kms:xyz", &["team:kms".to_string()]).unwrap();
        assert_eq!(v.form.label(), "kms:team:kms");
        assert!(recognise("k8s:enc:rot13:v1:x:", &[]).is_none());
    }

    #[test]
    fn dumps_and_base64_are_decoded() {
        let dump = "00000000  2f 72 65 67 69 73 74 72  79 2f 73 65 63 72 65 74  |/registry/secret|\n00000010  73 2f 64 2f 73 0a 6b 38  73 3a 65 6e 63 3a 6b 6d  |s/d/s.k8s:enc:km|\n00000020  73 3a 76 32 3a 6d 79 4b  6d 73 3a 0a              |s:v2:myKms:.|\n";
        let v = recognise(dump, &[]).unwrap();
        assert_eq!(v.form.label(), "kms:myKms");
        assert_eq!(v.etcd_key.as_deref(), Some("/registry/secrets/d/s"));
        let b64 = STANDARD.encode("k8s:enc:secretbox:v1:key2:abc");
        let v = recognise(&format!("{{\"value\":\"{b64}\"}}"), &[]).unwrap();
        assert_eq!(v.form.label(), "secretbox:key2");
    }

    #[test]
    fn plaintext_is_identity() {
        let json = "/registry/configmaps/default/c\n{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\"}";
        let v = recognise(json, &[]).unwrap();
        assert_eq!(v.form, StoredForm::PlainJson);
        assert_eq!(v.form.label(), "identity");
        let proto = recognise(
            "/registry/secrets/default/db\nk8s\u{0}\n\u{c}\n\u{2}v1\u{12}\u{6}Secret",
            &[],
        )
        .unwrap();
        assert_eq!(proto.form, StoredForm::PlainProtobuf);
        assert!(recognise("hello world", &[]).is_none());
    }

    #[test]
    fn etcd_keys_name_resources() {
        assert_eq!(
            resource_of_key("/registry/secrets/default/db").as_deref(),
            Some("secrets")
        );
        assert_eq!(
            resource_of_key("/registry/deployments/ns/web").as_deref(),
            Some("deployments.apps")
        );
        assert_eq!(
            resource_of_key("/registry/example.com/widgets/ns/w").as_deref(),
            Some("widgets.example.com")
        );
        assert_eq!(
            resource_of_key("/registry/services/endpoints/ns/s").as_deref(),
            Some("endpoints")
        );
        assert_eq!(resource_of_key("/etc/x"), None);
    }
}
