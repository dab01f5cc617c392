//! Property tests for the plans: on random edits of the examples, comparing, explaining,
//! inserting a key and planning never panic; an insertion into an accepted file keeps it
//! accepted; a plan that is made has an accepted file at every step.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use enccfg_core::plan::{
    compare, encode_key, explain, insert_key, key_target, plan, KeyPosition, KmsTarget, NewKey,
    Variant, WizardInput,
};
use enccfg_core::{analyze, Options};
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    include_str!("../../../static/examples/rotation.yaml"),
    include_str!("../../../static/examples/encrypt-all.yaml"),
    include_str!("../../../static/examples/kms-v1-v2.yaml"),
    include_str!("../../../static/examples/aescbc-identity.yaml"),
    include_str!("../../../static/examples/kms-v2.yaml"),
];

/// A seed with a few bytes inserted, removed or replaced by characters YAML cares about.
fn mutated() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec![
        ' ', '-', ':', '\n', '{', '}', '[', ']', '#', 'k', '*', '.', '\'', '"',
    ]);
    (
        0..SEEDS.len(),
        prop::collection::vec((any::<usize>(), chars, 0u8..3), 0..4),
    )
        .prop_map(|(s, edits)| {
            let mut text: Vec<char> = SEEDS[s].chars().collect();
            for (i, c, op) in edits {
                let i = i % (text.len() + 1);
                match op {
                    0 => text.insert(i, c),
                    1 if i < text.len() => {
                        text.remove(i);
                    }
                    _ if i < text.len() => text[i] = c,
                    _ => {}
                }
            }
            text.into_iter().collect()
        })
}

fn options() -> Options {
    Options {
        kmsv1_gate: Some(true),
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn comparing_and_explaining_never_panic(old in mutated(), new in mutated()) {
        let c = compare(&old, &new, &options());
        prop_assert_eq!(c.safe(), !c.findings.iter().any(|f| f.severity == enccfg_core::Severity::Error));
        let e = explain(&new, Some(&old), Some(&new), &options());
        prop_assert!(e.matched || e.form == "unknown");
    }

    #[test]
    fn an_inserted_key_keeps_an_accepted_file_accepted(text in mutated(), caret in any::<usize>(), write in any::<bool>()) {
        let Ok(target) = key_target(&text, Some(caret % (text.len() + 1))) else { return Ok(()) };
        let before = analyze(&text, &options()).accepted;
        let position = if write { KeyPosition::Write } else { KeyPosition::ReadOnly };
        if let Ok(out) = insert_key(&text, &target, "key-new", &common::key32(), position) {
            prop_assert!(out.selection.end() <= out.text.len());
            if before {
                prop_assert!(analyze(&out.text, &options()).accepted, "{}", out.text);
            }
        }
    }

    #[test]
    fn a_plan_that_is_made_is_accepted_at_every_step(text in mutated(), v in 0..Variant::ALL.len()) {
        let variant = Variant::ALL[v];
        let input = WizardInput {
            text: &text,
            options: options(),
            variant,
            key: Some(NewKey { provider: "secretbox".into(), name: "key-new".into(), secret: encode_key(&[9; 32]) }),
            kms: Some(KmsTarget { name: "kms-new".into(), endpoint: "unix:///run/new.sock".into() }),
        };
        if let Ok(plan) = plan(&input) {
            for step in &plan.steps {
                prop_assert!(step.accepted, "{} step {}:\n{}", variant.as_str(), step.number, step.yaml);
            }
        }
    }
}
