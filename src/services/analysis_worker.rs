//! Analyses big texts in a Web Worker (`static/analysis-worker.js`), so typing, scrolling and
//! the panels stay responsive while a large file is read. The worker runs the engine's module
//! (`src/bin/engine.rs`, `analyse_for_page`) and answers with the analysis as bytes
//! (`enccfg_core::wire`). Only the latest request is answered; an older one
//! still waiting is dropped. Without a worker (no module in this build, a browser that refuses
//! it, a failure inside it) the caller analyses on the page instead.

use std::cell::RefCell;

use enccfg_core::{wire, Analysis, Export};
use js_sys::{Function, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::state::Request;

#[wasm_bindgen(inline_js = "let worker = null;
export function analysis_worker_post(script, module, id, text, options, includeUnsafe, canonical, answer) {
  if (!worker) {
    worker = new Worker(new URL(script, document.baseURI), { type: 'module' });
    worker.onmessage = (e) => answer(e.data.id, e.data.bytes || null, e.data.error || null);
    worker.onerror = (e) => { e.preventDefault(); worker.terminate(); worker = null; answer(-1, null, e.message || 'the analysis worker failed'); };
  }
  // `options` is a view on the page's WebAssembly memory: posted as it is, the whole memory
  // (tens of megabytes with a big file) would be copied to the worker with every request.
  worker.postMessage({ id, module: new URL(module, document.baseURI).href, text, options: options.slice(), includeUnsafe, canonical });
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    #[allow(clippy::too_many_arguments)]
    fn analysis_worker_post(
        script: &str,
        module: &str,
        id: f64,
        text: &str,
        options: &[u8],
        include_unsafe: bool,
        canonical: bool,
        answer: &Function,
    ) -> Result<(), JsValue>;
}

/// What the caller does with the answer: the analysis, or `None` when the worker failed (then
/// the caller analyses on the page).
type Done = Box<dyn FnOnce(Option<(Analysis, Export)>)>;

/// The page's side of the worker's messages: `(id, bytes, error)`.
type Receiver = Closure<dyn Fn(f64, Option<Uint8Array>, Option<String>)>;

#[derive(Default)]
struct Worker {
    last_id: u32,
    waiting: Option<(u32, Done)>,
    /// Set after a failure: later requests are analysed on the page.
    broken: bool,
    answer: Option<Receiver>,
}

thread_local! {
    static WORKER: RefCell<Worker> = RefCell::new(Worker::default());
}

/// A message from the worker: `id` answered with `bytes`, or failed with `error`.
fn receive(id: f64, bytes: Option<Uint8Array>, error: Option<String>) {
    let done = WORKER.with_borrow_mut(|worker| {
        let failed = error.is_some() || bytes.is_none();
        if failed {
            worker.broken = true;
        }
        match worker.waiting.take() {
            // A failure of the worker itself (id -1) ends whatever waits.
            Some((waiting, done)) if f64::from(waiting) == id || failed && id < 0.0 => Some(done),
            other => {
                worker.waiting = other;
                None
            }
        }
    });
    let Some(done) = done else { return };
    let answer = bytes.and_then(|bytes| wire::from_bytes::<(Analysis, Export)>(&bytes.to_vec()));
    if let Some(error) = error {
        web_sys::console::warn_1(&format!("analysis worker: {error}").into());
    }
    done(answer)
}

/// Sends `text` to the worker; `done` gets its analysis. Returns `false` (and drops `done`)
/// when there is no worker to send it to: the caller then analyses on the page.
pub fn analyse(
    text: &str,
    request: Request,
    done: impl FnOnce(Option<(Analysis, Export)>) + 'static,
) -> bool {
    let Some(module) = super::module::url(super::module::ENGINE_META) else {
        return false;
    };
    WORKER.with_borrow_mut(|worker| {
        if worker.broken {
            return false;
        }
        worker.last_id += 1;
        let id = worker.last_id;
        let answer = worker
            .answer
            .get_or_insert_with(|| Closure::new(receive))
            .as_ref()
            .unchecked_ref::<Function>()
            .clone();
        let options = wire::to_bytes(&request.options);
        let sent = analysis_worker_post(
            "analysis-worker.js",
            &module,
            f64::from(id),
            text,
            &options,
            request.include_unsafe,
            request.canonical,
            &answer,
        );
        if sent.is_err() {
            worker.broken = true;
            return false;
        }
        // The previous request's answer will not be used: the newer text replaces it.
        worker.waiting = Some((id, Box::new(done)));
        true
    })
}
