//! Replacing the editor's whole text as one native, undoable edit (applying fixes).

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement};

/// Replaces the whole text of `area` as one undoable edit (Ctrl+Z restores the old text), and
/// fires the `input` event the editor listens to.
pub fn replace_all(area: &HtmlTextAreaElement, text: &str) {
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

/// Replaces the selection of `area` with `text` the way typing does (kept in the undo history),
/// and fires the `input` event the editor listens to.
pub fn insert_at_selection(area: &HtmlTextAreaElement, text: &str) {
    let inserted = gloo_utils::document()
        .dyn_into::<HtmlDocument>()
        .ok()
        .and_then(|doc| {
            doc.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if inserted {
        return; // the browser fired `input`
    }
    let start = area.selection_start().ok().flatten().unwrap_or(0);
    let end = area.selection_end().ok().flatten().unwrap_or(start);
    if area
        .set_range_text_with_start_and_end_and_mode(text, start, end, "end")
        .is_ok()
    {
        if let Ok(event) = web_sys::InputEvent::new("input") {
            let _ = area.dispatch_event(&event);
        }
    }
}
