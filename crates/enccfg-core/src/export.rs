//! Canonical export: the typed model written back as YAML with `serde_yaml` (stable field
//! order, two-space indent). Comments and layout do not survive; the editor-preserving path is
//! `fix::fix_text`.

use serde_yaml::{Mapping, Value};

use crate::decode::model::{Config, Keys, Kms};
use crate::options::Options;
use crate::{decode, syntax};

fn map(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Mapping::new();
    for (k, v) in pairs {
        m.insert(Value::String(k.to_string()), v);
    }
    Value::Mapping(m)
}

fn string(s: &str) -> Value {
    Value::String(s.to_string())
}

/// The canonical YAML of `text`, or `None` when it does not decode.
pub fn canonical_yaml(text: &str, options: &Options) -> Option<String> {
    let root = syntax::parse(text).root?;
    let config = decode::decode(&root, options).config?;
    serde_yaml::to_string(&to_value(&config)).ok()
}

fn to_value(config: &Config) -> Value {
    let entries = config
        .resources
        .as_ref()
        .map(|f| f.value.as_slice())
        .unwrap_or(&[]);
    let resources: Vec<Value> = entries
        .iter()
        .map(|entry| {
            let names = entry
                .resources
                .iter()
                .flat_map(|r| r.value.iter())
                .map(|n| string(&n.name))
                .collect();
            let providers = entry
                .providers
                .iter()
                .flat_map(|p| p.value.iter())
                .map(|p| {
                    let mut pairs = Vec::new();
                    if let Some(f) = &p.aesgcm {
                        pairs.push(("aesgcm", keys(&f.value)));
                    }
                    if let Some(f) = &p.aescbc {
                        pairs.push(("aescbc", keys(&f.value)));
                    }
                    if let Some(f) = &p.secretbox {
                        pairs.push(("secretbox", keys(&f.value)));
                    }
                    if p.identity.is_some() {
                        pairs.push(("identity", Value::Mapping(Mapping::new())));
                    }
                    if let Some(f) = &p.kms {
                        pairs.push(("kms", kms(&f.value)));
                    }
                    map(pairs)
                })
                .collect();
            map(vec![
                ("resources", Value::Sequence(names)),
                ("providers", Value::Sequence(providers)),
            ])
        })
        .collect();
    map(vec![
        ("apiVersion", string("apiserver.config.k8s.io/v1")),
        ("kind", string("EncryptionConfiguration")),
        ("resources", Value::Sequence(resources)),
    ])
}

fn keys(body: &Keys) -> Value {
    let keys = body
        .keys
        .iter()
        .flat_map(|k| k.value.iter())
        .map(|k| {
            map(vec![
                (
                    "name",
                    string(k.name.as_ref().map_or("", |f| f.value.as_str())),
                ),
                (
                    "secret",
                    string(k.secret.as_ref().map_or("", |f| f.value.as_str())),
                ),
            ])
        })
        .collect();
    map(vec![("keys", Value::Sequence(keys))])
}

fn kms(k: &Kms) -> Value {
    let mut pairs = Vec::new();
    if let Some(f) = &k.api_version {
        pairs.push(("apiVersion", string(&f.value)));
    }
    pairs.push(("name", string(k.name_text())));
    pairs.push(("endpoint", string(k.endpoint_text())));
    if let Some(f) = &k.cachesize {
        pairs.push(("cachesize", Value::Number(f.value.into())));
    }
    if let Some(f) = &k.timeout {
        pairs.push(("timeout", string(&go_duration(f.value))));
    }
    map(pairs)
}

/// Go's `time.Duration.String()` for whole-unit values (`3s`, `1m30s`, `500ms`).
pub(crate) fn go_duration(nanos: i64) -> String {
    if nanos == 0 {
        return "0s".into();
    }
    let sign = if nanos < 0 { "-" } else { "" };
    let n = nanos.unsigned_abs();
    if n < 1_000_000_000 {
        let (value, unit) = if n % 1_000_000 == 0 {
            (n / 1_000_000, "ms")
        } else if n % 1_000 == 0 {
            (n / 1_000, "µs")
        } else {
            (n, "ns")
        };
        return format!("{sign}{value}{unit}");
    }
    let (h, rest) = (n / 3_600_000_000_000, n % 3_600_000_000_000);
    let (m, rest) = (rest / 60_000_000_000, rest % 60_000_000_000);
    let seconds = rest as f64 / 1e9;
    let mut out = String::from(sign);
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if h > 0 || m > 0 {
        out.push_str(&format!("{m}m"));
    }
    out.push_str(&format!("{seconds}s"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn durations_print_like_go() {
        assert_eq!(go_duration(3_000_000_000), "3s");
        assert_eq!(go_duration(90_000_000_000), "1m30s");
        assert_eq!(go_duration(1_500_000_000), "1.5s");
        assert_eq!(go_duration(500_000_000), "500ms");
        assert_eq!(go_duration(3_600_000_000_000), "1h0m0s");
    }

    #[test]
    fn canonical_output_reanalyses_to_the_same_verdict_and_drops_comments() {
        let text = "# comment\nkind: EncryptionConfiguration\napiVersion: apiserver.config.k8s.io/v1\nresources:\n- resources: [secrets]  # inline\n  providers:\n  - kms: {apiVersion: v2, name: k, endpoint: 'unix:///k.sock', timeout: 90s}\n  - identity: {}\n";
        let out = canonical_yaml(text, &Options::default()).unwrap();
        assert!(
            out.starts_with(
                "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n"
            ),
            "{out}"
        );
        assert!(!out.contains('#'));
        assert!(out.contains("timeout: 1m30s"));
        assert!(
            out.contains("  - identity: {}") || out.contains("- identity: {}"),
            "{out}"
        );
        assert!(analyze(&out, &Options::default()).accepted, "{out}");
        assert!(canonical_yaml("a: [", &Options::default()).is_none());
    }
}
