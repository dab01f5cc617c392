//! localStorage, softly: reading a refused storage gives `None`, writing one gives `false`.

use web_sys::Storage;

/// The key of the autosaved draft.
pub const DRAFT: &str = "enccfg-playground:draft";
/// "1" when the user allowed storing keys with the draft.
pub const KEEP_KEYS: &str = "enccfg-playground:keep-keys";
/// The chosen theme (`light`, `dark`, `auto`).
pub const THEME: &str = "enccfg-playground:theme";

fn storage() -> Option<Storage> {
    // Throws (SecurityError) in sandboxed iframes and with storage blocked.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Whether the value was stored (quota, private mode and sandboxes can refuse).
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
