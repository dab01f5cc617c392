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

fn main() {}
