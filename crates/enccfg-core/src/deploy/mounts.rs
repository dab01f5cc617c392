//! The file inside kube-apiserver's static Pod and kubeadm's `ClusterConfiguration`: a
//! read-only `hostPath` volume. Without reload the file itself is mounted (`type: File`, so a
//! missing file stops the Pod instead of mounting an empty directory); with automatic reload
//! the directory is mounted (`type: DirectoryOrCreate`), so a file replaced by a rename is
//! seen (a single-file bind mount keeps the old inode).

use super::flags::apiserver_flags;
use super::{host_path, Snippet, SnippetKind, HOST_DIR};
use crate::options::Options;

/// The volume's name in the Pod and in kubeadm.
const VOLUME: &str = "encryption-config";

/// What is mounted: the path on the node (the same inside the container) and its `hostPath`
/// type.
fn mounted(options: &Options) -> (String, &'static str) {
    if options.reload {
        (HOST_DIR.to_string(), "DirectoryOrCreate")
    } else {
        (host_path(), "File")
    }
}

/// `chmod`/`chown` lines, as YAML comments above a snippet.
pub(super) fn mode_and_owner(path: &str) -> String {
    format!(
        "# On every control-plane node, as root:\n#   mkdir -p {HOST_DIR}\n#   cp enc.yaml {path}\n#   chmod 0600 {path}\n#   chown root:root {path}\n"
    )
}

pub(super) fn static_pod(options: &Options) -> Snippet {
    let (path, kind) = mounted(options);
    let file = host_path();
    let args = apiserver_flags(options, &file)
        .iter()
        .map(|f| format!("        - --{}={}\n", f.name, f.value))
        .collect::<String>();
    let text = format!(
        "{}# /etc/kubernetes/manifests/kube-apiserver.yaml (excerpt)\nspec:\n  containers:\n    - name: kube-apiserver\n      command:\n        - kube-apiserver\n{args}      volumeMounts:\n        - name: {VOLUME}\n          mountPath: {path}\n          readOnly: true\n  volumes:\n    - name: {VOLUME}\n      hostPath:\n        path: {path}\n        type: {kind}\n",
        mode_and_owner(&file)
    );
    let mut notes = vec![
        "Keep the existing command and volumes; add these entries. The kubelet restarts kube-apiserver when the manifest changes.".to_string(),
        "The file holds keys: mode 0600, owned by root, on every control-plane node.".to_string(),
    ];
    if options.reload {
        notes.push(format!("With automatic reload the directory {HOST_DIR} is mounted, so a replaced file is seen without restarting the Pod."));
    }
    Snippet {
        kind: SnippetKind::StaticPod,
        title: "Static Pod volumes and mounts",
        text,
        notes,
    }
}

/// kubeadm's config API: `v1beta4` (kubeadm 1.31+) writes `extraArgs` as a list of
/// `name`/`value`; `v1beta3` as a map.
fn kubeadm_api(options: &Options) -> &'static str {
    if options.effective_minor() >= 31 {
        "v1beta4"
    } else {
        "v1beta3"
    }
}

pub(super) fn kubeadm(options: &Options) -> Snippet {
    let (path, kind) = mounted(options);
    let api = kubeadm_api(options);
    let flags = apiserver_flags(options, &host_path());
    let args = if api == "v1beta4" {
        flags
            .iter()
            .map(|f| format!("    - name: {}\n      value: \"{}\"\n", f.name, f.value))
            .collect::<String>()
    } else {
        flags
            .iter()
            .map(|f| format!("    {}: \"{}\"\n", f.name, f.value))
            .collect::<String>()
    };
    let text = format!(
        "{}apiVersion: kubeadm.k8s.io/{api}\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n{args}  extraVolumes:\n    - name: {VOLUME}\n      hostPath: {path}\n      mountPath: {path}\n      readOnly: true\n      pathType: {kind}\n",
        mode_and_owner(&host_path())
    );
    Snippet {
        kind: SnippetKind::Kubeadm,
        title: "kubeadm ClusterConfiguration",
        text,
        notes: vec![
            format!(
                "kubeadm.k8s.io/{api}: {}",
                if api == "v1beta4" {
                    "extraArgs is a list of name/value pairs (kubeadm 1.31 and later)."
                } else {
                    "extraArgs is a map of flag name to value (before kubeadm 1.31; v1beta4 makes it a list of name/value pairs)."
                }
            ),
            "Copy the file to every control-plane node before kubeadm init/join or upgrade."
                .to_string(),
        ],
    }
}
