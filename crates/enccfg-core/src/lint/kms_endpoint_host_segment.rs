//! EC0414 kms-endpoint-host-segment: `unix://tmp/kms.sock` passes validation, but the plugin
//! client reads `tmp` as the URL's host and dials `/kms.sock` (facts 11.3).

#[cfg(feature = "full-lints")]
use super::{kms_bodies, unix_endpoint, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{edits, FixContext, Proposal};

#[cfg(feature = "full-lints")]
pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for kms in kms_bodies(ctx.config) {
        let Some(endpoint) = kms.value.endpoint.as_ref() else {
            continue;
        };
        let Some((host, path)) = unix_endpoint(&endpoint.value) else {
            continue;
        };
        if host.is_empty() {
            continue;
        }
        let dialed = if path.is_empty() {
            "an empty path (the plugin client fails)".to_string()
        } else {
            format!("`{path}`")
        };
        out.push(
            ctx.report(
                endpoint.best_range(),
                format!(
                    "`{host}` is read as a host, not a directory: the plugin client dials {dialed}"
                ),
            )
            .help(format!("write three slashes: `unix:///{host}{path}`")),
        );
    }
}

/// `unix://tmp/kms.sock` → `unix:///tmp/kms.sock` (safe: the path the author wrote).
pub(crate) fn fix(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let written = ctx.text.get(d.range.start()..d.range.end())?;
    let at = d.range.start() + written.find("://")? + 3;
    Some(Proposal::new(
        "add the third slash of `unix:///`",
        edits::replace(crate::diagnostic::TextRange::empty(at), "/"),
    ))
}

#[cfg(test)]
#[cfg(feature = "full-lints")]
mod tests {
    use super::super::test_support::{run, HEAD};

    fn file(endpoint: &str) -> String {
        format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - kms: {{apiVersion: v2, name: p, endpoint: '{endpoint}'}}\n")
    }

    #[test]
    fn two_slashes_are_reported_with_the_dialed_path_and_fixed() {
        let text = file("unix://tmp/kms.sock");
        let found = run(&text, "EC0414");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("`/kms.sock`"),
            "{}",
            found[0].message
        );
        let fixed = crate::fix::apply_fix(&text, found[0].fix.as_ref().expect("fix"));
        assert!(fixed.contains("'unix:///tmp/kms.sock'"), "{fixed}");
        assert!(run(&fixed, "EC0414").is_empty());
    }

    #[test]
    fn three_slashes_are_fine() {
        assert!(run(&file("unix:///tmp/kms.sock"), "EC0414").is_empty());
        assert!(run(&file("unix:///@kms"), "EC0414").is_empty());
    }
}
