//! What to deploy: for a file and the target kube-apiserver's options, the copyable snippets
//! that put the file into service — kube-apiserver's flags, the static Pod's `volumes` and
//! `volumeMounts`, kubeadm's `ClusterConfiguration`, k3s and RKE2 configuration, the file's mode
//! and owner, and how to check that a Secret is stored encrypted.
//!
//! Plain functions of text and [`Options`]: the page's Deploy panel renders them and the tests
//! read them. Paths are the ones the Kubernetes docs use (`/etc/kubernetes/enc/enc.yaml`); with
//! automatic reload the directory is mounted, not the file, because an updated file replaced
//! by a rename would not be seen through a single-file bind mount.

mod distros;
mod flags;
mod mounts;
mod verify;

pub use flags::{apiserver_flags, Flag};
pub use verify::write_provider_for_secrets;

use crate::options::Options;

/// Where the file lives on the control-plane node.
pub const HOST_DIR: &str = "/etc/kubernetes/enc";
/// The file's name in [`HOST_DIR`].
pub const FILE_NAME: &str = "enc.yaml";

/// Which snippet (the page's `data-kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetKind {
    /// kube-apiserver's command-line flags.
    Flags,
    /// The static Pod's `volumes` and `volumeMounts`, with the file's mode and owner.
    StaticPod,
    /// kubeadm `ClusterConfiguration`: `apiServer.extraArgs` and `extraVolumes`.
    Kubeadm,
    /// k3s: `/etc/rancher/k3s/config.yaml`.
    K3s,
    /// RKE2: `/etc/rancher/rke2/config.yaml`.
    Rke2,
    /// Checking that a Secret is stored encrypted.
    Verify,
}

impl SnippetKind {
    /// Every kind, in the order the panel shows them.
    pub const ALL: [SnippetKind; 6] = [
        SnippetKind::Flags,
        SnippetKind::StaticPod,
        SnippetKind::Kubeadm,
        SnippetKind::K3s,
        SnippetKind::Rke2,
        SnippetKind::Verify,
    ];

    /// The stable name (`flags`, `static-pod`, `kubeadm`, `k3s`, `rke2`, `verify`).
    pub fn as_str(self) -> &'static str {
        match self {
            SnippetKind::Flags => "flags",
            SnippetKind::StaticPod => "static-pod",
            SnippetKind::Kubeadm => "kubeadm",
            SnippetKind::K3s => "k3s",
            SnippetKind::Rke2 => "rke2",
            SnippetKind::Verify => "verify",
        }
    }
}

/// One copyable snippet: a title, the text Copy copies, and notes shown beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub kind: SnippetKind,
    pub title: &'static str,
    pub text: String,
    pub notes: Vec<String>,
}

/// The path of the file on the node.
pub fn host_path() -> String {
    format!("{HOST_DIR}/{FILE_NAME}")
}

/// Every snippet for `text` under `options`, in [`SnippetKind::ALL`] order. Total: a file that
/// does not decode still gets its flags and mounts; the verify snippet then says that the
/// expected prefix cannot be told.
pub fn snippets(text: &str, options: &Options) -> Vec<Snippet> {
    SnippetKind::ALL
        .iter()
        .map(|kind| snippet(*kind, text, options))
        .collect()
}

/// One snippet.
pub fn snippet(kind: SnippetKind, text: &str, options: &Options) -> Snippet {
    match kind {
        SnippetKind::Flags => flags::snippet(options),
        SnippetKind::StaticPod => mounts::static_pod(options),
        SnippetKind::Kubeadm => mounts::kubeadm(options),
        SnippetKind::K3s => distros::k3s(options),
        SnippetKind::Rke2 => distros::rke2(options),
        SnippetKind::Verify => verify::snippet(text, options),
    }
}
