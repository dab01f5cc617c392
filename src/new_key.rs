//! The toolbar's key generator, pure: finds the provider that gets the key (the one at the
//! caret, else the first aescbc/aesgcm/secretbox), asks the caller's random source for a key
//! of its size, names it by date, and inserts it as the write key or a read-only key through
//! the core's layout-keeping edit. The random bytes come from `services::random` (WebCrypto);
//! this module never invents them.

use enccfg_core::plan::{dated_key_name, encode_key, insert_key, key_target, KeyPosition};
use enccfg_core::LineIndex;

/// A key put into the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    pub text: String,
    /// The inserted key, as UTF-16 offsets (what the textarea's selection uses).
    pub selection: (u32, u32),
    /// Where it went, in words: `secretbox key key-20260507, as the write key`.
    pub summary: String,
}

/// Inserts a new key into `text`; `caret` is the editor's caret (UTF-16), `date` today's date
/// (`2026-05-07`), `random` fills a buffer from a secure source or says why it cannot.
pub fn generate(
    text: &str,
    caret: Option<u32>,
    date: &str,
    position: KeyPosition,
    random: impl FnOnce(&mut [u8]) -> Result<(), String>,
) -> Result<Generated, String> {
    let caret = caret.map(|c| LineIndex::new(text).byte_of_utf16(c));
    let target = key_target(text, caret)?;
    let size = target.sizes().first().copied().unwrap_or(32);
    let mut bytes = vec![0u8; size];
    random(&mut bytes)?;
    let secret = encode_key(&bytes);
    bytes.iter_mut().for_each(|b| *b = 0);
    let name = dated_key_name(date, &target.key_names);
    let inserted = insert_key(text, &target, &name, &secret, position)?;
    let selection = LineIndex::new(inserted.text.as_str()).utf16_span(inserted.selection);
    let role = match position {
        KeyPosition::Write => "as the write key (first)",
        KeyPosition::ReadOnly => "as a read-only key (second)",
    };
    Ok(Generated {
        summary: format!(
            "added {} key `{name}` ({size} bytes) {role}. Back it up; share links and drafts leave keys out unless you opt in.",
            target.provider
        ),
        text: inserted.text,
        selection,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use enccfg_core::{analyze, Options};

    const ROTATION: &str = include_str!("../static/examples/rotation.yaml");

    fn fixed(buf: &mut [u8]) -> Result<(), String> {
        buf.iter_mut()
            .enumerate()
            .for_each(|(i, b)| *b = i as u8 * 3);
        Ok(())
    }

    #[test]
    fn a_generated_key_is_selected_and_writes() {
        let out = generate(ROTATION, None, "2026-05-07", KeyPosition::Write, fixed).unwrap();
        let analysis = analyze(&out.text, &Options::default());
        assert!(analysis.accepted);
        let views = analysis.views.unwrap();
        assert_eq!(
            &*views.ordering.rows[0].write.label,
            "secretbox:key-20260507"
        );
        let utf16: Vec<u16> = out.text.encode_utf16().collect();
        let selected =
            String::from_utf16(&utf16[out.selection.0 as usize..out.selection.1 as usize]).unwrap();
        assert!(selected.starts_with("name: key-20260507\n"), "{selected}");
        assert!(out.summary.contains("as the write key"));
    }

    #[test]
    fn the_caret_picks_the_provider_and_read_only_goes_second() {
        let text = format!(
            "# ünïcode before the caret\n{}",
            ROTATION.replace("      - identity: {}\n", "      - aescbc:\n          keys:\n            - name: c\n              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=\n")
        );
        let caret = text.encode_utf16().count() as u32 - 5;
        let out = generate(
            &text,
            Some(caret),
            "2026-05-07",
            KeyPosition::ReadOnly,
            fixed,
        )
        .unwrap();
        let views = analyze(&out.text, &Options::default()).views.unwrap();
        let labels: Vec<&str> = views.ordering.rows[0]
            .read
            .iter()
            .map(|p| &*p.label)
            .collect();
        assert_eq!(labels[2..], ["aescbc:c", "aescbc:key-20260507"]);
    }

    #[test]
    fn no_random_source_means_no_key() {
        let why = generate(ROTATION, None, "2026-05-07", KeyPosition::Write, |_| {
            Err("no crypto.getRandomValues".into())
        })
        .unwrap_err();
        assert_eq!(why, "no crypto.getRandomValues");
        let kms = include_str!("../static/examples/kms-v2.yaml");
        assert!(generate(kms, None, "2026-05-07", KeyPosition::Write, fixed)
            .unwrap_err()
            .contains("no aescbc, aesgcm or secretbox provider"));
    }
}
