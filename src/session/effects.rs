//! The session's effects: autosave, the embed's messages, and the `?` key.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::functional::hook;
use yew::prelude::*;

use std::cell::RefCell;
use std::rc::Rc;

use enccfg_core::Options;
use gloo_events::EventListenerOptions;

use super::snapshot;
use crate::leave_guard::{would_lose_work, Kept};
use crate::page::{autosave_step, Autosave, AutosaveStep, PageAction, PageState};
use crate::services::{embed, storage};
use crate::state::{Action, Playground};
use crate::url_params::UrlParams;

/// Saves the draft whenever the user's text or options settle (never in embeds, and not
/// while the "replace your draft?" question is open); `page::autosave_step` decides.
#[hook]
pub(super) fn use_autosave(
    state: &UseReducerHandle<Playground>,
    page: &UseReducerHandle<PageState>,
    embed: bool,
    kept: &Rc<RefCell<Kept>>,
) {
    let kept = kept.clone();
    let deps = (
        state.source.clone(),
        state.options,
        state.dirty,
        state.pending,
        page.keep_keys,
        page.asking.is_some(),
    );
    let (current, page) = ((**state).clone(), page.dispatcher());
    use_effect_with(deps, move |(_, _, dirty, pending, keep, asking)| {
        let status = match autosave_step(embed, *asking, *dirty, *pending) {
            AutosaveStep::Show(status) => status,
            AutosaveStep::Wait => return,
            AutosaveStep::Save => {
                // Saved only when the analysis is fresh, so it never waits for the engine.
                let Some(draft) = snapshot(&current, *keep) else {
                    return;
                };
                if storage::set(storage::DRAFT, &draft.to_draft()) {
                    kept.borrow_mut().record(&draft.yaml, draft.options);
                    Autosave::Saved
                } else {
                    Autosave::Refused
                }
            }
        };
        page.dispatch(PageAction::Autosave(status));
    });
}

/// Asks the browser to confirm leaving while the file holds work that was neither loaded as it
/// is nor kept in full (`leave_guard`); `current` is the state at the last render.
#[hook]
pub(super) fn use_leave_guard(
    state: &UseReducerHandle<Playground>,
    kept: &Rc<RefCell<Kept>>,
    embed: bool,
) {
    let current = use_mut_ref(|| (false, Rc::<str>::from(""), Options::default()));
    *current.borrow_mut() = (state.dirty, state.source.clone(), state.options);
    let kept = kept.clone();
    use_effect_with((), move |_| {
        let window = gloo_utils::window();
        let listener = EventListener::new_with_options(
            &window,
            "beforeunload",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let (dirty, text, options) = current.borrow().clone();
                if would_lose_work(embed, dirty, &kept.borrow(), &text, options) {
                    event.prevent_default();
                    // Older browsers look for a return value instead.
                    let _ = js_sys::Reflect::set(event, &"returnValue".into(), &"".into());
                }
            },
        );
        move || drop(listener)
    });
}

/// In an embed: report the height to the parent, take content from it, say when ready.
#[hook]
pub(super) fn use_embed(state: &UseReducerHandle<Playground>, embed: bool) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let guards = embed.then(|| {
            embed::mark_root();
            let watch = embed::watch_height(|height| {
                embed::post(embed::RESIZE, &[("height", height.into())])
            });
            let listener = embed::listen_load(move |message| {
                let params = UrlParams {
                    minor: message
                        .k8s
                        .as_deref()
                        .and_then(enccfg_core::Options::parse_version),
                    reload: message.reload,
                    kmsv1: message.kmsv1,
                    ..UrlParams::default()
                };
                dispatcher.dispatch(Action::Load {
                    text: message.yaml,
                    options: params.apply_options(Default::default()),
                    example: None,
                });
            });
            embed::post(embed::READY, &[]);
            (watch, listener)
        });
        move || drop(guards)
    });
}

/// `?` outside text fields opens the keyboard help.
#[hook]
pub(super) fn use_help_key(open_help: Callback<()>) {
    use_effect_with((), move |_| {
        let document = gloo_utils::document();
        let listener = EventListener::new(&document, "keydown", move |event| {
            let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if e.key() != "?" || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .is_some_and(|el| {
                    // Checkboxes and buttons take no text: `?` there still opens the help.
                    let text_input = el.dyn_ref::<HtmlInputElement>().is_some_and(|i| {
                        !matches!(i.type_().as_str(), "checkbox" | "radio" | "button")
                    });
                    text_input
                        || matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                        || el.is_content_editable()
                });
            if !typing {
                e.prevent_default();
                open_help.emit(());
            }
        });
        move || drop(listener)
    });
}
