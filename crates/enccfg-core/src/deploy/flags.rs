//! kube-apiserver's flags for the file: `--encryption-provider-config`, the automatic reload
//! flag when the option is on, and `--feature-gates` for the gates the options set away from
//! the version's default (facts §6.2, §9).

use super::{host_path, Snippet, SnippetKind};
use crate::options::Options;

/// One flag as `name` and `value` (without the leading `--`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub name: &'static str,
    pub value: String,
}

/// The flags, in the order they are shown. `path` is the file as kube-apiserver sees it.
pub fn apiserver_flags(options: &Options, path: &str) -> Vec<Flag> {
    let mut flags = vec![Flag {
        name: "encryption-provider-config",
        value: path.to_string(),
    }];
    if options.reload {
        flags.push(Flag {
            name: "encryption-provider-config-automatic-reload",
            value: "true".into(),
        });
    }
    if let Some(gates) = feature_gates(options) {
        flags.push(Flag {
            name: "feature-gates",
            value: gates,
        });
    }
    flags
}

/// `KMSv1=true` (and `KMSv2=false` on 1.27–1.28) when the options set a gate the version has
/// to something other than its default; `None` when the defaults stand.
fn feature_gates(options: &Options) -> Option<String> {
    let version = options.version();
    let mut gates = Vec::new();
    if let (Some(default), Some(chosen)) = (version.kmsv1_gate, options.kmsv1_gate) {
        if chosen != default {
            gates.push(format!("KMSv1={chosen}"));
        }
    }
    if let (Some(default), Some(chosen)) = (version.kmsv2_gate, options.kmsv2_gate) {
        if chosen != default {
            gates.push(format!("KMSv2={chosen}"));
        }
    }
    (!gates.is_empty()).then(|| gates.join(","))
}

pub(super) fn snippet(options: &Options) -> Snippet {
    let text = apiserver_flags(options, &host_path())
        .iter()
        .map(|f| format!("--{}={}", f.name, f.value))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    let mut notes = vec![format!(
        "Add these to kube-apiserver's command line (Kubernetes 1.{}).",
        options.effective_minor()
    )];
    if options.reload {
        notes.push("With automatic reload kube-apiserver re-reads the file every minute and keeps the old configuration when a new one fails to load.".into());
    } else {
        notes.push(
            "Without automatic reload, restart kube-apiserver after each change to the file."
                .into(),
        );
    }
    Snippet {
        kind: SnippetKind::Flags,
        title: "kube-apiserver flags",
        text,
        notes,
    }
}
