//! "Open file", and dropping a file onto the editor (`target`). The bytes are decoded by the
//! core's `Source::from_bytes`, as kube-apiserver decodes them (UTF-8, UTF-8 with a BOM,
//! UTF-16LE/BE with a BOM); the text then replaces the editor's like an applied fix (undo
//! with Ctrl+Z). A hook rather than a component: a component type of its own costs about
//! 2 KB brotli of yew code in the bundle.

use enccfg_core::{Encoding, Source};
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, File, HtmlInputElement};
use yew::prelude::*;

use crate::services::file_read;

/// The "Open file" button and its status line; files dropped onto `target` open too. Each
/// opened file's decoded text goes to `on_text`.
#[hook]
pub fn use_file_open(target: NodeRef, on_text: Callback<String>) -> Html {
    let status = use_state(String::new);
    let open = {
        let status = status.clone();
        move |file: File| {
            let (on_text, status) = (on_text.clone(), status.clone());
            file_read::read(file, move |name, bytes| match bytes {
                Some(bytes) => {
                    let source = Source::from_bytes(&bytes);
                    status.set(describe(&name, &source));
                    on_text.emit(source.text);
                }
                None => status.set(format!("{name} could not be read")),
            });
        }
    };
    {
        let open = open.clone();
        use_effect_with(target, move |target| {
            let listeners = target.cast::<Element>().map(|el| {
                let options = EventListenerOptions::enable_prevent_default();
                let mark = |el: &Element, on: bool| {
                    let _ = if on {
                        el.set_attribute("data-dragging", "")
                    } else {
                        el.remove_attribute("data-dragging")
                    };
                };
                let (over, leave, drop_on) = (el.clone(), el.clone(), el.clone());
                [
                    EventListener::new_with_options(&el, "dragover", options, move |e| {
                        e.prevent_default();
                        mark(&over, true);
                    }),
                    EventListener::new(&el, "dragleave", move |_| mark(&leave, false)),
                    EventListener::new_with_options(&el, "drop", options, move |e| {
                        mark(&drop_on, false);
                        let file = e
                            .dyn_ref::<DragEvent>()
                            .and_then(DragEvent::data_transfer)
                            .and_then(|d| d.files())
                            .and_then(|f| f.get(0));
                        if let Some(file) = file {
                            e.prevent_default();
                            open(file);
                        }
                    }),
                ]
            });
            move || drop(listeners)
        });
    }
    let on_pick = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open(file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    });
    html! {
        <div class="file-open">
            <label class="button">
                { "Open file" }
                <input type="file" data-testid="open-file" class="visually-hidden" onchange={on_pick} />
            </label>
            <span data-testid="open-file-status" role="status">{ (*status).clone() }</span>
        </div>
    }
}

/// What the status line says about an opened file.
fn describe(name: &str, source: &Source) -> String {
    let encoding = match source.encoding {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf8Bom => "UTF-8 with BOM",
        Encoding::Utf16Le => "UTF-16LE",
        Encoding::Utf16Be => "UTF-16BE",
    };
    if source.broken() {
        format!("{name}: not valid {encoding}; bytes that do not decode are shown as \u{fffd}")
    } else {
        format!("{name} ({encoding})")
    }
}
