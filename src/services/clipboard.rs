//! Copying text: the async Clipboard API when allowed, else the selection of a given input and
//! `execCommand("copy")`. Either may be refused; the caller then asks the user to copy by hand.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlDocument, HtmlInputElement};

/// Copies `text`; `fallback` is an input holding the same text. Resolves to "copied".
pub async fn copy(text: &str, fallback: Option<HtmlInputElement>) -> bool {
    if let Some(window) = web_sys::window() {
        // `navigator.clipboard` is missing on insecure origins; calling it then throws.
        let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined() && !c.is_null());
        if clipboard.is_some() {
            let promise = window.navigator().clipboard().write_text(text);
            if JsFuture::from(promise).await.is_ok() {
                return true;
            }
        }
    }
    let Some(input) = fallback else { return false };
    input.select();
    gloo_utils::document()
        .dyn_into::<HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}
