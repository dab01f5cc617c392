//! Facts §4.1–§4.3: R0, E1, E2a/E2b (with the duplicate-wildcard quirk), E3a–E3f and E4,
//! each fired and not fired, asserting code, field path, error type and order.

mod common;

use common::*;

const REQ: &str = "Required";
const INV: &str = "Invalid";

const R0: &str = "EC0201";
const E1: &str = "EC0202";
const E2A: &str = "EC0203";
const E2B: &str = "EC0204";
const E3A: &str = "EC0205";
const E3B: &str = "EC0206";
const E3C: &str = "EC0207";
const E3D: &str = "EC0208";
const E3E: &str = "EC0209";
const E3F: &str = "EC0210";
const E4: &str = "EC0211";
const P1A: &str = "EC0212";

const LIST: &str = "resources[0].resources";

/// An entry listing `names` with one valid provider.
fn names(list: &[&str]) -> String {
    doc(&[entry(list, &[local_ok("secretbox")])])
}

fn at(j: usize) -> String {
    format!("{LIST}[{j}]")
}

#[test]
fn r0_top_level_resources_required_and_validation_stops() {
    let o = newest();
    for text in [
        doc(&[]),
        HEAD.to_string(),
        format!("{HEAD}resources: ~\n"),
        format!("{HEAD}resources:\n"),
    ] {
        expect(&text, &o, &[(R0, "resources", REQ)]);
    }
    valid(&one(&[identity()]), &o);
}

#[test]
fn e1_entry_resources_required_then_providers_still_checked() {
    let o = newest();
    let p = [local_ok("aescbc")];
    expect(&doc(&[entry(&[], &p)]), &o, &[(E1, LIST, REQ)]);
    let missing = format!("{HEAD}resources:\n  - providers:\n      - identity: {{}}\n");
    expect(&missing, &o, &[(E1, LIST, REQ)]);
    let null = format!("{HEAD}resources:\n  - resources: ~\n    providers: [{{identity: {{}}}}]\n");
    expect(&null, &o, &[(E1, LIST, REQ)]);
    // Validation continues with the providers: E1 first, then E4 / P1a.
    expect(
        &doc(&[entry(&[], &[])]),
        &o,
        &[(E1, LIST, REQ), (E4, "resources[0].providers", REQ)],
    );
    expect(
        &doc(&[entry(&[], &["{}".into()])]),
        &o,
        &[(E1, LIST, REQ), (P1A, "resources[0].providers[0]", INV)],
    );
    // A null entry is an empty entry.
    expect(
        &format!("{HEAD}resources:\n  - ~\n"),
        &o,
        &[(E1, LIST, REQ), (E4, "resources[0].providers", REQ)],
    );
    valid(&names(&["secrets"]), &o);
}

#[test]
fn e2a_duplicates_one_error_per_list() {
    let o = newest();
    for list in [
        &["secrets", "secrets"][..],
        &["secrets", "secrets."],
        &["secrets", "secrets", "secrets", "secrets"],
        &["deployments.apps", "configmaps", "deployments.apps"],
    ] {
        expect(&names(list), &o, &[(E2A, LIST, INV)]);
    }
    // Not duplicates: different groups, different resources, or a single name.
    for list in [
        &["secrets", "configmaps"][..],
        &["deployments.apps", "deployments.extensions.example.com"],
        &["secrets"],
        &["secrets.v1", "secrets"],
    ] {
        assert!(
            !check(&names(list), &o).iter().any(|f| f.0 == E2A),
            "{list:?}"
        );
    }
}

#[test]
fn e2b_overlaps_in_one_list() {
    let o = newest();
    for list in [
        &["secrets", "*."][..],
        &["*.", "pods"],
        &["secrets", "*.*"],
        &["*.", "*.*"],
        &["*.*", "deployments.apps"],
        &["deployments.apps", "*.apps"],
        &["*.apps", "deployments.apps"],
    ] {
        expect(&names(list), &o, &[(E2B, LIST, INV)]);
    }
    // `*` parses like `*.`: an overlap, plus E3b on the name.
    expect(
        &names(&["*", "secrets"]),
        &o,
        &[(E2B, LIST, INV), (E3B, &at(0), INV)],
    );
    // Duplicate first, then overlap.
    expect(
        &names(&["secrets", "*.", "secrets"]),
        &o,
        &[(E2A, LIST, INV), (E2B, LIST, INV)],
    );
    // Not overlaps: different groups.
    for list in [
        &["*.apps", "*."][..],
        &["deployments.apps", "*."],
        &["*.apps", "*.batch", "secrets"],
        &["*.*.*", "secrets"],
    ] {
        valid(&names(list), &o);
    }
}

#[test]
fn e2_duplicate_wildcard_quirk_gives_both_errors() {
    let o = newest();
    for list in [&["*.", "*."][..], &["*.*", "*.*"], &["*.apps", "*.apps"]] {
        expect(&names(list), &o, &[(E2A, LIST, INV), (E2B, LIST, INV)]);
    }
    expect(
        &names(&["*", "*."]),
        &o,
        &[(E2A, LIST, INV), (E2B, LIST, INV), (E3B, &at(0), INV)],
    );
    // A repeated plain name is only a duplicate.
    expect(&names(&["secrets", "secrets"]), &o, &[(E2A, LIST, INV)]);
}

#[test]
fn e3_per_name_rules_first_match_wins() {
    let o = newest();
    let cases: &[(&str, &str)] = &[
        ("Secrets", E3A),
        ("*.Apps", E3A),
        ("apiServerIPInfo", E3A),
        ("secrÉts", E3A),
        ("Foos.*", E3A),
        ("Deployments.extensions", E3A),
        ("*", E3B),
        ("apiserveripinfo", E3C),
        ("serviceipallocations", E3C),
        ("servicenodeportallocations", E3C),
        ("events.events.k8s.io", E3D),
        ("*.events.k8s.io", E3D),
        ("*.extensions", E3E),
        ("deployments.extensions", E3E),
        ("foos.*", E3F),
        // Resource `*` in group `*.extensions`: no rule matches.
        ("*.*.extensions", ""),
    ];
    for (name, code) in cases {
        let text = names(&[name]);
        if code.is_empty() {
            valid(&text, &o);
        } else {
            expect(&text, &o, &[(code, &at(0), INV)]);
        }
    }
    // One finding per name, in name order, after the list-level errors.
    expect(
        &names(&["Secrets", "*", "serviceipallocations", "foos.*"]),
        &o,
        &[
            (E2B, LIST, INV),
            (E3A, &at(0), INV),
            (E3B, &at(1), INV),
            (E3C, &at(2), INV),
            (E3F, &at(3), INV),
        ],
    );
}

#[test]
fn e3_what_validation_does_not_check() {
    let o = newest();
    for name in [
        "secret",
        "jobs.example.com",
        "secrets.v1",
        "",
        "*.*.*",
        "serviceipallocations.",
        "extensions",
        "events",
        "sécrets",
        "*.",
        "*.*",
        "*.apps",
        "configmaps.",
    ] {
        valid(&names(&[name]), &o);
    }
}

#[test]
fn e4_providers_required() {
    let o = newest();
    let path = "resources[0].providers";
    expect(&doc(&[entry(&["secrets"], &[])]), &o, &[(E4, path, REQ)]);
    let missing = format!("{HEAD}resources:\n  - resources: [secrets]\n");
    expect(&missing, &o, &[(E4, path, REQ)]);
    let null = format!("{HEAD}resources:\n  - resources: [secrets]\n    providers: ~\n");
    expect(&null, &o, &[(E4, path, REQ)]);
    // Second entry: the index is in the path.
    expect(
        &doc(&[
            entry(&["secrets"], &[identity()]),
            entry(&["configmaps"], &[]),
        ]),
        &o,
        &[(E4, "resources[1].providers", REQ)],
    );
    valid(&one(&[identity()]), &o);
}

#[test]
fn entry_rules_run_entry_by_entry() {
    let o = newest();
    expect(
        &doc(&[
            entry(&["Secrets"], &[]),
            entry(&[], &[identity()]),
            entry(&["*.", "*."], &["{}".into()]),
        ]),
        &o,
        &[
            (E3A, &at(0), INV),
            (E4, "resources[0].providers", REQ),
            (E1, "resources[1].resources", REQ),
            (E2A, "resources[2].resources", INV),
            (E2B, "resources[2].resources", INV),
            (P1A, "resources[2].providers[0]", INV),
        ],
    );
}

#[test]
fn rule_results_do_not_depend_on_version_or_reload() {
    let text = doc(&[
        entry(&["secrets", "*."], &["{}".into()]),
        entry(&["Foo"], &[]),
    ]);
    let base = check(&text, &newest());
    assert_eq!(base.len(), 4);
    for minor in 27..=37 {
        for reload in [false, true] {
            let o = enccfg_core::Options {
                minor,
                reload,
                kmsv1_gate: None,
                kmsv2_gate: None,
                template: false,
            };
            assert_eq!(check(&text, &o), base, "1.{minor} reload={reload}");
        }
    }
}
