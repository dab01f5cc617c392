//! The second WebAssembly module: the panels the page loads on first use (`src/extras/`). Its
//! exports are the whole interface; the page calls them through `services/extras.rs`.

use wasm_bindgen::prelude::*;

/// Mounts panel `kind` into `root`; returns its id, or a message for the page to show.
#[wasm_bindgen]
pub fn mount(
    kind: &str,
    root: web_sys::Element,
    input: &str,
    emit: js_sys::Function,
) -> Result<u32, JsValue> {
    enccfg_playground::extras::mount(kind, root, input, emit).map_err(|e| JsValue::from_str(&e))
}

/// Sends panel `id` the page's new state.
#[wasm_bindgen]
pub fn update(id: u32, input: &str) -> Result<(), JsValue> {
    enccfg_playground::extras::update(id, input).map_err(|e| JsValue::from_str(&e))
}

/// Generates a key into the page's editor (the toolbar's button; see `extras::keygen`).
#[wasm_bindgen]
pub fn generate_key() {
    enccfg_playground::extras::keygen::run();
}

/// Editing help in the page's editor: starts listening (hover docs), opens the completion list
/// at the caret, formats the file (see `extras::assist`).
#[wasm_bindgen]
pub fn assist_attach() {
    enccfg_playground::extras::assist::attach();
}

#[wasm_bindgen]
pub fn assist_complete() {
    enccfg_playground::extras::assist::complete();
}

#[wasm_bindgen]
pub fn assist_format() {
    enccfg_playground::extras::assist::format();
}

/// Copies the findings (the page's `copy-findings` buttons; see `extras::findings`).
#[wasm_bindgen]
pub fn copy_findings_markdown() {
    enccfg_playground::extras::findings::copy("markdown");
}

#[wasm_bindgen]
pub fn copy_findings_json() {
    enccfg_playground::extras::findings::copy("json");
}

#[wasm_bindgen]
pub fn copy_findings_sarif() {
    enccfg_playground::extras::findings::copy("sarif");
}

fn main() {}
