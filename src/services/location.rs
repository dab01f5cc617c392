//! The page's own address: query, fragment, the base for links, and dropping a used fragment.

/// `location.search` (empty when unavailable).
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `location.hash` (empty when unavailable).
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Origin + path of this page, without query or fragment: where full-page links point.
pub fn base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Removes the fragment from the address bar (so a reload opens the draft, not the old link).
pub fn clear_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if hash().is_empty() {
        return;
    }
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
