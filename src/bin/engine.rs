//! The third WebAssembly module: the analysis engine alone, loaded on first use. The page calls
//! it on its own thread (`services/engine.rs`) and the analysis worker in its thread
//! (`static/analysis-worker.js`); the first visit needs neither (`first_analysis.rs`).

use wasm_bindgen::prelude::*;

/// Analyses `text`: `options` are the page's options as `enccfg_core::wire` bytes (the
/// defaults if they do not decode); the answer is the analysis and its export, as the same kind
/// of bytes.
#[wasm_bindgen]
pub fn analyse_for_page(
    text: &str,
    options: &[u8],
    include_unsafe: bool,
    canonical: bool,
) -> Vec<u8> {
    use enccfg_core::wire;
    use enccfg_playground::state::{analyse_with_export, Request};
    let request = Request {
        options: wire::from_bytes(options).unwrap_or_default(),
        include_unsafe,
        canonical,
    };
    wire::to_bytes(&analyse_with_export(text, request))
}

fn main() {}
