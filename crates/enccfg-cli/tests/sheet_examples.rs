//! `enccfg check --format json` on the examples of the fact sheet
//! (shared/k8s/encryption-facts.md): exactly the field paths, error types and order it gives.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

const HEADER: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n";

/// (exit code, accepted, [(field, type)] of validate-stage diagnostics, all codes).
fn check(body: &str, flags: &[&str]) -> (i32, bool, Vec<(String, String)>, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(["check", "--format", "json"])
        .args(flags)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{HEADER}{body}").as_bytes());
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let fields = diags
        .iter()
        .filter(|d| d["stage"] == "validate")
        .map(|d| {
            (
                d["field"].as_str().unwrap().to_string(),
                d["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let codes = diags
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    (
        out.status.code().unwrap(),
        v["accepted"].as_bool().unwrap(),
        fields,
        codes,
    )
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_documented_example_fails_on_its_28_and_25_byte_keys() {
    let body = "resources:
  - resources: [events]
    providers:
      - identity: {}
  - resources: [secrets, configmaps, pandas.awesome.bears.example]
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: c2VjcmV0IGlzIHNlY3VyZQ==
  - resources: ['*.apps']
    providers:
      - aescbc:
          keys:
            - name: key2
              secret: c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg==
  - resources: ['*.*']
    providers:
      - aescbc:
          keys:
            - name: key3
              secret: c2VjcmV0IGlzIHNlY3VyZSwgSSB0aGluaw==
";
    let (code, accepted, fields, _) = check(body, &[]);
    assert_eq!((code, accepted), (1, false));
    assert_eq!(
        fields,
        pairs(&[
            ("resources[2].providers[0].aescbc.keys[0].secret", "Invalid"),
            ("resources[3].providers[0].aescbc.keys[0].secret", "Invalid"),
        ])
    );
}

#[test]
fn an_empty_kms_is_v1_and_fails_on_name_and_endpoint_only() {
    let (_, _, fields, _) = check(
        "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {}\n",
        &["--kmsv1-gate"],
    );
    assert_eq!(
        fields,
        pairs(&[
            ("resources[0].providers[0].kms.name", "Required"),
            ("resources[0].providers[0].kms.endpoint", "Invalid"),
        ])
    );
}

#[test]
fn identity_without_braces_is_no_provider() {
    let (_, accepted, fields, _) = check(
        "resources:\n  - resources: [secrets]\n    providers:\n      - identity:\n",
        &[],
    );
    assert!(!accepted);
    assert_eq!(fields, pairs(&[("resources[0].providers[0]", "Invalid")]));
}

#[test]
fn duplicate_kms_names_are_one_sided_without_reload() {
    let v2_then_v1 = "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v2, name: foo, endpoint: 'unix:///a'}\n      - kms: {apiVersion: v1, name: foo, endpoint: 'unix:///b'}\n";
    let v1_then_v2 = "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v1, name: foo, endpoint: 'unix:///a'}\n      - kms: {apiVersion: v2, name: foo, endpoint: 'unix:///b'}\n";
    assert_eq!(check(v2_then_v1, &["--kmsv1-gate"]).2, vec![]);
    assert_eq!(
        check(v1_then_v2, &["--kmsv1-gate"]).2,
        pairs(&[("resources[0].providers[1].kms.name", "Invalid")])
    );
    assert_eq!(
        check(v2_then_v1, &["--kmsv1-gate", "--reload"]).2,
        pairs(&[("resources[0].providers[1].kms.name", "Invalid")])
    );
}

#[test]
fn two_unnamed_v2_providers_give_required_twice_and_a_duplicate() {
    let body = "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v2, endpoint: 'unix:///a'}\n      - kms: {apiVersion: v2, endpoint: 'unix:///b'}\n";
    assert_eq!(
        check(body, &[]).2,
        pairs(&[
            ("resources[0].providers[0].kms.name", "Required"),
            ("resources[0].providers[1].kms.name", "Required"),
            ("resources[0].providers[1].kms.name", "Invalid"),
        ])
    );
}

#[test]
fn kms_rules_run_in_kube_apiserver_order() {
    let body = "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v3, name: 'a:b', timeout: 0s, endpoint: 'tcp://x', cachesize: 5}\n";
    assert_eq!(
        check(body, &[]).2,
        pairs(&[
            ("resources[0].providers[0].kms.name", "Invalid"),
            ("resources[0].providers[0].kms.timeout", "Invalid"),
            ("resources[0].providers[0].kms.endpoint", "Invalid"),
            ("resources[0].providers[0].kms.cachesize", "Invalid"),
            ("resources[0].providers[0].kms.apiVersion", "Invalid"),
        ])
    );
}

#[test]
fn list_level_then_per_name_errors_with_the_duplicate_wildcard_quirk() {
    let body = "resources:\n  - resources: ['*.', '*.', Secrets, '*', serviceipallocations, '*.events.k8s.io', deployments.extensions, 'foos.*']\n    providers:\n      - identity: {}\n";
    let (_, _, fields, _) = check(body, &[]);
    assert_eq!(
        fields,
        pairs(&[
            ("resources[0].resources", "Invalid"),
            ("resources[0].resources", "Invalid"),
            ("resources[0].resources[2]", "Invalid"),
            ("resources[0].resources[3]", "Invalid"),
            ("resources[0].resources[4]", "Invalid"),
            ("resources[0].resources[5]", "Invalid"),
            ("resources[0].resources[6]", "Invalid"),
            ("resources[0].resources[7]", "Invalid"),
        ])
    );
}

#[test]
fn masking_and_the_kmsv1_gate_are_load_errors_without_field_paths() {
    let masked = "resources:\n  - resources: ['*.*']\n    providers:\n      - identity: {}\n  - resources: [secrets]\n    providers:\n      - identity: {}\n";
    let (code, accepted, fields, codes) = check(masked, &[]);
    assert_eq!((code, accepted, fields), (1, false, vec![]));
    assert_eq!(codes, ["EC0301"]);
    let opt_out = "resources:\n  - resources: [events]\n    providers:\n      - identity: {}\n  - resources: ['*.*']\n    providers:\n      - identity: {}\n";
    assert_eq!(check(opt_out, &[]).0, 0);

    let v1 = "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {name: a, endpoint: 'unix:///a'}\n";
    assert_eq!(check(v1, &[]).3, ["EC0302"]);
    assert_eq!(check(v1, &["--kubernetes-version", "1.28"]).0, 0);
    assert_eq!(check(v1, &["--kmsv1-gate=true"]).0, 0);
}

#[test]
fn strict_decoding_arrived_in_1_31() {
    let typo = "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v2, name: a, endpoint: 'unix:///a', cachesise: 5}\n";
    let (code, _, _, codes) = check(typo, &["--kubernetes-version", "1.31"]);
    assert_eq!((code, codes), (1, vec!["EC0105".to_string()]));
    assert_eq!(check(typo, &["--kubernetes-version", "1.30"]).0, 0);
    let number_timeout = "resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v2, name: a, endpoint: 'unix:///a', timeout: 5}\n";
    let (code, _, fields, codes) = check(number_timeout, &["--kubernetes-version", "1.27"]);
    assert_eq!(
        (code, fields, codes),
        (1, vec![], vec!["EC0108".to_string()])
    );
}
