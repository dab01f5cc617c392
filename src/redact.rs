//! Key material out of shared links and saved drafts: every `secret:` value (the core's
//! `Analysis::secret_ranges`) becomes a placeholder of the same length that decodes the same way
//! (valid base64 stays valid with the same byte count, invalid stays invalid), so the verdict and
//! the diagnostics of a redacted file are those of the original. No key byte survives.

use enccfg_core::TextRange;

/// The word placeholders are made of; the secret's index follows it so keys stay distinct.
const PLACEHOLDER: &str = "REDACTED";

/// `text` with the key material at `ranges` (byte ranges, sorted) replaced.
pub fn redact(text: &str, ranges: &[TextRange]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (index, range) in ranges.iter().enumerate() {
        let (start, end) = (range.start().min(text.len()), range.end().min(text.len()));
        if start < last || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[last..start]);
        out.push_str(&placeholder(&text[start..end], index));
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// Whether the text holds any key material worth a warning.
pub fn has_key_material(text: &str, ranges: &[TextRange]) -> bool {
    ranges.iter().any(|r| {
        text.get(r.start()..r.end())
            .is_some_and(|s| s.chars().any(|c| c.is_ascii_alphanumeric()))
    })
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
    if rest.starts_with('&') {
        let cut = rest.find(char::is_whitespace).unwrap_or(rest.len());
        out.push_str(&rest[..cut]);
        rest = &rest[cut..];
    }
    let trimmed = rest.trim_start();
    if trimmed.starts_with('|') || trimmed.starts_with('>') {
        let cut = rest.find('\n').unwrap_or(rest.len());
        out.push_str(&rest[..cut]);
        rest = &rest[cut..];
    }
    let double_quoted = trimmed.starts_with('"');
    let mut n = 0;
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
                out.push(word[n % word.len()]);
                n += 1;
            }
            '"' | '\'' | '=' => out.push(c),
            c if c.is_whitespace() => out.push(c),
            _ => out.push('.'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use enccfg_core::{analyze, Options};

    fn diagnostics(text: &str, options: &Options) -> Vec<(&'static str, u32, u32)> {
        analyze(text, options)
            .diagnostics
            .iter()
            .map(|d| (d.code, d.start.line, d.start.column))
            .collect()
    }

    #[test]
    fn examples_keep_their_diagnostics_and_lose_their_keys() {
        for example in crate::examples::EXAMPLES {
            let options = example.options();
            let analysis = analyze(example.text, &options);
            let redacted = redact(example.text, &analysis.secret_ranges);
            assert_eq!(redacted.chars().count(), example.text.chars().count());
            assert_eq!(
                diagnostics(&redacted, &options),
                diagnostics(example.text, &options),
                "{}",
                example.id
            );
            for r in &analysis.secret_ranges {
                let secret = &example.text[r.start()..r.end()];
                assert!(
                    !redacted.contains(secret),
                    "{}: {secret} survived",
                    example.id
                );
                assert!(redacted[r.start()..r.end()].starts_with("RED"));
            }
        }
    }

    #[test]
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

    #[test]
    fn placeholders_differ_per_key_and_keep_invalid_characters_invalid() {
        assert_ne!(
            placeholder("QUFBQUFBQUFB", 0),
            placeholder("QUFBQUFBQUFB", 1)
        );
        assert_eq!(placeholder("not base64!", 0), "RED ACTED0.");
        assert_eq!(placeholder("é-_=", 0), "...=");
        assert!(!has_key_material("secret: \"\"", &[TextRange::new(8, 10)]));
    }
}
