//! New keys inserted into a file: for each local provider, as the write key and as a read-only
//! key, in block and flow layouts; the file stays accepted and the key has the right length.

mod common;

use base64::Engine;
use enccfg_core::plan::{dated_key_name, encode_key, insert_key, key_target, KeyPosition};
use enccfg_core::views::Views;
use enccfg_core::{analyze, Options};

fn block(kind: &str) -> String {
    format!(
        "{}resources:\n  - resources: [secrets]\n    providers:\n      # the writer\n      - {kind}:\n          keys:\n            - name: old\n              secret: {}\n      - identity: {{}}\n",
        common::HEAD,
        common::key32()
    )
}

fn flow(kind: &str) -> String {
    common::doc(&[common::entry(
        &["secrets"],
        &[
            format!(
                "{{{kind}: {{keys: [{{name: old, secret: {}}}]}}}}",
                common::key32()
            ),
            "{identity: {}}".into(),
        ],
    )])
}

fn views(text: &str) -> Views {
    let analysis = analyze(text, &Options::default());
    assert!(analysis.accepted, "{text}\n{:?}", analysis.diagnostics);
    analysis.views.expect("views")
}

/// Bytes a test stands in for the caller's random source with (never a real key).
fn bytes(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + 3) as u8).collect()
}

#[test]
fn inserted_keys_keep_the_file_accepted_at_both_positions() {
    for kind in ["aescbc", "aesgcm", "secretbox"] {
        for text in [block(kind), flow(kind)] {
            let target = key_target(&text, None).unwrap();
            assert_eq!(target.provider, kind);
            assert_eq!(target.key_names, ["old"]);
            for &size in target.sizes() {
                let secret = encode_key(&bytes(size));
                let name = dated_key_name("2026-05-07", &target.key_names);
                let write = insert_key(&text, &target, &name, &secret, KeyPosition::Write).unwrap();
                let row = &views(&write.text).ordering.rows[0];
                assert_eq!(
                    *row.write.label,
                    format!("{kind}:key-20260507"),
                    "{}",
                    write.text
                );
                let selected = &write.text[write.selection.start()..write.selection.end()];
                assert!(
                    selected.contains("key-20260507") && selected.contains(&secret),
                    "{selected:?}"
                );
                let decoded = base64::engine::general_purpose::STANDARD
                    .decode(&secret)
                    .unwrap();
                assert_eq!(decoded.len(), size);

                let read =
                    insert_key(&text, &target, &name, &secret, KeyPosition::ReadOnly).unwrap();
                let row = &views(&read.text).ordering.rows[0];
                assert_eq!(*row.write.label, format!("{kind}:old"));
                assert_eq!(*row.read[1].label, format!("{kind}:key-20260507"));
            }
        }
    }
}

#[test]
fn comments_and_layout_survive_an_insertion() {
    let text = block("secretbox");
    let target = key_target(&text, None).unwrap();
    let out = insert_key(&text, &target, "new", &common::key32(), KeyPosition::Write).unwrap();
    assert!(out.text.contains("      # the writer\n      - secretbox:\n          keys:\n            - name: new\n              secret: "));
    assert_eq!(out.text.lines().count(), text.lines().count() + 2);
}

#[test]
fn the_provider_at_the_caret_wins_and_others_are_refused() {
    let text = common::doc(&[
        common::entry(
            &["secrets"],
            &[format!(
                "{{aescbc: {{keys: [{{name: a, secret: {}}}]}}}}",
                common::key32()
            )],
        ),
        common::entry(
            &["configmaps"],
            &[format!(
                "{{secretbox: {{keys: [{{name: b, secret: {}}}]}}}}",
                common::key32()
            )],
        ),
    ]);
    assert_eq!(key_target(&text, None).unwrap().provider, "aescbc");
    let caret = text.find("secretbox").unwrap() + 3;
    let target = key_target(&text, Some(caret)).unwrap();
    assert_eq!((target.provider, target.entry), ("secretbox", 1));
    assert_eq!(target.sizes(), &[32]);

    let kms_only = common::doc(&[common::entry(
        &["secrets"],
        &["{kms: {apiVersion: v2, name: k, endpoint: 'unix:///k.sock'}}".into()],
    )]);
    let why = key_target(&kms_only, None).unwrap_err();
    assert!(
        why.contains("no aescbc, aesgcm or secretbox provider"),
        "{why}"
    );
    // A JSON file (read by Go's JSON decoder) is not edited as YAML.
    let json = format!(
        "{{\"apiVersion\": \"apiserver.config.k8s.io/v1\", \"kind\": \"EncryptionConfiguration\", \"resources\": [{{\"resources\": [\"secrets\"], \"providers\": [{{\"secretbox\": {{\"keys\": [{{\"name\": \"k\", \"secret\": \"{}\"}}]}}}}]}}]}}",
        common::key32()
    );
    let target = key_target(&json, None).unwrap();
    let refused =
        insert_key(&json, &target, "n", &common::key32(), KeyPosition::Write).unwrap_err();
    assert!(refused.contains("JSON"), "{refused}");
    assert!(key_target("kind: [", None)
        .unwrap_err()
        .contains("does not decode"));
}
