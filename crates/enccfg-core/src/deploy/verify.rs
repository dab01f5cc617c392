//! How to check that a Secret is stored encrypted: create one, read it straight from etcd, and
//! look for the prefix this file's write provider puts on new values (`k8s:enc:aescbc:v1:key1:`,
//! `k8s:enc:kms:v2:name:`; `identity` stores plaintext).

use super::{Snippet, SnippetKind};
use crate::analysis::analyze;
use crate::options::Options;
use crate::views::{lookup, ProviderRef};

/// The provider that writes new Secrets under this file (the rule kube-apiserver picks for
/// `secrets`), or `None` when the file does not decode.
pub fn write_provider_for_secrets(text: &str, options: &Options) -> Option<ProviderRef> {
    let views = analyze(text, options).views?;
    let found = lookup(&views.ordering, "secrets");
    views.ordering.rows.get(found.row).map(|r| r.write.clone())
}

const COMMANDS: &str = "kubectl create secret generic enccfg-check -n default --from-literal=key=value\n\
ETCDCTL_API=3 etcdctl \\\n  --cacert=/etc/kubernetes/pki/etcd/ca.crt \\\n  --cert=/etc/kubernetes/pki/apiserver-etcd-client.crt \\\n  --key=/etc/kubernetes/pki/apiserver-etcd-client.key \\\n  get /registry/secrets/default/enccfg-check | hexdump -C\n";

pub(super) fn snippet(text: &str, options: &Options) -> Snippet {
    let writer = write_provider_for_secrets(text, options);
    let expect = match &writer {
        Some(w) => match &w.prefix {
            Some(prefix) => format!("# Expect the value to start with: {prefix}\n"),
            None => "# identity writes Secrets in plaintext: expect readable text (k8s, then the Secret's fields), no k8s:enc: prefix.\n".to_string(),
        },
        None => "# The file does not decode, so the expected prefix cannot be told.\n".to_string(),
    };
    let mut notes = vec![
        "Secrets written before the change stay as they were until rewritten: kubectl get secrets -A -o json | kubectl replace -f -".to_string(),
        "The etcd client certificate paths are kubeadm's; use your cluster's.".to_string(),
    ];
    if let Some(w) = &writer {
        notes.insert(0, format!("New Secrets are written by {}.", w.label));
    }
    Snippet {
        kind: SnippetKind::Verify,
        title: "Verify a Secret is encrypted",
        text: format!("{COMMANDS}{expect}"),
        notes,
    }
}
