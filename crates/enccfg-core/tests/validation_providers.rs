//! Facts §4.4–§4.5: P1a, P1b (only the first kind in the order kms → aesgcm → aescbc →
//! secretbox is checked) and KEY0–KEY4, each fired and not fired, with paths, types and order.

mod common;

use common::*;

const REQ: &str = "Required";
const INV: &str = "Invalid";

const P1A: &str = "EC0212";
const P1B: &str = "EC0213";
const KEY0: &str = "EC0214";
const KEY1: &str = "EC0215";
const KEY2: &str = "EC0216";
const KEY3: &str = "EC0217";
const KEY4: &str = "EC0218";
const KNAME: &str = "EC0219";
const KEND: &str = "EC0223";

const P0: &str = "resources[0].providers[0]";

fn kp(kind: &str, rest: &str) -> String {
    format!("{P0}.{kind}.keys{rest}")
}

#[test]
fn p1a_element_sets_no_provider() {
    let o = newest();
    for element in [
        "{}",
        "identity:",
        "identity: ~",
        "identity: null",
        "kms:",
        "aesgcm: ~",
        "aescbc:",
        "secretbox: ~",
        "~",
    ] {
        expect(&one(&[element.into()]), &o, &[(P1A, P0, INV)]);
    }
    // `identity:` null next to a real provider is no second kind.
    valid(
        &one(&[
            "{identity: ~, secretbox: {keys: [{name: a, secret: \"".to_string()
                + &key32()
                + "\"}]}}",
        ]),
        &o,
    );
    valid(&one(&[identity()]), &o);
    valid(&one(&["identity: {}".into(), local_ok("aesgcm")]), &o);
    // Index of the failing element.
    expect(
        &one(&[identity(), "{}".into()]),
        &o,
        &[(P1A, "resources[0].providers[1]", INV)],
    );
}

#[test]
fn p1b_several_kinds_in_one_element() {
    let o = newest();
    let good = key("k", &key32());
    let gcm = format!("aesgcm: {{keys: [{good}]}}");
    let cbc = format!("aescbc: {{keys: [{good}]}}");
    let sbx = format!("secretbox: {{keys: [{good}]}}");
    for element in [
        format!("{{identity: {{}}, {gcm}}}"),
        format!("{{{cbc}, {sbx}}}"),
        format!("{{{gcm}, {cbc}, {sbx}, identity: {{}}}}"),
        "{identity: {}, kms: {apiVersion: v2, name: a, endpoint: \"unix:///x\"}}".to_string(),
    ] {
        expect(&one(&[element]), &o, &[(P1B, P0, INV)]);
    }
    for element in [identity(), gcm, cbc, sbx, kms2("a")] {
        valid(&one(&[element]), &o);
    }
}

#[test]
fn p1b_only_the_first_kind_in_kms_aesgcm_aescbc_secretbox_order_is_checked() {
    let o = newest();
    let empty = |kind: &str| format!("{kind}: {{keys: []}}");
    // aescbc and aesgcm: only aesgcm.keys is checked, whatever the written order.
    let text = one(&[format!("{{{}, {}}}", empty("aescbc"), empty("aesgcm"))]);
    expect(&text, &o, &[(P1B, P0, INV), (KEY0, &kp("aesgcm", ""), REQ)]);
    // aescbc before secretbox.
    let text = one(&[format!("{{{}, {}}}", empty("secretbox"), empty("aescbc"))]);
    expect(&text, &o, &[(P1B, P0, INV), (KEY0, &kp("aescbc", ""), REQ)]);
    // secretbox is checked when its partner is identity.
    let text = one(&[format!("{{identity: {{}}, {}}}", empty("secretbox"))]);
    expect(
        &text,
        &o,
        &[(P1B, P0, INV), (KEY0, &kp("secretbox", ""), REQ)],
    );
    // kms comes first even when written last: its errors, no KEY0.
    let text = one(&[format!("{{{}, kms: {{apiVersion: v2}}}}", empty("aesgcm"))]);
    expect(
        &text,
        &o,
        &[
            (P1B, P0, INV),
            (KNAME, &format!("{P0}.kms.name"), REQ),
            (KEND, &format!("{P0}.kms.endpoint"), INV),
        ],
    );
    // The second kind's own errors are never reported.
    let bad = key("", "not base64!");
    let text = one(&[format!(
        "{{aesgcm: {{keys: [{}]}}, secretbox: {{keys: [{bad}]}}}}",
        key("k", &b64(16))
    )]);
    expect(&text, &o, &[(P1B, P0, INV)]);
}

#[test]
fn key0_keys_required() {
    let o = newest();
    for kind in ["aesgcm", "aescbc", "secretbox"] {
        for body in ["{}", "{keys: []}", "{keys: ~}", "{keys: }"] {
            expect(
                &one(&[format!("{kind}: {body}")]),
                &o,
                &[(KEY0, &kp(kind, ""), REQ)],
            );
        }
        valid(&one(&[local_ok(kind)]), &o);
    }
}

#[test]
fn key1_name_required_and_secret_still_checked() {
    let o = newest();
    let k = key32();
    for kind in ["aesgcm", "aescbc", "secretbox"] {
        for key_text in [
            key("", &k),
            format!("{{secret: {}}}", quote(&k)),
            format!("{{name: ~, secret: {}}}", quote(&k)),
        ] {
            expect(
                &one(&[local(kind, &[key_text])]),
                &o,
                &[(KEY1, &kp(kind, "[0].name"), REQ)],
            );
        }
        // The secret is checked after a missing name.
        expect(
            &one(&[local(kind, &[key("", "!!")])]),
            &o,
            &[
                (KEY1, &kp(kind, "[0].name"), REQ),
                (KEY3, &kp(kind, "[0].secret"), INV),
            ],
        );
        expect(
            &one(&[local(kind, &[key("", &b64(8))])]),
            &o,
            &[
                (KEY1, &kp(kind, "[0].name"), REQ),
                (KEY4, &kp(kind, "[0].secret"), INV),
            ],
        );
        // No check on the characters or uniqueness of names.
        valid(
            &one(&[local(kind, &[key("a:b c/ü", &k), key("a:b c/ü", &k)])]),
            &o,
        );
    }
}

#[test]
fn key2_secret_required_stops_the_key() {
    let o = newest();
    for kind in ["aesgcm", "aescbc", "secretbox"] {
        for key_text in [
            key("k", ""),
            "{name: k}".to_string(),
            "{name: k, secret: ~}".to_string(),
        ] {
            expect(
                &one(&[local(kind, &[key_text])]),
                &o,
                &[(KEY2, &kp(kind, "[0].secret"), REQ)],
            );
        }
        expect(
            &one(&[local(kind, &["{}".into()])]),
            &o,
            &[
                (KEY1, &kp(kind, "[0].name"), REQ),
                (KEY2, &kp(kind, "[0].secret"), REQ),
            ],
        );
        // A null key element is an empty key.
        expect(
            &one(&[format!("{kind}: {{keys: [~]}}")]),
            &o,
            &[
                (KEY1, &kp(kind, "[0].name"), REQ),
                (KEY2, &kp(kind, "[0].secret"), REQ),
            ],
        );
    }
}

#[test]
fn key3_secret_not_standard_base64() {
    let o = newest();
    let k = key32();
    let unpadded = k.trim_end_matches('=').to_string();
    let urlsafe = b64(30).replace('Q', "-").replace('B', "_");
    for secret in [
        unpadded.as_str(),
        urlsafe.as_str(),
        "QUFB QUFB",
        "QUFB\tQUFB",
        "****",
        "QUFBQQ==QUFB",
        "=QUFB",
    ] {
        for kind in ["aesgcm", "aescbc", "secretbox"] {
            expect(
                &one(&[local(kind, &[key("k", secret)])]),
                &o,
                &[(KEY3, &kp(kind, "[0].secret"), INV)],
            );
        }
    }
    // `\r` and `\n` are skipped by Go's decoder; trailing bits are tolerated.
    let folded = format!("{}\r\n{}\n", &k[..20], &k[20..]);
    for secret in [folded.as_str(), "QUFBQUFBQUFBQUFBQUFBQQ=="] {
        valid(&one(&[local("aesgcm", &[key("k", secret)])]), &o);
    }
    let sixteen_with_bits = b64(16).replace("QQ==", "QR==");
    valid(
        &one(&[local("aesgcm", &[key("k", &sixteen_with_bits)])]),
        &o,
    );
    // A block-scalar secret: the newline at its end is skipped.
    let block = format!(
        "{HEAD}resources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys:\n            - name: k\n              secret: |\n                {k}\n"
    );
    valid(&block, &o);
}

#[test]
fn key4_secret_length() {
    let o = newest();
    for (kind, ok, bad) in [
        (
            "aesgcm",
            &[16, 24, 32][..],
            &[0, 1, 15, 25, 28, 31, 33, 64][..],
        ),
        ("aescbc", &[16, 24, 32], &[8, 17, 28, 48]),
        ("secretbox", &[32], &[16, 24, 25, 31, 33]),
    ] {
        for len in ok {
            valid(&one(&[local(kind, &[key("k", &b64(*len))])]), &o);
        }
        for len in bad {
            let secret = if *len == 0 {
                "\n".to_string()
            } else {
                b64(*len)
            };
            expect(
                &one(&[local(kind, &[key("k", &secret)])]),
                &o,
                &[(KEY4, &kp(kind, "[0].secret"), INV)],
            );
        }
    }
}

#[test]
fn key_rules_run_key_by_key_in_order() {
    let o = newest();
    let text = one(&[
        local(
            "aescbc",
            &[
                key("a", &b64(28)),
                key("", &key32()),
                "{name: c}".into(),
                key("d", "%%%%"),
                key("e", &b64(16)),
            ],
        ),
        local("secretbox", &[key("f", &b64(16))]),
    ]);
    expect(
        &text,
        &o,
        &[
            (KEY4, &kp("aescbc", "[0].secret"), INV),
            (KEY1, &kp("aescbc", "[1].name"), REQ),
            (KEY2, &kp("aescbc", "[2].secret"), REQ),
            (KEY3, &kp("aescbc", "[3].secret"), INV),
            (
                KEY4,
                "resources[0].providers[1].secretbox.keys[0].secret",
                INV,
            ),
        ],
    );
}

#[test]
fn messages_never_contain_key_material() {
    let o = newest();
    let secrets = [b64(28), b64(16) + "x", "c2VjcmV0IGlzIHNlY3VyZQ".to_string()];
    for secret in &secrets {
        for kind in ["aesgcm", "secretbox"] {
            let text = one(&[local(kind, &[key("k", secret)])]);
            let analysis = run(&text, &o);
            assert!(!analysis.diagnostics.is_empty());
            for d in &analysis.diagnostics {
                assert!(!d.message.contains(secret.as_str()), "{}", d.message);
                assert!(
                    !d.help.as_deref().unwrap_or("").contains(secret.as_str()),
                    "{:?}",
                    d.help
                );
            }
            assert!(!analysis.masked_text(&text).contains(secret.as_str()));
        }
    }
}

#[test]
fn composite_order_across_entries_and_providers() {
    let o = newest();
    let text = doc(&[
        entry(
            &["secrets", "secrets", "*.", "Foo"],
            &[
                "{}".into(),
                "{identity: {}, aescbc: {keys: []}}".into(),
                local("aesgcm", &[key("", "x")]),
                "kms: {apiVersion: v2, endpoint: \"unix:///x\"}".into(),
            ],
        ),
        entry(&[], &[]),
    ]);
    expect(
        &text,
        &o,
        &[
            ("EC0203", "resources[0].resources", INV),
            ("EC0204", "resources[0].resources", INV),
            ("EC0205", "resources[0].resources[3]", INV),
            (P1A, P0, INV),
            (P1B, "resources[0].providers[1]", INV),
            (KEY0, "resources[0].providers[1].aescbc.keys", REQ),
            (KEY1, "resources[0].providers[2].aesgcm.keys[0].name", REQ),
            (KEY3, "resources[0].providers[2].aesgcm.keys[0].secret", INV),
            (KNAME, "resources[0].providers[3].kms.name", REQ),
            ("EC0202", "resources[1].resources", REQ),
            ("EC0211", "resources[1].providers", REQ),
        ],
    );
}
