//! The analysis engine as a module of its own (`src/bin/engine.rs`), loaded on first use: on
//! the first sign that the user is about to change something (focus, a key, a pointer press, a
//! drag over the page), or when an analysis is asked for and it has not loaded. Once loaded it
//! answers on the page's thread, in the same task, as the linked core does. Its URL is in
//! `<meta name="enccfg-engine">`.

use std::cell::RefCell;
use std::rc::Rc;

use enccfg_core::{wire, Analysis, Export};
use gloo_events::EventListener;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

use super::module;
use crate::state::Request;

/// What a build without the module says.
const MISSING: &str = "this build has no analysis engine to load";

#[derive(Default)]
enum Status {
    #[default]
    Unloaded,
    Loading,
    Ready(JsValue),
    /// The load failed: the next `warm` tries again.
    Failed(String),
    /// The loaded module failed to answer: it is not asked again.
    Broken(String),
}

type Listener = Rc<dyn Fn(Result<(), String>)>;

#[derive(Default)]
struct Engine {
    status: Status,
    listener: Option<Listener>,
    /// The page's listeners for the first sign of an edit, dropped once one fires.
    intent: Vec<EventListener>,
}

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

/// The analysis of `text`, or `None` when the module is not ready (see `warm`).
pub fn analyse(text: &str, request: Request) -> Option<(Analysis, Export)> {
    let engine = ENGINE.with_borrow(|e| match &e.status {
        Status::Ready(engine) => Some(engine.clone()),
        _ => None,
    })?;
    let options = Uint8Array::from(wire::to_bytes(&request.options).as_slice());
    let answer = module::call(
        &engine,
        "analyse_for_page",
        &[
            text.into(),
            options.into(),
            request.include_unsafe.into(),
            request.canonical.into(),
        ],
    )
    .and_then(|bytes| {
        let bytes = bytes
            .dyn_into::<Uint8Array>()
            .map_err(|_| "the engine answered with no bytes".to_string())?;
        wire::from_bytes(&bytes.to_vec()).ok_or_else(|| "the engine's answer is damaged".into())
    });
    match answer {
        Ok(answer) => Some(answer),
        Err(why) => {
            settle(Status::Broken(why));
            None
        }
    }
}

/// Starts loading the module, unless it is loading or loaded (after a failure, tries again).
pub fn warm() {
    let (start, intent) = ENGINE.with_borrow_mut(|e| {
        let start = matches!(e.status, Status::Unloaded | Status::Failed(_));
        if start {
            e.status = Status::Loading;
        }
        (start, std::mem::take(&mut e.intent))
    });
    if !intent.is_empty() {
        // Dropped later: this may run inside one of them, which must not be freed mid-call.
        wasm_bindgen_futures::spawn_local(async move { drop(intent) });
    }
    if start {
        wasm_bindgen_futures::spawn_local(async {
            settle(match module::load(module::ENGINE_META, MISSING).await {
                Ok(engine) => Status::Ready(engine),
                Err(why) => Status::Failed(why),
            });
        });
    }
}

/// Records the end of a load (or a failure of the loaded module) and tells the listener.
fn settle(status: Status) {
    let outcome = match &status {
        Status::Failed(why) | Status::Broken(why) => Err(why.clone()),
        _ => Ok(()),
    };
    if let Err(why) = &outcome {
        web_sys::console::warn_1(&format!("analysis engine: {why}").into());
    }
    let listener = ENGINE.with_borrow_mut(|e| {
        e.status = status;
        e.listener.clone()
    });
    if let Some(listener) = listener {
        listener(outcome);
    }
}

/// See `engine::listen`.
pub fn listen(listener: impl Fn(Result<(), String>) + 'static) {
    ENGINE.with_borrow_mut(|e| e.listener = Some(Rc::new(listener)));
}

/// Resolves once the module can answer (loading it if needed).
pub async fn ready() -> Result<(), String> {
    warm();
    let engine = module::load(module::ENGINE_META, MISSING).await?;
    // The load started by `warm` records it too (and tells the listener); this caller may
    // resume first.
    ENGINE.with_borrow_mut(|e| {
        if !matches!(e.status, Status::Ready(_)) {
            e.status = Status::Ready(engine);
        }
    });
    Ok(())
}

/// Loads the module on the first focus, key, pointer press or drag anywhere in the page: the
/// user is about to change something, and the module then has a head start on the edit.
pub fn warm_on_intent() {
    let document = gloo_utils::document();
    let listeners = ["focusin", "keydown", "pointerdown", "dragenter"]
        .into_iter()
        .map(|kind| EventListener::new(&document, kind, |_| warm()))
        .collect();
    ENGINE.with_borrow_mut(|e| {
        if matches!(e.status, Status::Unloaded) {
            e.intent = listeners;
        }
    });
}
