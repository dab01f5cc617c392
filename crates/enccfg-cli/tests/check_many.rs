//! `enccfg check` over several files and directories: one report in every format, exit codes,
//! `--deny-warnings`, `--select`/`--ignore`, and the `github` and `junit` formats checked
//! against their own rules (JUnit through a real XML parser).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const HEADER: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n";

/// No finding at all: one secretbox provider with a random key.
const CLEAN: &str = "resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: PvmipwYroqm/VNrIC1Lnh/OmtjBEzSKdDkRKt3x9FnM=
";

/// Accepted with a warning: identity first (EC0401).
const WARNS: &str = "resources:
  - resources: [secrets]
    providers:
      - identity: {}
      - secretbox:
          keys:
            - name: key1
              secret: jD4IM4vrNZ0KTRjl1Rt8/bU/G3TVr96lZEuR/3EZj3M=
";

/// Refused: a 21-byte secretbox key (EC0218 at 9:23, 28 characters).
const REFUSED: &str = "resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: YWsTHnxKp2NtxlunbDCgueNiav2B
";

/// A fresh directory holding `files` (path, body after the header).
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("enccfg-many-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, body) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, format!("{HEADER}{body}")).unwrap();
    }
    dir
}

fn enccfg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(args)
        .output()
        .expect("run enccfg")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> (i32, Value) {
    let out = enccfg(args);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", stdout(&out)));
    (out.status.code().unwrap(), value)
}

fn s(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn files_and_directories_give_one_report_in_a_stable_sorted_order() {
    let dir = tree(
        "order",
        &[
            ("configs/b.yaml", REFUSED),
            ("configs/a.yaml", CLEAN),
            ("configs/sub/c.yml", WARNS),
            ("configs/readme.txt", CLEAN),
            ("extra.json", CLEAN),
        ],
    );
    let configs = s(&dir.join("configs"));
    let extra = s(&dir.join("extra.json"));
    let (code, v) = json(&["check", "--format", "json", &configs, &extra]);
    assert_eq!(code, 1);
    assert_eq!(v["accepted"], false);
    let files = v["files"].as_array().unwrap();
    let listed: Vec<(&str, bool)> = files
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["accepted"].as_bool().unwrap(),
            )
        })
        .collect();
    let a = format!("{configs}/a.yaml");
    let b = format!("{configs}/b.yaml");
    let c = format!("{configs}/sub/c.yml");
    assert_eq!(
        listed,
        [
            (a.as_str(), true),
            (b.as_str(), false),
            (c.as_str(), true),
            (extra.as_str(), true)
        ]
    );
    assert_eq!(files[1]["diagnostics"][0]["code"], "EC0218");
    assert_eq!(files[1]["diagnostics"][0]["line"], 9);
    // The same order on a second run.
    assert_eq!(json(&["check", "--format", "json", &configs, &extra]).1, v);

    // Text: each file with its verdict, then one summary.
    let text = stdout(&enccfg(&["check", &configs]));
    assert!(text.contains(&format!(" --> {b}:9:23\n")), "{text}");
    assert!(
        text.contains(&format!(
            "would not start with {b} (1 error, 0 other findings)\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("would start with {a} (0 other findings)\n")),
        "{text}"
    );
    assert!(
        text.contains(&format!("would start with {c} (1 other finding)\n")),
        "{text}"
    );
    assert!(
        text.ends_with(
            "refused: 1 of 3 files would stop kube-apiserver (1 error, 1 other finding)\n"
        ),
        "{text}"
    );
    assert!(!text.contains("YWsTHnxK"), "key material leaked:\n{text}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn one_file_keeps_the_one_file_object_and_a_directory_lists_its_files() {
    let dir = tree("shape", &[("only/a.yaml", CLEAN)]);
    let file = s(&dir.join("only/a.yaml"));
    let (code, v) = json(&["check", "--format", "json", &file]);
    assert_eq!(code, 0);
    assert!(
        v.get("files").is_none() && v["diagnostics"].is_array(),
        "{v}"
    );
    let (code, v) = json(&["check", "--format", "json", &s(&dir.join("only"))]);
    assert_eq!(code, 0);
    assert_eq!(v["files"][0]["path"], file);
    assert_eq!(v["accepted"], true);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_path_is_an_io_error_that_names_it_and_prints_no_report() {
    let dir = tree("missing", &[("a.yaml", CLEAN)]);
    let out = enccfg(&["check", &s(&dir.join("a.yaml")), "/nonexistent/enc.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("`/nonexistent/enc.yaml`"), "{stderr}");
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = enccfg(&["check", &s(&empty)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("no *.yaml"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sarif_has_one_run_with_one_artifact_per_file() {
    let dir = tree("sarif", &[("a.yaml", CLEAN), ("b.yaml", REFUSED)]);
    let (code, v) = json(&["check", "--format", "sarif", &s(&dir)]);
    assert_eq!(code, 1);
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let uris: Vec<&str> = runs[0]["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["location"]["uri"].as_str().unwrap())
        .collect();
    let b = s(&dir.join("b.yaml"));
    assert_eq!(uris, [s(&dir.join("a.yaml")).as_str(), b.as_str()]);
    let result = &runs[0]["results"][0];
    assert_eq!(result["ruleId"], "EC0218");
    let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        (artifact["uri"].as_str(), artifact["index"].as_u64()),
        (Some(b.as_str()), Some(1))
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn deny_warnings_fails_on_warnings_and_select_or_ignore_choose_the_advice() {
    let dir = tree("deny", &[("warns.yaml", WARNS), ("refused.yaml", REFUSED)]);
    let warns = s(&dir.join("warns.yaml"));
    let refused = s(&dir.join("refused.yaml"));
    assert_eq!(enccfg(&["check", &warns]).status.code(), Some(0));
    let denied = enccfg(&["check", "--deny-warnings", &warns]);
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        stdout(&denied).ends_with("failed: 1 warning and --deny-warnings\n"),
        "{}",
        stdout(&denied)
    );

    // Ignored advice is neither shown nor counted.
    let (code, v) = json(&[
        "check",
        "--deny-warnings",
        "--ignore",
        "EC0401",
        "--format",
        "json",
        &warns,
    ]);
    assert_eq!(code, 0);
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "EC0401"),
        "{v}"
    );
    let (_, v) = json(&[
        "check",
        "--select",
        "identity-first",
        "--format",
        "json",
        &warns,
    ]);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["EC0401"]);
    let (_, v) = json(&[
        "check",
        "--select",
        "EC0402,EC0403",
        "--format",
        "json",
        &warns,
    ]);
    assert_eq!(v["diagnostics"], serde_json::json!([]));

    // Errors are kube-apiserver's refusals: never hidden, always counted.
    let out = enccfg(&["check", "--ignore", "EC0218", "--format", "json", &refused]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "EC0218");
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("EC0218 is reported anyway"));

    // Unknown codes are usage errors with the nearest code.
    let out = enccfg(&["check", "--ignore", "EC0401,identity-frist", &warns]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "unknown code `identity-frist` in --ignore: did you mean `EC0401` (identity-first)?"
        ),
        "{stderr}"
    );
    assert_eq!(
        enccfg(&["check", "--select", "EC9999", &warns])
            .status
            .code(),
        Some(2)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// The properties of one workflow command line: (command, properties, message).
fn workflow_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line
        .strip_prefix("::")
        .unwrap_or_else(|| panic!("not a command: {line}"));
    let (head, message) = rest.split_once("::").unwrap();
    let (command, properties) = head.split_once(' ').unwrap();
    let properties = properties
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_string(), v.to_string())
        })
        .collect();
    (command.to_string(), properties, message.to_string())
}

/// The runner's unescaping of a property or message.
fn unescape(text: &str) -> String {
    text.replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

#[test]
fn github_annotations_carry_positions_titles_and_escaped_text() {
    // A path with the characters the property rules escape.
    let dir = tree(
        "github",
        &[("50%,odd:name.yaml", REFUSED), ("warns.yaml", WARNS)],
    );
    let out = enccfg(&["check", "--format", "github", &s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let (command, properties, message) = workflow_command(lines[0]);
    assert_eq!(command, "error");
    let get = |k: &str| {
        properties
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let path = s(&dir.join("50%,odd:name.yaml"));
    assert!(
        get("file").ends_with("50%25%2Codd%3Aname.yaml"),
        "{}",
        get("file")
    );
    assert_eq!(unescape(&get("file")), path);
    assert_eq!(
        (get("line"), get("col"), get("endLine")),
        ("9".into(), "23".into(), "9".into())
    );
    // The key spans 28 characters: columns 23 to 50, the end column inclusive.
    assert_eq!(get("endColumn"), "50");
    assert_eq!(unescape(&get("title")), "EC0218 key-secret-wrong-length");
    // The help goes on its own line of the annotation, escaped: no raw line break.
    assert!(message.contains("%0Ahelp: "), "{message}");
    assert!(!message.contains('\n') && !message.contains("YWsT"));

    let (command, properties, _) = workflow_command(lines[1]);
    assert_eq!(command, "warning");
    assert!(properties
        .iter()
        .any(|(k, v)| k == "title" && v.starts_with("EC0401")));
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("enccfg: failed: 1 of 2 files"),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn junit_has_a_suite_per_file_and_failures_for_errors_and_denied_warnings() {
    let dir = tree(
        "junit",
        &[("a.yaml", CLEAN), ("b.yaml", REFUSED), ("c.yaml", WARNS)],
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "junit"];
        args.extend_from_slice(extra);
        let root = s(&dir);
        args.push(&root);
        let out = enccfg(&args);
        (out.status.code().unwrap(), stdout(&out))
    };
    let (code, xml) = run(&[]);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let names: Vec<&str> = suites
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert_eq!(
        names,
        [
            s(&dir.join("a.yaml")),
            s(&dir.join("b.yaml")),
            s(&dir.join("c.yaml"))
        ]
    );
    fn cases<'a, 'i>(suite: &roxmltree::Node<'a, 'i>) -> Vec<roxmltree::Node<'a, 'i>> {
        suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect()
    }
    let failures = |case: &roxmltree::Node| {
        case.children()
            .filter(|n| n.has_tag_name("failure"))
            .count()
    };
    // A clean file: one passing test case.
    let clean = cases(&suites[0]);
    assert_eq!((clean.len(), failures(&clean[0])), (1, 0));
    // A refused file: its error is a failure with the code as its type.
    let refused = cases(&suites[1]);
    let failure = refused[0]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(failure.attribute("type"), Some("EC0218"));
    assert!(failure.text().unwrap().contains(":9:23: "));
    assert_eq!(suites[1].attribute("failures"), Some("1"));
    // A warning passes, with its text kept, unless --deny-warnings.
    let warned = cases(&suites[2]);
    assert_eq!(failures(&warned[0]), 0);
    assert!(warned[0].children().any(|n| n.has_tag_name("system-out")));
    assert_eq!(root.attribute("failures"), Some("1"));
    assert_eq!(root.attribute("tests"), Some("3"));

    let (code, xml) = run(&["--deny-warnings"]);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(doc.root_element().attribute("failures"), Some("2"));
    assert!(!xml.contains("YWsTHnxK"));
    std::fs::remove_dir_all(dir).unwrap();
}
