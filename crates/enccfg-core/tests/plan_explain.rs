//! The explainer: every message of its table and every stored-value form, alone and against a
//! file, including a value whose key the file no longer has.

mod common;

use enccfg_core::plan::explain;
use enccfg_core::plan::messages::MESSAGES;
use enccfg_core::Options;

fn file(providers: &[String]) -> String {
    let mut out = format!(
        "{}resources:\n  - resources: [secrets]\n    providers:\n",
        common::HEAD
    );
    for p in providers {
        out.push_str(&format!("      - {p}\n"));
    }
    out
}

fn aescbc(name: &str) -> String {
    format!(
        "{{aescbc: {{keys: [{{name: {name}, secret: {}}}]}}}}",
        common::key32()
    )
}

fn kms2(name: &str, endpoint: &str) -> String {
    format!("{{kms: {{apiVersion: v2, name: {name}, endpoint: '{endpoint}'}}}}")
}

fn opts() -> Options {
    Options::default()
}

/// A log line as kube-apiserver prints it, for each message of the table.
fn sample(id: &str) -> &'static str {
    match id {
        "aes-no-matching-key" => "E0507 10:00:00.000000 1 cacher.go:478] unable to transform key \"/registry/secrets/default/db\": no matching key was found for the provided AES transformer",
        "secretbox-no-matching-key" => "unable to transform key \"/registry/secrets/default/db\": no matching key was found for the provided Secretbox transformer",
        "no-matching-prefix" => "Internal error occurred: unable to transform key \"/registry/secrets/kube-system/bootstrap\": no matching prefix found",
        "no-supported-transformer" => "the provided value does not match any of the supported transformers",
        "identity-read-encrypted" => "unable to transform key \"/registry/configmaps/default/app\": identity transformer tried to read encrypted data",
        "aescbc-invalid-padding" => "unable to transform key \"/registry/secrets/default/db\": invalid padding on input",
        "aescbc-invalid-data" => "invalid PKCS7 data (empty or not padded)",
        "gcm-authentication-failed" => "unable to transform key \"/registry/secrets/default/db\": cipher: message authentication failed",
        "secretbox-open-failed" => "output array was not large enough for encryption",
        "stored-data-too-short" => "the stored data was shorter than the required size",
        "kms-deadline-exceeded" => "failed to decrypt DEK, error: rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        "kms-unavailable" => "rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial unix /run/kms.sock: connect: no such file or directory\"",
        "kms-decrypt-dek-failed" => "failed to decrypt DEK, error: key version disabled",
        "kms-v1-invalid-data" => "invalid data encountered by envelope transformer: failed to read uint16 length prefixed data",
        "kms-v2-dek-expired" => "encryptedDEKSource with keyID hash \"sha256:abc\" expired at 2026-05-07T10:00:00Z (current time is 2026-05-07T10:04:00Z)",
        "kms-v2-unhealthy" => "kmsv2 Provider vault is not healthy, error: got unexpected healthz status: err",
        "kms-v1-unhealthy" => "failed to perform encrypt section of the healthz check for KMS Provider legacy, error: rpc error",
        "kms-v1-gate" => "error while building transformers: KMSv1 is deprecated and will only receive security updates going forward. Use KMSv2 instead.  Set --feature-gates=KMSv1=true to use the deprecated KMSv1 feature.",
        "masked-by-earlier-rule" => "error while building transformers: resource \"secrets\" is masked by earlier rule \"*.\"",
        "no-provider-kind" => "provider does not contain any of the expected providers: KMS, AESGCM, AESCBC, Secretbox, Identity",
        "config-empty" => "encryption provider configuration file \"/etc/kubernetes/enc/enc.yaml\" is empty",
        "config-refused" => "error while parsing file: resources[0].providers[0].aescbc.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 28, expected one of [16 24 32]",
        "unable-to-transform-key" => "unable to transform key \"/registry/secrets/default/db\": some new failure",
        other => panic!("no sample for {other}: add one"),
    }
}

#[test]
fn every_message_of_the_table_is_recognised_with_its_source() {
    for m in MESSAGES {
        let e = explain(sample(m.id), None, None, &opts());
        assert!(e.matched && e.form == "message", "{}", m.id);
        assert!(e.messages.contains(&m.id), "{}: {:?}", m.id, e.messages);
        let at = e.messages.iter().position(|id| *id == m.id).unwrap();
        assert_eq!(e.sources[at], m.source);
        assert!(!e.meaning.is_empty() && !e.title.is_empty());
    }
}

#[test]
fn the_listed_messages_relate_to_the_file() {
    let text = file(&[aescbc("key2"), "{identity: {}}".into()]);
    // "no matching prefix found" names the resource's read chain.
    let e = explain(sample("no-matching-prefix"), Some(&text), None, &opts());
    assert_eq!(e.resource.as_deref(), Some("secrets"));
    assert_eq!(e.readable, Some(false));
    assert!(
        e.file[0].contains("rule `secrets`") && e.file[0].contains("`aescbc:key2`, `identity`"),
        "{:?}",
        e.file
    );
    // "invalid padding on input": a key of that name with another secret.
    let e = explain(sample("aescbc-invalid-padding"), Some(&text), None, &opts());
    assert_eq!(e.title, "aescbc decrypted with the wrong secret");
    assert!(
        e.file.iter().any(|l| l.contains("`aescbc:key2`")),
        "{:?}",
        e.file
    );
    // "cipher: message authentication failed" on a file without aesgcm.
    let e = explain(
        sample("gcm-authentication-failed"),
        Some(&text),
        None,
        &opts(),
    );
    assert!(
        e.file.iter().any(|l| l.contains("no aesgcm provider")),
        "{:?}",
        e.file
    );
    // "identity transformer tried to read encrypted data": configmaps are not listed.
    let e = explain(
        sample("identity-read-encrypted"),
        Some(&text),
        None,
        &opts(),
    );
    assert_eq!(e.resource.as_deref(), Some("configmaps"));
    assert!(
        e.file[0].starts_with("no rule (identity) applies to `configmaps`"),
        "{:?}",
        e.file
    );
}

#[test]
fn kms_errors_show_the_socket_kube_apiserver_dials() {
    let text = file(&[kms2("vault", "unix://var/run/kms.sock")]);
    for id in ["kms-deadline-exceeded", "kms-unavailable"] {
        let e = explain(sample(id), Some(&text), None, &opts());
        assert_eq!(e.provider.as_deref(), Some("kms:vault"), "{id}");
        let line = e.file.iter().find(|l| l.contains("`vault`")).unwrap();
        assert!(
            line.contains("dials `/run/kms.sock`") && line.contains("timeout 3s"),
            "{line}"
        );
    }
    assert_eq!(
        explain(sample("kms-deadline-exceeded"), None, None, &opts()).title,
        "the KMS plugin did not answer in time"
    );
}

#[test]
fn stored_prefixes_say_who_reads_them() {
    let text = file(&[
        aescbc("key2"),
        aescbc("key1"),
        kms2("myKms", "unix:///run/kms.sock"),
        "{identity: {}}".into(),
    ]);
    let e = explain(
        "k8s:enc:aescbc:v1:key1:\u{8f}\u{2}garbage",
        Some(&text),
        None,
        &opts(),
    );
    assert!(e.matched && e.form == "stored-value");
    assert_eq!(e.provider.as_deref(), Some("aescbc:key1"));
    assert_eq!(e.readable, Some(true));
    assert!(
        e.file[0].starts_with("rule `secrets` reads it with `aescbc:key1` (line"),
        "{:?}",
        e.file
    );

    let e = explain(
        "/registry/secrets/default/db\nk8s:enc:kms:v2:myKms:\n\u{a}\u{1}",
        Some(&text),
        None,
        &opts(),
    );
    assert_eq!(e.provider.as_deref(), Some("kms:myKms"));
    assert_eq!(e.resource.as_deref(), Some("secrets"));
    assert!(
        e.file[0].contains("reads this value with `kms:myKms`") && e.file[0].contains("stale"),
        "{:?}",
        e.file
    );

    let json = explain(
        "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"data\":{}}",
        Some(&text),
        None,
        &opts(),
    );
    assert_eq!(
        (json.provider.as_deref(), json.readable),
        (Some("identity"), Some(true))
    );
    let proto = explain(
        "/registry/secrets/default/db\nk8s\u{0}\n\u{2}v1\u{12}\u{6}Secret",
        Some(&text),
        None,
        &opts(),
    );
    assert_eq!(proto.provider.as_deref(), Some("identity"));
    assert!(proto.title.contains("unencrypted"));
    let without = file(&[aescbc("key2")]);
    let e = explain(
        "/registry/secrets/default/db\nk8s\u{0}\n",
        Some(&without),
        None,
        &opts(),
    );
    assert_eq!(
        e.readable,
        Some(false),
        "no identity: plaintext cannot be read"
    );
}

#[test]
fn a_key_the_file_no_longer_has_is_traced_to_the_change_that_removed_it() {
    let before = file(&[aescbc("key2"), aescbc("key1")]);
    let now = file(&[aescbc("key2")]);
    let value = "/registry/secrets/default/db\nk8s:enc:aescbc:v1:key1:xyz";
    let e = explain(value, Some(&now), Some(&before), &opts());
    assert_eq!(e.readable, Some(false));
    assert!(
        e.file
            .iter()
            .any(|l| l.contains("none of them reads `aescbc:key1`")),
        "{:?}",
        e.file
    );
    assert!(
        e.file
            .iter()
            .any(|l| l.contains("has `aescbc:key2` but not `aescbc:key1`")),
        "{:?}",
        e.file
    );
    assert!(
        e.file.iter().any(|l| l.starts_with(
            "the file deployed before read it (rule `secrets`, `aescbc:key1` at line"
        )),
        "{:?}",
        e.file
    );
    let alone = explain(value, Some(&now), None, &opts());
    assert!(
        alone.file.last().unwrap().contains("enccfg compare"),
        "{:?}",
        alone.file
    );
}

#[test]
fn unknown_text_says_so() {
    let e = explain("everything is fine", None, None, &opts());
    assert!(!e.matched);
    assert_eq!(e.form, "unknown");
    assert!(
        e.meaning[0].contains("no matching prefix found")
            || e.meaning[0].contains("no provider of this resource")
    );
}
