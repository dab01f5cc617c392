//! The analysis survives its trip through bytes (the page's worker sends it to the page): every
//! field of every diagnostic, fix, view and export comes back equal, and malformed bytes are
//! refused without a panic.

use enccfg_core::wire::{from_bytes, to_bytes};
use enccfg_core::{analyze, export, Analysis, Applicability, Export, Form, Options};

fn examples() -> Vec<(String, Options)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/examples");
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/src/registry/examples");
    let mut files: Vec<_> = [dir, fixtures]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() > 40, "{} files", files.len());
    let mut out = Vec::new();
    for path in files {
        // A few fixtures are not UTF-8 on purpose (the page only ever has text).
        let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) else {
            continue;
        };
        for options in [
            Options::default(),
            Options {
                minor: 28,
                reload: true,
                kmsv1_gate: Some(true),
                kmsv2_gate: Some(false),
                template: true,
            },
        ] {
            out.push((text.clone(), options));
        }
    }
    out
}

#[test]
fn every_example_and_fixture_comes_back_equal_with_its_export() {
    let mut with_views = 0;
    let mut with_fixes = 0;
    for (text, options) in examples() {
        let analysis = analyze(&text, &options);
        let export = export(
            &text,
            &analysis,
            Applicability::Unsafe,
            Form::AsWritten,
            "x.yaml",
        );
        with_views += usize::from(analysis.views.is_some());
        with_fixes += usize::from(analysis.diagnostics.iter().any(|d| d.fix.is_some()));
        let bytes = to_bytes(&(analysis.clone(), export.clone()));
        let back: Option<(Analysis, Export)> = from_bytes(&bytes);
        assert_eq!(back, Some((analysis, export)), "{text}");
    }
    // The examples exercise what the format carries: views and fixes.
    assert!(
        with_views > 20 && with_fixes > 10,
        "{with_views} {with_fixes}"
    );
}

#[test]
fn truncated_or_extended_bytes_are_refused() {
    let text = include_str!("../../../static/examples/broken.yaml");
    let analysis = analyze(text, &Options::default());
    let bytes = to_bytes(&analysis);
    assert_eq!(from_bytes::<Analysis>(&bytes), Some(analysis));
    for cut in 0..bytes.len() {
        assert_eq!(from_bytes::<Analysis>(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(from_bytes::<Analysis>(&longer), None);
}

#[test]
fn garbage_never_panics() {
    let text = include_str!("../../../static/examples/kms-v2.yaml");
    let bytes = to_bytes(&analyze(text, &Options::default()));
    // Every byte flipped in turn: decoding may succeed or fail, but returns.
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0xff;
        let _ = from_bytes::<Analysis>(&bad);
    }
    assert_eq!(from_bytes::<Analysis>(&[0xff; 16]), None);
}

#[test]
fn the_none_mark_of_a_place_reads_the_same_on_32_and_64_bits() {
    // `usize::MAX` marks a place with no entry (the `(unlisted)` row's identity); bytes written
    // by a 64-bit build are read by the 32-bit wasm page.
    let max = to_bytes(&usize::MAX);
    assert_eq!(
        max,
        to_bytes(&u64::MAX),
        "sent as u64::MAX whatever the width"
    );
    assert_eq!(from_bytes::<usize>(&max), Some(usize::MAX));
    assert_eq!(from_bytes::<usize>(&to_bytes(&7usize)), Some(7));
    // A value that does not fit this build's usize (other than the mark) is refused.
    if usize::BITS == 32 {
        assert_eq!(from_bytes::<usize>(&to_bytes(&(u64::MAX - 1))), None);
    }
}
