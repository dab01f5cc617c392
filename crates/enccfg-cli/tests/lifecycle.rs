//! `enccfg compare`, `keygen` and `explain-error` end to end: exit codes, JSON shapes, and each
//! rotation accident through the binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use base64::Engine;
use serde_json::Value;

const HEAD: &str =
    "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n";

fn key(fill: u8) -> String {
    base64::engine::general_purpose::STANDARD.encode([fill; 32])
}

fn secretbox(keys: &[(&str, u8)]) -> String {
    let mut out = format!(
        "{HEAD}  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys:\n"
    );
    for (name, fill) in keys {
        out.push_str(&format!(
            "            - name: {name}\n              secret: {}\n",
            key(*fill)
        ));
    }
    out
}

fn kms(name: &str) -> String {
    format!("{HEAD}  - resources: [secrets]\n    providers:\n      - kms:\n          apiVersion: v2\n          name: {name}\n          endpoint: unix:///run/kms.sock\n")
}

/// Writes `text` to a file of its own under the target directory.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lifecycle");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn enccfg(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run enccfg");
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn compare_json(old: &str, new: &str, name: &str) -> (i32, Value) {
    let (old, new) = (
        file(&format!("{name}-old.yaml"), old),
        file(&format!("{name}-new.yaml"), new),
    );
    let out = enccfg(
        &[
            "compare",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "json",
        ],
        "",
    );
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).expect("JSON"),
    )
}

fn kinds(v: &Value) -> Vec<(String, String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().into(),
                f["severity"].as_str().unwrap().into(),
                f["resource"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn has(v: &Value, kind: &str, severity: &str) -> bool {
    kinds(v).iter().any(|(k, s, _)| k == kind && s == severity)
}

#[test]
fn compare_json_has_the_documented_shape() {
    let (code, v) = compare_json(
        &secretbox(&[("key1", 1)]),
        &secretbox(&[("key2", 2)]),
        "shape",
    );
    assert_eq!(code, 1);
    assert_eq!(v["safe"], false);
    let finding = &v["findings"][0];
    let mut fields: Vec<&str> = finding
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        ["kind", "message", "new_line", "old_line", "resource", "severity"]
    );
    assert!(finding["old_line"].is_u64());
    assert!(
        !v.to_string().contains(&key(1)),
        "no key material in the output"
    );
}

#[test]
fn each_rotation_accident_exits_one() {
    // Key removed before the rewrite.
    let (code, v) = compare_json(
        &secretbox(&[("key1", 1)]),
        &secretbox(&[("key2", 2)]),
        "removed",
    );
    assert_eq!(code, 1);
    assert!(has(&v, "key-removed", "error"), "{:?}", kinds(&v));
    // KMS name changed.
    let (code, v) = compare_json(&kms("vault"), &kms("vault2"), "kms");
    assert_eq!(code, 1);
    assert!(has(&v, "kms-renamed", "error"), "{:?}", kinds(&v));
    // Identity added first without identity in the deployed file.
    let identity_first = format!("{HEAD}  - resources: [secrets]\n    providers:\n      - identity: {{}}\n      - secretbox:\n          keys:\n            - name: key1\n              secret: {}\n", key(1));
    let (code, v) = compare_json(&secretbox(&[("key1", 1)]), &identity_first, "identity");
    assert_eq!(code, 1);
    assert!(
        has(&v, "identity-first", "warning") && has(&v, "new-writer-unknown", "error"),
        "{:?}",
        kinds(&v)
    );
    // Entry removed.
    let two = format!("{}  - resources: [configmaps]\n    providers:\n      - aescbc:\n          keys:\n            - name: c\n              secret: {}\n", secretbox(&[("key1", 1)]), key(3));
    let (code, v) = compare_json(&two, &secretbox(&[("key1", 1)]), "entry");
    assert_eq!(code, 1);
    assert!(
        kinds(&v).contains(&("rule-removed".into(), "error".into(), "configmaps".into())),
        "{:?}",
        kinds(&v)
    );
    // Two nodes differing.
    let (code, v) = compare_json(
        &secretbox(&[("key1", 1)]),
        &secretbox(&[("key2", 2), ("key1", 1)]),
        "nodes",
    );
    assert_eq!(code, 1);
    assert!(
        has(&v, "new-writer-unknown", "error") && has(&v, "nodes-differ", "info"),
        "{:?}",
        kinds(&v)
    );
}

#[test]
fn a_safe_step_exits_zero_and_says_so() {
    let old = file("safe-old.yaml", &secretbox(&[("key1", 1)]));
    let new = file("safe-new.yaml", &secretbox(&[("key1", 1), ("key2", 2)]));
    let out = enccfg(
        &["compare", old.to_str().unwrap(), new.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout)
        .ends_with("safe: no change makes stored data unreadable (0 warnings)\n"));
    // The new file may come from standard input.
    let out = enccfg(
        &["compare", old.to_str().unwrap(), "-", "--format", "json"],
        &secretbox(&[("key1", 1)]),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, serde_json::json!({"safe": true, "findings": []}));
}

#[test]
fn compare_text_points_at_both_files_and_names_a_broken_side() {
    let old = file("text-old.yaml", &secretbox(&[("key1", 1)]));
    let broken = file(
        "text-broken.yaml",
        &format!("{HEAD}  - resources: [secrets\n"),
    );
    let out = enccfg(
        &["compare", broken.to_str().unwrap(), old.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("error[parse-failed]: (all): the deployed file does not decode (line"),
        "{text}"
    );
    assert!(text.contains("text-broken.yaml:"), "{text}");
}

#[test]
fn compare_usage_and_io_errors_exit_two() {
    assert_eq!(enccfg(&["compare", "-", "-"], "").status.code(), Some(2));
    assert_eq!(
        enccfg(
            &["compare", "/nonexistent/a.yaml", "/nonexistent/b.yaml"],
            ""
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        enccfg(&["compare", "only-one.yaml"], "").status.code(),
        Some(2)
    );
    let old = file("io-old.yaml", &secretbox(&[("key1", 1)]));
    let out = enccfg(
        &[
            "compare",
            old.to_str().unwrap(),
            old.to_str().unwrap(),
            "--kubernetes-version",
            "1.9",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn keygen_prints_one_padded_key_of_the_providers_size() {
    for (args, size) in [
        (vec!["keygen"], 32),
        (vec!["keygen", "--provider", "secretbox"], 32),
        (vec!["keygen", "--provider", "aescbc"], 32),
        (vec!["keygen", "--provider", "aesgcm", "--bytes", "16"], 16),
        (vec!["keygen", "--provider", "aesgcm", "--bytes", "24"], 24),
    ] {
        let out = enccfg(&args, "");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.ends_with('\n') && text.lines().count() == 1,
            "{text:?}"
        );
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(text.trim_end())
            .unwrap();
        assert_eq!(decoded.len(), size, "{args:?}");
    }
    let a = enccfg(&["keygen"], "").stdout;
    let b = enccfg(&["keygen"], "").stdout;
    assert_ne!(a, b, "two keys differ");
    let out = enccfg(&["keygen", "--bytes", "16"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("secretbox key is 32 bytes"));
    assert_eq!(
        enccfg(&["keygen", "--provider", "kms"], "").status.code(),
        Some(2)
    );
}

#[test]
fn a_generated_key_is_accepted_by_check() {
    let out = enccfg(&["keygen", "--provider", "aesgcm", "--bytes", "24"], "");
    let secret = String::from_utf8(out.stdout).unwrap();
    let text = format!("{HEAD}  - resources: [secrets]\n    providers:\n      - aesgcm:\n          keys:\n            - name: k\n              secret: {}\n", secret.trim_end());
    assert_eq!(enccfg(&["check", "-"], &text).status.code(), Some(0));
}

#[test]
fn explain_error_recognises_messages_and_prefixes() {
    let out = enccfg(
        &[
            "explain-error",
            "unable to transform key \"/registry/secrets/d/s\": invalid padding on input",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("aescbc decrypted with the wrong secret\n"),
        "{text}"
    );
    assert!(
        text.contains("source: kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/aes/aes.go"),
        "{text}"
    );
    // A stored value on standard input, against a file that no longer has its key.
    let config = file("explain-config.yaml", &secretbox(&[("key2", 2)]));
    let previous = file(
        "explain-previous.yaml",
        &secretbox(&[("key2", 2), ("key1", 1)]),
    );
    let out = enccfg(
        &[
            "explain-error",
            "--config",
            config.to_str().unwrap(),
            "--previous",
            previous.to_str().unwrap(),
            "--format",
            "json",
        ],
        "/registry/secrets/default/db\nk8s:enc:secretbox:v1:key1:\u{1}\u{2}",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["form"], "stored-value");
    assert_eq!(v["provider"], "secretbox:key1");
    assert_eq!(v["resource"], "secrets");
    assert_eq!(v["readable"], false);
    assert!(v["file"].as_array().unwrap().iter().any(|l| l
        .as_str()
        .unwrap()
        .starts_with("the file deployed before read it")));
}

#[test]
fn explain_error_exits_one_on_unknown_text_and_two_on_missing_files() {
    let out = enccfg(&["explain-error", "-"], "the weather is fine");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout)
        .starts_with("not a message or stored value this explainer knows"));
    assert_eq!(
        enccfg(&["explain-error", "x", "--config", "/nonexistent.yaml"], "")
            .status
            .code(),
        Some(2)
    );
}
