//! Compare mode: each rotation accident (key removed before the rewrite, KMS name changed,
//! identity added first, an entry or wildcard removed, two nodes differing) and the safe
//! steps of a rotation.

mod common;

use enccfg_core::plan::{compare, Comparison};
use enccfg_core::{Options, Severity};

fn secret(fill: u8) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode([fill; 32])
}

/// A block-style file with one entry per `(resources, providers)`; providers are flow snippets.
fn file(entries: &[(&str, &[String])]) -> String {
    let mut out = format!("{}resources:\n", common::HEAD);
    for (names, providers) in entries {
        out.push_str(&format!("  - resources: [{names}]\n    providers:\n"));
        for p in *providers {
            out.push_str(&format!("      - {p}\n"));
        }
    }
    out
}

fn aescbc(keys: &[(&str, u8)]) -> String {
    let keys: Vec<String> = keys
        .iter()
        .map(|(name, fill)| format!("{{name: {name}, secret: {}}}", secret(*fill)))
        .collect();
    format!("{{aescbc: {{keys: [{}]}}}}", keys.join(", "))
}

fn kms2(name: &str) -> String {
    format!("{{kms: {{apiVersion: v2, name: {name}, endpoint: 'unix:///run/kms.sock'}}}}")
}

fn identity() -> String {
    "{identity: {}}".into()
}

fn run(old: &str, new: &str) -> Comparison {
    compare(old, new, &Options::default())
}

/// `(kind, severity, resource)` of every finding.
fn kinds(c: &Comparison) -> Vec<(&'static str, &'static str, String)> {
    c.findings
        .iter()
        .map(|f| (f.kind, f.severity.as_str(), f.resource.clone()))
        .collect()
}

fn has(c: &Comparison, kind: &str, severity: Severity, resource: &str) -> bool {
    c.findings
        .iter()
        .any(|f| f.kind == kind && f.severity == severity && f.resource == resource)
}

#[test]
fn removing_the_writing_key_before_the_rewrite_is_an_error() {
    let old = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let new = file(&[("secrets", &[aescbc(&[("key2", 2)])])]);
    let c = run(&old, &new);
    assert!(!c.safe());
    assert!(
        has(&c, "key-removed", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );
    assert!(has(&c, "new-writer-unknown", Severity::Error, "secrets"));
    let removed = c.findings.iter().find(|f| f.kind == "key-removed").unwrap();
    assert!(
        removed.message.contains("`aescbc:key1`"),
        "{}",
        removed.message
    );
    assert_eq!(removed.old_line, Some(6));
    assert!(
        !removed.message.contains(&secret(1)),
        "no key material in messages"
    );
}

#[test]
fn the_documented_rotation_is_safe_step_by_step() {
    let start = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let added = file(&[("secrets", &[aescbc(&[("key1", 1), ("key2", 2)])])]);
    let swapped = file(&[("secrets", &[aescbc(&[("key2", 2), ("key1", 1)])])]);
    let done = file(&[("secrets", &[aescbc(&[("key2", 2)])])]);
    let step1 = run(&start, &added);
    assert!(step1.safe(), "{:?}", kinds(&step1));
    let step2 = run(&added, &swapped);
    assert!(step2.safe(), "{:?}", kinds(&step2));
    let changed = step2
        .findings
        .iter()
        .find(|f| f.kind == "write-key-changed")
        .unwrap();
    assert!(
        changed.message.starts_with("keys reordered"),
        "{}",
        changed.message
    );
    assert_eq!(changed.severity, Severity::Info);
    // The last step cannot know whether the rewrite finished: a warning, not an error.
    let step3 = run(&swapped, &done);
    assert!(step3.safe());
    assert!(
        has(&step3, "key-removed", Severity::Warning, "secrets"),
        "{:?}",
        kinds(&step3)
    );
}

#[test]
fn a_renamed_kms_provider_is_an_error() {
    let old = file(&[("secrets", &[kms2("kms-a")])]);
    let new = file(&[("secrets", &[kms2("kms-b")])]);
    let c = run(&old, &new);
    assert!(
        has(&c, "kms-renamed", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );
    let f = c.findings.iter().find(|f| f.kind == "kms-renamed").unwrap();
    assert!(f.message.contains("`kms:kms-a`"), "{}", f.message);
}

#[test]
fn identity_added_first_writes_plaintext() {
    let old = file(&[("secrets", &[aescbc(&[("key1", 1)]), identity()])]);
    let new = file(&[("secrets", &[identity(), aescbc(&[("key1", 1)])])]);
    let c = run(&old, &new);
    assert!(c.safe(), "{:?}", kinds(&c));
    assert!(has(&c, "identity-first", Severity::Warning, "secrets"));
    // Without identity in the deployed file, servers still on it cannot read the plaintext.
    let strict_old = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let c = run(&strict_old, &new);
    assert!(
        has(&c, "new-writer-unknown", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );
}

#[test]
fn removing_an_entry_or_a_wildcard_loses_coverage() {
    let old = file(&[
        ("secrets", &[aescbc(&[("key1", 1)])]),
        ("configmaps", &[aescbc(&[("key9", 9)])]),
    ]);
    let new = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let c = run(&old, &new);
    assert!(
        has(&c, "rule-removed", Severity::Error, "configmaps"),
        "{:?}",
        kinds(&c)
    );
    assert!(has(&c, "encryption-lost", Severity::Warning, "configmaps"));
    assert!(!c.findings.iter().any(|f| f.resource == "secrets"));

    let everything = file(&[("'*.*'", &[aescbc(&[("key1", 1)])])]);
    let only_secrets = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let c = run(&everything, &only_secrets);
    assert!(
        has(&c, "rule-removed", Severity::Error, "*.*"),
        "{:?}",
        kinds(&c)
    );
    // Encrypting everything at once: the plaintext of every other resource needs identity.
    let c = run(&only_secrets, &everything);
    assert!(
        has(&c, "plaintext-unreadable", Severity::Error, "*.*"),
        "{:?}",
        kinds(&c)
    );
    // A wildcard that reads the same key keeps data readable: information only.
    let both = file(&[
        ("secrets", &[aescbc(&[("key1", 1)])]),
        ("'*.*'", &[aescbc(&[("key1", 1)])]),
    ]);
    let c = run(&both, &everything);
    assert!(c.safe(), "{:?}", kinds(&c));
    assert!(
        has(&c, "rule-removed", Severity::Info, "secrets"),
        "{:?}",
        kinds(&c)
    );
}

#[test]
fn two_nodes_with_different_files_cannot_read_each_other() {
    let node_a = file(&[("secrets", &[aescbc(&[("key2", 2), ("key1", 1)])])]);
    let node_b = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let c = run(&node_b, &node_a);
    assert!(
        has(&c, "new-writer-unknown", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );
    assert!(has(&c, "nodes-differ", Severity::Info, "(all)"));
    let c = run(&node_a, &node_b);
    assert!(
        has(&c, "key-removed", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );
    let same = run(&node_a, &node_a);
    assert!(same.findings.is_empty(), "{:?}", kinds(&same));
}

#[test]
fn renamed_keys_and_changed_secrets_are_told_apart() {
    let old = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let renamed = file(&[("secrets", &[aescbc(&[("key-one", 1)])])]);
    assert!(has(
        &run(&old, &renamed),
        "key-renamed",
        Severity::Error,
        "secrets"
    ));
    let resecreted = file(&[("secrets", &[aescbc(&[("key1", 7)])])]);
    let c = run(&old, &resecreted);
    assert!(
        has(&c, "key-secret-changed", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );
}

#[test]
fn plaintext_needs_identity_until_rewritten() {
    let old = file(&[("secrets", &[identity()])]);
    let new = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let c = run(&old, &new);
    assert!(
        has(&c, "plaintext-unreadable", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );
    let careful = file(&[("secrets", &[aescbc(&[("key1", 1)]), identity()])]);
    let staged = file(&[("secrets", &[identity(), aescbc(&[("key1", 1)])])]);
    let c = run(&old, &staged);
    assert!(c.safe(), "{:?}", kinds(&c));
    let c = run(&staged, &careful);
    assert!(
        has(&c, "encryption-enabled", Severity::Info, "secrets"),
        "{:?}",
        kinds(&c)
    );
}

#[test]
fn kms_v1_data_needs_a_v1_reader() {
    let options = Options {
        kmsv1_gate: Some(true),
        ..Options::default()
    };
    let v1 = file(&[(
        "secrets",
        &["{kms: {apiVersion: v1, name: cloud, endpoint: 'unix:///v1.sock'}}".to_string()],
    )]);
    let v2 = file(&[(
        "secrets",
        &["{kms: {apiVersion: v2, name: cloud, endpoint: 'unix:///v2.sock'}}".to_string()],
    )]);
    let c = compare(&v1, &v2, &options);
    assert!(
        c.findings
            .iter()
            .any(|f| f.kind == "kms-version-changed" && f.severity == Severity::Error),
        "{:?}",
        kinds(&c)
    );
}

#[test]
fn a_broken_side_is_named_and_blocks_a_safe_verdict() {
    let good = file(&[("secrets", &[aescbc(&[("key1", 1)])])]);
    let broken = format!("{}resources:\n  - resources: [secrets\n", common::HEAD);
    let c = run(&broken, &good);
    assert!(!c.safe() && !c.old_decoded && c.new_decoded);
    let f = &c.findings[0];
    assert_eq!((f.kind, f.resource.as_str()), ("parse-failed", "(all)"));
    assert!(
        f.message
            .starts_with("the deployed file does not decode (line"),
        "{}",
        f.message
    );
    assert!(f.old_line.is_some() && f.new_line.is_none());

    // An unknown field (strict from 1.31) does not hide the rest of the file.
    let typo = good.replace("    providers:", "    providerz: 1\n    providers:");
    let c = run(&file(&[("secrets", &[aescbc(&[("key9", 9)])])]), &typo);
    assert!(c.findings.iter().any(|f| f.kind == "parse-failed"
        && f.new_line.is_some()
        && f.message.contains("compared as 1.30 read it")));
    assert!(
        has(&c, "key-removed", Severity::Error, "secrets"),
        "{:?}",
        kinds(&c)
    );

    let refused = file(&[(
        "secrets",
        &["{aescbc: {keys: [{name: k, secret: c2hvcnQ=}]}}".to_string()],
    )]);
    let c = run(&good, &refused);
    assert!(c
        .findings
        .iter()
        .any(|f| f.kind == "new-refused" && f.severity == Severity::Warning));
    assert!(!c.new_accepted);
}
