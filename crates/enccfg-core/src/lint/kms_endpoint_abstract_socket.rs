//! EC0416 kms-endpoint-abstract-socket: `unix:///@name` is a Linux abstract socket. No file
//! permission guards it, only the network namespace; kube-apiserver's static Pod uses host
//! networking, so any process on the node can connect to (or squat) the name.

use super::{kms_bodies, unix_endpoint, Context};
use crate::diagnostic::Diagnostic;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for kms in kms_bodies(ctx.config) {
        let Some(endpoint) = kms.value.endpoint.as_ref() else {
            continue;
        };
        let Some(("", path)) = unix_endpoint(&endpoint.value) else {
            continue;
        };
        if !path.starts_with("/@") {
            continue;
        }
        out.push(
            ctx.report(
                endpoint.best_range(),
                "an abstract socket has no file permissions: with host networking any process on the node can reach it",
            )
            .help("prefer a socket file in a directory only root can write"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD};

    fn file(endpoint: &str) -> String {
        format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - kms: {{apiVersion: v2, name: p, endpoint: '{endpoint}'}}\n")
    }

    #[test]
    fn an_abstract_socket_is_reported() {
        assert_eq!(run(&file("unix:///@kms-plugin"), "EC0416").len(), 1);
    }

    #[test]
    fn a_socket_file_is_not_abstract() {
        assert!(run(&file("unix:///var/run/kms@1.sock"), "EC0416").is_empty());
    }
}
