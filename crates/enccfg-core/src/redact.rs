//! Keys never leave: the two ways a text goes out with its key material (the `secret:` values
//! at `Analysis::secret_ranges`) taken out.
//! - [`mask`], for showing: every character of a key becomes `*` (the CLI's source lines).
//! - [`redact`], for sharing and saving: every key becomes a placeholder of the same length
//!   that decodes the same way (valid base64 stays valid with the same byte count, invalid
//!   stays invalid), so a redacted file gets the verdict and the diagnostics of the original
//!   (except the lints on the key bytes themselves: reuse EC0408 and weakness EC0410).
//!
//! No key byte survives either.

use crate::diagnostic::TextRange;

/// The word placeholders are made of; the secret's index follows it so keys stay distinct.
const PLACEHOLDER: &str = "REDACTED";

/// `text` with every character of key material at `ranges` (sorted byte ranges) replaced by
/// `*` (line breaks kept): same length in chars, so columns stay where they were.
pub fn mask(text: &str, ranges: &[TextRange]) -> String {
    replace(text, ranges, |scalar, _| {
        scalar
            .chars()
            // Line breaks and indentation stay (a block scalar's lines keep their place);
            // base64 key material has no white space of its own.
            .map(|c| if c.is_ascii_whitespace() { c } else { '*' })
            .collect()
    })
}

/// `text` with the key material at `ranges` (sorted byte ranges) replaced by placeholders.
pub fn redact(text: &str, ranges: &[TextRange]) -> String {
    replace(text, ranges, placeholder)
}

/// Whether the text holds any key material worth a warning.
pub fn has_key_material(text: &str, ranges: &[TextRange]) -> bool {
    ranges.iter().any(|r| {
        text.get(r.start()..r.end())
            .is_some_and(|s| s.chars().any(|c| c.is_ascii_alphanumeric()))
    })
}

/// `text` with each range replaced by `with(scalar, index)`; ranges that overlap an earlier
/// one, or do not fall on char boundaries, are skipped.
fn replace(text: &str, ranges: &[TextRange], with: impl Fn(&str, usize) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (index, range) in ranges.iter().enumerate() {
        let (start, end) = (range.start().min(text.len()), range.end().min(text.len()));
        let (Some(before), Some(scalar)) = (text.get(last..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&with(scalar, index));
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    out
}

/// One scalar as written (plain, quoted or block) with its characters replaced: base64 alphabet
/// characters by the placeholder word, other key characters by `.`; quotes, escapes, `=`
/// padding, whitespace, block headers, anchors and aliases stay as they are.
fn placeholder(scalar: &str, index: usize) -> String {
    if scalar.starts_with('*') {
        return scalar.to_string(); // an alias names an anchor; the anchor's value is redacted
    }
    let word: Vec<char> = format!("{PLACEHOLDER}{index}").chars().collect();
    let mut out = String::with_capacity(scalar.len());
    let mut rest = scalar;
    // Keep `&anchor ` and a block scalar's header line.
    if let Some(anchored) = rest.strip_prefix('&') {
        let cut = anchored.find(char::is_whitespace).unwrap_or(anchored.len()) + 1;
        out.push_str(rest.get(..cut).unwrap_or_default());
        rest = rest.get(cut..).unwrap_or_default();
    }
    let trimmed = rest.trim_start();
    if trimmed.starts_with('|') || trimmed.starts_with('>') {
        let cut = rest.find('\n').unwrap_or(rest.len());
        out.push_str(rest.get(..cut).unwrap_or_default());
        rest = rest.get(cut..).unwrap_or_default();
    }
    let double_quoted = trimmed.starts_with('"');
    let mut letters = word.iter().cycle();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if double_quoted => {
                out.push(c);
                let Some(e) = chars.next() else { break };
                out.push(e);
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => 0,
                };
                out.extend(chars.by_ref().take(digits));
            }
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' => {
                out.extend(letters.next());
            }
            '"' | '\'' | '=' => out.push(c),
            c if c.is_whitespace() => out.push(c),
            _ => out.push('.'),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::*;
    use crate::{analyze, Options};
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The playground's built-in examples: every kind of key the app ships.
    const EXAMPLES: &[&str] = &[
        include_str!("../../../static/examples/aescbc-identity.yaml"),
        include_str!("../../../static/examples/broken.yaml"),
        include_str!("../../../static/examples/docs-published.yaml"),
        include_str!("../../../static/examples/encrypt-all.yaml"),
        include_str!("../../../static/examples/kms-v1-v2.yaml"),
        include_str!("../../../static/examples/kms-v2-reload.yaml"),
        include_str!("../../../static/examples/kms-v2.yaml"),
        include_str!("../../../static/examples/rotation.yaml"),
        include_str!("../../../static/examples/secretbox.yaml"),
    ];

    /// Every diagnostic but the lints that judge the key bytes themselves (reuse, weakness):
    /// a placeholder has other bytes, which is the point.
    fn diagnostics(text: &str, options: &Options) -> Vec<(&'static str, u32, u32)> {
        analyze(text, options)
            .diagnostics
            .iter()
            .filter(|d| !["EC0408", "EC0410"].contains(&d.code))
            .map(|d| (d.code, d.start.line, d.start.column))
            .collect()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn examples_keep_their_diagnostics_and_lose_their_keys() {
        let gate_on = Options {
            reload: true,
            kmsv1_gate: Some(true),
            ..Options::default()
        };
        for (text, options) in EXAMPLES
            .iter()
            .flat_map(|t| [(t, Options::default()), (t, gate_on)])
        {
            let analysis = analyze(text, &options);
            let first_line = text.lines().next().unwrap_or_default();
            let redacted = redact(text, &analysis.secret_ranges);
            assert_eq!(redacted.chars().count(), text.chars().count());
            assert_eq!(
                diagnostics(&redacted, &options),
                diagnostics(text, &options),
                "{first_line}"
            );
            for r in &analysis.secret_ranges {
                let secret = &text[r.start()..r.end()];
                assert!(
                    !redacted.contains(secret),
                    "{first_line}: {secret} survived"
                );
                assert!(redacted[r.start()..r.end()].starts_with("RED"));
            }
        }
        assert!(EXAMPLES
            .iter()
            .any(|t| !analyze(t, &Options::default()).secret_ranges.is_empty()));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn quoting_escapes_and_block_scalars_survive() {
        let text = "keys:\n- name: a\n  secret: \"QUFB\\x41QUFB\"\n- name: b\n  secret: 'QU''FB'\n- name: c\n  secret: |-\n    QUFBQUFB\n- name: d\n  secret: &k QUFB\n- name: e\n  secret: *k\n";
        let analysis = analyze(text, &Options::default());
        assert!(has_key_material(text, &analysis.secret_ranges));
        let redacted = redact(text, &analysis.secret_ranges);
        assert!(redacted.contains("secret: \"REDA\\x41CTED\""), "{redacted}");
        assert!(redacted.contains("secret: 'RE''DA'"), "{redacted}");
        assert!(redacted.contains("secret: |-\n    REDACTED"), "{redacted}");
        assert!(redacted.contains("secret: &k REDA"), "{redacted}");
        assert!(redacted.contains("secret: *k\n"), "{redacted}");
        assert!(!redacted.contains("QUFB"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn placeholders_differ_per_key_and_keep_invalid_characters_invalid() {
        assert_ne!(
            placeholder("QUFBQUFBQUFB", 0),
            placeholder("QUFBQUFBQUFB", 1)
        );
        assert_eq!(placeholder("not base64!", 0), "RED ACTED0.");
        assert_eq!(placeholder("é-_=", 0), "...=");
        assert!(!has_key_material("secret: \"\"", &[TextRange::new(8, 10)]));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn masking_keeps_columns_and_line_breaks() {
        let text = "keys:\n- name: k\n  secret: c2VjcmV0\n- name: é\n  secret: |\n    aé\n    b\n";
        let analysis = analyze(text, &Options::default());
        let masked = mask(text, &analysis.secret_ranges);
        assert_eq!(
            masked,
            "keys:\n- name: k\n  secret: ********\n- name: é\n  secret: *\n    **\n    *\n"
        );
        assert_eq!(masked.lines().count(), text.lines().count());
        assert_eq!(mask(text, &[]), text);
        assert_eq!(mask("ab", &[TextRange::new(1, 9)]), "a*");
    }
}
