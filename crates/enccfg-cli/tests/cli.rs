//! The `enccfg` binary end to end: formats, exit codes, masking, explain.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A valid file with a generated (not real) 32-byte secretbox key.
const VALID: &str = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=
      - identity: {}
";

/// Two errors: a 25-byte key and a KMS v2 name with a colon.
const INVALID: &str = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFB
      - kms:
          apiVersion: v2
          name: my:kms
          endpoint: unix:///tmp/kms.sock
";

fn enccfg(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run enccfg");
    // A process that exits early (usage errors) may close stdin first: ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn json(args: &[&str], stdin: &str) -> (i32, Value) {
    let out = enccfg(args, stdin);
    let value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    (out.status.code().unwrap(), value)
}

#[test]
fn accepted_file_exits_zero_with_json_verdict() {
    let (code, v) = json(&["check", "--format", "json", "-"], VALID);
    assert_eq!(code, 0);
    assert_eq!(v["accepted"], true);
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["severity"] != "error"));
}

#[test]
fn refused_file_exits_one_with_fields_types_and_positions() {
    let (code, v) = json(&["check", "--format", "json"], INVALID);
    assert_eq!(code, 1);
    assert_eq!(v["accepted"], false);
    let errors: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["stage"] == "validate")
        .collect();
    assert_eq!(errors.len(), 2);
    assert_eq!(
        errors[0]["field"],
        "resources[0].providers[0].aescbc.keys[0].secret"
    );
    assert_eq!(errors[0]["type"], "Invalid");
    assert_eq!(errors[0]["code"], "EC0218");
    assert_eq!(
        (errors[0]["line"].as_u64(), errors[0]["column"].as_u64()),
        (Some(9), Some(23))
    );
    assert_eq!(errors[1]["field"], "resources[0].providers[1].kms.name");
    for key in [
        "code",
        "name",
        "stage",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "field",
        "type",
        "help",
        "fix",
    ] {
        assert!(errors[0].get(key).is_some(), "missing key {key}");
    }
    let lint = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["stage"] == "lint")
        .expect("a lint");
    assert!(lint["field"].is_null() && lint["type"].is_null());
}

#[test]
fn reload_flag_changes_the_verdict_for_duplicate_v1_names() {
    let file = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms: {name: a, endpoint: 'unix:///a.sock'}
      - kms: {name: a, endpoint: 'unix:///b.sock'}
";
    let args = ["check", "--format", "json", "--kmsv1-gate"];
    let (off, _) = json(&args, file);
    let (on, v) = json(&[&args[..], &["--reload"]].concat(), file);
    assert_eq!((off, on), (0, 1));
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "EC0221" && d["field"] == "resources[0].providers[1].kms.name"));
}

#[test]
fn kubernetes_version_selects_the_kmsv1_default() {
    let file = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms: {name: a, endpoint: 'unix:///a.sock'}
";
    assert_eq!(
        json(
            &["check", "--format", "json", "--kubernetes-version", "1.28"],
            file
        )
        .0,
        0
    );
    assert_eq!(
        json(
            &["check", "--format", "json", "--kubernetes-version", "1.29"],
            file
        )
        .0,
        1
    );
    assert_eq!(
        json(
            &[
                "check",
                "--format",
                "json",
                "--kubernetes-version",
                "1.29",
                "--kmsv1-gate=true"
            ],
            file
        )
        .0,
        0
    );
}

#[test]
fn text_format_underlines_and_masks_secrets() {
    let out = enccfg(&["check"], INVALID);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[EC0218]"), "{text}");
    assert!(text.contains("--> <stdin>:9:23"), "{text}");
    assert!(text.contains("= field: resources[0].providers[0].aescbc.keys[0].secret (Invalid)"));
    assert!(text.contains("^^^^"));
    assert!(!text.contains("QUFBQUFB"), "key material leaked:\n{text}");
    assert!(text.contains("refused"));
}

#[test]
fn sarif_has_rules_results_and_regions() {
    let (code, v) = json(&["check", "--format", "sarif"], INVALID);
    assert_eq!(code, 1);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "enccfg");
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "EC0218")
        .expect("EC0218 result");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(9), Some(23))
    );
    assert!(run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "EC0218"));
}

#[test]
fn usage_and_io_errors_exit_two() {
    assert_eq!(
        enccfg(&["check", "/nonexistent/file.yaml"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        enccfg(&["check", "--format", "xml"], VALID).status.code(),
        Some(2)
    );
    assert_eq!(
        enccfg(&["check", "--kubernetes-version", "1.20"], VALID)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(enccfg(&["explain", "EC9999"], "").status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_a_positioned_refusal_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(["check", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"apiVersion: v1\nkind: \xff\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "EC0006");
    assert_eq!(v["diagnostics"][0]["line"], 2);
}

#[test]
fn explain_prints_a_codes_docs_and_the_markdown_matches_the_docs_file() {
    let out = enccfg(&["explain", "kms-name-duplicate"], "");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("EC0221 kms-name-duplicate"));
    let md = enccfg(&["explain", "--all-markdown"], "");
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/diagnostics.md"
    ))
    .unwrap();
    assert_eq!(String::from_utf8(md.stdout).unwrap(), on_disk);
}

#[test]
fn describe_prints_both_tables() {
    let out = enccfg(&["describe"], VALID);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("secretbox:key1"), "{text}");
    assert!(text.contains("(unlisted)"));
    assert!(
        text.contains("automatic reload on (selected)")
            || text.contains("automatic reload off (selected)")
    );
    let (code, v) = json(&["describe", "--format", "json", "--reload"], VALID);
    assert_eq!(code, 0);
    assert_eq!(v["ordering"][0]["resource"], "secrets");
    assert_eq!(
        v["ordering"][0]["read"],
        serde_json::json!(["secretbox:key1", "identity"])
    );
    assert_eq!(v["health"][1]["selected"], true);
    assert_eq!(v["health"][1]["checks"][0]["name"], "kms-providers");
    assert!(!String::from_utf8(enccfg(&["describe"], VALID).stdout)
        .unwrap()
        .contains("QUFB"));
}

#[test]
fn fix_writes_safe_fixes_and_unsafe_ones_only_when_asked() {
    let broken = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [Secrets] # keep this comment
    providers:
      - identity: {}
      - secretbox:
          keys:
            - name: key1
              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=
";
    let out = enccfg(&["fix"], broken);
    assert_eq!(out.status.code(), Some(0));
    let fixed = String::from_utf8(out.stdout).unwrap();
    assert!(fixed.contains("[secrets] # keep this comment"), "{fixed}");
    assert!(
        fixed.contains("      - identity: {}\n      - secretbox:"),
        "identity stays first without --unsafe"
    );
    assert!(String::from_utf8(out.stderr).unwrap().contains("--unsafe"));

    let all = String::from_utf8(enccfg(&["fix", "--unsafe"], broken).stdout).unwrap();
    assert!(all.trim_end().ends_with("- identity: {}"), "{all}");

    let diff = String::from_utf8(enccfg(&["fix", "--diff"], broken).stdout).unwrap();
    assert!(diff.contains("-  - resources: [Secrets] # keep this comment\n+  - resources: [secrets] # keep this comment"), "{diff}");

    let dir = std::env::temp_dir().join(format!("enccfg-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("out.yaml");
    let status = enccfg(&["fix", "-o", target.to_str().unwrap()], broken).status;
    assert_eq!(status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), fixed);

    let unfixable = enccfg(&["fix"], INVALID);
    assert_eq!(
        unfixable.status.code(),
        Some(0),
        "fix succeeds when it wrote its output"
    );
    assert!(String::from_utf8(unfixable.stderr)
        .unwrap()
        .contains("still be refused"));

    let canonical = String::from_utf8(enccfg(&["fix", "--canonical"], broken).stdout).unwrap();
    assert!(
        !canonical.contains('#') && canonical.contains("- secrets"),
        "{canonical}"
    );
}

#[test]
fn summaries_count_in_words() {
    // The weak key and the socket in /tmp are left out, so one other finding remains.
    let text =
        String::from_utf8(enccfg(&["check", "--ignore", "EC0410,EC0415"], INVALID).stdout).unwrap();
    assert!(
        text.ends_with("would not start with this file (2 errors, 1 other finding)\n"),
        "{text}"
    );
    let one_error = INVALID.replace("my:kms", "mykms");
    let text = String::from_utf8(enccfg(&["check"], &one_error).stdout).unwrap();
    assert!(text.contains("(1 error, "), "{text}");
    let text =
        String::from_utf8(enccfg(&["check", "--ignore", "EC0410,EC0412"], VALID).stdout).unwrap();
    assert!(text.ends_with("(0 other findings)\n"), "{text}");

    let two_fixes = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [Secrets, ConfigMaps]
    providers:
      - identity: {}
";
    let summary = String::from_utf8(enccfg(&["fix"], two_fixes).stderr).unwrap();
    assert!(summary.starts_with("applied 2 fixes\n"), "{summary}");
    let summary = String::from_utf8(enccfg(&["fix"], INVALID).stderr).unwrap();
    assert!(summary.starts_with("applied 0 fixes\n"), "{summary}");
    assert!(!summary.contains("(es)"), "{summary}");
}

#[test]
fn canonical_fix_never_applies_an_unsafe_fix_and_says_what_it_wrote() {
    // One list element that sets two providers: splitting it (EC0213) is an unsafe fix.
    let two_in_one = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=
        identity: {}
";
    let safe = enccfg(&["fix", "--canonical"], two_in_one);
    assert_eq!(safe.status.code(), Some(0));
    let stderr = String::from_utf8(safe.stderr).unwrap();
    assert!(stderr.contains("applied 0 fixes"), "{stderr}");
    assert!(stderr.contains("1 unsafe fix not applied"), "{stderr}");
    assert!(stderr.contains("still be refused"), "{stderr}");
    let written = String::from_utf8(safe.stdout).unwrap();
    assert_eq!(
        enccfg(&["check", "-"], &written).status.code(),
        Some(1),
        "what it says and what it wrote agree:\n{written}"
    );

    let all = enccfg(&["fix", "--canonical", "--unsafe"], two_in_one);
    let stderr = String::from_utf8(all.stderr).unwrap();
    assert!(stderr.contains("applied 1 fix\n  EC0213"), "{stderr}");
    assert!(stderr.contains("would be accepted"), "{stderr}");
    let written = String::from_utf8(all.stdout).unwrap();
    assert_eq!(
        enccfg(&["check", "-"], &written).status.code(),
        Some(0),
        "{written}"
    );
}

fn enccfg_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run enccfg");
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn kubernetes_1_37_is_the_default_and_1_38_is_refused() {
    let v1 = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms: {name: a, endpoint: 'unix:///a.sock'}
";
    let (code, v) = json(&["check", "--format", "json"], v1);
    assert_eq!(code, 1);
    assert!(v["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("1.37"));
    let explicit = json(
        &["check", "--format", "json", "--kubernetes-version", "1.37"],
        v1,
    );
    assert_eq!(explicit, (code, v));
    let out = enccfg(&["check", "--kubernetes-version", "1.38"], VALID);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1.27 … 1.37"));
}

#[test]
fn feature_gates_take_kube_apiservers_own_flag_form() {
    let v1 = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms: {name: a, endpoint: 'unix:///a.sock'}
";
    // Both spellings, as pasted from a static pod manifest; other gates are ignored.
    let forms: [&[&str]; 2] = [
        &["check", "--feature-gates=KMSv1=true,AllAlpha=false"],
        &["check", "--feature-gates", "KMSv1=true"],
    ];
    for args in forms {
        assert_eq!(enccfg(args, v1).status.code(), Some(0), "{args:?}");
    }
    assert_eq!(
        enccfg(&["check", "--feature-gates=KMSv1=false"], v1)
            .status
            .code(),
        Some(1)
    );
    // KMSv2=false exists only in 1.27 and 1.28, where it stops a v2 provider at load.
    let v2 = VALID.replace(
        "      - identity: {}\n",
        "      - kms: {apiVersion: v2, name: b, endpoint: 'unix:///b.sock'}\n",
    );
    let (code, v) = json(
        &[
            "check",
            "--format",
            "json",
            "--kubernetes-version",
            "1.28",
            "--feature-gates=KMSv2=false",
        ],
        &v2,
    );
    assert_eq!(code, 1);
    assert_eq!(v["diagnostics"][0]["code"], "EC0303");
    assert_eq!(
        enccfg(&["check", "--kubernetes-version", "1.28"], &v2)
            .status
            .code(),
        Some(0)
    );
    // kube-apiserver 1.37 has no KMSv2 gate any more: the flag would stop it.
    let out = enccfg(&["check", "--feature-gates=KMSv2=false"], &v2);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("KMSv2"));
    assert_eq!(
        enccfg(&["check", "--feature-gates=KMSv1=maybe"], VALID)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn utf16_files_are_read_with_positions_in_the_decoded_text() {
    let text = INVALID.replace("resources: [secrets]", "resources: [Secrets]");
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let out = enccfg_bytes(&["check", "--format", "json"], &bytes);
        assert_eq!(out.status.code(), Some(1));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["diagnostics"][0]["code"], "EC0205");
        assert_eq!(
            (&v["diagnostics"][0]["line"], &v["diagnostics"][0]["column"]),
            (&Value::from(4), &Value::from(17))
        );
        // The text renderer shows the decoded line.
        let out = enccfg_bytes(&["check"], &bytes);
        assert!(String::from_utf8_lossy(&out.stdout).contains("  - resources: [Secrets]"));
    }
    // A UTF-8 BOM is dropped; `fix` writes UTF-8.
    let bom = [b"\xef\xbb\xbf".as_slice(), VALID.as_bytes()].concat();
    assert_eq!(enccfg_bytes(&["check"], &bom).status.code(), Some(0));
    let fixed = enccfg_bytes(&["fix"], &bom);
    assert_eq!(String::from_utf8(fixed.stdout).unwrap(), VALID);
}
