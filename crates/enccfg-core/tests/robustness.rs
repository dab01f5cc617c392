//! `analyze` is total (facts: bounded time and memory, never a panic): hostile and unusual
//! inputs each get a positioned diagnostic, or are accepted where kube-apiserver accepts them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::{Duration, Instant};

use common::*;
use enccfg_core::{Analysis, Options, Stage};

/// Runs `analyze` and prints how long it took against what an unoptimised build usually needs.
/// Not an assertion: wall-clock limits flake on a busy machine; the criterion benchmark and the
/// soak test measure speed, and a hang still fails the run (it never finishes).
fn timed(text: &str, usual: Duration) -> Analysis {
    let started = Instant::now();
    let analysis = run(text, &newest());
    eprintln!(
        "analysed {} bytes in {:?} (usually under {usual:?})",
        text.len(),
        started.elapsed()
    );
    analysis
}

fn first_error(analysis: &Analysis) -> &enccfg_core::Diagnostic {
    analysis
        .errors()
        .next()
        .expect("an error diagnostic is expected")
}

/// A valid file with `entries` entries (no wildcards, unique KMS names).
fn big_valid(min_bytes: usize) -> String {
    let key = key32();
    let mut out = format!("{HEAD}resources:\n");
    let mut i = 0;
    while out.len() < min_bytes {
        out.push_str(&format!(
            "  - resources:\n      - res{i}\n      - res{i}.group{i}.example.com\n    providers:\n      - secretbox:\n          keys:\n            - name: key{i}\n              secret: {key}\n      - kms:\n          apiVersion: v2\n          name: kms{i}\n          endpoint: unix:///var/run/kms-{i}.sock\n      - identity: {{}}\n"
        ));
        i += 1;
    }
    out
}

#[test]
fn billion_laughs_is_refused_at_the_alias_budget() {
    let mut text = String::from("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let analysis = timed(&text, Duration::from_secs(5));
    let d = first_error(&analysis);
    assert_eq!(d.code, "EC0003");
    assert!(
        d.start.line > 1,
        "positioned at the alias that crosses the budget"
    );
    // Also inside a real configuration.
    let text = format!("{}{}", one(&[identity()]), text.replace("a0:", "x0:"));
    assert_eq!(
        first_error(&timed(&text, Duration::from_secs(5))).code,
        "EC0003"
    );
}

#[test]
fn nested_anchors_are_not_copied_level_by_level() {
    // 250 anchored levels around a list of 100,000 items, never aliased: valid YAML whose
    // anchors must not each copy the big list.
    let depth = 250;
    let mut text = String::new();
    for i in 0..depth {
        text.push_str(&format!("{}- &n{i}\n", " ".repeat(2 * i)));
    }
    let items = vec!["x"; 100_000].join(", ");
    text.push_str(&format!("{}- [{items}]\n", " ".repeat(2 * depth)));
    let analysis = timed(&text, Duration::from_secs(20));
    assert_eq!(
        first_error(&analysis).code,
        "EC0107",
        "a list is not a configuration"
    );
    // A long list of anchored items, each aliased twice, stays within the budget.
    let mut text = String::from("a:\n");
    for i in 0..20_000 {
        text.push_str(&format!("  - &i{i} [1, 2, 3]\n  - *i{i}\n  - *i{i}\n"));
    }
    let analysis = timed(&text, Duration::from_secs(20));
    assert_eq!(first_error(&analysis).code, "EC0102", "no kind");
    // Aliasing the big list many times crosses the budget instead.
    let text = format!("a: &big [{items}]\nb: [*big, *big, *big]\n");
    assert_eq!(
        first_error(&timed(&text, Duration::from_secs(20))).code,
        "EC0003"
    );
}

#[test]
fn ten_thousand_levels_of_flow_nesting() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let analysis = timed(&text, Duration::from_secs(5));
    let d = first_error(&analysis);
    assert_eq!(d.code, "EC0004");
    assert_eq!(d.start.line, 1);
    assert!((250..=257).contains(&d.start.column), "{:?}", d.start);
    // Unclosed, and as mappings.
    let text = format!("a: {}", "{a: ".repeat(10_000));
    assert_eq!(
        first_error(&timed(&text, Duration::from_secs(5))).code,
        "EC0004"
    );
    let text = format!("{HEAD}resources: {}", "[".repeat(10_000));
    assert_eq!(
        first_error(&timed(&text, Duration::from_secs(5))).code,
        "EC0004"
    );
}

#[test]
fn ten_thousand_levels_of_block_nesting() {
    // Mappings indented one more space per level.
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(&" ".repeat(i));
        text.push_str("a:\n");
    }
    text.push_str(&" ".repeat(10_000));
    text.push_str("b\n");
    let analysis = timed(&text, Duration::from_secs(30));
    let d = first_error(&analysis);
    assert_eq!(d.code, "EC0004");
    assert!(d.start.line > 200 && d.start.line < 300, "{:?}", d.start);
    // Compact nested sequences: `- - - … x`.
    let text = format!("{}x\n", "- ".repeat(10_000));
    assert_eq!(
        first_error(&timed(&text, Duration::from_secs(5))).code,
        "EC0004"
    );
}

#[test]
fn a_ten_megabyte_file_is_read_in_bounded_time() {
    let text = big_valid(10 * 1024 * 1024);
    assert!(text.len() >= 10 * 1024 * 1024);
    let analysis = timed(&text, Duration::from_secs(120));
    assert!(analysis.accepted, "{:?}", analysis.errors().next());
    // The same size full of errors: every entry has three findings.
    let broken = text.replace("      - res", "      - Res").replace(
        "apiVersion: v2\n          name: kms",
        "apiVersion: v3\n          name: kms",
    );
    let analysis = timed(&broken, Duration::from_secs(120));
    assert!(!analysis.accepted);
    let entries = text.matches("  - resources:").count();
    assert_eq!(
        analysis
            .diagnostics
            .iter()
            .filter(|d| d.stage == Stage::Validate)
            .count(),
        3 * entries
    );
}

#[test]
fn a_one_megabyte_single_line() {
    // One flow document on one line: 100,000 names in one list.
    let line = |prefix: &str| {
        let names: Vec<String> = (0..100_000).map(|i| format!("{prefix}{i}")).collect();
        format!(
            "--- {{apiVersion: apiserver.config.k8s.io/v1, kind: EncryptionConfiguration, resources: [{{resources: [{}], providers: [{{identity: {{}}}}]}}]}}",
            names.join(", ")
        )
    };
    let text = line("r");
    assert!(text.len() > 700_000 && !text.contains('\n'));
    let analysis = timed(&text, Duration::from_secs(30));
    assert!(analysis.accepted);
    // Without `--- `, the first character is `{`: Go's JSON decoder reads it and stops at the
    // first bare key (encoding/json has no YAML fallback).
    let json = timed(text.trim_start_matches("--- "), Duration::from_secs(30));
    let d = first_error(&json);
    assert_eq!((d.code, d.start.column), ("EC0001", 2));
    // Every name wrong, all on the same line: positions must stay cheap.
    let shouting = line("R");
    let analysis = timed(&shouting, Duration::from_secs(30));
    let last = analysis
        .diagnostics
        .iter()
        .rfind(|d| d.code == "EC0205")
        .unwrap();
    assert_eq!(analysis.errors().count(), 100_000);
    assert_eq!(last.start.line, 1);
    assert_eq!(last.start.column as usize, last.range.start() + 1);
    // Duplicates and overlaps in a huge list are still one error each.
    let repeated = text.replace("r99999", "r0").replace("r5, ", "'*.', ");
    let codes: Vec<&str> = timed(&repeated, Duration::from_secs(30))
        .diagnostics
        .iter()
        .filter(|d| d.stage == Stage::Validate)
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["EC0203", "EC0204"]);
    // A single 1 MB scalar and a 1 MB comment.
    let long = format!(
        "{HEAD}resources: [{{resources: [{}], providers: [{{identity: {{}}}}]}}]\n",
        "x".repeat(1 << 20)
    );
    assert!(timed(&long, Duration::from_secs(30)).accepted);
    let comment = format!("#{}\n{}", "c".repeat(1 << 20), one(&[identity()]));
    assert!(timed(&comment, Duration::from_secs(30)).accepted);
    // A huge list of KMS providers with one shared name (duplicate checks stay linear).
    let providers: Vec<String> = (0..20_000).map(|_| kms2("same")).collect();
    let text = one(&providers);
    let analysis = timed(&text, Duration::from_secs(30));
    assert_eq!(
        analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == "EC0221")
            .count(),
        19_999
    );
    // And many entries masked by one wildcard.
    let mut entries = vec![entry(&["*.*"], &[identity()])];
    entries.extend((0..20_000).map(|i| entry(&[&format!("r{i}")], &[identity()])));
    let analysis = timed(&doc(&entries), Duration::from_secs(30));
    assert_eq!(
        analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == "EC0301")
            .count(),
        20_000
    );
}

#[test]
fn nul_and_other_control_bytes_are_refused_with_a_position() {
    let base = one(&[identity()]);
    for (at, bad) in [
        (0, "\0"),
        (base.len(), "\0"),
        (base.find("secrets").unwrap() + 3, "\0"),
        (base.find("kind").unwrap(), "\u{1}"),
        (base.find("secrets").unwrap(), "\u{7f}"),
        (base.find("secrets").unwrap(), "\u{85}"),
        (base.find("secrets").unwrap(), "\u{feff}"),
        (base.find("secrets").unwrap(), "\u{fffe}"),
    ] {
        let mut text = base.clone();
        text.insert_str(at, bad);
        let analysis = timed(&text, Duration::from_secs(5));
        if bad == "\u{85}" || bad == "\u{feff}" {
            // Printable in YAML (NEL, and a BOM inside a scalar is just a character).
            continue;
        }
        let d = first_error(&analysis);
        assert_eq!(d.stage, Stage::Syntax, "{bad:?} at {at}: {d:?}");
        assert_eq!(d.range.start(), at, "{bad:?}: positioned on the byte");
        assert!(
            d.message.contains("control character") || d.message.contains("not allowed"),
            "{}",
            d.message
        );
    }
    // A NUL inside a double-quoted escape is just text.
    let escaped = one(&[kms(
        "apiVersion: v2, name: \"a\\0b\", endpoint: \"unix:///x\"",
    )]);
    assert!(run(&escaped, &newest()).accepted);
    // Only NULs.
    assert!(!timed("\0\0\0", Duration::from_secs(5)).accepted);
    // In a JSON document, DEL inside a string is allowed (Go's JSON decoder reads it).
    let json = "{\"apiVersion\": \"apiserver.config.k8s.io/v1\", \"kind\": \"EncryptionConfiguration\", \"resources\": [{\"resources\": [\"a\u{7f}b\"], \"providers\": [{\"identity\": {}}]}]}".to_string();
    assert!(run(&json, &newest()).accepted);
    let json = json.replace('\u{7f}', "\u{1}");
    assert_eq!(first_error(&run(&json, &newest())).stage, Stage::Syntax);
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    let text = format!("\u{feff}{}", one(&[local_ok("secretbox")]));
    let analysis = run(&text, &newest());
    assert!(analysis.accepted, "{:?}", analysis.diagnostics);
    // Positions still count from the start of the text.
    let text = format!("\u{feff}{}", one(&["{}".into()]));
    let analysis = run(&text, &newest());
    let d = first_error(&analysis);
    assert_eq!(d.code, "EC0212");
    assert_eq!(d.start.line, 6);
}

#[test]
fn crlf_line_endings_are_accepted_and_positions_are_lines() {
    let text = one(&[local_ok("aescbc")]).replace('\n', "\r\n");
    assert!(run(&text, &newest()).accepted);
    let text = one(&[identity(), "{}".into()]).replace('\n', "\r\n");
    let analysis = run(&text, &newest());
    let d = first_error(&analysis);
    assert_eq!((d.code, d.start.line, d.start.column), ("EC0212", 7, 9));
    // A secret folded over CRLF lines in a block scalar is still one key.
    let key = key32();
    let block = format!(
        "{HEAD}resources:\n  - resources: [secrets]\n    providers:\n      - aesgcm:\n          keys:\n            - name: k\n              secret: >-\n                {}\n                {}\n",
        &key[..20],
        &key[20..]
    )
    .replace('\n', "\r\n");
    let analysis = run(&block, &newest());
    assert!(
        !analysis.accepted,
        "a folded scalar joins with a space: not base64"
    );
    assert_eq!(first_error(&analysis).code, "EC0217");
    // Old Mac line endings (CR only) are line breaks in YAML too.
    let cr = one(&[identity()]).replace('\n', "\r");
    assert!(run(&cr, &newest()).accepted);
}

#[test]
fn tabs_used_for_indentation_are_a_positioned_syntax_error() {
    let text = one(&[identity()]).replace("    providers:", "\tproviders:");
    let analysis = run(&text, &newest());
    let d = first_error(&analysis);
    assert_eq!(d.stage, Stage::Syntax, "{d:?}");
    assert_eq!(d.start.line, 5);
    assert!(
        d.message.contains("tab") || d.help.as_deref().unwrap_or("").contains("tab"),
        "{d:?}"
    );
    let text = format!("{HEAD}resources:\n\t- resources: [secrets]\n");
    let d = first_error(&run(&text, &newest())).clone();
    assert_eq!((d.stage, d.start.line), (Stage::Syntax, 4));
    // Blank lines holding a tab, a tab after `- ` or `: `, and a tab before a comment: go-yaml
    // refuses them all in block context.
    for (text, line) in [
        (
            one(&[identity()]).replace("    providers:\n", "    providers:\n\t\n"),
            6,
        ),
        (
            one(&[identity()]).replace("      - identity", "      -\tidentity"),
            6,
        ),
        (format!("{}\t# trailing comment\n", one(&[identity()])), 7),
    ] {
        let d = first_error(&run(&text, &newest())).clone();
        assert_eq!((d.code, d.start.line), ("EC0001", line), "{text:?}");
        assert_eq!(&text[d.range.start()..d.range.end()], "\t");
    }
    // go-yaml skips a tab after `key: ` like any blank before a value (checked on the oracle).
    let after_key = one(&[identity()]).replace("kind: ", "kind: \t");
    assert!(run(&after_key, &newest()).accepted);
    let leading = format!("\t{}", one(&[identity()]));
    assert_eq!(first_error(&run(&leading, &newest())).stage, Stage::Syntax);
    // Tabs inside a value, a comment, a block scalar or a flow collection are fine, and so is
    // a tab after `:` inside a flow collection (the YAML library alone would refuse it).
    for text in [
        one(&[kms(
            "apiVersion: v2, name: \"a\tb\", endpoint: \"unix:///x\"",
        )]),
        format!("{}# a comment:\twith a tab\n", one(&[identity()])),
        one(&[identity()]).replace("[secrets]", "[\n\tsecrets\n    ]"),
        one(&[kms("apiVersion:\tv2, name:\ta, endpoint:\t\"unix:///x\"")]),
        format!("{}---\n\tignored: true\n", one(&[identity()])),
    ] {
        let analysis = run(&text, &newest());
        assert!(
            analysis.accepted,
            "{text:?}: {:?}",
            analysis.errors().next()
        );
    }
    // Tabs inside a value or after a key's colon are fine.
    let text = one(&[kms(
        "apiVersion:\tv2, name: \"a\tb\", endpoint: \"unix:///x\"",
    )]);
    assert!(run(&text, &newest()).accepted);
}

#[test]
fn invalid_utf8_bytes_are_positioned() {
    let mut bytes = one(&[identity()]).into_bytes();
    bytes.insert(60, 0xff);
    let analysis = enccfg_core::analyze_bytes(&bytes, &newest());
    assert!(!analysis.accepted);
    assert_eq!(analysis.diagnostics[0].code, "EC0006");
}

#[test]
fn options_at_every_version_never_panic_on_odd_documents() {
    let odd = [
        "",
        "---",
        "...",
        "&a *a",
        "*a",
        "!!binary x",
        "? [a]\n: b",
        "{[a]: b}",
        "a: !!int x",
        "a: !custom {b: c}",
        "%YAML 1.2\n---\na: b",
        "%TAG ! tag:x,2000:\n---\n!a b",
        "- &a [*a]",
        "<<: [1, 2]",
        "<<: *x",
        "kind: EncryptionConfiguration\napiVersion: apiserver.config.k8s.io/v1\nresources: [{resources: [secrets], providers: [{kms: {timeout: !!str 5}}]}]",
        "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: [{resources: [secrets], providers: [{kms: {cachesize: !!float 1}}]}]",
        "\u{feff}\u{feff}a: b",
        "a: 'unterminated",
        "a: |\n  \u{2028}x",
        "😀: 😀",
    ];
    for text in odd {
        for minor in [27, 30, 31, 36] {
            for reload in [false, true] {
                let o = Options {
                    minor,
                    reload,
                    kmsv1_gate: None,
                    kmsv2_gate: None,
                    template: false,
                };
                run(text, &o);
            }
        }
    }
}

/// The issue's bad inputs for the reader: each gets a positioned diagnostic in bounded time.
#[test]
fn json_nested_ten_thousand_deep_is_refused_at_the_depth_budget() {
    let text = format!("{{\"a\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let analysis = timed(&text, Duration::from_secs(5));
    let d = first_error(&analysis);
    assert_eq!((d.code, d.start.line), ("EC0004", 1));
    assert!((250..=265).contains(&d.start.column), "{:?}", d.start);
    // Unclosed too.
    let text = format!("{{\"a\": {}", "{\"b\": ".repeat(10_000));
    assert_eq!(
        first_error(&timed(&text, Duration::from_secs(5))).code,
        "EC0004"
    );
}

#[test]
fn a_ten_megabyte_json_line_is_read_in_bounded_time() {
    let names: Vec<String> = (0..800_000)
        .map(|i| format!("\"r{i}.g.example\""))
        .collect();
    let text = format!(
        "{{\"apiVersion\": \"apiserver.config.k8s.io/v1\", \"kind\": \"EncryptionConfiguration\", \"resources\": [{{\"resources\": [{}], \"providers\": [{{\"identity\": {{}}}}]}}]}}",
        names.join(",")
    );
    assert!(text.len() > 10 * 1024 * 1024 && !text.contains('\n'));
    let analysis = timed(&text, Duration::from_secs(120));
    assert!(analysis.accepted, "{:?}", analysis.errors().next());
    // One stray byte at the end of the line: Go's JSON decoder refuses the whole file there.
    let broken = format!("{text}x");
    let d = first_error(&timed(&broken, Duration::from_secs(120))).clone();
    assert_eq!((d.code, d.start.line), ("EC0001", 1));
    assert_eq!(d.range.start(), text.len());
}

#[test]
fn utf16_with_an_odd_byte_count_and_a_lone_bom_are_positioned() {
    let text = format!("{HEAD}resources: []\n");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes.push(b'x');
    let analysis = enccfg_core::analyze_bytes(&bytes, &newest());
    let d = first_error(&analysis);
    assert_eq!((d.code, d.start.line, d.start.column), ("EC0006", 4, 1));
    assert!(d.message.contains("incomplete UTF-16"), "{}", d.message);
    for bom in [b"\xef\xbb\xbf".as_slice(), b"\xff\xfe", b"\xfe\xff"] {
        let analysis = enccfg_core::analyze_bytes(bom, &newest());
        let d = first_error(&analysis);
        assert_eq!(
            (d.code, d.start.line, d.start.column),
            ("EC0002", 1, 1),
            "{bom:?}"
        );
    }
}

#[test]
fn a_backslash_that_ends_the_file_is_read_without_a_panic() {
    // libyaml-safer read the escaped character after a final `\` in a double-quoted scalar
    // without checking that there is one, and panicked (found by the property test).
    for text in ["a: \"\\", "a: \"x\\", "\"\\", "- \"abc\\"] {
        let analysis = run(text, &newest());
        assert!(!analysis.accepted, "{text:?}");
        let first = &analysis.diagnostics[0];
        assert_eq!(
            (first.code, first.stage),
            ("EC0001", Stage::Syntax),
            "{text:?}"
        );
        assert!(first.range.start() <= text.len(), "{text:?}");
        assert!(enccfg_core::parse_only(text) > 0, "{text:?}");
    }
    // Outside double quotes a final backslash is an ordinary character.
    let plain = run("a: b\\", &newest());
    assert!(plain.diagnostics.iter().all(|d| d.stage != Stage::Syntax));
    let single = run("a: 'b\\'", &newest());
    assert!(single.diagnostics.iter().all(|d| d.stage != Stage::Syntax));
}
