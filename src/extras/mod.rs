//! The panels loaded on first use. They are compiled into a second WebAssembly module
//! (`src/bin/extras.rs`, built by `scripts/build-extras.sh`) that the page imports from its own
//! origin the first time one of them is opened, so the first visit does not download them.
//!
//! The page (`components/lazy_panel.rs`) mounts a panel into an element it owns, sends it the
//! editor's text and options as JSON (`protocol`) whenever they change, and receives the panel's
//! requests (replace the editor text) through a callback. Each panel is its own small Yew app.

pub mod export_root;
pub mod protocol;

use std::cell::RefCell;
use std::collections::HashMap;

use yew::AppHandle;

use protocol::{PanelEvent, PanelInput};

/// Sends a panel's requests to the page.
#[derive(Clone)]
pub struct Emitter(js_sys::Function);

impl PartialEq for Emitter {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Emitter {
    pub fn emit(&self, event: PanelEvent) {
        let _ = self
            .0
            .call1(&wasm_bindgen::JsValue::NULL, &event.encode().into());
    }
}

/// A mounted panel: its Yew app and where it sends its requests.
enum Mounted {
    Export(AppHandle<export_root::ExportRoot>, Emitter),
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

/// Mounts panel `kind` into `root` with the page's state `input` (JSON); returns its id.
pub fn mount(
    kind: &str,
    root: web_sys::Element,
    input: &str,
    emit: js_sys::Function,
) -> Result<u32, String> {
    let input = PanelInput::decode(input)?;
    let emitter = Emitter(emit);
    let mounted = match kind {
        "export" => Mounted::Export(
            yew::Renderer::<export_root::ExportRoot>::with_root_and_props(
                root,
                export_root::ExportRootProps {
                    input,
                    emitter: emitter.clone(),
                },
            )
            .render(),
            emitter,
        ),
        other => return Err(format!("no panel named {other:?}")),
    };
    let id = NEXT_ID.with(|next| {
        let mut next = next.borrow_mut();
        *next += 1;
        *next - 1
    });
    MOUNTED.with(|m| m.borrow_mut().insert(id, mounted));
    Ok(id)
}

/// Sends panel `id` the page's new state.
pub fn update(id: u32, input: &str) -> Result<(), String> {
    let input = PanelInput::decode(input)?;
    MOUNTED.with(|m| match m.borrow_mut().get_mut(&id) {
        Some(Mounted::Export(handle, emitter)) => {
            handle.update(export_root::ExportRootProps {
                input,
                emitter: emitter.clone(),
            });
            Ok(())
        }
        None => Err(format!("no mounted panel {id}")),
    })
}
