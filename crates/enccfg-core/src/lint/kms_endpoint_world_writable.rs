//! EC0415 kms-endpoint-world-writable: the plugin's socket sits in a directory every local user
//! can write (`/tmp`, `/var/tmp`, `/dev/shm`), so another process can take its place.

use super::{kms_bodies, unix_endpoint, Context};
use crate::diagnostic::Diagnostic;

const SHARED: [&str; 3] = ["/tmp/", "/var/tmp/", "/dev/shm/"];

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for kms in kms_bodies(ctx.config) {
        let Some(endpoint) = kms.value.endpoint.as_ref() else {
            continue;
        };
        let Some(("", path)) = unix_endpoint(&endpoint.value) else {
            continue;
        };
        let Some(dir) = SHARED.iter().find(|d| path.starts_with(*d)) else {
            continue;
        };
        out.push(
            ctx.report(
                endpoint.best_range(),
                format!("the KMS socket is in `{dir}`, which every local user can write: another process can bind it first"),
            )
            .help("put the socket in a directory only root can write, such as `/var/run/kmsplugin/`"),
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
    fn sockets_in_shared_directories_are_reported() {
        assert_eq!(run(&file("unix:///tmp/kms.sock"), "EC0415").len(), 1);
        assert_eq!(run(&file("unix:///dev/shm/kms.sock"), "EC0415").len(), 1);
    }

    #[test]
    fn sockets_in_private_directories_are_fine() {
        assert!(run(&file("unix:///var/run/kmsplugin/kms.sock"), "EC0415").is_empty());
        assert!(run(&file("unix:///tmpfs/kms.sock"), "EC0415").is_empty());
    }
}
