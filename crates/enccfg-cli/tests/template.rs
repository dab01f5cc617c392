//! `enccfg check --template`, placeholders and inline suppression comments, through the binary.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// An installer's Jinja template (resources from a filter, provider and secret from variables).
const JINJA: &str = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
{{ kube_encryption_resources | to_nice_yaml | indent(4, True) }}
    providers:
    - {{ kube_encryption_algorithm }}:
        keys:
        - name: key
          secret: {{ kube_encrypt_token | b64encode }}
    - identity: {}
";

fn file(name: &str, body: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("enccfg-template-{}-{name}", std::process::id()));
    std::fs::write(&path, body).unwrap();
    path
}

fn enccfg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(args)
        .output()
        .expect("run enccfg")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_template_is_named_without_template_mode_and_checked_with_it() {
    let path = file("jinja.yaml.j2", JINJA);
    let p = path.to_str().unwrap();
    let plain = enccfg(&["check", p, "--format", "json"]);
    assert_eq!(
        plain.status.code(),
        Some(1),
        "kube-apiserver would refuse it"
    );
    let v = json(&plain);
    let first = &v["diagnostics"][0];
    assert_eq!(first["code"], "EC0007", "{v}");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(5), Some(1))
    );
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("template (Jinja)"));

    let templated = enccfg(&["check", p, "--template", "--format", "json"]);
    assert_eq!(
        templated.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&templated.stdout)
    );
    let v = json(&templated);
    assert_eq!(v["accepted"], true);
    assert!(!codes(&v).contains(&"EC0007".to_string()));

    let broken = file(
        "broken.yaml.j2",
        &JINJA.replace("    - identity: {}\n", "  - identity: {}\n"),
    );
    let out = enccfg(&[
        "check",
        broken.to_str().unwrap(),
        "--template",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let lines: Vec<u64> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert!(!lines.is_empty() && lines.iter().all(|&l| l == 11), "{v}");
}

#[test]
fn a_shell_variable_secret_is_named_and_the_error_stays() {
    let path = file(
        "var.yaml",
        "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: key1\n              secret: ${ENCRYPTION_KEY}\n",
    );
    let out = enccfg(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let all = v["diagnostics"].as_array().unwrap();
    let error = all
        .iter()
        .find(|d| d["code"] == "EC0217")
        .expect("EC0217 stays");
    let help = error["help"].as_str().unwrap();
    assert!(
        help.contains("unexpanded shell variable") && !help.contains("URL-safe"),
        "{help}"
    );
    assert!(all
        .iter()
        .any(|d| d["code"] == "EC0417" && d["stage"] == "lint"));
}

#[test]
fn a_suppression_comment_hides_a_lint_and_an_unused_one_is_reported() {
    let body = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      # enccfg: ignore[aescbc-not-recommended]\n      - aescbc: {keys: [{name: key1, secret: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='}]} # enccfg: ignore[EC0403]\n";
    let path = file("suppressed.yaml", body);
    let out = enccfg(&["check", path.to_str().unwrap(), "--format", "json"]);
    let v = json(&out);
    let found = codes(&v);
    assert!(!found.contains(&"EC0402".to_string()), "{found:?}");
    let unused: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "EC0418")
        .collect();
    assert_eq!(unused.len(), 1, "{v}");
    assert_eq!(unused[0]["line"], 7);
    let deny = enccfg(&["check", path.to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(
        deny.status.code(),
        Some(1),
        "the unused suppression is a warning"
    );
}
