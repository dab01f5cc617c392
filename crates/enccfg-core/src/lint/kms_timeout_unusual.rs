//! EC0413 kms-timeout-unusual: a KMS `timeout` far from the 3s default. Under 1s leaves no room
//! for a plugin that calls a remote KMS (a slow call fails the write); over 60s, each request
//! waits on a hung plugin longer than kube-apiserver's default request timeout (1m).

use super::{kms_bodies, Context};
use crate::diagnostic::Diagnostic;

const SECOND: i64 = 1_000_000_000;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for kms in kms_bodies(ctx.config) {
        let Some(timeout) = kms.value.timeout.as_ref() else {
            continue;
        };
        let why = if timeout.value > 0 && timeout.value < SECOND {
            "under 1s: a slow KMS call fails the request"
        } else if timeout.value > 60 * SECOND {
            "over 60s: a hung plugin holds each request past kube-apiserver's 1m request timeout"
        } else {
            continue;
        };
        out.push(
            ctx.report(
                timeout.best_range(),
                format!(
                    "KMS provider `{}` has a timeout {why}",
                    kms.value.name_text()
                ),
            )
            .help("the default is 3s; stay within 1s–60s unless you measured the plugin"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD};

    fn file(timeout: &str) -> String {
        format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - kms: {{apiVersion: v2, name: p, endpoint: 'unix:///var/run/k.sock', timeout: {timeout}}}\n")
    }

    #[test]
    fn a_timeout_far_from_the_default_is_reported() {
        assert_eq!(run(&file("100ms"), "EC0413").len(), 1);
        assert_eq!(run(&file("5m"), "EC0413").len(), 1);
    }

    #[test]
    fn an_ordinary_timeout_is_fine() {
        assert!(run(&file("3s"), "EC0413").is_empty());
        assert!(run(&file("30s"), "EC0413").is_empty());
    }
}
