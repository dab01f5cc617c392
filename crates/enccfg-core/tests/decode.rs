//! Facts §1–§2: how kube-apiserver's decoder reads the file before validation: type headers
//! (legacy pair, missing, unknown, other kinds), strictness by version (unknown fields,
//! duplicate keys), case-sensitive names, typed fields (duration, int32, strings under YAML
//! 1.1), nulls, JSON input, and that a decode error suppresses validation.

mod common;

use common::*;
use enccfg_core::{Options, Severity, Stage};

const YAML_SYNTAX: &str = "EC0001";
const MISSING_API_VERSION: &str = "EC0101";
const MISSING_KIND: &str = "EC0102";
const UNKNOWN_KIND: &str = "EC0103";
const WRONG_CONFIG_TYPE: &str = "EC0104";
const UNKNOWN_FIELD: &str = "EC0105";
const DUPLICATE_KEY: &str = "EC0106";
const WRONG_TYPE: &str = "EC0107";
const INVALID_DURATION: &str = "EC0108";
const INT32_RANGE: &str = "EC0109";
const UNREPRESENTABLE: &str = "EC0110";

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// The body of a valid file, without its type header.
fn body() -> String {
    one(&[local_ok("secretbox")])[HEAD.len()..].to_string()
}

fn with_header(header: &str) -> String {
    format!("{header}{}", body())
}

/// A valid document with one KMS v2 provider whose fields are `fields`.
fn kms_doc(fields: &str) -> String {
    one(&[kms(&format!(
        "apiVersion: v2, name: a, endpoint: \"unix:///x\", {fields}"
    ))])
}

#[test]
fn the_current_and_the_legacy_type_headers_decode() {
    for header in [
        HEAD,
        "apiVersion: v1\nkind: EncryptionConfig\n",
        "kind: EncryptionConfiguration\napiVersion: apiserver.config.k8s.io/v1\n",
        "apiVersion: \"apiserver.config.k8s.io/v1\"\nkind: 'EncryptionConfiguration'\n",
    ] {
        let text = with_header(header);
        assert_eq!(early(&text, &newest()), [], "{header}");
        assert!(run(&text, &newest()).accepted, "{header}");
    }
}

#[test]
fn missing_api_version_or_kind_fails_to_decode() {
    let o = newest();
    assert_eq!(
        early(&with_header("kind: EncryptionConfiguration\n"), &o),
        [(MISSING_API_VERSION, E)]
    );
    assert_eq!(
        early(&with_header("apiVersion: apiserver.config.k8s.io/v1\n"), &o),
        [(MISSING_KIND, E)]
    );
    assert_eq!(
        early(
            &with_header("apiVersion: ~\nkind: EncryptionConfiguration\n"),
            &o
        ),
        [(MISSING_API_VERSION, E)]
    );
    let neither = early(&body(), &o);
    assert_eq!(neither.len(), 1);
    assert!(matches!(neither[0].0, MISSING_API_VERSION | MISSING_KIND));
}

#[test]
fn unknown_kinds_and_versions_are_not_registered() {
    let o = newest();
    for header in [
        "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfigurations\n",
        "apiVersion: apiserver.config.k8s.io/v1\nkind: encryptionconfiguration\n",
        "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfig\n",
        "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: EncryptionConfiguration\n",
        "apiVersion: apiserver.config.k8s.io/v1alpha1\nkind: EncryptionConfiguration\n",
        "apiVersion: v1\nkind: EncryptionConfiguration\n",
        "apiVersion: apiserver.k8s.io/v1\nkind: EncryptionConfiguration\n",
    ] {
        assert_eq!(
            early(&with_header(header), &o),
            [(UNKNOWN_KIND, E)],
            "{header}"
        );
    }
}

#[test]
fn other_kinds_of_the_group_are_an_unexpected_config_type() {
    let o = newest();
    for kind in [
        "AdmissionConfiguration",
        "AuthenticationConfiguration",
        "AuthorizationConfiguration",
        "TracingConfiguration",
    ] {
        let text = format!("apiVersion: apiserver.config.k8s.io/v1\nkind: {kind}\nplugins: []\n");
        assert_eq!(early(&text, &o), [(WRONG_CONFIG_TYPE, E)], "{kind}");
        assert!(codes(&text, &o, Stage::Validate).is_empty());
    }
}

#[test]
fn unknown_fields_are_errors_from_1_31() {
    let text = kms_doc("pandas: 1");
    for minor in 31..=37 {
        assert_eq!(
            early(&text, &opts(minor)),
            [(UNKNOWN_FIELD, E)],
            "1.{minor}"
        );
        assert!(!run(&text, &opts(minor)).accepted);
    }
    let analysis = run(&text, &newest());
    let d = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == UNKNOWN_FIELD)
        .unwrap();
    assert!(
        d.message.contains("resources[0].providers[0].kms.pandas"),
        "{}",
        d.message
    );
    assert_eq!(&text[d.range.start()..d.range.end()], "pandas");
}

#[test]
fn unknown_fields_are_warnings_before_1_31_and_validation_still_runs() {
    let text = kms_doc("pandas: 1");
    for minor in 27..=30 {
        assert_eq!(
            early(&text, &opts(minor)),
            [(UNKNOWN_FIELD, W)],
            "1.{minor}"
        );
        assert!(run(&text, &opts(minor)).accepted, "1.{minor}");
    }
    // The dropped field has no effect, and validation runs on what is left.
    let misspelt = one(&[kms("apiVersion: v2, name: a, endpont: \"unix:///x\"")]);
    assert_eq!(early(&misspelt, &opts(30)), [(UNKNOWN_FIELD, W)]);
    assert_eq!(
        check(&misspelt, &opts(30)),
        [(
            "EC0223",
            "resources[0].providers[0].kms.endpoint".to_string(),
            "Invalid"
        )]
    );
    // `Resources:` is not `resources`: before 1.31 the list is dropped and R0 fires.
    let capital = format!(
        "{HEAD}Resources:\n  - resources: [secrets]\n    providers: [{{identity: {{}}}}]\n"
    );
    assert_eq!(early(&capital, &opts(36)), [(UNKNOWN_FIELD, E)]);
    assert_eq!(early(&capital, &opts(30)), [(UNKNOWN_FIELD, W)]);
    assert_eq!(
        check(&capital, &opts(30)),
        [("EC0201", "resources".to_string(), "Required")]
    );
    // Unknown fields at every level, including `metadata` (the type has no ObjectMeta).
    for text in [
        format!("{HEAD}metadata: {{name: x}}\n{}", body()),
        one(&["{identity: {}, foo: {}}".to_string()]),
        one(&["identity: {x: 1}".into()]),
        one(&[local("aesgcm", &[format!("{{name: a, secret: {}, id: 1}}", quote(&key32()))])]),
        one(&[format!("secretbox: {{keys: [{}], size: 32}}", key("a", &key32()))]),
        format!("{HEAD}resources:\n  - resources: [secrets]\n    resource: [x]\n    providers: [{{identity: {{}}}}]\n"),
    ] {
        assert_eq!(early(&text, &opts(31)), [(UNKNOWN_FIELD, E)], "{text}");
        assert_eq!(early(&text, &opts(30)), [(UNKNOWN_FIELD, W)], "{text}");
    }
}

#[test]
fn case_sensitive_field_names_with_did_you_mean() {
    let text = kms_doc("cacheSize: 10");
    let analysis = run(&text, &newest());
    let d = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == UNKNOWN_FIELD)
        .expect("cacheSize is unknown");
    assert!(
        d.help.as_deref().unwrap().contains("`cachesize`"),
        "{:?}",
        d.help
    );
    // Before 1.31 it is dropped: a v2 provider is then valid, since cachesize is unset.
    assert!(run(&text, &opts(30)).accepted);
    for (wrong, right) in [
        ("Name", "name"),
        ("APIVersion", "apiVersion"),
        ("Endpoint", "endpoint"),
    ] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: a, endpoint: \"unix:///x\", {wrong}: b"
        ))]);
        let analysis = run(&text, &newest());
        let d = analysis
            .diagnostics
            .iter()
            .find(|d| d.code == UNKNOWN_FIELD)
            .unwrap_or_else(|| panic!("{wrong} is unknown"));
        assert!(d.help.as_deref().unwrap().contains(&format!("`{right}`")));
    }
    let text = format!(
        "{HEAD}resources:\n  - Resources: [secrets]\n    Providers: [{{identity: {{}}}}]\n"
    );
    assert_eq!(
        early(&text, &newest()),
        [(UNKNOWN_FIELD, E), (UNKNOWN_FIELD, E)]
    );
}

#[test]
fn duplicate_keys_are_errors_from_1_31_and_last_wins_before() {
    let text = one(&[kms(
        "apiVersion: v2, name: a, endpoint: \"unix:///x\", name: \"\"",
    )]);
    for minor in 31..=37 {
        assert_eq!(
            early(&text, &opts(minor)),
            [(DUPLICATE_KEY, E)],
            "1.{minor}"
        );
        assert!(codes(&text, &opts(minor), Stage::Validate).is_empty());
    }
    for minor in 27..=30 {
        assert_eq!(
            early(&text, &opts(minor)),
            [(DUPLICATE_KEY, W)],
            "1.{minor}"
        );
        // The last value wins: the name is empty.
        assert_eq!(
            check(&text, &opts(minor)),
            [(
                "EC0219",
                "resources[0].providers[0].kms.name".to_string(),
                "Required"
            )]
        );
    }
    // At the top level and in block style, with the duplicate key positioned.
    let text = format!("{HEAD}kind: EncryptionConfiguration\n{}", body());
    assert_eq!(early(&text, &newest()), [(DUPLICATE_KEY, E)]);
    let analysis = run(&text, &newest());
    let d = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == DUPLICATE_KEY)
        .unwrap();
    assert_eq!(d.start.line, 3);
    // Same text, different keys: not duplicates.
    assert_eq!(early(&kms_doc("timeout: 3s"), &newest()), []);
}

#[test]
fn timeout_is_a_duration_string() {
    let o = newest();
    for value in [
        "5", "5.5", "0", "true", "\"5\"", "\"3 s\"", "\"1d\"", "\"\"", "3S",
    ] {
        assert_eq!(
            early(&kms_doc(&format!("timeout: {value}")), &o),
            [(INVALID_DURATION, E)],
            "{value}"
        );
    }
    assert_eq!(early(&kms_doc("timeout: [3s]"), &o), [(WRONG_TYPE, E)]);
    for value in [
        "\"5s\"", "5s", "'100ms'", "1m30s", "\"1.5h\"", "2µs", "\"-1m\"", "\"0\"",
    ] {
        assert_eq!(
            early(&kms_doc(&format!("timeout: {value}")), &o),
            [],
            "{value}"
        );
    }
    // Go keeps at most ~19 fraction digits without failing.
    let long = "timeout: \"1.1234567890123456789012345678901234567890h\"";
    assert_eq!(early(&kms_doc(long), &o), []);
    assert!(run(&kms_doc(long), &o).accepted);
}

#[test]
fn cachesize_is_an_int32() {
    let o = gate_on(newest());
    let v1 = |value: &str| {
        one(&[kms(&format!(
            "name: a, endpoint: \"unix:///x\", cachesize: {value}"
        ))])
    };
    for value in [
        "2147483647",
        "-2147483648",
        "1000",
        "-1",
        "0x10",
        "1e3",
        "1_000",
        "0777",
    ] {
        assert_eq!(early(&v1(value), &o), [], "{value}");
        assert!(run(&v1(value), &o).accepted, "{value}");
    }
    for value in [
        "2147483648",
        "-2147483649",
        "1.5",
        "99999999999999999999",
        "1e10",
    ] {
        assert_eq!(early(&v1(value), &o), [(INT32_RANGE, E)], "{value}");
    }
    for value in ["\"100\"", "abc", "true", "[1]", "{a: 1}"] {
        assert_eq!(early(&v1(value), &o), [(WRONG_TYPE, E)], "{value}");
    }
    for value in [".inf", "-.Inf", ".nan"] {
        assert_eq!(early(&v1(value), &o), [(UNREPRESENTABLE, E)], "{value}");
    }
}

#[test]
fn a_null_provider_key_is_no_provider() {
    let o = newest();
    let text = format!(
        "{HEAD}resources:\n  - resources:\n      - secrets\n    providers:\n      - identity:\n"
    );
    assert_eq!(early(&text, &o), []);
    assert_eq!(
        check(&text, &o),
        [("EC0212", "resources[0].providers[0]".to_string(), "Invalid")]
    );
    let fixed = text.replace("identity:", "identity: {}");
    assert!(run(&fixed, &o).accepted);
}

#[test]
fn yaml_1_1_scalars() {
    let o = newest();
    // Unquoted yes/no/on/off/y/n are booleans: a decode error where a string belongs.
    for value in ["yes", "no", "on", "Off", "y", "N", "true"] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: {value}, endpoint: \"unix:///x\""
        ))]);
        assert_eq!(early(&text, &o), [(WRONG_TYPE, E)], "{value}");
        let text = one(&[local(
            "aesgcm",
            &[format!("{{name: {value}, secret: {}}}", quote(&key32()))],
        )]);
        assert_eq!(early(&text, &o), [(WRONG_TYPE, E)], "{value}");
        let text = doc(&[entry(&[], &[identity()])]).replace("[]", &format!("[{value}]"));
        assert_eq!(early(&text, &o), [(WRONG_TYPE, E)], "{value}");
    }
    // Quoted, they are strings.
    assert!(run(&one(&[kms2("yes")]), &o).accepted);
    // `~`, `null` and nothing are null: an empty name, so Required.
    for value in ["~", "null", "NULL", ""] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: {value}, endpoint: \"unix:///x\""
        ))]);
        assert_eq!(early(&text, &o), [], "{value}");
        assert_eq!(
            check(&text, &o),
            [(
                "EC0219",
                "resources[0].providers[0].kms.name".to_string(),
                "Required"
            )],
            "{value}"
        );
    }
    // Numbers where a string belongs.
    for value in ["12", "0x1F", "1.5", "0777", "1e3"] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: {value}, endpoint: \"unix:///x\""
        ))]);
        assert_eq!(early(&text, &o), [(WRONG_TYPE, E)], "{value}");
    }
    // Strings that only look like other types in YAML 1.2 or other cases.
    for value in ["yEs", "3s", "1.2.3", "0x", "True1", "nulls"] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: {value}, endpoint: \"unix:///x\""
        ))]);
        assert_eq!(early(&text, &o), [], "{value}");
    }
    // `apiVersion: v1`-style header values must be strings too.
    let text = with_header("apiVersion: apiserver.config.k8s.io/v1\nkind: 1\n");
    assert_eq!(early(&text, &o), [(WRONG_TYPE, E)]);
}

#[test]
fn wrong_shapes_are_decode_errors() {
    let o = newest();
    for text in [
        format!("{HEAD}resources: secrets\n"),
        format!("{HEAD}resources: {{a: 1}}\n"),
        format!("{HEAD}resources:\n  - resources: secrets\n    providers: []\n"),
        format!(
            "{HEAD}resources:\n  - resources: [[secrets]]\n    providers: [{{identity: {{}}}}]\n"
        ),
        format!("{HEAD}resources:\n  - resources: [secrets]\n    providers: {{identity: {{}}}}\n"),
        one(&["identity: []".into()]),
        one(&["identity: \"\"".into()]),
        one(&["aesgcm: {keys: {name: a}}".into()]),
        one(&["kms: [a]".into()]),
        format!("{HEAD}resources:\n  - secrets\n"),
        "- a\n- b\n".to_string(),
        "just a string\n".to_string(),
    ] {
        let early = early(&text, &o);
        assert!(
            !early.is_empty() && early.iter().all(|(_, s)| *s == E),
            "{text}\n{early:?}"
        );
        assert!(codes(&text, &o, Stage::Validate).is_empty(), "{text}");
    }
}

#[test]
fn json_documents_are_accepted() {
    let o = newest();
    let key = key32();
    let text = format!(
        r#"{{"apiVersion": "apiserver.config.k8s.io/v1", "kind": "EncryptionConfiguration",
  "resources": [{{"resources": ["secrets", "*.apps"],
    "providers": [{{"secretbox": {{"keys": [{{"name": "k1", "secret": "{key}"}}]}}}}, {{"identity": {{}}}}]}}]}}"#
    );
    assert_eq!(early(&text, &o), []);
    assert!(run(&text, &o).accepted);
    let compact = text.replace(": ", ":").replace(", ", ",").replace('\n', "");
    assert!(run(&compact, &o).accepted, "{compact}");
    // Validation errors in JSON carry the same paths.
    let bad = text
        .replace("\"*.apps\"", "\"*.Apps\"")
        .replace("{\"identity\": {}}", "{}");
    assert_eq!(
        check(&bad, &o),
        [
            ("EC0205", "resources[0].resources[1]".to_string(), "Invalid"),
            ("EC0212", "resources[0].providers[1]".to_string(), "Invalid")
        ]
    );
    // JSON `true` where a string belongs.
    let typed = text.replace("\"k1\"", "true");
    assert_eq!(early(&typed, &o), [(WRONG_TYPE, E)]);
}

#[test]
fn a_decode_error_suppresses_validation_and_load() {
    let o = newest();
    // Five validation errors and a KMS v1 provider, but a timeout that fails to decode.
    let text = format!(
        "{HEAD}resources:\n  - resources: [Secrets, '*']\n    providers:\n      - {{}}\n      - kms: {{name: a, timeout: 5}}\n"
    );
    let analysis = run(&text, &o);
    assert!(!analysis.accepted);
    let stages: Vec<Stage> = analysis.diagnostics.iter().map(|d| d.stage).collect();
    assert!(stages.contains(&Stage::Decode));
    assert!(
        !stages.contains(&Stage::Validate),
        "{:?}",
        analysis.diagnostics
    );
    assert!(!stages.contains(&Stage::Load));
    // The same file with a valid timeout reaches validation.
    let fixed = text.replace("timeout: 5", "timeout: 5s");
    assert_eq!(codes(&fixed, &o, Stage::Validate).len(), 5);
}

#[test]
fn decode_diagnostics_are_positioned_on_the_value() {
    let o = newest();
    let text = kms_doc("timeout: 5");
    let analysis = run(&text, &o);
    let d = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == INVALID_DURATION)
        .unwrap();
    let line = text.lines().nth(d.start.line as usize - 1).unwrap();
    assert!(line.contains("timeout: 5"));
    assert_eq!(&text[d.range.start()..d.range.end()], "5");
    assert_eq!(d.end.column - d.start.column, 1);
}

#[test]
fn only_the_first_document_is_read() {
    let o = newest();
    let text = format!("{}---\n{}", one(&[identity()]), "kind: Whatever\n");
    let analysis = run(&text, &o);
    assert!(analysis.accepted);
    assert_eq!(early(&text, &o), [("EC0005", W)]);
    let text = format!("{}---\n[unclosed\n", one(&[identity()]));
    assert!(run(&text, &o).accepted);
}

#[test]
fn anchors_aliases_and_merge_keys_decode() {
    let o = newest();
    let k = key32();
    let text = format!(
        "{HEAD}resources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys: &keys\n            - name: k1\n              secret: {k}\n  - resources: [configmaps]\n    providers:\n      - aesgcm:\n          keys: *keys\n"
    );
    assert_eq!(early(&text, &o), []);
    assert!(run(&text, &o).accepted);
    // Duplicates inside an anchor are reported once, however often it is used.
    let twice = format!(
        "{HEAD}resources:\n  - resources: [secrets]\n    providers:\n      - kms: &k {{apiVersion: v2, name: a, name: b, endpoint: \"unix:///x\"}}\n  - resources: [configmaps]\n    providers: [{{kms: *k}}, {{kms: *k}}]\n"
    );
    assert_eq!(early(&twice, &o), [(DUPLICATE_KEY, E)]);
}

/// A KMS v2 provider anchored as `base`, then a second `kms` mapping written as `second`.
fn merged(second: &str) -> String {
    format!(
        "{HEAD}resources:\n  - resources: [secrets]\n    providers:\n      - kms: &base\n          apiVersion: v2\n          name: a\n          endpoint: unix:///x\n      - kms:\n{second}"
    )
}

#[test]
fn merge_keys_follow_go_yaml_v2() {
    // Merging without overriding is fine in every version.
    let text = merged("          <<: *base\n          timeout: 5s\n");
    for minor in [27, 30, 31, 36] {
        assert_eq!(early(&text, &opts(minor)), [], "1.{minor}");
        // Both providers are named `a`: the second (v2) is a duplicate.
        assert_eq!(
            check(&text, &opts(minor)),
            [(
                "EC0221",
                "resources[0].providers[1].kms.name".to_string(),
                "Invalid"
            )]
        );
    }
    // Overriding a merged key: fine before 1.31, a duplicate key under strict decoding.
    let text = merged("          <<: *base\n          name: b\n");
    assert_eq!(early(&text, &opts(30)), []);
    assert!(run(&text, &opts(30)).accepted);
    assert_eq!(early(&text, &opts(31)), [(DUPLICATE_KEY, E)]);
    let analysis = run(&text, &newest());
    let d = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == DUPLICATE_KEY)
        .unwrap();
    assert_eq!(
        &text[d.range.start()..d.range.end()],
        "name",
        "points at the written key"
    );
    assert_eq!(d.start.line, 12);
    // go-yaml v2 applies a merge written after a key over that key: the name is `a` again.
    let text = merged("          name: b\n          <<: *base\n");
    assert_eq!(early(&text, &opts(30)), []);
    assert_eq!(
        check(&text, &opts(30)),
        [(
            "EC0221",
            "resources[0].providers[1].kms.name".to_string(),
            "Invalid"
        )]
    );
    // Two merged maps that share a key: earlier ones win before 1.31, an error after.
    let list = merged("          <<: [*base, {name: b}]\n");
    assert_eq!(early(&list, &opts(30)), []);
    assert_eq!(
        check(&list, &opts(30)),
        [(
            "EC0221",
            "resources[0].providers[1].kms.name".to_string(),
            "Invalid"
        )]
    );
    assert_eq!(early(&list, &opts(36)), [(DUPLICATE_KEY, E)]);
}

#[test]
fn keys_collide_by_resolved_value_and_type() {
    let o = newest();
    // `1` and `01` are both the integer 1 (octal), so they collide.
    let text = format!("{HEAD}extra: {{1: a, 01: b}}\n{}", body());
    assert_eq!(early(&text, &o), [(UNKNOWN_FIELD, E), (DUPLICATE_KEY, E)]);
    // `1` and `1.0`, or `true` and `"true"`, are different keys.
    for pair in ["{1: a, 1.0: b}", "{true: a, \"true\": b}"] {
        let text = format!("{HEAD}extra: {pair}\n{}", body());
        assert_eq!(early(&text, &opts(30)), [(UNKNOWN_FIELD, W)], "{pair}");
    }
    // A null key cannot become a JSON key at all (sigs.k8s.io/yaml: "unsupported map key of
    // type: <nil>"), even in a field kube-apiserver would drop.
    let text = format!("{HEAD}extra: {{~: a, \"~\": b}}\n{}", body());
    assert_eq!(early(&text, &opts(30)), [(YAML_SYNTAX, E)]);
}

#[test]
fn empty_and_comment_only_files_are_errors() {
    let o = newest();
    for text in ["", "\n", "# only a comment\n", "   \n\n"] {
        let analysis = run(text, &o);
        assert!(!analysis.accepted, "{text:?}");
        assert_eq!(analysis.diagnostics[0].code, "EC0002", "{text:?}");
    }
    // An empty document is not a mapping.
    assert!(!run("---\n...\n", &o).accepted);
    assert!(!run("~\n", &o).accepted);
}

#[test]
fn version_options_outside_the_model_are_clamped() {
    let text = kms_doc("pandas: 1");
    let old = Options {
        minor: 20,
        ..Options::default()
    };
    let new = Options {
        minor: 99,
        ..Options::default()
    };
    assert_eq!(early(&text, &old), [(UNKNOWN_FIELD, W)]);
    assert_eq!(early(&text, &new), [(UNKNOWN_FIELD, E)]);
}
