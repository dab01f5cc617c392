//! Property tests: `analyze` is total. On random text, on random edits of valid documents and
//! on random YAML built from the schema's field names, it never panics, and every diagnostic
//! range lies inside the text on character boundaries (with 1-based positions and a verdict
//! that matches the severities).
//!
//! The JSON path (files starting with `{`) and UTF-16 files are generated too.
//!
//! The normal run tries about 2,500 cases; the ignored soak test tries 138,000:
//! `cargo test -p enccfg-core --release -- --ignored soak`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use common::*;
use enccfg_core::{analyze, analyze_bytes, analyze_source, Options, Source, Stage};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

/// The checks every result must pass, for one text under a few option sets.
fn property(text: &str) {
    for options in [
        newest(),
        opts(27),
        opts(30),
        Options {
            minor: 36,
            reload: true,
            kmsv1_gate: Some(true),
            kmsv2_gate: None,
            template: false,
        },
    ] {
        let analysis = analyze(text, &options);
        assert_invariants(text, &analysis);
        let stages: Vec<Stage> = analysis.diagnostics.iter().map(|d| d.stage).collect();
        let decode_failed = analysis.diagnostics.iter().any(|d| {
            matches!(d.stage, Stage::Syntax | Stage::Decode)
                && d.severity == enccfg_core::Severity::Error
        });
        if decode_failed {
            assert!(
                !stages.contains(&Stage::Validate) && !stages.contains(&Stage::Load),
                "a decode error must suppress later stages"
            );
        }
        for d in &analysis.diagnostics {
            assert!(
                (d.start.line, d.start.column) <= (d.end.line, d.end.column),
                "{}: start after end",
                d.code
            );
        }
        let masked = analysis.masked_text(text);
        assert_eq!(masked.chars().count(), text.chars().count());
    }
}

/// Valid (or nearly valid) documents to mutate.
fn seeds() -> Vec<String> {
    let k32 = key32();
    vec![
        include_str!("../../../static/examples/kms-v2.yaml").to_string(),
        doc(&[
            entry(&["events"], &[identity()]),
            entry(
                &["secrets", "configmaps"],
                &[
                    local_ok("secretbox"),
                    local("aescbc", &[key("old", &b64(16)), key("new", &k32)]),
                    kms2("vault"),
                    identity(),
                ],
            ),
            entry(&["*.apps", "*."], &[kms1("legacy")]),
            entry(&["*.*"], &["kms: {apiVersion: v2, name: all, endpoint: \"unix:///@abstract\", timeout: 1m30s}".into()]),
        ]),
        format!(
            "{{\"apiVersion\": \"apiserver.config.k8s.io/v1\", \"kind\": \"EncryptionConfiguration\", \"resources\": [{{\"resources\": [\"secrets\"], \"providers\": [{{\"aesgcm\": {{\"keys\": [{{\"name\": \"k\", \"secret\": \"{k32}\"}}]}}}}, {{\"identity\": {{}}}}]}}]}}"
        ),
        format!(
            "# anchors, merges, block scalars\n{HEAD}resources:\n  - resources: [secrets]\n    providers:\n      - kms: &k\n          apiVersion: v2\n          name: a\n          endpoint: unix:///x\n      - kms:\n          <<: *k\n          timeout: 5s\n      - aescbc:\n          keys:\n            - name: k1\n              secret: |\n                {k32}\n---\nkind: Other\n"
        ),
    ]
}

/// Characters that matter to YAML, plus a few wide and odd ones.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            ' ', '\n', '\t', '\r', ':', '-', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>',
            '\'', '"', '%', '@', '`', '?', '.', '~', '<', '=', '\\', '/', '0', '9', 'a', 'Z',
        ]),
        1 => prop::sample::select(vec!['\0', '\u{7f}', '\u{85}', '\u{feff}', 'é', '😀', '\u{2028}', '\u{fffd}']),
        1 => any::<char>(),
    ]
}

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
    Replace(usize, char),
    /// Duplicate a slice of the text somewhere else.
    Copy(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), interesting_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), interesting_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
        (any::<usize>(), 0usize..40, any::<usize>()).prop_map(|(a, n, b)| Edit::Copy(a, n, b)),
    ]
}

/// Applies edits at char positions (taken modulo the current length).
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let n = chars.len().max(1);
        match *e {
            Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Edit::Delete(i) if !chars.is_empty() => {
                chars.remove(i % n);
            }
            Edit::Replace(i, c) if !chars.is_empty() => chars[i % n] = c,
            Edit::Copy(a, len, b) if !chars.is_empty() => {
                let a = a % n;
                let piece: Vec<char> = chars[a..(a + len).min(chars.len())].to_vec();
                let b = b % (chars.len() + 1);
                chars.splice(b..b, piece);
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

fn mutated() -> impl Strategy<Value = String> {
    let seeds = seeds();
    (0..seeds.len(), prop::collection::vec(edit(), 1..8))
        .prop_map(move |(s, edits)| apply(&seeds[s], &edits))
}

/// Byte-level edits (the result may not be UTF-8): for `analyze_bytes`.
fn mutated_bytes() -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds();
    (
        0..seeds.len(),
        prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..6),
    )
        .prop_map(move |(s, edits)| {
            let mut bytes = seeds[s].clone().into_bytes();
            for (i, b, op) in edits {
                let i = i % (bytes.len() + 1);
                match op {
                    0 => bytes.insert(i, b),
                    1 if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ if i < bytes.len() => bytes[i] = b,
                    _ => {}
                }
            }
            bytes
        })
}

fn random_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(interesting_char(), 0..300).prop_map(|c| c.into_iter().collect()),
    ]
}

/// A YAML value built from the schema's field names and values that exercise the rules.
#[derive(Clone, Debug)]
enum Value {
    Scalar(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
}

const FIELDS: &[&str] = &[
    "apiVersion",
    "kind",
    "resources",
    "providers",
    "aesgcm",
    "aescbc",
    "secretbox",
    "identity",
    "kms",
    "keys",
    "name",
    "secret",
    "endpoint",
    "cachesize",
    "timeout",
    "cacheSize",
    "Resources",
    "<<",
    "pandas",
    "",
];

fn scalar() -> impl Strategy<Value = String> {
    let key = key32();
    prop_oneof![
        prop::sample::select(vec![
            "v1",
            "v2",
            "v3",
            "",
            "~",
            "null",
            "yes",
            "no",
            "0",
            "-1",
            "1000",
            "2147483648",
            "1e3",
            ".inf",
            "0s",
            "3s",
            "-1m",
            "5",
            "unix:///x",
            "UNIX:///x",
            "tcp://x",
            "unix:///a%zz",
            "secrets",
            "secrets.",
            "*.",
            "*.*",
            "*",
            "Foo",
            "*.apps",
            "foos.*",
            "events.k8s.io",
            "serviceipallocations",
            "apiserver.config.k8s.io/v1",
            "EncryptionConfiguration",
            "EncryptionConfig",
            "AdmissionConfiguration",
            "a:b",
            "QUI=",
            "!!",
            "*a",
            "&a x",
            "'quoted'",
            "\"dq\"",
            "|",
            ">-",
            "{}",
            "[]",
            "[[]]",
            "{a: {b: c}}",
        ])
        .prop_map(str::to_string),
        Just(key),
        "[a-z0-9:./*-]{0,12}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar()
        .prop_map(Value::Scalar)
        .prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::List),
                prop::collection::vec((prop::sample::select(FIELDS.to_vec()), inner), 0..6)
                    .prop_map(|pairs| Value::Map(
                        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                    )),
            ]
        })
}

fn render_flow(v: &Value, out: &mut String) {
    match v {
        Value::Scalar(s) => out.push_str(s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render_flow(item, out);
            }
            out.push(']');
        }
        Value::Map(pairs) => {
            out.push('{');
            for (i, (k, item)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(": ");
                render_flow(item, out);
            }
            out.push('}');
        }
    }
}

/// Block style, with `indent` spaces per level (sometimes odd, sometimes zero).
fn render_block(v: &Value, depth: usize, indent: usize, out: &mut String) {
    let pad = " ".repeat(depth * indent);
    match v {
        Value::Scalar(s) => {
            out.push(' ');
            out.push_str(s);
            out.push('\n');
        }
        Value::List(items) if !items.is_empty() => {
            out.push('\n');
            for item in items {
                out.push_str(&pad);
                out.push('-');
                render_block(item, depth + 1, indent, out);
            }
        }
        Value::Map(pairs) if !pairs.is_empty() => {
            out.push('\n');
            for (k, item) in pairs {
                out.push_str(&pad);
                out.push_str(k);
                out.push(':');
                render_block(item, depth + 1, indent, out);
            }
        }
        other => {
            out.push(' ');
            render_flow(other, out);
            out.push('\n');
        }
    }
}

fn structured() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((prop::sample::select(FIELDS.to_vec()), value()), 0..5),
        any::<bool>(),
        0usize..5,
        any::<bool>(),
    )
        .prop_map(|(fields, header, indent, flow)| {
            let mut out = if header {
                HEAD.to_string()
            } else {
                String::new()
            };
            for (k, v) in fields {
                out.push_str(k);
                out.push(':');
                if flow {
                    out.push(' ');
                    render_flow(&v, &mut out);
                    out.push('\n');
                } else {
                    render_block(&v, 1, indent, &mut out);
                }
            }
            out
        })
}

/// A JSON rendering (the file starts with `{`, so Go's JSON decoder reads it), with Go's number
/// and escape edge cases among the scalars and an odd tail sometimes.
fn render_json(v: &Value, out: &mut String) {
    match v {
        Value::Scalar(s) => match s.as_str() {
            // Raw tokens: JSON literals, numbers Go reads or refuses, and non-JSON words.
            "1000" | "0" | "-1" | "1e3" | "2147483648" | "yes" | "~" | "null" | "{}" | "[]" => {
                out.push_str(s)
            }
            _ => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '!' => out.push_str("\\u00e9"),
                        '&' => out.push_str("\\ud800"),
                        '`' => out.push_str("\\/"),
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
        },
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render_json(item, out);
            }
            out.push(']');
        }
        Value::Map(pairs) => {
            out.push('{');
            for (i, (k, item)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n ");
                }
                out.push_str(&format!("{k:?}: "));
                render_json(item, out);
            }
            out.push('}');
        }
    }
}

/// Whole JSON documents built from the schema's names, sometimes with a tail Go refuses.
fn json_structured() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((prop::sample::select(FIELDS.to_vec()), value()), 0..5),
        any::<bool>(),
        prop::sample::select(vec!["", "", "\n", " ,", "/* c */", "\t", "\n---\n", "}", "{}"]),
    )
        .prop_map(|(fields, header, tail)| {
            let mut out = String::from("{");
            if header {
                out.push_str("\"apiVersion\": \"apiserver.config.k8s.io/v1\", \"kind\": \"EncryptionConfiguration\"");
            }
            for (i, (k, v)) in fields.iter().enumerate() {
                if header || i > 0 {
                    out.push_str(",\n");
                }
                out.push_str(&format!("{k:?}: "));
                render_json(v, &mut out);
            }
            out.push('}');
            out.push_str(tail);
            out
        })
}

/// Edited documents encoded as UTF-16 with a BOM, sometimes with a byte cut off.
fn utf16_bytes() -> impl Strategy<Value = Vec<u8>> {
    (mutated(), any::<bool>(), any::<bool>()).prop_map(|(text, big_endian, cut)| {
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
        if cut {
            out.pop();
        }
        out
    })
}

/// Runs `cases` cases of `strategy` through `check`, shrinking a failure to a small input.
fn run_cases<S: Strategy>(name: &str, strategy: S, cases: u32, check: impl Fn(&S::Value))
where
    S::Value: std::fmt::Debug,
{
    let started = Instant::now();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |value| {
        check(&value);
        Ok(())
    });
    if let Err(error) = result {
        panic!("{name}: {error}");
    }
    eprintln!("{name}: {cases} cases in {:?}", started.elapsed());
}

fn all_properties(scale: u32) {
    run_cases("random text", random_text(), 3 * scale, |t| property(t));
    run_cases("mutated documents", mutated(), 4 * scale, |t| property(t));
    let bytes_property = |b: &Vec<u8>| {
        // Positions refer to the decoded text (BOM dropped, bad bytes as U+FFFD).
        let source = Source::from_bytes(b);
        let analysis = analyze_bytes(b, &newest());
        assert_eq!(analysis, analyze_source(&source, &newest()));
        assert_invariants(&source.text, &analysis);
    };
    run_cases("mutated bytes", mutated_bytes(), scale, bytes_property);
    run_cases("utf-16", utf16_bytes(), scale, bytes_property);
    run_cases("structured yaml", structured(), 4 * scale, |t| property(t));
    run_cases("structured json", json_structured(), 2 * scale, |t| {
        assert!(t.starts_with('{'), "read by the JSON path");
        property(t)
    });
}

/// About 2,500 cases in all (3 + 4 + 1 + 1 + 4 + 2 = 15 units of 170).
#[test]
fn analyze_is_total_on_generated_inputs() {
    all_properties(170);
}

/// 138,000 cases (15 units of 9,200): run with `--release -- --ignored soak`.
#[test]
#[ignore = "soak: cargo test -p enccfg-core --release -- --ignored soak"]
fn soak_analyze_is_total() {
    let started = Instant::now();
    all_properties(9_200);
    eprintln!("soak: 138,000 cases in {:?}", started.elapsed());
}

/// The generators really reach the later stages (otherwise the properties prove little).
#[test]
fn generators_reach_every_stage() {
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..400 {
        for strategy in [mutated().boxed(), structured().boxed()] {
            let text = strategy.new_tree(&mut runner).unwrap().current();
            for d in analyze(&text, &newest()).diagnostics {
                seen.insert(d.stage);
            }
        }
    }
    for stage in [
        Stage::Syntax,
        Stage::Decode,
        Stage::Validate,
        Stage::Load,
        Stage::Lint,
    ] {
        assert!(seen.contains(&stage), "no {stage:?} diagnostic generated");
    }
}
