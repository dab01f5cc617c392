//! The toolbar's key generator, run in the lazily loaded module so that the first visit carries
//! only the button: it reads the editor and the position choice from the page, makes the key
//! (WebCrypto through `services::random`, the pure insertion of `new_key`), puts the new text in
//! the editor as one undoable edit with the key selected, and writes what it did, or why it made
//! no key, into the button's status line. Never the key itself.

use enccfg_core::plan::KeyPosition;
use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};

use crate::new_key;
use crate::services::{editor_text, random};

/// Today's date (UTC), `2026-05-07`, for the key's name.
fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .get(..10)
        .unwrap_or("")
        .to_string()
}

/// Generates a key into the page's editor (see the module docs).
pub fn run() {
    let document = gloo_utils::document();
    let find = |id: &str| {
        document
            .query_selector(&format!("[data-testid={id}]"))
            .ok()
            .flatten()
    };
    let status = find("generate-key-status");
    let say = |worked: bool, message: &str| {
        if let Some(status) = &status {
            status.set_text_content(Some(message));
            let _ = status.set_attribute(
                "class",
                if worked {
                    "keygen-status"
                } else {
                    "keygen-status error"
                },
            );
        }
    };
    let Some(area) = find("editor").and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) else {
        return say(false, "the editor is not on the page");
    };
    let read_only = find("generate-key-position")
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .is_some_and(|select| select.value() == "read-only");
    let position = if read_only {
        KeyPosition::ReadOnly
    } else {
        KeyPosition::Write
    };
    let caret = area.selection_start().ok().flatten();
    match new_key::generate(&area.value(), caret, &today(), position, random::fill) {
        Ok(generated) => {
            editor_text::replace_all(&area, &generated.text);
            let (from, to) = generated.selection;
            let _ = area.set_selection_range(from, to);
            say(true, &generated.summary);
        }
        Err(why) => say(false, &why),
    }
}
