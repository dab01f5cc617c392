//! A panel that lives in the lazily loaded module (`src/extras/`): the first time it is shown it
//! loads the module, mounts the panel into its own element, and from then on sends it the
//! editor's text and options while it is shown. It says "loading" meanwhile, and what went wrong
//! if the module cannot be loaded (the rest of the page keeps working).

use std::cell::RefCell;
use std::rc::Rc;

use enccfg_core::Options;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::extras::protocol::{PanelEvent, PanelInput};
use crate::services::extras::{self, Extras};

#[derive(Properties, PartialEq)]
pub struct LazyPanelProps {
    /// The panel's name in the module (`export`, ...).
    pub kind: &'static str,
    pub text: Rc<str>,
    pub options: Options,
    /// Shown now: the module is loaded on the first `true`, and updates flow only while shown.
    pub active: bool,
    pub on_event: Callback<PanelEvent>,
}

/// The JS function the panel calls with its requests, kept alive as long as the component.
type EventSink = Rc<RefCell<Option<Closure<dyn Fn(String)>>>>;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Loading,
    Mounted(Extras, u32),
    Failed(String),
}

#[function_component(LazyPanel)]
pub fn lazy_panel(props: &LazyPanelProps) -> Html {
    let status = use_state(|| Status::Idle);
    let root = use_node_ref();
    // The panel's requests arrive as JSON through this closure, kept alive with the component.
    let on_event = use_mut_ref(|| props.on_event.clone());
    *on_event.borrow_mut() = props.on_event.clone();
    let emit: EventSink = use_mut_ref(|| None);
    {
        let (status, root, emit, on_event) =
            (status.clone(), root.clone(), emit.clone(), on_event.clone());
        let (text, options, kind) = (props.text.clone(), props.options, props.kind);
        use_effect_with(props.active, move |active| {
            if *active && *status == Status::Idle {
                let first_input = PanelInput {
                    text: text.to_string(),
                    options,
                }
                .encode();
                status.set(Status::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let mounted = async {
                        let module = extras::load().await?;
                        let element = root
                            .cast::<web_sys::Element>()
                            .ok_or("the panel's element is gone")?;
                        let closure = Closure::<dyn Fn(String)>::new(move |json: String| {
                            if let Ok(event) = PanelEvent::decode(&json) {
                                on_event.borrow().emit(event);
                            }
                        });
                        let id = module.mount(
                            kind,
                            &element,
                            &first_input,
                            closure.as_ref().unchecked_ref(),
                        )?;
                        *emit.borrow_mut() = Some(closure);
                        Ok::<_, String>(Status::Mounted(module, id))
                    };
                    status.set(mounted.await.unwrap_or_else(Status::Failed));
                });
            }
        });
    }
    {
        // Sent while shown, and once more when the mount completes (the text may have changed
        // while the module loaded). The JSON is only built when it is sent.
        let mounted = match &*status {
            Status::Mounted(module, id) => Some((module.clone(), *id)),
            _ => None,
        };
        let deps = (
            props.text.clone(),
            props.options,
            props.active,
            mounted.as_ref().map(|m| m.1),
        );
        use_effect_with(deps, move |(text, options, active, _)| {
            if let (Some((module, id)), true) = (mounted, *active) {
                let input = PanelInput {
                    text: text.to_string(),
                    options: *options,
                };
                let _ = module.update(id, &input.encode());
            }
        });
    }

    html! {
        <>
            if matches!(*status, Status::Loading | Status::Idle) && props.active {
                <p class="note" role="status">{ "Loading this panel…" }</p>
            }
            if let Status::Failed(why) = &*status {
                <p class="note error" role="alert">{ format!("This panel could not be loaded ({why}). The rest of the page works; reload to try again.") }</p>
            }
            <div ref={root} class="lazy-root" />
        </>
    }
}
