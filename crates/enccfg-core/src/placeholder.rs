//! Placeholders left in a file copied from an example, a template or a script: `${KEY}`,
//! `$KEY`, `<BASE 64 ENCODED SECRET>`, `{{ key }}`, `YOUR_KEY`, `changeme`, `xxxxxxxx`. A
//! placeholder is not key material, so messages may quote it.

/// What kind of placeholder a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placeholder {
    /// `${NAME}` or `$NAME`: a shell variable nobody expanded.
    ShellVariable,
    /// `{{ x }}`, `{% x %}`: a template expression nobody rendered.
    Template,
    /// `<...>`, `YOUR_KEY`, `changeme`, `TODO`, `xxxx`: text to be replaced by hand.
    Example,
}

/// Words (lower case, letters and digits only) that stand for "put the real value here".
const WORDS: &[&str] = &[
    "changeit",
    "changeme",
    "dummy",
    "fixme",
    "placeholder",
    "redactme",
    "replaceme",
    "tbd",
    "todo",
];

/// Beginnings of such words (`YOUR_KEY_HERE`, `INSERT_KEY`, `REPLACE_WITH_KEY`).
const PREFIXES: &[&str] = &["your", "insert", "replacewith", "changeme", "replaceme"];

/// Whether `value` (as decoded) is a placeholder, and which kind.
pub(crate) fn classify(value: &str) -> Option<Placeholder> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.contains("{{") || v.contains("{%") {
        return Some(Placeholder::Template);
    }
    if let Some(rest) = v.strip_prefix('$') {
        let name = rest
            .strip_prefix('{')
            .and_then(|r| r.strip_suffix('}'))
            .unwrap_or(rest);
        let first_ok = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
        if first_ok && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Some(Placeholder::ShellVariable);
        }
    }
    if v.len() > 2 && v.starts_with('<') && v.ends_with('>') {
        return Some(Placeholder::Example);
    }
    let repeated = |c: char| v.len() >= 3 && v.chars().all(|x| x.eq_ignore_ascii_case(&c));
    if repeated('x') || repeated('*') || repeated('.') {
        return Some(Placeholder::Example);
    }
    let mut head = [0u8; LONGEST + 1];
    let word = word_head(v, &mut head);
    if WORDS.iter().any(|w| w.as_bytes() == word)
        || PREFIXES.iter().any(|p| word.starts_with(p.as_bytes()))
    {
        return Some(Placeholder::Example);
    }
    None
}

/// The length of the longest of [`WORDS`] and [`PREFIXES`].
const LONGEST: usize = 11;

/// The first `LONGEST + 1` letters and digits of `value`, lower case, in `head`: enough to
/// compare with [`WORDS`] (a longer word matches none) and [`PREFIXES`], without building the
/// whole word for every value (most are long keys).
fn word_head<'h>(value: &str, head: &'h mut [u8; LONGEST + 1]) -> &'h [u8] {
    let mut len = 0;
    let letters = value.bytes().filter(u8::is_ascii_alphanumeric);
    for (slot, b) in head.iter_mut().zip(letters) {
        *slot = b.to_ascii_lowercase();
        len += 1;
    }
    head.get(..len).unwrap_or_default()
}

/// The placeholder as a message may show it: at most 40 characters, one line.
pub(crate) fn shown(value: &str) -> String {
    let v = value.trim();
    let mut out: String = v.chars().take(40).filter(|c| !c.is_control()).collect();
    if v.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// One sentence on what to do about a placeholder in a `secret`.
pub(crate) fn secret_advice(kind: Placeholder) -> &'static str {
    match kind {
        Placeholder::ShellVariable => "an unexpanded shell variable: run envsubst or an unquoted heredoc, or generate a key with `head -c 32 /dev/urandom | base64`",
        Placeholder::Template => "an unrendered template expression: render the template first, or check it as a template",
        Placeholder::Example => "a placeholder, not a key: generate one with `head -c 32 /dev/urandom | base64`",
    }
}

#[cfg(test)]
mod tests {
    use super::{classify, Placeholder, LONGEST, PREFIXES, WORDS};

    #[test]
    fn the_forms_people_publish_are_placeholders() {
        for (value, kind) in [
            ("${ENCRYPTION_KEY}", Placeholder::ShellVariable),
            ("$ENCRYPTION_KEY", Placeholder::ShellVariable),
            ("<BASE 64 ENCODED SECRET>", Placeholder::Example),
            ("YOUR_KEY", Placeholder::Example),
            ("xxxxxxxx", Placeholder::Example),
            ("changeme", Placeholder::Example),
            ("REPLACE_ME", Placeholder::Example),
            ("TODO", Placeholder::Example),
            (
                "{{ kube_encrypt_token | b64encode }}",
                Placeholder::Template,
            ),
        ] {
            assert_eq!(classify(value), Some(kind), "{value}");
        }
    }

    #[test]
    fn keys_and_ordinary_names_are_not_placeholders() {
        for value in [
            "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=",
            "key1",
            "secret",
            "unix:///var/run/kms.sock",
            "REDACTED0REDACTED0REDACTED0REDACTED0REDACT=",
            "$",
            "a$b",
        ] {
            assert_eq!(classify(value), None, "{value}");
        }
    }

    #[test]
    fn only_the_head_of_a_word_is_compared() {
        let longest = WORDS.iter().chain(PREFIXES).map(|w| w.len()).max();
        assert_eq!(longest, Some(LONGEST));
        // Longer than every word: not `placeholder`, though it starts like one.
        assert_eq!(classify("place-holder1"), None);
        assert_eq!(classify("Place_Holder"), Some(Placeholder::Example));
        assert_eq!(
            classify("REPLACE_WITH_YOUR_OWN_KEY_0123456789"),
            Some(Placeholder::Example)
        );
    }
}
