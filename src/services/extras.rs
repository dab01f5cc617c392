//! Loads the module of the panels opened on first use (`src/extras/`) from the page's own origin,
//! once, and calls its two exports. Its URL comes from the `<meta name="enccfg-extras">` that
//! `scripts/build-extras.sh` writes into index.html; a build without it says so.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "let loading = null;
export function load_extras(url) {
  if (!loading) {
    loading = import(new URL(url, document.baseURI).href)
      .then(async (m) => { await m.default(); return m; })
      .catch((e) => { loading = null; throw e; });
  }
  return loading;
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load_extras(url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// The loaded module.
#[derive(Clone)]
pub struct Extras(JsValue);

impl PartialEq for Extras {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Where the module is, from the page's `<meta name="enccfg-extras">` (also what the analysis
/// worker loads).
pub(crate) fn url() -> Option<String> {
    gloo_utils::document()
        .query_selector("meta[name=enccfg-extras]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

/// Loads the module (the first call downloads it; later calls share the same load).
pub async fn load() -> Result<Extras, String> {
    let url = url().ok_or("this build of the playground has no panels to load")?;
    let module = JsFuture::from(load_extras(&url).map_err(message)?)
        .await
        .map_err(message)?;
    Ok(Extras(module))
}

impl Extras {
    fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        let function: Function = Reflect::get(&self.0, &name.into())
            .map_err(message)?
            .dyn_into()
            .map_err(|_| format!("the panels' module has no `{name}`"))?;
        function
            .apply(&JsValue::NULL, &args.iter().collect::<Array>())
            .map_err(message)
    }

    /// Mounts panel `kind` into `root`; `emit` receives the panel's requests as JSON.
    pub fn mount(
        &self,
        kind: &str,
        root: &web_sys::Element,
        input: &str,
        emit: &Function,
    ) -> Result<u32, String> {
        let id = self.call(
            "mount",
            &[kind.into(), root.into(), input.into(), emit.into()],
        )?;
        id.as_f64()
            .map(|id| id as u32)
            .ok_or_else(|| "mount returned no id".into())
    }

    /// Asks the module to generate a key into the editor (see `extras::keygen`).
    pub fn generate_key(&self) -> Result<(), String> {
        self.call("generate_key", &[]).map(|_| ())
    }

    /// Calls one of the module's exports that take no arguments (`assist_attach`, …).
    pub fn run(&self, export: &str) -> Result<(), String> {
        self.call(export, &[]).map(|_| ())
    }

    /// Sends a mounted panel the page's new state.
    pub fn update(&self, id: u32, input: &str) -> Result<(), String> {
        self.call("update", &[id.into(), input.into()]).map(|_| ())
    }
}
