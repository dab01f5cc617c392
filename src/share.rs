//! The serialised playground state: the share-link payload (`#s=<payload>`, where payload is
//! `1.` + base64url(raw deflate(JSON))) and the autosaved draft (the same JSON, uncompressed).
//! Pure: the raw deflate itself is the browser's (`CompressionStream('deflate-raw')`, in
//! `services/share_link.rs`), so no compressor is compiled into the page; this module checks
//! the version and the base64url around it, and reads the JSON inside. Decoding is total and
//! bounded (a hostile link gives an error, never a hang or a panic).

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use enccfg_core::redact;
use enccfg_core::report::quote;
use enccfg_core::{Analysis, Options, NEWEST_MINOR};

use crate::state::Request;

use crate::json::{self, Json};

/// The payload format this build writes (and the only one it reads).
pub const VERSION: &str = "1";
/// Links longer than this are too long for chat apps (Discord's limit is about 2,000).
pub const LONG_LINK: usize = 2_000;
/// Nobody shares more than this; larger payloads are refused before decompression ends.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// What a link or a draft carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub yaml: String,
    pub options: Options,
    /// Key material was replaced by placeholders.
    pub redacted: bool,
}

/// Why a link could not be opened (shown to the user as is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Made by a newer (or unknown) version of the playground.
    UnknownVersion(String),
    /// Cut short, edited, or not a playground link at all.
    Malformed(&'static str),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::UnknownVersion(v) => write!(
                f,
                "This share link uses format {}, which this version of the playground does not know (it reads format {}). Your draft was left as it was.",
                quote(v),
                quote(VERSION)
            ),
            ShareError::Malformed(why) => write!(
                f,
                "This share link is damaged ({why}); it may have been cut short when it was copied. Your draft was left as it was."
            ),
        }
    }
}

impl Snapshot {
    /// The state to share or save: key material redacted unless `with_keys`. `fresh` is the
    /// analysis of exactly `text`, when there is one (otherwise the text is analysed here, so
    /// a stale analysis can never leave a key unredacted). `None` when the text must be
    /// analysed and the engine has not loaded yet (`engine::ready` waits for it).
    pub fn of(
        text: &str,
        options: Options,
        fresh: Option<&Analysis>,
        with_keys: bool,
    ) -> Option<Snapshot> {
        let redacted = if with_keys {
            None
        } else {
            let computed;
            let analysis = match fresh {
                Some(a) => a,
                None => {
                    let request = Request {
                        options,
                        ..Request::default()
                    };
                    computed = crate::engine::analyse(text, request)?.0;
                    &computed
                }
            };
            redact::has_key_material(text, &analysis.secret_ranges)
                .then(|| redact::redact(text, &analysis.secret_ranges))
        };
        Some(Snapshot {
            redacted: redacted.is_some(),
            yaml: redacted.unwrap_or_else(|| text.to_string()),
            options,
        })
    }

    pub fn to_json(&self) -> Json {
        let mut members = vec![
            ("yaml".to_string(), Json::String(self.yaml.clone())),
            (
                "k8s".to_string(),
                Json::String(format!("1.{}", self.options.effective_minor())),
            ),
        ];
        if self.options.reload {
            members.push(("reload".into(), Json::Bool(true)));
        }
        if let Some(gate) = self.options.kmsv1_gate {
            members.push(("kmsv1".into(), Json::Bool(gate)));
        }
        if let Some(gate) = self.options.kmsv2_gate {
            members.push(("kmsv2".into(), Json::Bool(gate)));
        }
        if self.options.template {
            members.push(("template".into(), Json::Bool(true)));
        }
        if self.redacted {
            members.push(("redacted".into(), Json::Bool(true)));
        }
        Json::Object(members)
    }

    /// Reads the JSON form; unknown members are ignored, missing options take their defaults.
    pub fn from_json(value: &Json) -> Option<Snapshot> {
        let yaml = value.get("yaml")?.as_str()?.to_string();
        let minor = value
            .get("k8s")
            .and_then(Json::as_str)
            .and_then(Options::parse_version)
            .unwrap_or(NEWEST_MINOR);
        let flag = |key| value.get(key).and_then(Json::as_bool);
        Some(Snapshot {
            yaml,
            options: Options {
                minor,
                reload: flag("reload").unwrap_or(false),
                kmsv1_gate: flag("kmsv1"),
                kmsv2_gate: flag("kmsv2"),
                template: flag("template").unwrap_or(false),
            },
            redacted: flag("redacted").unwrap_or(false),
        })
    }

    /// The JSON a link carries, to be raw-deflated into [`Snapshot::payload`].
    pub fn link_json(&self) -> Vec<u8> {
        self.to_json().encode().into_bytes()
    }

    /// The `#s=` payload around raw-deflated [`Snapshot::link_json`].
    pub fn payload(deflated: &[u8]) -> String {
        format!("{VERSION}.{}", BASE64URL.encode(deflated))
    }

    /// The raw-deflated JSON inside a `#s=` payload, once its version and encoding check out.
    pub fn deflated(payload: &str) -> Result<Vec<u8>, ShareError> {
        let Some((version, data)) = payload.split_once('.') else {
            return Err(ShareError::Malformed("no format version"));
        };
        if version != VERSION {
            let shown: String = version.chars().take(12).collect();
            return Err(ShareError::UnknownVersion(shown));
        }
        if data.len() > MAX_TEXT_BYTES {
            return Err(ShareError::Malformed("too long"));
        }
        BASE64URL
            .decode(data.trim())
            .map_err(|_| ShareError::Malformed("not base64url"))
    }

    /// Reads the inflated JSON of a payload.
    pub fn from_link_json(bytes: Vec<u8>) -> Result<Snapshot, ShareError> {
        let text = String::from_utf8(bytes).map_err(|_| ShareError::Malformed("not text"))?;
        let value = json::parse(&text).map_err(|_| ShareError::Malformed("not JSON"))?;
        Snapshot::from_json(&value).ok_or(ShareError::Malformed("no YAML inside"))
    }

    /// The saved-draft form.
    pub fn to_draft(&self) -> String {
        self.to_json().encode()
    }

    pub fn from_draft(text: &str) -> Option<Snapshot> {
        Snapshot::from_json(&json::parse(text).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The browser deflates (`services/share_link.rs`); natively the tests use another raw
    // deflate, as the documented Python and Node snippets do: the format is what is tested.
    impl Snapshot {
        fn encode(&self) -> String {
            Snapshot::payload(&miniz_oxide::deflate::compress_to_vec(&self.link_json(), 9))
        }

        fn decode(payload: &str) -> Result<Snapshot, ShareError> {
            let deflated = Snapshot::deflated(payload)?;
            let json =
                miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_TEXT_BYTES)
                    .map_err(|_| ShareError::Malformed("cannot be decompressed"))?;
            Snapshot::from_link_json(json)
        }
    }

    fn sample() -> Snapshot {
        Snapshot {
            yaml: crate::examples::find("rotation").unwrap().text.to_string(),
            options: Options {
                minor: 29,
                reload: true,
                kmsv1_gate: Some(true),
                kmsv2_gate: None,
                template: false,
            },
            redacted: true,
        }
    }

    #[test]
    fn the_kmsv2_gate_travels_in_the_link() {
        let s = Snapshot {
            yaml: "a: 1\n".into(),
            options: Options {
                minor: 28,
                kmsv2_gate: Some(false),
                ..Options::default()
            },
            redacted: false,
        };
        assert!(s.to_json().encode().contains(r#""kmsv2":false"#));
        assert_eq!(Snapshot::decode(&s.encode()), Ok(s));
    }

    #[test]
    fn template_mode_travels_in_the_link() {
        let s = Snapshot {
            yaml: "secret: {{ token }}\n".into(),
            options: Options {
                template: true,
                ..Options::default()
            },
            redacted: false,
        };
        assert!(s.to_json().encode().contains(r#""template":true"#));
        assert_eq!(Snapshot::decode(&s.encode()), Ok(s.clone()));
        let off = Snapshot {
            options: Options::default(),
            ..s
        };
        assert!(!off.to_json().encode().contains("template"));
    }

    #[test]
    fn payloads_round_trip_and_are_compressed() {
        let s = sample();
        let payload = s.encode();
        assert!(payload.starts_with("1."));
        assert!(payload[2..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert!(payload.len() < s.yaml.len(), "{} chars", payload.len());
        assert_eq!(Snapshot::decode(&payload), Ok(s));
    }

    #[test]
    fn snapshots_redact_keys_unless_asked_not_to() {
        let text = crate::examples::find("rotation").unwrap().text;
        let options = Options::default();
        let analysis = enccfg_core::analyze(text, &options);
        let shared = Snapshot::of(text, options, Some(&analysis), false).unwrap();
        assert!(shared.redacted && shared.yaml.contains("secret: REDACTED0"));
        assert!(!shared
            .yaml
            .contains("XXGFma3B1en9ESU5TWF1iZ2xxdntARUpPVFleY2htck="));
        assert_eq!(
            Snapshot::of(text, options, None, false),
            Some(shared.clone())
        );
        let with_keys = Snapshot::of(text, options, None, true).unwrap();
        assert!(!with_keys.redacted && with_keys.yaml == text);
        let keyless = Snapshot::of(crate::DEFAULT_EXAMPLE, options, None, false).unwrap();
        assert!(!keyless.redacted, "nothing to redact in a KMS-only file");
    }

    #[test]
    fn defaults_are_omitted_and_restored() {
        let s = Snapshot {
            yaml: "a: 1\n".into(),
            options: Options::default(),
            redacted: false,
        };
        assert_eq!(s.to_json().encode(), r#"{"yaml":"a: 1\n","k8s":"1.37"}"#);
        assert_eq!(Snapshot::decode(&s.encode()), Ok(s.clone()));
        assert_eq!(Snapshot::from_draft(&s.to_draft()), Some(s));
    }

    #[test]
    fn unknown_versions_are_named() {
        let payload = sample().encode().replacen("1.", "7.", 1);
        assert_eq!(
            Snapshot::decode(&payload),
            Err(ShareError::UnknownVersion("7".into()))
        );
        let message = ShareError::UnknownVersion("7".into()).to_string();
        assert!(message.contains("format \"7\"") && message.contains("draft"));
    }

    #[test]
    fn damaged_payloads_are_refused() {
        let payload = sample().encode();
        let cut = &payload[..payload.len() / 2];
        for bad in [
            "",
            "1",
            "1.",
            "1.!!!!",
            cut,
            "1.aGVsbG8", // "hello", not deflate
            &format!(
                "1.{}",
                BASE64URL.encode(miniz_oxide::deflate::compress_to_vec(b"[1]", 6))
            ),
            &format!(
                "1.{}",
                BASE64URL.encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 6))
            ),
        ] {
            assert!(
                matches!(Snapshot::decode(bad), Err(ShareError::Malformed(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn decompression_bombs_are_cut_off() {
        let huge = vec![b' '; MAX_TEXT_BYTES + 10];
        let payload = format!(
            "1.{}",
            BASE64URL.encode(miniz_oxide::deflate::compress_to_vec(&huge, 9))
        );
        assert!(payload.len() < 10_000);
        assert!(matches!(
            Snapshot::decode(&payload),
            Err(ShareError::Malformed(_))
        ));
    }

    #[test]
    fn links_built_by_the_documented_python_and_node_snippets_open() {
        // docs/embedding.md: Python's zlib (raw deflate, wbits -15) and Node's deflateRawSync.
        for payload in [
            "1.HY3BCsIwEER_ZdmzRIIXyVX8BS_GQ0i3ZWndlN2mUMR_N_E2b3jDfPBI7wUDYFr5QWpcJEDLRrqTulxk5MnNV3NczruPMrMMAe6S9Vi3Zt_-RtXUIYqSlaqZLMDzFQVPgG3cD7y7-I5KS0lDazat9P0B",
            "1.HcrBCsIwDADQXyk5j0rxMnIVf8GL9VC6KKEzGck6GMN_Fz0-eAfs5T0DQln4RuasgqEs7GQbWawqT37FNnpkPW0pS2OZMFyl2r6srHL5j27lhyxGrt0qOYb7IwsM0EYHhBTPCQYwmrVMgKt1-nwB",
        ] {
            let s = Snapshot::decode(payload).unwrap();
            assert_eq!(
                s.yaml,
                "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: []\n"
            );
            assert_eq!((s.options.minor, s.options.reload, s.redacted), (31, true, false));
        }
    }

    #[test]
    fn unsupported_versions_fall_back_to_the_newest() {
        let value = json::parse(r#"{"yaml":"x","k8s":"1.99","extra":[1,{"a":null}]}"#).unwrap();
        let s = Snapshot::from_json(&value).unwrap();
        assert_eq!(s.options.minor, NEWEST_MINOR);
        assert!(Snapshot::from_json(&json::parse(r#"{"k8s":"1.30"}"#).unwrap()).is_none());
    }
}
