//! The Deploy panel's snippets: each kind on a KMS v2 file and an aescbc file, with and without
//! automatic reload; the flags are the ones the options say.

use enccfg_core::deploy::{apiserver_flags, snippet, snippets, SnippetKind};
use enccfg_core::Options;

const AESCBC: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: key1\n              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=\n      - identity: {}\n";

const KMS2: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets, configmaps]\n    providers:\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms.sock\n      - identity: {}\n";

const IDENTITY_FIRST: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - identity: {}\n      - aescbc:\n          keys:\n            - name: old\n              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=\n";

fn opts(minor: u32, reload: bool) -> Options {
    Options {
        minor,
        reload,
        ..Options::default()
    }
}

fn text_of(kind: SnippetKind, yaml: &str, options: &Options) -> String {
    snippet(kind, yaml, options).text
}

#[test]
fn every_kind_once_in_order() {
    for yaml in [AESCBC, KMS2] {
        for reload in [false, true] {
            let kinds: Vec<&str> = snippets(yaml, &opts(36, reload))
                .iter()
                .map(|s| s.kind.as_str())
                .collect();
            assert_eq!(
                kinds,
                ["flags", "static-pod", "kubeadm", "k3s", "rke2", "verify"]
            );
        }
    }
}

#[test]
fn flags_follow_the_reload_option() {
    for yaml in [AESCBC, KMS2] {
        let off = text_of(SnippetKind::Flags, yaml, &opts(36, false));
        assert_eq!(
            off,
            "--encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n"
        );
        let on = text_of(SnippetKind::Flags, yaml, &opts(36, true));
        assert_eq!(
            on,
            "--encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n--encryption-provider-config-automatic-reload=true\n"
        );
    }
}

#[test]
fn feature_gates_only_when_the_options_leave_the_default() {
    let mut o = opts(36, false);
    o.kmsv1_gate = Some(true);
    let names: Vec<String> = apiserver_flags(&o, "/f")
        .iter()
        .map(|f| format!("{}={}", f.name, f.value))
        .collect();
    assert_eq!(
        names,
        ["encryption-provider-config=/f", "feature-gates=KMSv1=true"]
    );
    // On by default in 1.28: saying so adds nothing; turning it off is a flag.
    let mut o = opts(28, false);
    o.kmsv1_gate = Some(true);
    assert_eq!(apiserver_flags(&o, "/f").len(), 1);
    o.kmsv1_gate = Some(false);
    o.kmsv2_gate = Some(false);
    assert_eq!(
        apiserver_flags(&o, "/f").last().map(|f| f.value.clone()),
        Some("KMSv1=false,KMSv2=false".to_string())
    );
    // 1.27 has no KMSv1 gate.
    let mut o = opts(27, false);
    o.kmsv1_gate = Some(true);
    assert_eq!(apiserver_flags(&o, "/f").len(), 1);
    // The same gate in every snippet that passes flags.
    let mut o = opts(36, true);
    o.kmsv1_gate = Some(true);
    for kind in [
        SnippetKind::Flags,
        SnippetKind::StaticPod,
        SnippetKind::K3s,
        SnippetKind::Rke2,
    ] {
        let text = text_of(kind, KMS2, &o);
        assert!(
            text.contains("feature-gates=KMSv1=true"),
            "{kind:?}: {text}"
        );
        assert!(
            text.contains("encryption-provider-config-automatic-reload=true"),
            "{kind:?}"
        );
    }
    assert!(text_of(SnippetKind::Kubeadm, KMS2, &o)
        .contains("- name: feature-gates\n      value: \"KMSv1=true\""));
}

#[test]
fn static_pod_mounts_the_file_read_only_or_its_directory_with_reload() {
    for yaml in [AESCBC, KMS2] {
        let off = text_of(SnippetKind::StaticPod, yaml, &opts(36, false));
        assert!(
            off.contains("        - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n")
        );
        assert!(off.contains(
            "          mountPath: /etc/kubernetes/enc/enc.yaml\n          readOnly: true\n"
        ));
        assert!(off.contains(
            "      hostPath:\n        path: /etc/kubernetes/enc/enc.yaml\n        type: File\n"
        ));
        assert!(!off.contains("automatic-reload"));
        assert!(off.contains("chmod 0600 /etc/kubernetes/enc/enc.yaml"));
        assert!(off.contains("chown root:root /etc/kubernetes/enc/enc.yaml"));
        let on = text_of(SnippetKind::StaticPod, yaml, &opts(36, true));
        assert!(on.contains("          mountPath: /etc/kubernetes/enc\n          readOnly: true\n"));
        assert!(on.contains("        path: /etc/kubernetes/enc\n        type: DirectoryOrCreate\n"));
        assert!(on.contains("        - --encryption-provider-config-automatic-reload=true\n"));
    }
}

#[test]
fn kubeadm_extra_args_shape_follows_the_config_api() {
    for yaml in [AESCBC, KMS2] {
        let new = text_of(SnippetKind::Kubeadm, yaml, &opts(36, true));
        assert!(new.contains("apiVersion: kubeadm.k8s.io/v1beta4\n"));
        assert!(new.contains("  extraArgs:\n    - name: encryption-provider-config\n      value: \"/etc/kubernetes/enc/enc.yaml\"\n    - name: encryption-provider-config-automatic-reload\n      value: \"true\"\n"));
        assert!(new.contains("      hostPath: /etc/kubernetes/enc\n      mountPath: /etc/kubernetes/enc\n      readOnly: true\n      pathType: DirectoryOrCreate\n"));
        let old = text_of(SnippetKind::Kubeadm, yaml, &opts(30, false));
        assert!(old.contains("apiVersion: kubeadm.k8s.io/v1beta3\n"));
        assert!(old.contains("  extraArgs:\n    encryption-provider-config: \"/etc/kubernetes/enc/enc.yaml\"\n  extraVolumes:\n"));
        assert!(old.contains("      pathType: File\n"));
    }
}

#[test]
fn k3s_and_rke2_use_their_own_keys() {
    for yaml in [AESCBC, KMS2] {
        for reload in [false, true] {
            let o = opts(36, reload);
            let k3s = snippet(SnippetKind::K3s, yaml, &o);
            assert!(k3s.text.contains("kube-apiserver-arg:\n  - \"encryption-provider-config=/etc/rancher/k3s/encryption-config.yaml\"\n"));
            assert!(!k3s.text.contains("extra-mount"));
            assert!(k3s.notes.iter().any(|n| n.contains("secrets-encrypt")));
            assert_eq!(k3s.text.contains("automatic-reload=true"), reload);
            let rke2 = text_of(SnippetKind::Rke2, yaml, &o);
            assert!(rke2.contains("kube-apiserver-arg:\n  - \"encryption-provider-config=/etc/rancher/rke2/enc/enc.yaml\"\n"));
            let mount = if reload {
                "kube-apiserver-extra-mount:\n  - \"/etc/rancher/rke2/enc:/etc/rancher/rke2/enc:ro\"\n"
            } else {
                "kube-apiserver-extra-mount:\n  - \"/etc/rancher/rke2/enc/enc.yaml:/etc/rancher/rke2/enc/enc.yaml:ro\"\n"
            };
            assert!(rke2.contains(mount), "{rke2}");
            assert!(rke2.contains("chmod 0600 /etc/rancher/rke2/enc/enc.yaml"));
        }
    }
}

#[test]
fn verify_names_the_write_providers_prefix() {
    for reload in [false, true] {
        let o = opts(36, reload);
        let aes = text_of(SnippetKind::Verify, AESCBC, &o);
        assert!(aes.contains("ETCDCTL_API=3 etcdctl"));
        assert!(aes.contains("get /registry/secrets/default/enccfg-check | hexdump -C"));
        assert!(aes.contains("Expect the value to start with: k8s:enc:aescbc:v1:key1:\n"));
        let kms = text_of(SnippetKind::Verify, KMS2, &o);
        assert!(kms.contains("Expect the value to start with: k8s:enc:kms:v2:vault:\n"));
    }
    let plain = text_of(SnippetKind::Verify, IDENTITY_FIRST, &opts(36, false));
    assert!(plain.contains("plaintext"));
    assert!(!plain.contains("Expect the value to start with"));
    let broken = text_of(SnippetKind::Verify, "resources: [", &opts(36, false));
    assert!(broken.contains("cannot be told"));
}

#[test]
fn snippets_never_carry_key_material() {
    for s in snippets(AESCBC, &opts(36, true)) {
        assert!(!s.text.contains("QUFB"), "{:?}", s.kind);
        assert!(s.notes.iter().all(|n| !n.contains("QUFB")));
    }
}
