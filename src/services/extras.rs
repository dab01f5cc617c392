//! The module of the panels opened on first use (`src/extras/`): loaded from the page's own
//! origin once (`module`, its URL in `<meta name="enccfg-extras">`), and its exports.

use js_sys::Function;
use wasm_bindgen::prelude::*;

use super::module;

/// The loaded module.
#[derive(Clone)]
pub struct Extras(JsValue);

impl PartialEq for Extras {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

/// Loads the module (the first call downloads it; later calls share the same load).
pub async fn load() -> Result<Extras, String> {
    module::load(
        "enccfg-extras",
        "this build of the playground has no panels to load",
    )
    .await
    .map(Extras)
}

impl Extras {
    fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        module::call(&self.0, name, args)
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
