//! Editing help: hover documentation, completion at the caret and format, on text that is
//! half typed as well as on whole files.

use enccfg_core::assist::{complete, format, hover};
use enccfg_core::{analyze, Options};

const KMS: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources:\n      - secrets\n    providers:\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms.sock\n          cachesize: 10\n      - identity: {}\n";

fn at(text: &str, needle: &str) -> usize {
    text.find(needle).expect("needle in text")
}

fn labels(text: &str, offset: usize) -> Vec<String> {
    complete(text, offset, &Options::default())
        .into_iter()
        .map(|c| c.label)
        .collect()
}

#[test]
fn hover_documents_the_field_under_the_pointer_for_the_version() {
    let o = Options::default();
    let h = hover(KMS, at(KMS, "cachesize") + 3, &o).expect("hover on cachesize");
    assert_eq!(h.field, "cachesize");
    assert_eq!(h.path, "resources.providers.kms.cachesize");
    assert_eq!(h.ty, "int32");
    assert!(h.default.contains("1000"));
    assert!(h.allowed.contains("v2: must not be set"));
    assert_eq!(
        &KMS[h.range.start as usize..h.range.end as usize],
        "cachesize"
    );
    assert!(h
        .version_notes
        .iter()
        .any(|n| n.contains("decodes strictly")));
    // The same key name means different fields at different places.
    let top = hover(KMS, 2, &o).expect("top apiVersion");
    assert_eq!(top.path, "apiVersion");
    assert!(top.allowed.contains("apiserver.config.k8s.io/v1"));
    let kms = hover(KMS, at(KMS, "apiVersion: v2") + 1, &o).expect("kms apiVersion");
    assert_eq!(
        (kms.path.as_str(), kms.default),
        ("resources.providers.kms.apiVersion", "v1")
    );
    assert!(kms
        .version_notes
        .iter()
        .any(|n| n.contains("KMSv1 feature gate is off")));
    let gate_on = Options {
        kmsv1_gate: Some(true),
        ..o
    };
    let kms = hover(KMS, at(KMS, "apiVersion: v2") + 1, &gate_on).expect("kms apiVersion");
    assert!(kms.version_notes.iter().any(|n| n.contains("KMS v1 loads")));
    let old = Options { minor: 30, ..o };
    assert!(hover(KMS, at(KMS, "name: vault"), &old)
        .expect("name")
        .version_notes
        .iter()
        .any(|n| n.contains("ignores unknown fields")));
    // Values, unknown fields and blank lines have no hover.
    assert_eq!(hover(KMS, at(KMS, "vault") + 1, &o), None);
    assert_eq!(hover("resources:\n  - bogus: 1\n", 16, &o), None);
    assert_eq!(hover("", 0, &o), None);
}

#[test]
fn hover_works_on_text_that_does_not_parse() {
    let text = "resources:\n  - providers:\n      - aescbc:\n          keys: [\n";
    assert!(analyze(text, &Options::default())
        .diagnostics
        .iter()
        .any(|d| d.severity == enccfg_core::Severity::Error));
    let h = hover(text, at(text, "keys"), &Options::default()).expect("keys");
    assert_eq!(h.path, "resources.providers.aescbc.keys");
}

#[test]
fn completion_offers_the_fields_valid_at_the_caret() {
    // A new key in a KMS provider: the fields not written yet.
    let text = "resources:\n  - providers:\n      - kms:\n          name: a\n          \n";
    let caret = at(text, "a\n") + 12;
    assert_eq!(
        labels(text, caret),
        ["apiVersion", "endpoint", "cachesize", "timeout"]
    );
    // A new element of providers: the provider kinds; typed letters filter them.
    let text = "resources:\n  - resources: [secrets]\n    providers:\n      - \n";
    let caret = at(text, "- \n") + 2;
    assert_eq!(
        labels(text, caret),
        ["aesgcm", "aescbc", "secretbox", "identity", "kms"]
    );
    let text = "resources:\n  - resources: [secrets]\n    providers:\n      - ae\n";
    assert_eq!(labels(text, at(text, "ae\n") + 2), ["aesgcm", "aescbc"]);
    let text = "resources:\n  - providers:\n      - id\n";
    let caret = (at(text, "id\n") + 2) as u32;
    let identity = complete(text, caret as usize, &Options::default());
    assert_eq!(
        identity.first().map(|c| c.insert.as_str()),
        Some("identity: {}")
    );
    assert_eq!(
        identity.first().map(|c| (c.replace.start, c.replace.end)),
        Some((caret - 2, caret))
    );
    // The top level, at the start of a line, after the fields written.
    let text = "apiVersion: apiserver.config.k8s.io/v1\n\n";
    assert_eq!(labels(text, text.len() - 1), ["kind", "resources"]);
    // An entry's second field.
    let text = "resources:\n  - resources: [secrets]\n    pro\n";
    assert_eq!(labels(text, text.len() - 1), ["providers"]);
    // Keys of a key.
    let text = "resources:\n  - providers:\n      - aescbc:\n          keys:\n            - name: k\n              \n";
    assert_eq!(labels(text, text.len() - 1), ["secret"]);
}

#[test]
fn completion_offers_values_with_a_fixed_set() {
    let text = "resources:\n  - providers:\n      - kms:\n          apiVersion: \n";
    let items = complete(text, at(text, ": \n") + 2, &Options::default());
    assert_eq!(items.first().map(|c| c.label.as_str()), Some("v2"));
    assert!(items
        .iter()
        .any(|c| c.label == "v1" && c.detail.contains("KMSv1 gate is off")));
    let gate_on = Options {
        kmsv1_gate: Some(true),
        ..Options::default()
    };
    let items = complete(text, at(text, ": \n") + 2, &gate_on);
    assert!(items
        .iter()
        .any(|c| c.label == "v1" && !c.detail.contains("gate is off")));
    assert_eq!(labels("kind: Enc", 9), ["EncryptionConfiguration"]);
    assert_eq!(labels("apiVersion: ", 12), ["apiserver.config.k8s.io/v1"]);
}

#[test]
fn completion_offers_resource_names_and_wildcards() {
    let text = "resources:\n  - resources:\n      - \n";
    let all = labels(text, at(text, "- \n") + 2);
    assert_eq!(all.first().map(String::as_str), Some("secrets"));
    for w in ["*.*", "*.apps", "*."] {
        assert!(all.iter().any(|l| l == w), "{w}");
    }
    let text = "resources:\n  - resources: [secrets, con";
    assert_eq!(labels(text, text.len()), ["configmaps"]);
    let text = "resources:\n  - resources: [*";
    assert_eq!(labels(text, text.len()), ["*.apps", "*.", "*.*"]);
}

#[test]
fn completion_is_total() {
    let text = "a:\n\t- [\n  - \"x: 'y\n\u{1F600}: é\n";
    for offset in 0..=text.len() + 2 {
        let _ = complete(text, offset, &Options::default());
        let _ = hover(text, offset, &Options::default());
    }
}

#[test]
fn format_lays_out_canonically_and_keeps_comments() {
    let text = "# options: k8s=1.36\nkind: EncryptionConfiguration\napiVersion: apiserver.config.k8s.io/v1\nresources:\n- providers:\n  # new writes use the KMS\n  - kms: {endpoint: 'unix:///var/run/kms.sock', name: vault, apiVersion: v2}\n  - identity: {}   # reads old data\n  resources: [secrets]\n# end\n";
    let formatted = format(text, &Options::default()).expect("formats");
    assert_eq!(
        formatted,
        "# options: k8s=1.36\napiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources:\n      - secrets\n    providers:\n      # new writes use the KMS\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms.sock\n      - identity: {} # reads old data\n# end\n"
    );
    // Same meaning; formatting again changes nothing.
    let o = Options::default();
    assert_eq!(analyze(&formatted, &o).accepted, analyze(text, &o).accepted);
    assert_eq!(format(&formatted, &o).as_deref(), Some(formatted.as_str()));
    // No comments: exactly the canonical form.
    let plain = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: [{resources: [secrets], providers: [{identity: {}}]}]\n";
    assert_eq!(format(plain, &o), enccfg_core::canonical_yaml(plain, &o));
}

#[test]
fn format_refuses_text_with_errors() {
    let o = Options::default();
    assert_eq!(format("resources: [\n", &o), None);
    assert_eq!(format("apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers: [{identity: {}}]\n    bogus: 1\n", &o), None);
}
