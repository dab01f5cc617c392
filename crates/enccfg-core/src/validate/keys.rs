//! KEY0–KEY4: the keys of `aesgcm`, `aescbc` and `secretbox`. Never quotes key material.

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

use super::Validator;
use crate::decode::model::{Field, Keys, ProviderKind};
use crate::diagnostic::FieldErrorType;
use crate::field_path::FieldPath;
use crate::registry;

/// Go's `base64.StdEncoding`: standard alphabet, padding required, trailing bits tolerated.
const GO_STD_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
);

/// Decodes a secret as kube-apiserver does (`\r` and `\n` are skipped). `None` if invalid.
/// Three lints and the validation decode every secret: without line breaks (the usual case)
/// the text is decoded as it is, with them their bytes are dropped (not a char at a time).
pub(crate) fn decode_secret(secret: &str) -> Option<Vec<u8>> {
    let breaks = |b: &u8| *b == b'\r' || *b == b'\n';
    if !secret.as_bytes().iter().any(breaks) {
        return GO_STD_BASE64.decode(secret.as_bytes()).ok();
    }
    let cleaned: Vec<u8> = secret.bytes().filter(|b| !breaks(b)).collect();
    GO_STD_BASE64.decode(&cleaned).ok()
}

pub(crate) fn validate_keys(
    v: &mut Validator,
    field: &Field<Keys>,
    kind: ProviderKind,
    path: &FieldPath<'_>,
    sizes: &[usize],
) {
    let keys = field.value.keys_list();
    if keys.is_empty() {
        let range = field
            .value
            .keys
            .as_ref()
            .map_or(field.key, |f| f.best_range());
        v.report(
            &registry::KEYS_REQUIRED,
            range,
            path.to_string(),
            FieldErrorType::Required,
            format!("`{}` has no keys: at least one is required", kind.as_str()),
        )
        .help = Some("add `keys: [{name: key1, secret: <base64 of 32 random bytes>}]`".into());
        return;
    }
    for (k, key) in keys.iter().enumerate() {
        let key_path = path.index(k);
        if key.name.as_ref().is_none_or(|f| f.value.is_empty()) {
            let range = key.name.as_ref().map_or(key.head, |f| f.key);
            v.report(
                &registry::KEY_NAME_REQUIRED,
                range,
                format!("{key_path}.name"),
                FieldErrorType::Required,
                format!("key {k} of `{}` has no name", kind.as_str()),
            )
            .help = Some(
                "give the key a name such as `key1`; it is stored with every value it encrypts"
                    .into(),
            );
        }
        let secret = match &key.secret {
            Some(f) if !f.value.is_empty() => f,
            other => {
                let range = other.as_ref().map_or(key.head, |f| f.key);
                v.report(
                    &registry::KEY_SECRET_REQUIRED,
                    range,
                    format!("{key_path}.secret"),
                    FieldErrorType::Required,
                    format!("key {k} of `{}` has no secret", kind.as_str()),
                )
                .help = Some(format!(
                    "generate one with `head -c {} /dev/urandom | base64`",
                    sizes.last().copied().unwrap_or(32)
                ));
                continue;
            }
        };
        let Some(bytes) = decode_secret(&secret.value) else {
            v.report(
                &registry::KEY_SECRET_NOT_BASE64,
                secret.value_range,
                format!("{key_path}.secret"),
                FieldErrorType::Invalid,
                format!("the secret of key {k} is not standard base64"),
            )
            .help = Some(base64_help(&secret.value));
            continue;
        };
        if !sizes.contains(&bytes.len()) {
            let allowed = match sizes {
                [one] => format!("exactly {one} bytes"),
                [rest @ .., last] => format!(
                    "{} or {last} bytes",
                    rest.iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                [] => String::new(),
            };
            v.report(
                &registry::KEY_SECRET_LENGTH,
                secret.value_range,
                format!("{key_path}.secret"),
                FieldErrorType::Invalid,
                format!(
                    "the secret of key {k} decodes to {} bytes; `{}` accepts {}",
                    bytes.len(),
                    kind.as_str(),
                    allowed
                ),
            )
            .help = Some(placeholder_help(&secret.value).unwrap_or_else(|| {
                "generate a new key with `head -c 32 /dev/urandom | base64`".into()
            }));
        }
    }
}

/// "`${KEY}` is an unexpanded shell variable: …" when the secret is a placeholder (with the
/// lints: the page's bundle leaves it out).
#[cfg(not(feature = "full-lints"))]
fn placeholder_help(_: &str) -> Option<String> {
    None
}

/// "`${KEY}` is an unexpanded shell variable: …" when the secret is a placeholder.
#[cfg(feature = "full-lints")]
#[inline(never)]
fn placeholder_help(secret: &str) -> Option<String> {
    let kind = crate::placeholder::classify(secret)?;
    Some(format!(
        "`{}` is {}",
        crate::placeholder::shown(secret),
        crate::placeholder::secret_advice(kind)
    ))
}

/// Explains what is wrong with a secret without quoting it (a placeholder is quoted: it is not
/// key material).
fn base64_help(secret: &str) -> String {
    if let Some(help) = placeholder_help(secret) {
        return help;
    }
    let cleaned: String = secret
        .chars()
        .filter(|c| *c != '\r' && *c != '\n')
        .collect();
    if cleaned.contains(['-', '_']) {
        "it uses the URL-safe alphabet (`-`, `_`): re-encode it with standard base64 (`+`, `/`)"
            .into()
    } else if cleaned.contains([' ', '\t']) {
        "it contains spaces or tabs: remove them".into()
    } else if !cleaned.len().is_multiple_of(4) && !cleaned.ends_with('=') {
        "it looks unpadded: standard base64 is padded with `=` to a multiple of 4 characters".into()
    } else {
        "encode the key bytes with standard base64, e.g. `head -c 32 /dev/urandom | base64`".into()
    }
}

#[cfg(test)]
mod tests {
    use super::decode_secret;

    #[test]
    fn base64_follows_go_std_encoding() {
        assert_eq!(decode_secret("QUJD").as_deref(), Some(&b"ABC"[..]));
        assert_eq!(decode_secret("QUI=").as_deref(), Some(&b"AB"[..]));
        assert_eq!(
            decode_secret("QUJ=").as_deref(),
            Some(&b"AB"[..]),
            "trailing bits are tolerated"
        );
        assert_eq!(decode_secret("QU\nJD\r\n").as_deref(), Some(&b"ABC"[..]));
        assert!(decode_secret("QUI").is_none(), "padding is required");
        assert!(
            decode_secret("Q-_D").is_none(),
            "URL-safe alphabet is refused"
        );
        assert!(decode_secret("QU JD").is_none());
    }

    #[test]
    #[cfg(feature = "full-lints")]
    fn a_placeholder_secret_gets_placeholder_help_not_base64_advice() {
        let help = super::base64_help("${ENCRYPTION_KEY}");
        assert!(help.contains("unexpanded shell variable"), "{help}");
        assert!(!help.contains("URL-safe"), "{help}");
        let help = super::base64_help("YOUR_KEY");
        assert!(help.contains("placeholder"), "{help}");
        assert!(super::base64_help("Q-_D").contains("URL-safe"));
    }
}
