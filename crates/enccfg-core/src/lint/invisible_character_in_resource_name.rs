//! EC0405 invisible-character-in-resource-name: kube-apiserver keeps an invisible character
//! (U+FEFF, a zero-width or no-break space, a control character) inside a resource name and
//! accepts the file, but the name then matches no resource, which stays unencrypted.

use super::Context;
use crate::diagnostic::Diagnostic;

/// Characters that do not show, or show as a plain space, in an editor.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
        )
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, entry) in ctx.entries() {
        for name in entry.resources_list() {
            if let Some(c) = name.name.chars().find(|&c| invisible(c)) {
                out.push(
                    ctx.report(
                        name.range,
                        format!("a resource name of resources[{i}] holds the invisible character U+{:04X}, so it matches no resource and that resource stays unencrypted", u32::from(c)),
                    )
                    .help("retype the name (it was probably copied with a hidden character)"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};

    fn file(name: &str) -> String {
        format!("{HEAD}resources:\n- resources: [\"{name}\"]\n  providers:\n  - secretbox: {{keys: [{{name: k, secret: {KEY32}}}]}}\n")
    }

    #[test]
    fn a_name_with_a_byte_order_mark_or_a_zero_width_space_is_reported() {
        for name in ["secrets\\ufeff", "config\\u200bmaps", "secrets\\u00a0"] {
            let found = run(&file(name), "EC0405");
            assert_eq!(found.len(), 1, "{name}");
            assert!(found[0].message.contains("U+"), "{}", found[0].message);
        }
    }

    #[test]
    fn visible_names_are_not_reported() {
        for name in ["secrets", "*.apps", "pandas.awesome.bears.example"] {
            assert!(run(&file(name), "EC0405").is_empty(), "{name}");
        }
    }
}
