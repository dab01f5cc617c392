//! Shared fixtures for the integration tests: YAML built from small snippets, deterministic
//! (never real) keys, and one checker per stage that returns plain data to compare.
#![allow(dead_code)]

use enccfg_core::{analyze, Analysis, Diagnostic, Options, Severity, Stage};

/// The type header every fixture starts with.
pub const HEAD: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n";

/// Standard padded base64 of `len` bytes of `0x41` (`A`): a well-formed, obviously fake key.
pub fn b64(len: usize) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(vec![0x41u8; len])
}

/// A 32-byte key (valid for every local provider).
pub fn key32() -> String {
    b64(32)
}

/// A whole document: the header and these entries (`resources: []` when there are none).
pub fn doc(entries: &[String]) -> String {
    if entries.is_empty() {
        return format!("{HEAD}resources: []\n");
    }
    format!("{HEAD}resources:\n{}", entries.concat())
}

/// One entry of the top-level list, in block style; names are double-quoted, providers are
/// flow-style snippets such as [`identity`] or [`kms2`].
pub fn entry(names: &[&str], providers: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|n| quote(n)).collect();
    let mut out = format!("  - resources: [{}]\n", names.join(", "));
    if providers.is_empty() {
        out.push_str("    providers: []\n");
    } else {
        out.push_str("    providers:\n");
        for p in providers {
            out.push_str(&format!("      - {p}\n"));
        }
    }
    out
}

/// A YAML double-quoted scalar.
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || ('\u{7f}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn identity() -> String {
    "identity: {}".into()
}

/// `{name: …, secret: …}` with both quoted.
pub fn key(name: &str, secret: &str) -> String {
    format!("{{name: {}, secret: {}}}", quote(name), quote(secret))
}

/// `<kind>: {keys: [<keys>]}` for `aesgcm`, `aescbc` or `secretbox`.
pub fn local(kind: &str, keys: &[String]) -> String {
    format!("{kind}: {{keys: [{}]}}", keys.join(", "))
}

/// A valid local provider with one 32-byte key.
pub fn local_ok(kind: &str) -> String {
    local(kind, &[key("key1", &key32())])
}

/// `kms: {<fields>}` exactly as given.
pub fn kms(fields: &str) -> String {
    format!("kms: {{{fields}}}")
}

/// A valid KMS v2 provider named `name`.
pub fn kms2(name: &str) -> String {
    kms(&format!(
        "apiVersion: v2, name: {}, endpoint: \"unix:///tmp/kms.sock\"",
        quote(name)
    ))
}

/// A valid KMS v1 provider named `name` (explicit `apiVersion: v1`).
pub fn kms1(name: &str) -> String {
    kms(&format!(
        "apiVersion: v1, name: {}, endpoint: \"unix:///tmp/kms.sock\"",
        quote(name)
    ))
}

/// A document with one entry for `secrets`.
pub fn one(providers: &[String]) -> String {
    doc(&[entry(&["secrets"], providers)])
}

pub fn opts(minor: u32) -> Options {
    Options {
        minor,
        ..Options::default()
    }
}

pub fn newest() -> Options {
    Options::default()
}

pub fn reload() -> Options {
    Options {
        reload: true,
        ..Options::default()
    }
}

/// With the KMSv1 gate on, so KMS v1 fixtures only test validation.
pub fn gate_on(mut o: Options) -> Options {
    o.kmsv1_gate = Some(true);
    o
}

/// One validate-stage finding: code, field path, error type.
pub type Finding = (&'static str, String, &'static str);

/// Runs `analyze` and checks the invariants every result must keep (ranges on char
/// boundaries inside the text, validate diagnostics carry a field, verdict matches severities).
pub fn run(text: &str, options: &Options) -> Analysis {
    let analysis = analyze(text, options);
    assert_invariants(text, &analysis);
    analysis
}

pub fn assert_invariants(text: &str, analysis: &Analysis) {
    for d in &analysis.diagnostics {
        let (s, e) = (d.range.start(), d.range.end());
        assert!(
            s <= e && e <= text.len(),
            "{}: range {s}..{e} outside a text of {} bytes",
            d.code,
            text.len()
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{}: range {s}..{e} splits a character",
            d.code
        );
        assert!(
            d.start.line >= 1 && d.start.column >= 1,
            "{}: 1-based",
            d.code
        );
        assert_eq!(
            d.field.is_some(),
            d.stage == Stage::Validate,
            "{}: only validate diagnostics carry a field path",
            d.code
        );
        assert!(!d.message.is_empty(), "{}: empty message", d.code);
    }
    assert_eq!(
        analysis.accepted,
        !analysis
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    );
}

/// The validate-stage findings, in order. Fails on any syntax or decode error so that a broken
/// fixture cannot pass as "no validation error".
pub fn check(text: &str, options: &Options) -> Vec<Finding> {
    let analysis = run(text, options);
    let early: Vec<&Diagnostic> = analysis
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(d.stage, Stage::Syntax | Stage::Decode) && d.severity == Severity::Error
        })
        .collect();
    assert!(
        early.is_empty(),
        "fixture does not decode: {early:#?}\n{text}"
    );
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.stage == Stage::Validate)
        .map(|d| {
            let field = d
                .field
                .as_ref()
                .expect("validate diagnostics carry a field");
            (d.code, field.path.clone(), field.error_type.as_str())
        })
        .collect()
}

/// Asserts the exact, ordered list of validate-stage findings.
#[track_caller]
pub fn expect(text: &str, options: &Options, wanted: &[(&str, &str, &str)]) {
    let got = check(text, options);
    let got: Vec<(&str, &str, &str)> = got.iter().map(|(c, p, t)| (*c, p.as_str(), *t)).collect();
    assert_eq!(got, wanted, "\n--- for this document:\n{text}");
}

/// Asserts there is no validate-stage finding at all.
#[track_caller]
pub fn valid(text: &str, options: &Options) {
    expect(text, options, &[]);
}

/// Codes of one stage, in order.
pub fn codes(text: &str, options: &Options, stage: Stage) -> Vec<&'static str> {
    run(text, options)
        .diagnostics
        .iter()
        .filter(|d| d.stage == stage)
        .map(|d| d.code)
        .collect()
}

/// `(code, severity)` of every syntax and decode diagnostic, in order.
pub fn early(text: &str, options: &Options) -> Vec<(&'static str, Severity)> {
    run(text, options)
        .diagnostics
        .iter()
        .filter(|d| matches!(d.stage, Stage::Syntax | Stage::Decode))
        .map(|d| (d.code, d.severity))
        .collect()
}
