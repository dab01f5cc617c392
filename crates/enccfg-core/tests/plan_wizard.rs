//! The wizard: every variant, applied step by step to an example, keeps the file accepted at
//! every step, keeps every server able to read what any server writes between two steps, and
//! gives the commands the chosen version has (1.34: kubectl replace; 1.37: StorageVersionMigration).

mod common;

use enccfg_core::plan::{
    compare, encode_key, plan, rotated_provider, KmsTarget, NewKey, Plan, Variant, WizardInput,
};
use enccfg_core::{analyze, Options};

const ROTATION: &str = include_str!("../../../static/examples/rotation.yaml");
const AESCBC_IDENTITY: &str = include_str!("../../../static/examples/aescbc-identity.yaml");
const SECRETBOX: &str = include_str!("../../../static/examples/secretbox.yaml");
const ENCRYPT_ALL: &str = include_str!("../../../static/examples/encrypt-all.yaml");
const KMS_V2: &str = include_str!("../../../static/examples/kms-v2.yaml");
const KMS_V2_RELOAD: &str = include_str!("../../../static/examples/kms-v2-reload.yaml");

fn identity_only() -> String {
    format!("{}resources:\n  - resources:\n      - secrets\n    providers:\n      - identity: {{}} # not encrypted yet\n", common::HEAD)
}

fn kms_v1_only() -> String {
    format!("{}resources:\n  - resources: [secrets]\n    providers:\n      - kms: {{name: legacy, endpoint: 'unix:///var/run/kms/v1.sock', cachesize: 1000}}\n", common::HEAD)
}

fn new_key(provider: &str, size: usize) -> NewKey {
    NewKey {
        provider: provider.into(),
        name: "key-20260507".into(),
        secret: encode_key(&vec![0x5a; size]),
    }
}

fn kms_target(name: &str) -> KmsTarget {
    KmsTarget {
        name: name.into(),
        endpoint: "unix:///var/run/kms/v2.sock".into(),
    }
}

fn options(minor: u32, reload: bool) -> Options {
    Options {
        minor,
        reload,
        ..Options::default()
    }
}

fn run(
    text: &str,
    variant: Variant,
    minor: u32,
    key: Option<NewKey>,
    kms: Option<KmsTarget>,
) -> Plan {
    let plan = plan(&WizardInput {
        text,
        options: options(minor, false),
        variant,
        key,
        kms,
    })
    .unwrap_or_else(|e| panic!("{}: {e}", variant.as_str()));
    check_steps(text, &plan);
    plan
}

/// Every step accepted (re-analysed here), numbered, its diff matching its file, and no
/// change between two steps that makes stored data unreadable.
fn check_steps(start: &str, plan: &Plan) {
    let mut before = start.to_string();
    for (i, step) in plan.steps.iter().enumerate() {
        assert_eq!(step.number, i + 1);
        let analysis = analyze(&step.yaml, &plan.options);
        assert!(
            step.accepted && analysis.accepted,
            "{} step {}:\n{}\n{:?}",
            plan.variant.as_str(),
            step.number,
            step.yaml,
            analysis.diagnostics
        );
        assert_eq!(
            step.diff.is_empty(),
            step.yaml == before,
            "step {}",
            step.number
        );
        assert_eq!(step.on_every_node.is_some(), !step.diff.is_empty());
        let change = compare(&before, &step.yaml, &plan.options);
        assert!(
            change.safe(),
            "{} step {} puts data at risk: {:?}",
            plan.variant.as_str(),
            step.number,
            change.findings
        );
        before = step.yaml.clone();
    }
}

fn writer_and_chain(text: &str, options: &Options, row: usize) -> (String, Vec<String>) {
    let views = analyze(text, options).views.unwrap();
    let row = &views.ordering.rows[row];
    (
        row.write.label.to_string(),
        row.read.iter().map(|p| p.label.to_string()).collect(),
    )
}

#[test]
fn rotating_a_local_key_adds_it_reads_with_it_writes_with_it_then_drops_the_old_one() {
    let plan = run(
        ROTATION,
        Variant::RotateKey,
        36,
        Some(new_key("secretbox", 32)),
        None,
    );
    let titles: Vec<&str> = plan.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Add the new key as a read key",
            "Make the new key the writer",
            "Rewrite every stored object",
            "Remove the old key"
        ]
    );
    let o = plan.options;
    assert_eq!(
        writer_and_chain(&plan.steps[0].yaml, &o, 0),
        (
            "secretbox:key2".into(),
            vec![
                "secretbox:key2".into(),
                "secretbox:key-20260507".into(),
                "secretbox:key1".into(),
                "identity".into()
            ]
        )
    );
    assert_eq!(
        writer_and_chain(&plan.steps[1].yaml, &o, 0).0,
        "secretbox:key-20260507"
    );
    assert_eq!(
        writer_and_chain(&plan.steps[3].yaml, &o, 0).1,
        ["secretbox:key-20260507", "secretbox:key1", "identity"]
    );
    assert!(
        plan.steps[3].notes.iter().any(|n| n.contains("`key1`")),
        "older keys are named"
    );
    // The user's comments survive every step.
    assert!(plan
        .steps
        .iter()
        .all(|s| s.yaml.contains("# Mid key rotation")));
    // aescbc takes 16-byte keys too; a secretbox key must be 32 bytes.
    run(
        AESCBC_IDENTITY,
        Variant::RotateKey,
        36,
        Some(new_key("aescbc", 16)),
        None,
    );
    assert_eq!(
        rotated_provider(AESCBC_IDENTITY, &options(36, false)),
        Some("aescbc")
    );
    assert_eq!(rotated_provider(KMS_V2, &options(36, false)), None);
    let short = plan_err(
        ROTATION,
        Variant::RotateKey,
        Some(new_key("secretbox", 16)),
        None,
    );
    assert!(short.contains("32 bytes"), "{short}");
}

#[test]
fn enabling_goes_through_identity_first_then_drops_it() {
    let plan = run(
        &identity_only(),
        Variant::Enable,
        36,
        Some(new_key("aesgcm", 32)),
        None,
    );
    let o = plan.options;
    let chains: Vec<Vec<String>> = plan
        .steps
        .iter()
        .map(|s| writer_and_chain(&s.yaml, &o, 0).1)
        .collect();
    assert_eq!(chains[0], ["identity", "aesgcm:key-20260507"]);
    assert_eq!(chains[1], ["aesgcm:key-20260507", "identity"]);
    assert_eq!(chains.last().unwrap(), &["aesgcm:key-20260507"]);
    assert!(plan.steps[0].yaml.contains("# not encrypted yet"));
    let refused = plan_err(
        SECRETBOX,
        Variant::Enable,
        Some(new_key("secretbox", 32)),
        None,
    );
    assert!(refused.contains("already encrypts"), "{refused}");
}

#[test]
fn disabling_adds_identity_when_missing_and_ends_with_it_alone() {
    let with_identity = run(AESCBC_IDENTITY, Variant::Disable, 36, None, None);
    assert_eq!(
        with_identity.steps.len(),
        3,
        "identity is there already: no step adds it"
    );
    let without = format!("{}resources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys:\n            - name: k\n              secret: {}\n", common::HEAD, common::key32());
    let plan = run(&without, Variant::Disable, 36, None, None);
    assert_eq!(plan.steps.len(), 4);
    let o = plan.options;
    assert_eq!(
        writer_and_chain(&plan.steps[0].yaml, &o, 0).1,
        ["secretbox:k", "identity"]
    );
    assert_eq!(writer_and_chain(&plan.steps[1].yaml, &o, 0).0, "identity");
    assert_eq!(writer_and_chain(&plan.steps[3].yaml, &o, 0).1, ["identity"]);
}

#[test]
fn moving_a_local_key_to_kms_v2() {
    let plan = run(
        SECRETBOX,
        Variant::LocalToKmsV2,
        36,
        None,
        Some(kms_target("vault")),
    );
    assert_eq!(
        plan.steps[0].title,
        "Run the KMS v2 plugin on every control-plane node"
    );
    assert!(plan.steps[0].commands[0]
        .text
        .contains("test -S /var/run/kms/v2.sock"));
    let o = plan.options;
    assert_eq!(
        writer_and_chain(&plan.steps.last().unwrap().yaml, &o, 0).1,
        ["kms:vault", "identity"]
    );
    let taken = plan_err(
        KMS_V2,
        Variant::LocalToKmsV2,
        None,
        Some(kms_target("vault")),
    );
    assert!(taken.contains("no local key"), "{taken}");
}

#[test]
fn moving_from_kms_v1_to_v2_keeps_the_gate_on_until_the_end() {
    let plan = run(
        &kms_v1_only(),
        Variant::KmsV1ToV2,
        36,
        None,
        Some(kms_target("cloud-v2")),
    );
    assert_eq!(plan.options.kmsv1_gate, Some(true));
    assert_eq!(plan.steps[0].commands[0].text, "--feature-gates=KMSv1=true");
    let o = plan.options;
    assert_eq!(
        writer_and_chain(&plan.steps.last().unwrap().yaml, &o, 0).1,
        ["kms:cloud-v2"]
    );
    let same = plan_err(
        &kms_v1_only(),
        Variant::KmsV1ToV2,
        None,
        Some(kms_target("legacy")),
    );
    assert!(
        same.contains("already has a KMS provider named `legacy`"),
        "{same}"
    );
}

#[test]
fn kms_v2_key_rotation_changes_no_file() {
    let plan = run(KMS_V2, Variant::KmsV2KeyRotation, 36, None, None);
    assert!(plan
        .steps
        .iter()
        .all(|s| s.yaml == KMS_V2 && s.diff.is_empty()));
    assert!(plan.steps[0].commands[0]
        .text
        .contains("apiserver_envelope_encryption_key_id_hash"));
    let none = plan_err(SECRETBOX, Variant::KmsV2KeyRotation, None, None);
    assert!(none.contains("no KMS v2 key to rotate"), "{none}");
}

fn plan_err(text: &str, variant: Variant, key: Option<NewKey>, kms: Option<KmsTarget>) -> String {
    plan(&WizardInput {
        text,
        options: options(36, false),
        variant,
        key,
        kms,
    })
    .unwrap_err()
}

fn rewrite_commands(plan: &Plan) -> String {
    let step = plan
        .steps
        .iter()
        .find(|s| s.title == "Rewrite every stored object")
        .unwrap();
    step.commands
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_rewrite_uses_kubectl_on_1_34_and_storage_version_migration_on_1_37() {
    let key = || Some(new_key("secretbox", 32));
    let old = run(ROTATION, Variant::RotateKey, 34, key(), None);
    let new = run(ROTATION, Variant::RotateKey, 37, key(), None);
    let (old_cmds, new_cmds) = (rewrite_commands(&old), rewrite_commands(&new));
    assert_eq!(
        old_cmds,
        "kubectl get secrets --all-namespaces -o json | kubectl replace -f -"
    );
    assert!(!new_cmds.contains("kubectl replace"));
    assert!(
        new_cmds.contains("apiVersion: storagemigration.k8s.io/v1\nkind: StorageVersionMigration")
    );
    assert!(new_cmds.contains("spec:\n  resource:\n    group: \"\"\n    resource: secrets"));
    assert!(new_cmds.contains("kubectl wait --for=condition=Succeeded"));
    let rewrite_notes = |p: &Plan| {
        p.steps
            .iter()
            .find(|s| s.title.starts_with("Rewrite"))
            .unwrap()
            .notes
            .join(" ")
    };
    assert!(rewrite_notes(&old).contains("the object has been modified"));
    assert!(rewrite_notes(&new).contains("Succeeded or Failed"));
    // Every step but the rewrite is the same on both versions.
    for (a, b) in old.steps.iter().zip(&new.steps) {
        if !a.title.starts_with("Rewrite") {
            assert_eq!(a.commands, b.commands, "{}", a.title);
        }
    }
    // A wildcard rule rewrites every resource kube-apiserver lists.
    let all = run(ENCRYPT_ALL, Variant::RotateKey, 34, key(), None);
    assert!(rewrite_commands(&all)
        .starts_with("kubectl api-resources --verbs=list,update -o name | while read -r r; do"));
}

#[test]
fn with_automatic_reload_steps_say_what_to_watch_instead_of_restarting() {
    let plan = plan(&WizardInput {
        text: KMS_V2_RELOAD,
        options: options(36, true),
        variant: Variant::Disable,
        key: None,
        kms: None,
    })
    .unwrap();
    check_steps(KMS_V2_RELOAD, &plan);
    let step = &plan.steps[0];
    let apply = step.apply.as_deref().unwrap();
    assert!(
        apply.contains("No restart")
            && apply.contains("apiserver_encryption_config_controller_last_config_info"),
        "{apply}"
    );
    assert!(step
        .commands
        .iter()
        .any(|c| c.text.starts_with("sha256sum ")));
    let restart = run(AESCBC_IDENTITY, Variant::Disable, 36, None, None);
    assert!(restart.steps[0]
        .apply
        .as_deref()
        .unwrap()
        .starts_with("Restart kube-apiserver on every control-plane node"));
}

#[test]
fn a_refused_file_is_not_planned() {
    let broken = include_str!("../../../static/examples/broken.yaml");
    let why = plan_err(
        broken,
        Variant::RotateKey,
        Some(new_key("secretbox", 32)),
        None,
    );
    assert!(why.contains("fix"), "{why}");
}
