//! "No lost work": whether leaving the page now would lose the user's file. The page asks the
//! browser to confirm (`beforeunload`) only then.
//!
//! The work is safe when it is what the page opened with (nothing changed since the last load:
//! a share link, an example, a draft, a file opened, an embed's message), or when its exact
//! text and options were last kept somewhere the user gets them back from in full: the
//! autosaved draft, a share link, a download. A draft or link saved with keys replaced by
//! placeholders does not keep a file that has keys, so a file with keys is only safe once it
//! was saved or shared with them (or downloaded). Embeds never ask: the host page owns leaving.

use enccfg_core::Options;

/// The text and options last kept in full (draft, share link, download).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept(Option<(String, Options)>);

impl Kept {
    /// Records that `text` with `options` was kept as it is now.
    pub fn record(&mut self, text: &str, options: Options) {
        self.0 = Some((text.to_string(), options));
    }

    /// Whether `text` with `options` is exactly what was kept last.
    pub fn holds(&self, text: &str, options: Options) -> bool {
        self.0
            .as_ref()
            .is_some_and(|(t, o)| t == text && *o == options)
    }
}

/// Whether leaving would lose work: outside embeds, the user changed something since the last
/// load, and that state was not kept.
pub fn would_lose_work(
    embed: bool,
    dirty: bool,
    kept: &Kept,
    text: &str,
    options: Options,
) -> bool {
    !embed && dirty && !kept.holds(text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_only_for_changed_work_that_was_not_kept() {
        let o = Options::default();
        let mut kept = Kept::default();
        // Nothing changed since the page opened (an example, a link, a draft).
        assert!(!would_lose_work(false, false, &kept, "a", o));
        assert!(would_lose_work(false, true, &kept, "a", o));
        // Embeds never ask.
        assert!(!would_lose_work(true, true, &kept, "a", o));
        kept.record("a", o);
        assert!(!would_lose_work(false, true, &kept, "a", o));
        // Another edit, or other options, are not kept yet.
        assert!(would_lose_work(false, true, &kept, "ab", o));
        let other = Options { reload: true, ..o };
        assert!(would_lose_work(false, true, &kept, "a", other));
    }

    #[test]
    fn a_draft_saved_without_its_keys_does_not_keep_the_file() {
        // The session records what it saved: the draft's text, keys replaced unless kept.
        let o = Options::default();
        let text = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: k\n              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=\n";
        let mut kept = Kept::default();
        kept.record(
            &crate::share::Snapshot::of(text, o, None, false)
                .unwrap()
                .yaml,
            o,
        );
        assert!(would_lose_work(false, true, &kept, text, o));
        kept.record(
            &crate::share::Snapshot::of(text, o, None, true)
                .unwrap()
                .yaml,
            o,
        );
        assert!(!would_lose_work(false, true, &kept, text, o));
    }
}
