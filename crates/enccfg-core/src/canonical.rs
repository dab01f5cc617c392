//! The canonical form: the typed model written back as YAML in one stable layout (field order
//! of the Kubernetes docs, two-space indent, indented lists). Comments and layout do not
//! survive; meaning does (the same verdict, the same providers in the same elements). Written by hand rather than with `serde_yaml`:
//! the schema is fixed and small, and serde_yaml's emitter cost 22 KB brotli of the page bundle
//! (measured with `scripts/budget.sh`).

use crate::decode::model::{Config, Keys, Kms, Provider};
use crate::diagnostic::{Diagnostic, Severity};
use crate::options::Options;
use crate::syntax::{resolve, Resolved, ScalarStyle};
use crate::{decode, syntax};

/// The canonical YAML of `text`, or `None` when it has no canonical form: it does not read or
/// decode without errors (writing the model back would silently drop what kube-apiserver
/// refuses, such as an unknown field from 1.31, and turn a refused file into an accepted one).
pub fn canonical_yaml(text: &str, options: &Options) -> Option<String> {
    let source = crate::source::Source::from_text(text);
    let parsed = syntax::parse(&source);
    if has_error(&parsed.diagnostics) {
        return None;
    }
    let decoded = decode::decode(&parsed.root?, options, source.json);
    if has_error(&decoded.diagnostics) {
        return None;
    }
    Some(emit(&decoded.config?))
}

fn has_error(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

fn emit(config: &Config) -> String {
    let mut out = String::from(
        "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n",
    );
    for entry in config.resources_list() {
        out.push_str("  - resources:\n");
        for name in entry.resources_list() {
            out.push_str(&format!("      - {}\n", scalar(&name.name)));
        }
        out.push_str("    providers:\n");
        for p in entry.providers_list() {
            provider_element(&mut out, p);
        }
    }
    out
}

/// One element of `providers`, with every provider it sets, in the order of the docs. An
/// element that sets two providers stays one element (splitting it is EC0213's unsafe fix,
/// which changes which provider encrypts), and one that sets none is written `- {}`.
fn provider_element(out: &mut String, p: &Provider) {
    let mut bodies: Vec<String> = Vec::new();
    for (kind, body) in [
        ("aesgcm", &p.aesgcm),
        ("aescbc", &p.aescbc),
        ("secretbox", &p.secretbox),
    ] {
        if let Some(f) = body {
            let mut body = format!("{kind}:\n");
            keys(&mut body, &f.value);
            bodies.push(body);
        }
    }
    if p.identity.is_some() {
        bodies.push("identity: {}\n".into());
    }
    if let Some(f) = &p.kms {
        let mut body = String::from("kms:\n");
        kms(&mut body, &f.value);
        bodies.push(body);
    }
    if bodies.is_empty() {
        out.push_str("      - {}\n");
    }
    for (i, body) in bodies.iter().enumerate() {
        out.push_str(if i == 0 { "      - " } else { "        " });
        out.push_str(body);
    }
}

fn keys(out: &mut String, body: &Keys) {
    out.push_str("          keys:\n");
    for k in body.keys_list() {
        let name = k.name.as_ref().map_or("", |f| f.value.as_str());
        let secret = k.secret.as_ref().map_or("", |f| f.value.as_str());
        out.push_str(&format!(
            "            - name: {}\n              secret: {}\n",
            scalar(name),
            scalar(secret)
        ));
    }
}

fn kms(out: &mut String, k: &Kms) {
    let field = |out: &mut String, name: &str, value: String| {
        out.push_str(&format!("          {name}: {value}\n"))
    };
    if let Some(f) = &k.api_version {
        field(out, "apiVersion", scalar(&f.value));
    }
    field(out, "name", scalar(k.name_text()));
    field(out, "endpoint", scalar(k.endpoint_text()));
    if let Some(f) = &k.cachesize {
        field(out, "cachesize", f.value.to_string());
    }
    if let Some(f) = &k.timeout {
        field(out, "timeout", scalar(&go_duration(f.value)));
    }
}

/// A YAML scalar that reads back as the string `s`: plain when that is unambiguous under
/// YAML 1.1, else double-quoted.
pub(crate) fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`~ ".contains(c))
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(char::is_control)
        && resolve(s, ScalarStyle::Plain, None) == Resolved::Str;
    if plain {
        return s.to_string();
    }
    let mut quoted = String::from('"');
    for c in s.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04x}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Go's `time.Duration.String()` for whole-unit values (`3s`, `1m30s`, `500ms`).
pub(crate) fn go_duration(nanos: i64) -> String {
    if nanos == 0 {
        return "0s".into();
    }
    let sign = if nanos < 0 { "-" } else { "" };
    let n = nanos.unsigned_abs();
    if n < 1_000_000_000 {
        let (value, unit) = if n.is_multiple_of(1_000_000) {
            (n / 1_000_000, "ms")
        } else if n.is_multiple_of(1_000) {
            (n / 1_000, "µs")
        } else {
            (n, "ns")
        };
        return format!("{sign}{value}{unit}");
    }
    let (h, rest) = (n / 3_600_000_000_000, n % 3_600_000_000_000);
    let (m, rest) = (rest / 60_000_000_000, rest % 60_000_000_000);
    let (whole, nanos) = (rest / 1_000_000_000, rest % 1_000_000_000);
    let seconds = if nanos == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{nanos:09}").trim_end_matches('0'))
    };
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
    fn scalars_read_back_as_the_same_string() {
        for s in [
            "secrets",
            "*.apps",
            "yes",
            "1000",
            "unix:///tmp/k.sock",
            "a: b",
            "",
            "~",
            "-x",
            "q\"uote",
            "tab\there",
            "#x",
            "null",
        ] {
            let text = format!("k: {}\n", scalar(s));
            let root = syntax::parse(&crate::source::Source::from_text(&text))
                .root
                .expect(&text);
            let crate::syntax::NodeKind::Mapping(pairs) = root.kind else {
                panic!()
            };
            let v = &pairs[0].1;
            assert_eq!(v.scalar_text(), Some(s), "{text}");
            let crate::syntax::NodeKind::Scalar { style, .. } = &v.kind else {
                panic!()
            };
            let tag = None;
            assert_eq!(
                resolve(s, *style, tag),
                Resolved::Str,
                "{text} must read as a string"
            );
        }
    }

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
