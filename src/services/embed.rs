//! The iframe side of the embed contract: post the content height to the parent whenever it
//! changes, and receive `encryption-playground:load` messages from it.

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, ResizeObserver};

pub const RESIZE: &str = "encryption-playground:resize";
pub const LOAD: &str = "encryption-playground:load";
pub const READY: &str = "encryption-playground:ready";

/// What a parent sent with `encryption-playground:load`.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadMessage {
    pub yaml: String,
    /// `k8s`, `reload`, `kmsv1`, as in the URL (`"1.30"`, `true`/`"on"`).
    pub k8s: Option<String>,
    pub reload: Option<bool>,
    pub kmsv1: Option<bool>,
}

fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    // Not framed: `parent` is the window itself.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `{type, ...fields}` to the parent window (if any).
pub fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(parent) = parent() else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    // The height is not secret, and the embedding origin is not known in advance.
    let _ = parent.post_message(&message, "*");
}

/// Marks the root element (`data-embed`) so the page sizes to its content.
pub fn mark_root() {
    if let Some(root) = gloo_utils::document().document_element() {
        let _ = root.set_attribute("data-embed", "");
    }
}

/// The page's content height in CSS pixels.
pub fn content_height() -> f64 {
    gloo_utils::document()
        .document_element()
        .map(|e| e.get_bounding_client_rect().height().ceil())
        .unwrap_or(0.0)
}

/// Keeps calling `on_height` with the content height whenever it changes; drop to stop.
pub struct HeightWatch {
    observer: Option<ResizeObserver>,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

pub fn watch_height(on_height: impl Fn(f64) + 'static) -> HeightWatch {
    let last = std::cell::Cell::new(-1.0);
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = content_height();
        if height != last.get() {
            last.set(height);
            on_height(height);
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(root)) = (&observer, gloo_utils::document().document_element()) {
        o.observe(&root);
    }
    HeightWatch {
        observer,
        _callback: callback,
    }
}

/// Listens for `encryption-playground:load` messages from the parent window.
pub fn listen_load(on_load: impl Fn(LoadMessage) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        let from_parent = match (event.source(), parent()) {
            (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        if from_parent {
            if let Some(message) = read_load(&event.data()) {
                on_load(message);
            }
        }
    }))
}

fn read_load(data: &JsValue) -> Option<LoadMessage> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    if get(data, "type")?.as_string()? != LOAD {
        return None;
    }
    let yaml = get(data, "yaml")?.as_string()?;
    let options = get(data, "options").filter(|o| o.is_object());
    let field = |key: &str| options.as_ref().and_then(|o| get(o, key));
    let switch = |key: &str| {
        let v = field(key)?;
        v.as_bool()
            .or_else(|| crate::url_params::parse_switch(&v.as_string()?))
    };
    Some(LoadMessage {
        yaml,
        k8s: field("k8s").and_then(|v| v.as_string()),
        reload: switch("reload"),
        kmsv1: switch("kmsv1"),
    })
}
