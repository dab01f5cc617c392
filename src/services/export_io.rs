//! Browser IO for exporting: replace the editor text (keeping native undo), copy to the
//! clipboard, download a file. Every function fails softly: a sandboxed iframe may forbid some.

use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlDocument, HtmlTextAreaElement};

/// Replaces the whole text of `area` as one undoable edit (Ctrl+Z restores the old text), and
/// fires the `input` event the editor listens to.
pub fn replace_editor_text(area: &HtmlTextAreaElement, text: &str) {
    let _ = area.focus();
    area.select();
    let inserted = gloo_utils::document()
        .dyn_into::<HtmlDocument>()
        .ok()
        .and_then(|doc| {
            doc.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !inserted || area.value() != text {
        // No execCommand (or it refused): set the value; undo is then the browser's best effort.
        area.set_value(text);
        if let Ok(event) = web_sys::InputEvent::new("input") {
            let _ = area.dispatch_event(&event);
        }
    }
}

/// Copies `text`; returns `false` when the clipboard is not available.
pub fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    let _ = clipboard.write_text(text);
    true
}

/// Offers `text` as a file download named `name`.
pub fn download_text(name: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/yaml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let document = gloo_utils::document();
    let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    let _ = anchor.style().set_property("display", "none");
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}
