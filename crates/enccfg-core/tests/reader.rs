//! The reader, exactly as kube-apiserver reads (facts §11.1–11.2): every behaviour has a case
//! kube-apiserver accepts and one it refuses (or reads differently), with the upstream source
//! in a comment. The verdicts were taken from the oracle (`../shared/oracle/`, the real go-yaml
//! v2.4.3, sigs.k8s.io/yaml and encoding/json); `upstream_agrees_on_every_case` re-checks
//! them when `ENCCFG_ORACLE` points at it, and is skipped otherwise.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use enccfg_core::{analyze_bytes, Analysis, Options, Severity, Stage};

const KEY: &str = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";

/// One reader behaviour seen on one input.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    minor: u32,
    accepted: bool,
}

fn case(name: &'static str, text: &str, minor: u32, accepted: bool) -> Case {
    Case {
        name,
        bytes: text.as_bytes().to_vec(),
        minor,
        accepted,
    }
}

/// A valid block-style file whose only entry holds `providers` (a YAML fragment).
fn block(providers: &str) -> String {
    format!("{HEAD}resources:\n  - resources: [secrets]\n    providers:\n{providers}")
}

/// The same file as one JSON object, with `provider` (a JSON object) as its only provider.
fn json(provider: &str) -> String {
    format!(
        "{{\"apiVersion\": \"apiserver.config.k8s.io/v1\", \"kind\": \"EncryptionConfiguration\",\n \"resources\": [{{\"resources\": [\"secrets\"], \"providers\": [{provider}]}}]}}\n"
    )
}

const KMS_JSON: &str =
    r#"{"kms": {"apiVersion": "v2", "name": "k", "endpoint": "unix:///k.sock"}}"#;

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn cases() -> Vec<Case> {
    let kms_v2 = "      - kms: {apiVersion: v2, name: k, endpoint: \"unix:///k.sock\"}\n";
    let secretbox = format!("      - secretbox: {{keys: [{{name: k1, secret: {KEY}}}]}}\n");
    vec![
        // §11.1 apimachinery `IsJSONBuffer`: the first non-space byte `{` selects Go's JSON
        // decoder, and its answer is final (no YAML fallback).
        case("json: a JSON file", &json(KMS_JSON), 37, true),
        case("json: a YAML flow mapping starting with {", &json(KMS_JSON).replace("\"kind\"", "kind"), 37, false),
        case("json: a BOM before { takes the YAML path", &format!("\u{feff}{}", json(KMS_JSON).replace("\"kind\"", "kind")), 37, true),
        // encoding/json grammar: no comments, trailing commas, single quotes, raw tabs in
        // strings, nothing after the top-level value.
        case("json: white space between tokens", &json(KMS_JSON).replace(", ", ",\n\t\r "), 37, true),
        case("json: a trailing comma", &json(KMS_JSON).replace("]}]}", "],}]}"), 37, false),
        case("json: a comment", &json(KMS_JSON).replace("\n", "\n// c\n"), 37, false),
        case("json: single quotes", &json(KMS_JSON).replace("\"k\"", "'k'"), 37, false),
        case("json: a raw tab in a string", &json(KMS_JSON).replace("\"k\"", "\"k\tk\""), 37, false),
        case("json: `\\/` is a JSON escape", &json(KMS_JSON).replace("unix:///k.sock", "unix:\\/\\/\\/k.sock"), 37, true),
        case("json: a YAML document marker after the object", &format!("{}---\n", json(KMS_JSON)), 37, false),
        // Numbers go straight into Go types: `cachesize` is an int32.
        case("json: cachesize 1000", &json(r#"{"kms": {"name": "k", "endpoint": "unix:///k.sock", "cachesize": 1000}}"#), 28, true),
        case("json: cachesize 1e3", &json(r#"{"kms": {"name": "k", "endpoint": "unix:///k.sock", "cachesize": 1e3}}"#), 28, false),
        case("json: cachesize 1000.0", &json(r#"{"kms": {"name": "k", "endpoint": "unix:///k.sock", "cachesize": 1000.0}}"#), 28, false),
        case("json: cachesize 010", &json(r#"{"kms": {"name": "k", "endpoint": "unix:///k.sock", "cachesize": 010}}"#), 28, false),
        case("yaml: cachesize 1e3 is the float 1000", &block("      - kms: {name: k, endpoint: \"unix:///k.sock\", cachesize: 1e3}\n"), 28, true),
        // 1.27–1.30 decode a repeated key into the same struct again (fields merge); 1.31+
        // refuse it (kjson strict: "duplicate field").
        case("json: a repeated kms key merges before 1.31", &json(r#"{"kms": {"apiVersion": "v2", "name": "k"}, "kms": {"endpoint": "unix:///k.sock"}}"#), 30, true),
        case("json: a repeated kms key is refused from 1.31", &json(r#"{"kms": {"apiVersion": "v2", "name": "k"}, "kms": {"endpoint": "unix:///k.sock"}}"#), 31, false),
        // §11.2 go-yaml v2: flow collections ignore indentation; quoted keys are fine in them.
        case("yaml: a flow list wrapped left of its key", &block("      - kms: {apiVersion: v2,\n  name: k, endpoint: \"unix:///k.sock\"\n}\n"), 37, true),
        case("yaml: a block mapping wrapped left of its key", &block("      - kms:\n  apiVersion: v2\n  name: k\n  endpoint: \"unix:///k.sock\"\n"), 37, false),
        case("yaml: quoted keys in a multi-line flow mapping", &block("      - kms: {\"apiVersion\": v2,\n        \"name\": k, \"endpoint\": \"unix:///k.sock\"}\n"), 37, true),
        // A `#` right after `]`, `}` or a closing quote starts a comment; after a plain
        // scalar it is part of it.
        case("yaml: `#` right after a bracket", &block(&kms_v2.replace("}\n", "}#c\n")), 37, true),
        case("yaml: `#` right after a closing quote", &block("      - kms: {apiVersion: v2, name: \"k\"#c\n         , endpoint: \"unix:///k.sock\"}\n"), 37, true),
        case("yaml: `#` after a plain scalar belongs to it", &block("      - kms: {apiVersion: v2, name: k:#c, endpoint: \"unix:///k.sock\"}\n").replace("k:#c", "a:b#c"), 37, false),
        // Quoted scalars may go on on a dedented or tab-indented line.
        case("yaml: a quoted scalar on a dedented line", &block("      - kms:\n          apiVersion: v2\n          name: \"k\nk\"\n          endpoint: \"unix:///k.sock\"\n"), 37, true),
        case("yaml: a plain scalar on a dedented line", &block("      - kms:\n          apiVersion: v2\n          name: k\nk\n          endpoint: \"unix:///k.sock\"\n"), 37, false),
        case("yaml: a quoted scalar on a tab-indented line", &block("      - kms:\n          apiVersion: v2\n          name: \"k\n\tk\"\n          endpoint: \"unix:///k.sock\"\n"), 37, true),
        // A tab after a value or a `key:` ending a line is white space, not indentation.
        case("yaml: a tab after `key:` and after a value", &block(&format!("      - secretbox:\t\n          keys: [{{name: k1, secret: {KEY}}}]\t\n")), 37, true),
        case("yaml: a tab as indentation", &block(&format!("      - secretbox:\n\t  keys: [{{name: k1, secret: {KEY}}}]\n")), 37, false),
        // Escapes: `\'` is one in double quotes, `\/` is not (go-yaml scannerc.go).
        case("yaml: `\\'` in double quotes", &block("      - kms: {apiVersion: v2, name: \"k\\'s\", endpoint: \"unix:///k.sock\"}\n"), 37, true),
        case("yaml: `\\/` in double quotes", &block("      - kms: {apiVersion: v2, name: \"k\", endpoint: \"unix:\\/\\/\\/k.sock\"}\n"), 37, false),
        // Anchor and alias names are `[0-9A-Za-z_-]+`.
        case("yaml: an anchor named a-b_1", &block(&format!("      - secretbox: &a-b_1 {{keys: [{{name: k1, secret: {KEY}}}]}}\n      - aescbc: *a-b_1\n")), 37, true),
        case("yaml: an anchor named a.b", &block(&format!("      - secretbox: &a.b {{keys: [{{name: k1, secret: {KEY}}}]}}\n      - aescbc: *a.b\n")), 37, false),
        // Only `%YAML 1.1` is accepted ("found incompatible YAML document").
        case("yaml: %YAML 1.1", &format!("%YAML 1.1\n---\n{}", block(&secretbox)), 37, true),
        case("yaml: %YAML 1.2", &format!("%YAML 1.2\n---\n{}", block(&secretbox)), 37, false),
        // NEL, LS and PS are line breaks.
        case("yaml: NEL ends a line", &block(&secretbox).replace("kind: EncryptionConfiguration\n", "kind: EncryptionConfiguration\u{85}"), 37, true),
        case("yaml: NBSP does not end a line", &block(&secretbox).replace("kind: EncryptionConfiguration\n", "kind: EncryptionConfiguration\u{a0}"), 37, false),
        // U+FEFF inside a plain scalar is a character (the name is valid but matches nothing);
        // at the start of a later line it is a character too (go-yaml's BOM check looks at
        // the start of its buffer only).
        case("yaml: U+FEFF inside a resource name", &block(&secretbox).replace("[secrets]", "[secrets\u{feff}]"), 37, true),
        case("yaml: U+FEFF at the start of a line", &block(&secretbox).replace("resources:\n  -", "resources:\n\u{feff}  -"), 37, false),
        // A plain scalar that overflows float parsing stays a string.
        case("yaml: 1e400 is a string", &block("      - kms: {apiVersion: v2, name: 1e400, endpoint: \"unix:///k.sock\"}\n"), 37, true),
        case("yaml: 1e3 is a number", &block("      - kms: {apiVersion: v2, name: 1e3, endpoint: \"unix:///k.sock\"}\n"), 37, false),
        // In a flow collection `?` ends a plain scalar.
        case("yaml: `?` in a block scalar value", &block("      - kms:\n          apiVersion: v2\n          name: k\n          endpoint: unix:///k.sock?x\n"), 37, true),
        case("yaml: `?` in a flow scalar value", &block("      - kms: {apiVersion: v2, name: k, endpoint: unix:///k.sock?x}\n"), 37, false),
        // `<<` merges a mapping or a list of mappings; `!!merge <<` is a merge key too; an
        // alias of a list is refused (decode.go `merge`, failWantMap).
        case("yaml: << merges a list of mappings", &block("      - kms:\n          <<: [{apiVersion: v2}, {name: k}]\n          endpoint: \"unix:///k.sock\"\n"), 37, true),
        case("yaml: !!merge << is a merge key", &block("      - kms:\n          !!merge <<: {apiVersion: v2, name: k}\n          endpoint: \"unix:///k.sock\"\n"), 37, true),
        case("yaml: << of an alias of a list", &block("      - kms:\n          x: &l [{apiVersion: v2}]\n          <<: *l\n").replace("x: ", "name: k\n          endpoint: \"unix:///k.sock\"\n          apiVersion: "), 30, false),
        // Null, uint64 and collection keys cannot become JSON keys (sigs.k8s.io/yaml).
        case("yaml: an int64 key is a string key", &format!("{}9223372036854775807: x\n", block(&secretbox)), 30, true),
        case("yaml: a uint64 key", &format!("{}18446744073709551615: x\n", block(&secretbox)), 30, false),
        case("yaml: a null key", &format!("{}~: x\n", block(&secretbox)), 30, false),
        case("yaml: a list as a key", &format!("{}? [a]\n: x\n", block(&secretbox)), 30, false),
        // Explicit tags are honoured: the value must match `!!int`; `!!binary` decodes.
        case("yaml: !!str on a name", &block("      - kms: {apiVersion: v2, name: !!str 5, endpoint: \"unix:///k.sock\"}\n"), 37, true),
        case("yaml: !!int on a name", &block("      - kms: {apiVersion: v2, name: !!int k1, endpoint: \"unix:///k.sock\"}\n"), 37, false),
        case("yaml: !!binary on a base64 of a key", &block("      - secretbox: {keys: [{name: k1, secret: !!binary UVVGQlFVRkJRVUZCUVVGQlFVRkJRVUZCUVVGQlFVRkJRVUZCUVVGQlFVRT0=}]}\n"), 37, true),
        case("yaml: !!binary on the key itself", &block(&secretbox.replace("secret: ", "secret: !!binary ")), 37, false),
        // Strict from 1.31; before, the header is found case-insensitively (encoding/json)
        // and the body decode drops the odd keys.
        case("yaml: `Kind:` on 1.30", &block(&secretbox).replace("kind:", "Kind:"), 30, true),
        case("yaml: `Kind:` on 1.31", &block(&secretbox).replace("kind:", "Kind:"), 31, false),
        case("yaml: `apiversion:` on 1.27", &block(&secretbox).replace("apiVersion:", "apiversion:"), 27, true),
        case("yaml: `apiversion:` on 1.37", &block(&secretbox).replace("apiVersion:", "apiversion:"), 37, false),
        // Encodings (go-yaml readerc.go): UTF-8 with a BOM, UTF-16LE/BE with a BOM.
        Case { name: "bytes: UTF-8 with a BOM", bytes: [b"\xef\xbb\xbf".as_slice(), block(&secretbox).as_bytes()].concat(), minor: 37, accepted: true },
        Case { name: "bytes: UTF-16LE with a BOM", bytes: utf16(&block(&secretbox), false), minor: 37, accepted: true },
        Case { name: "bytes: UTF-16BE with a BOM", bytes: utf16(&block(&secretbox), true), minor: 37, accepted: true },
        Case { name: "bytes: UTF-16LE with an odd byte count", bytes: [utf16(&block(&secretbox), false), vec![b'\n']].concat(), minor: 37, accepted: false },
        Case { name: "bytes: Latin-1", bytes: block(&secretbox).replace("k1", "k\u{e9}").chars().map(|c| c as u8).collect(), minor: 37, accepted: false },
        Case { name: "bytes: a control character after the first document", bytes: format!("{}---\n\u{1}\n", block(&secretbox)).into_bytes(), minor: 37, accepted: false },
        Case { name: "bytes: a control character beyond go-yaml's first chunk", bytes: format!("{}---\n{}\u{1}\n", block(&secretbox), "x".repeat(600)).into_bytes(), minor: 37, accepted: true },
        Case { name: "bytes: a BOM and nothing else", bytes: b"\xef\xbb\xbf".to_vec(), minor: 37, accepted: false },
        // go-yaml's `is_bom` looks at the start of its buffer: with a second BOM there, it
        // skips the first character of every later line (here `kind:` becomes `ind:`).
        Case { name: "bytes: two BOMs before block YAML", bytes: [b"\xef\xbb\xbf".as_slice(), "\u{feff}".as_bytes(), block(&secretbox).as_bytes()].concat(), minor: 37, accepted: false },
        Case { name: "bytes: two BOMs before a one-line document", bytes: [b"\xef\xbb\xbf".as_slice(), "\u{feff}".as_bytes(), one_line(&secretbox).as_bytes()].concat(), minor: 37, accepted: true },
        // go-yaml's reader checks each character as it decodes its chunk (readerc.go
        // `yaml_parser_update_buffer`: only #x9, #xA, #xD, #x20-#x7E, #x85, #xA0-#xD7FF,
        // #xE000-#xFFFD and above #xFFFF), before the scanner skips anything: a character the
        // BOM bug skips at the start of a line is still refused when it is not allowed, and
        // skipped (the line read without it) when it is.
        Case { name: "bytes: U+0080 at the start of a line", bytes: bommed(1, &one_line(&secretbox).replace(", resources:", ",\n\u{80}resources:")), minor: 37, accepted: false },
        Case { name: "bytes: two BOMs, U+0080 at the start of a line", bytes: bommed(2, &one_line(&secretbox).replace(", resources:", ",\n\u{80}resources:")), minor: 37, accepted: false },
        Case { name: "bytes: two BOMs, U+007F at the start of a line", bytes: bommed(2, &one_line(&secretbox).replace(", resources:", ",\n\u{7f}resources:")), minor: 37, accepted: false },
        Case { name: "bytes: two BOMs, U+0080 in a scalar", bytes: bommed(2, &one_line(&secretbox).replace("k1", "k\u{80}1")), minor: 37, accepted: false },
        Case { name: "bytes: two BOMs, U+0080 after the first document", bytes: bommed(2, &format!("{}---\n\u{80}\n", one_line(&secretbox))), minor: 37, accepted: false },
        Case { name: "bytes: two BOMs, a skipped NBSP at the start of a line", bytes: bommed(2, &one_line(&secretbox).replace(", resources:", ",\n\u{a0}resources:")), minor: 37, accepted: true },
        Case { name: "bytes: one BOM, an NBSP at the start of a line", bytes: bommed(1, &one_line(&secretbox).replace(", resources:", ",\n\u{a0}resources:")), minor: 37, accepted: false },
        Case { name: "bytes: two BOMs, a skipped x at the start of a line", bytes: bommed(2, &one_line(&secretbox).replace(", resources:", ",\nxresources:")), minor: 37, accepted: true },
        // The buffer moves onto a U+FEFF that ends the first 512-byte chunk inside a scalar:
        // the next line loses its `-`, and the next entry's keys land in this one.
        Case { name: "bytes: a U+FEFF ending the first chunk", bytes: feff_at(509).into_bytes(), minor: 37, accepted: false },
        Case { name: "bytes: a U+FEFF just before the end of the first chunk", bytes: feff_at(505).into_bytes(), minor: 37, accepted: true },
    ]
}

/// The same file on one line (a flow mapping; with BOMs before it, it is read as YAML).
fn one_line(providers: &str) -> String {
    let provider = providers.trim().trim_start_matches("- ");
    format!("{{apiVersion: apiserver.config.k8s.io/v1, kind: EncryptionConfiguration, resources: [{{resources: [secrets], providers: [{{{provider}}}]}}]}}\n")
}

/// `text` as UTF-8 after `boms` byte order marks (the file's, then U+FEFF characters).
fn bommed(boms: usize, text: &str) -> Vec<u8> {
    [b"\xef\xbb\xbf".repeat(boms), text.as_bytes().to_vec()].concat()
}

/// Two entries; the first one's KMS endpoint holds a U+FEFF starting at byte `at`.
fn feff_at(at: usize) -> String {
    let head = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - kms:\n      apiVersion: v2\n      name: k\n      endpoint: unix:///");
    let pad = "k".repeat(at - head.len());
    format!(
        "{head}{pad}\u{feff}x.sock\n- resources: [configmaps]\n  providers:\n  - identity: {{}}\n"
    )
}

fn analysis(case: &Case) -> Analysis {
    let options = Options {
        minor: case.minor,
        ..Options::default()
    };
    analyze_bytes(&case.bytes, &options)
}

#[test]
fn every_reader_behaviour_has_its_upstream_verdict() {
    let cases = cases();
    let mut wrong = Vec::new();
    for case in &cases {
        let analysis = analysis(case);
        if analysis.accepted != case.accepted {
            let first = analysis.errors().next().map(|d| d.message.clone());
            wrong.push(format!(
                "{} (1.{}): expected accepted={}, got {first:?}",
                case.name, case.minor, case.accepted
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Each behaviour is shown both ways.
    assert!(cases.iter().filter(|c| c.accepted).count() >= 25);
    assert!(cases.iter().filter(|c| !c.accepted).count() >= 25);
}

/// Refusals from the reader are positioned at the place go-yaml or Go's JSON decoder names.
#[test]
fn reader_refusals_point_at_the_exact_byte() {
    let at = |text: &str, minor: u32| {
        let analysis = run(text, &opts(minor));
        let d = analysis.errors().next().expect("refused").clone();
        (d.stage, text[d.range.start()..].chars().next())
    };
    let text = json(KMS_JSON).replace("]}]}", "],}]}");
    assert_eq!(at(&text, 37), (Stage::Syntax, Some('}')));
    let text = block("      - kms: {apiVersion: v2, name: k, endpoint: unix:///k.sock?x}\n");
    assert_eq!(at(&text, 37), (Stage::Syntax, Some('?')));
    let text = block("      - kms: {apiVersion: v2, name: \"k\", endpoint: \"unix:\\/k\"}\n");
    assert_eq!(at(&text, 37), (Stage::Syntax, Some('\\')));
    let text = format!("%YAML 1.2\n---\n{}", block("      - identity: {}\n"));
    assert_eq!(at(&text, 37), (Stage::Syntax, Some('%')));
    let text = json(r#"{"kms": {"name": "k", "endpoint": "unix:///k.sock", "cachesize": 1e3}}"#);
    assert_eq!(at(&text, 28), (Stage::Decode, Some('1')));
}

/// A character go-yaml refuses is reported where it is, even where the BOM bug skips it.
#[test]
fn a_refused_character_skipped_by_the_bom_bug_is_reported_where_it_is() {
    let secretbox = format!("      - secretbox: {{keys: [{{name: k1, secret: {KEY}}}]}}\n");
    let text = one_line(&secretbox).replace(", resources:", ",\n\u{80}resources:");
    let analysis = analyze_bytes(&bommed(2, &text), &opts(37));
    let d = analysis.errors().next().expect("refused");
    // The text keeps the second BOM (U+FEFF, 3 bytes) before the line.
    let at = 3 + text.find('\u{80}').unwrap();
    assert_eq!(
        (d.code, d.range.start(), d.range.end()),
        ("EC0001", at, at + 2)
    );
    assert!(d.message.contains("U+0080"), "{}", d.message);
}

/// The repeated JSON key merges field by field before 1.31; in YAML the last key wins.
#[test]
fn repeated_json_objects_merge_and_yaml_keys_replace() {
    let merged = json(
        r#"{"kms": {"apiVersion": "v2", "name": "k"}, "kms": {"endpoint": "unix:///k.sock"}}"#,
    );
    assert!(run(&merged, &opts(30)).accepted);
    let replaced = block(
        "      - kms: {apiVersion: v2, name: k}\n        kms: {endpoint: \"unix:///k.sock\"}\n",
    );
    let fields: Vec<String> = run(&replaced, &opts(30))
        .diagnostics
        .iter()
        .filter_map(|d| d.field.as_ref().map(|f| f.path.clone()))
        .collect();
    assert_eq!(
        fields,
        ["resources[0].providers[0].kms.name"],
        "only the last `kms` is read"
    );
    // A null in between resets the pointer: what came before is lost.
    let reset = json(
        r#"{"kms": {"apiVersion": "v2", "name": "k"}, "kms": null, "kms": {"endpoint": "unix:///k.sock"}}"#,
    );
    assert!(!run(&reset, &opts(30)).accepted);
}

/// kube-apiserver accepts a U+FEFF inside a name; the lint says the name matches nothing.
#[test]
fn an_invisible_character_in_a_name_is_accepted_with_a_lint() {
    let text = block("      - identity: {}\n")
        .replace("[secrets]", "[\"secrets\u{feff}\", \"configmaps\"]");
    let analysis = run(&text, &newest());
    assert!(analysis.accepted);
    let lints: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == "EC0405")
        .collect();
    assert_eq!(lints.len(), 1);
    assert_eq!(lints[0].severity, Severity::Warning);
    assert!(lints[0].message.contains("U+FEFF"));
    assert!(!codes(&block("      - identity: {}\n"), &newest(), Stage::Lint).contains(&"EC0405"));
}

/// Case-insensitive header keys are warnings before 1.31 (dropped by the body decode).
#[test]
fn odd_case_header_keys_are_unknown_fields() {
    let text = block("      - identity: {}\n").replace("kind:", "Kind:");
    assert_eq!(
        early(&text, &opts(30)),
        [("EC0105", Severity::Warning)],
        "found by the header lookup, dropped by the body decode"
    );
    assert_eq!(early(&text, &opts(31)), [("EC0105", Severity::Error)]);
}

/// Only when `ENCCFG_ORACLE` names the reference binary: every case agrees with it.
#[test]
fn upstream_agrees_on_every_case() {
    let Ok(oracle) = std::env::var("ENCCFG_ORACLE") else {
        eprintln!("ENCCFG_ORACLE is not set: the cases keep the verdicts recorded above");
        return;
    };
    let file = std::env::temp_dir().join(format!("enccfg-reader-{}", std::process::id()));
    for case in cases() {
        std::fs::write(&file, &case.bytes).unwrap();
        let out = std::process::Command::new(&oracle)
            .args(["-minor", &case.minor.to_string()])
            .arg(&file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let accepted = text.contains("\"accepted\":true");
        assert_eq!(
            accepted, case.accepted,
            "{}: upstream says {text}",
            case.name
        );
    }
    let _ = std::fs::remove_file(&file);
}
