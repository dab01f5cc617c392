//! Loads another WebAssembly module of this build (the tools' or the analysis engine's) from the
//! page's own origin, once per URL, and calls its exports. Each module's URL is in a `<meta>`
//! that `scripts/build-extras.sh` writes into index.html; a build without it says so.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "const loads = new Map();
export function load_module(url, timeoutMs) {
  const href = new URL(url, document.baseURI).href;
  if (!loads.has(href)) {
    const loading = import(href).then(async (m) => { await m.default(); return m; });
    // A stalled download counts as failed, so that the page does not wait for ever.
    const timeout = new Promise((_, reject) => setTimeout(
      () => reject(new Error(`it did not load in ${timeoutMs / 1000} s`)), timeoutMs));
    loads.set(href, Promise.race([loading, timeout]).catch((e) => { loads.delete(href); throw e; }));
  }
  return loads.get(href);
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load_module(url: &str, timeout_ms: u32) -> Result<js_sys::Promise, JsValue>;
}

/// The `<meta>` naming the analysis engine's module, which the page's thread
/// (`services::engine`) and the analysis worker both load.
pub const ENGINE_META: &str = "enccfg-engine";

/// How long a module may take to arrive before its load counts as failed.
const LOAD_TIMEOUT_MS: u32 = 15_000;

/// The text of a JS error (or of whatever was thrown).
pub fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The URL in the page's `<meta name="{meta}">`.
pub fn url(meta: &str) -> Option<String> {
    gloo_utils::document()
        .query_selector(&format!("meta[name={meta}]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

/// Loads the module named by `<meta name="{meta}">` (the first call downloads it; later calls
/// share that load, or start again after a failure); `missing` says what a build without it
/// lacks.
pub async fn load(meta: &str, missing: &str) -> Result<JsValue, String> {
    let url = url(meta).ok_or(missing)?;
    let promise = load_module(&url, LOAD_TIMEOUT_MS).map_err(message)?;
    JsFuture::from(promise).await.map_err(message)
}

/// Calls the export `name` of a loaded `module` with `args`.
pub fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function: Function = Reflect::get(module, &name.into())
        .map_err(message)?
        .dyn_into()
        .map_err(|_| format!("the module has no `{name}`"))?;
    function
        .apply(&JsValue::NULL, &args.iter().collect::<Array>())
        .map_err(message)
}
