//! k3s and RKE2, which start kube-apiserver themselves and take its flags as
//! `kube-apiserver-arg` in their config file. k3s runs kube-apiserver in its own process (no
//! mount); RKE2 runs it as a static Pod, so the file also needs `kube-apiserver-extra-mount`.
//! Both can manage encryption themselves (`secrets-encryption`), which writes its own file.

use super::flags::apiserver_flags;
use super::mounts::mode_and_owner;
use super::{Snippet, SnippetKind};
use crate::options::Options;

fn args(options: &Options, path: &str) -> String {
    apiserver_flags(options, path)
        .iter()
        .map(|f| format!("  - \"{}={}\"\n", f.name, f.value))
        .collect()
}

pub(super) fn k3s(options: &Options) -> Snippet {
    let path = "/etc/rancher/k3s/encryption-config.yaml";
    let text = format!(
        "{}# /etc/rancher/k3s/config.yaml\nkube-apiserver-arg:\n{}",
        mode_and_owner(path).replace("/etc/kubernetes/enc", "/etc/rancher/k3s"),
        args(options, path)
    );
    Snippet {
        kind: SnippetKind::K3s,
        title: "k3s",
        text,
        notes: vec![
            "k3s runs kube-apiserver inside its own process, so no volume is needed; restart k3s (systemctl restart k3s) on every server node.".into(),
            "k3s can manage encryption itself instead: `secrets-encryption: true` in config.yaml and the `k3s secrets-encrypt` command (status, rotate-keys, reencrypt). Do not combine both.".into(),
        ],
    }
}

pub(super) fn rke2(options: &Options) -> Snippet {
    let dir = "/etc/rancher/rke2/enc";
    let path = format!("{dir}/enc.yaml");
    let mount = if options.reload {
        format!("{dir}:{dir}:ro")
    } else {
        format!("{path}:{path}:ro")
    };
    let text = format!(
        "{}# /etc/rancher/rke2/config.yaml\nkube-apiserver-arg:\n{}kube-apiserver-extra-mount:\n  - \"{mount}\"\n",
        mode_and_owner(&path).replace("/etc/kubernetes/enc", dir),
        args(options, &path)
    );
    Snippet {
        kind: SnippetKind::Rke2,
        title: "RKE2",
        text,
        notes: vec![
            "RKE2 runs kube-apiserver as a static Pod: kube-apiserver-extra-mount puts the file into it read-only. Restart rke2-server on every server node.".into(),
            "RKE2 encrypts Secrets by default with its own file and has `rke2 secrets-encrypt`; a custom file replaces that management.".into(),
        ],
    }
}
