//! Facts §6: the load-time checks, which run only on a valid file and carry no field path:
//! wildcard masking across entries (rejected and allowed orders) and the KMSv1 feature gate
//! (defaults by version, and the override).

mod common;

use common::*;
use enccfg_core::{Options, Stage};

const MASKED: &str = "EC0301";
const KMSV1: &str = "EC0302";

fn load(text: &str, o: &Options) -> Vec<&'static str> {
    codes(text, o, Stage::Load)
}

/// One entry per name list, each with a valid provider.
fn entries(lists: &[&[&str]]) -> String {
    let entries: Vec<String> = lists
        .iter()
        .map(|names| entry(names, &[local_ok("secretbox")]))
        .collect();
    doc(&entries)
}

#[test]
fn masking_rejects_a_name_after_a_wildcard_that_covers_it() {
    let o = newest();
    for lists in [
        &[&["*."][..], &["secrets"]][..],
        &[&["*.*"], &["configmaps"]],
        &[&["*.*"], &["*.*"]],
        &[&["*.*"], &["*."]],
        &[&["*.*"], &["deployments.apps"]],
        &[&["*.*"], &["*.apps"]],
        &[&["*.apps"], &["deployments.apps"]],
        &[&["*.foo"], &["*.foo"]],
        &[&["*."], &["configmaps."]],
        &[&["*.apps", "secrets"], &["pods"], &["statefulsets.apps"]],
    ] {
        let text = entries(lists);
        assert!(check(&text, &o).is_empty(), "validation passes: {lists:?}");
        let analysis = run(&text, &o);
        assert!(!analysis.accepted, "{lists:?}");
        assert_eq!(load(&text, &o), [MASKED], "{lists:?}");
        let d = analysis
            .diagnostics
            .iter()
            .find(|d| d.code == MASKED)
            .unwrap();
        assert!(d.field.is_none(), "load checks carry no field path");
        // The diagnostic points at the masked name, in the last entry.
        let name = lists.last().unwrap()[0];
        assert_eq!(&text[d.range.start()..d.range.end()], quote(name));
    }
}

#[test]
fn masking_allows_specific_names_before_wildcards_and_repeated_names() {
    let o = newest();
    for lists in [
        &[&["events"][..], &["*.*"]][..],
        &[&["*."], &["*.*"]],
        &[&["secrets"], &["*."]],
        &[&["deployments.apps"], &["*.apps"], &["*.*"]],
        &[&["secrets"], &["secrets"]],
        &[&["*.apps"], &["*."]],
        &[&["*.apps"], &["secrets"]],
        &[&["*."], &["deployments.apps"]],
        &[&["*.apps"], &["deployments.batch"]],
        &[&["*.*.*"], &["secrets"]],
    ] {
        let text = entries(lists);
        assert_eq!(load(&text, &o), Vec::<&str>::new(), "{lists:?}");
        assert!(run(&text, &o).accepted, "{lists:?}");
    }
}

#[test]
fn masking_is_not_checked_on_a_file_that_fails_validation() {
    let o = newest();
    let text = doc(&[
        entry(&["*."], &[local_ok("secretbox")]),
        entry(&["secrets"], &[local("secretbox", &[])]),
    ]);
    assert_eq!(load(&text, &o), Vec::<&str>::new());
    assert_eq!(check(&text, &o).len(), 1);
    // Within one entry, validation (E2) rejects the overlap before load runs.
    let text = entries(&[&["*.", "secrets"]]);
    assert_eq!(load(&text, &o), Vec::<&str>::new());
}

#[test]
fn masking_applies_in_every_version() {
    let text = entries(&[&["*.*"], &["secrets"]]);
    for minor in 27..=37 {
        assert_eq!(load(&text, &opts(minor)), [MASKED], "1.{minor}");
    }
}

fn with_gate(minor: u32, gate: Option<bool>) -> Options {
    Options {
        minor,
        reload: false,
        kmsv1_gate: gate,
        kmsv2_gate: None,
        template: false,
    }
}

#[test]
fn kmsv1_gate_defaults_by_version() {
    let explicit = one(&[kms1("a")]);
    let defaulted = one(&[kms("name: a, endpoint: \"unix:///x\"")]);
    for text in [&explicit, &defaulted] {
        for minor in 27..=28 {
            assert_eq!(load(text, &opts(minor)), Vec::<&str>::new(), "1.{minor}");
            assert!(run(text, &opts(minor)).accepted);
        }
        for minor in 29..=37 {
            assert_eq!(load(text, &opts(minor)), [KMSV1], "1.{minor}");
            let analysis = run(text, &opts(minor));
            assert!(!analysis.accepted);
            assert!(analysis
                .diagnostics
                .iter()
                .filter(|d| d.stage == Stage::Load)
                .all(|d| d.field.is_none()));
        }
    }
}

#[test]
fn kmsv1_gate_override() {
    let text = one(&[kms1("a")]);
    for minor in 29..=37 {
        assert_eq!(
            load(&text, &with_gate(minor, Some(true))),
            Vec::<&str>::new()
        );
        assert!(run(&text, &with_gate(minor, Some(true))).accepted);
    }
    assert_eq!(load(&text, &with_gate(28, Some(false))), [KMSV1]);
    // 1.27 has no KMSv1 gate: KMS v1 always loads.
    assert_eq!(load(&text, &with_gate(27, Some(false))), Vec::<&str>::new());
    assert_eq!(load(&text, &with_gate(36, Some(false))), [KMSV1]);
}

#[test]
fn kmsv1_gate_does_not_touch_v2_and_reports_each_v1_provider() {
    let o = newest();
    assert_eq!(load(&one(&[kms2("a")]), &o), Vec::<&str>::new());
    assert!(run(&one(&[kms2("a"), kms2("b")]), &o).accepted);
    // A mix of v1 and v2 fails with the gate off.
    assert_eq!(load(&one(&[kms2("a"), kms1("b")]), &o), [KMSV1]);
    let text = doc(&[
        entry(&["secrets"], &[kms1("a"), kms2("b")]),
        entry(&["configmaps"], &[kms("name: c, endpoint: \"unix:///x\"")]),
    ]);
    assert_eq!(load(&text, &o), [KMSV1, KMSV1]);
    // Not checked when validation fails.
    assert_eq!(
        load(&one(&[kms1("a"), local("aesgcm", &[])]), &o),
        Vec::<&str>::new()
    );
}

#[test]
fn load_checks_follow_kube_apiserver_entry_order() {
    // Entry by entry: first the entry's providers (KMSv1), then its names (masking).
    let text = doc(&[
        entry(&["*.*"], &[kms2("a")]),
        entry(&["secrets"], &[kms1("b")]),
    ]);
    assert_eq!(load(&text, &newest()), [KMSV1, MASKED]);
    assert_eq!(load(&text, &gate_on(newest())), [MASKED]);
}
