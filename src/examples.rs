//! The built-in examples (compiled in with `include_str!`; the app fetches nothing). Each file
//! starts with `# expect: accepted|refused`, may name the options it needs on a
//! `# options: k8s=1.30 reload=on kmsv1=on` line, and doubles as a test fixture.

use enccfg_core::Options;

use crate::url_params::parse_options_words;

/// One entry of the example picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Stable id, used by `?example=<id>`: the file name without `.yaml`.
    pub id: &'static str,
    /// What the picker shows; says why when the file fails.
    pub label: &'static str,
    pub text: &'static str,
}

macro_rules! example {
    ($id:literal, $label:literal) => {
        Example {
            id: $id,
            label: $label,
            text: include_str!(concat!("../static/examples/", $id, ".yaml")),
        }
    };
}

/// In picker order. The first one is what a new visitor sees.
pub const EXAMPLES: &[Example] = &[
    example!("kms-v2", "KMS v2, two plugins (docs)"),
    example!("aescbc-identity", "aescbc with identity fallback"),
    example!("secretbox", "secretbox, the smallest useful file"),
    example!("kms-v2-reload", "KMS v2 with automatic reload"),
    example!("kms-v1-v2", "KMS v1 + v2 mixed (KMSv1 gate on)"),
    example!("rotation", "Mid key rotation: two keys"),
    example!("encrypt-all", "Encrypt everything (*.*), events opted out"),
    example!(
        "docs-published",
        "Docs example as published: refused, keys are 28 and 25 bytes"
    ),
    example!("broken", "Broken: several kinds of error"),
];

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

/// What the first line says kube-apiserver does with the file: `Some(true)` for accepted.
pub fn expected_verdict(text: &str) -> Option<bool> {
    match text.lines().next()?.strip_prefix("# expect:")?.trim() {
        "accepted" => Some(true),
        "refused" => Some(false),
        _ => None,
    }
}

impl Example {
    /// The options the example is meant for: defaults changed by its `# options:` line.
    pub fn options(&self) -> Options {
        let words = self
            .text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .find_map(|l| l.strip_prefix("# options:"))
            .unwrap_or("");
        parse_options_words(words.split_whitespace(), Options::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enccfg_core::analyze;

    #[test]
    fn there_are_at_least_eight_examples_with_unique_ids() {
        assert!(EXAMPLES.len() >= 9);
        let mut ids: Vec<_> = EXAMPLES.iter().map(|e| e.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), EXAMPLES.len());
        assert_eq!(crate::DEFAULT_EXAMPLE, EXAMPLES[0].text);
    }

    #[test]
    fn every_example_gets_the_verdict_its_first_line_expects() {
        for example in EXAMPLES {
            let expected = expected_verdict(example.text)
                .unwrap_or_else(|| panic!("{} has no `# expect:` first line", example.id));
            let analysis = analyze(example.text, &example.options());
            assert_eq!(analysis.accepted, expected, "{}", example.id);
        }
    }

    #[test]
    fn options_lines_are_read() {
        assert!(find("kms-v2-reload").unwrap().options().reload);
        assert_eq!(find("kms-v1-v2").unwrap().options().kmsv1_gate, Some(true));
        assert_eq!(find("secretbox").unwrap().options(), Options::default());
    }

    #[test]
    fn the_published_docs_example_fails_on_its_key_lengths() {
        let example = find("docs-published").unwrap();
        let analysis = analyze(example.text, &example.options());
        let lengths: Vec<_> = analysis.errors().map(|d| d.message.clone()).collect();
        assert_eq!(lengths.len(), 2, "{lengths:?}");
        assert!(lengths[0].contains("28 bytes") && lengths[1].contains("25 bytes"));
        assert!(example.label.contains("28 and 25"));
    }

    #[test]
    fn the_broken_example_has_several_kinds_of_error() {
        let example = find("broken").unwrap();
        let analysis = analyze(example.text, &example.options());
        let mut codes: Vec<_> = analysis.errors().map(|d| d.code).collect();
        codes.dedup();
        assert!(codes.len() >= 5, "{codes:?}");
    }

    #[test]
    fn the_generated_keys_are_not_repeated_across_examples() {
        let mut keys = Vec::new();
        for example in EXAMPLES.iter().filter(|e| e.id != "docs-published") {
            let analysis = analyze(example.text, &example.options());
            for r in &analysis.secret_ranges {
                keys.push(&example.text[r.start()..r.end()]);
            }
        }
        let total = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), total);
    }
}
