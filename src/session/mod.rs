//! The session around the playground state: what the page opens with (URL, share link, saved
//! draft), autosave, the share link, the theme, panel tabs, the keyboard help and the embed
//! messages. A Yew hook that calls `services` for IO and pure modules for every decision.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::functional::hook;
use yew::prelude::*;

use crate::services::{clipboard, download, location, storage, theme};
use crate::share::{Snapshot, LONG_LINK};
use crate::startup::{self, Notice, Start};
use crate::state::{Action, Playground};
use crate::url_params::{share_fragment, share_link, Panel, Theme, UrlParams};

mod effects;
use effects::{use_autosave, use_embed, use_help_key};

/// Read once when the page opens.
#[derive(Debug, PartialEq)]
pub struct Boot {
    pub params: UrlParams,
    pub start: Start,
    pub keep_keys: bool,
    pub theme: Theme,
    /// This page without query or fragment.
    pub base: String,
}

impl Boot {
    fn read() -> Boot {
        let params = UrlParams::parse(&location::search());
        let hash = location::hash();
        let fragment = share_fragment(&hash);
        let draft = (!params.embed)
            .then(|| storage::get(storage::DRAFT))
            .flatten()
            .and_then(|text| Snapshot::from_draft(&text));
        let start = startup::plan(&params, fragment, draft);
        if fragment.is_some() {
            location::clear_hash(); // a reload now opens the draft, not the old link
        }
        let stored = |key| (!params.embed).then(|| storage::get(key)).flatten();
        Boot {
            keep_keys: stored(storage::KEEP_KEYS).as_deref() == Some("1"),
            theme: params
                .theme
                .or_else(|| stored(storage::THEME).and_then(|t| Theme::parse(&t)))
                .unwrap_or_default(),
            base: location::base(),
            params,
            start,
        }
    }
}

/// The share panel's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareView {
    pub url: String,
    pub include_keys: bool,
    pub status: Option<String>,
    pub too_long: Option<usize>,
    pub url_ref: NodeRef,
}

/// Page state that is not the playground's.
pub struct Ui {
    pub notice: UseStateHandle<Option<Notice>>,
    /// The saved draft the user may go back to (a question is on screen).
    pub asking: UseStateHandle<Option<Snapshot>>,
    pub theme: UseStateHandle<Theme>,
    pub active: UseStateHandle<Panel>,
    pub help_open: UseStateHandle<bool>,
    pub keep_keys: UseStateHandle<bool>,
    /// What autosave is doing (`None` in embeds).
    pub autosave: UseStateHandle<Option<String>>,
}

pub struct Callbacks {
    pub on_theme: Callback<Theme>,
    pub on_tab: Callback<Panel>,
    pub open_help: Callback<()>,
    pub close_help: Callback<()>,
    pub dismiss_notice: Callback<()>,
    pub keep_opened: Callback<()>,
    pub restore_draft: Callback<()>,
    pub on_share: Callback<()>,
    pub on_include_keys: Callback<bool>,
    pub on_download: Callback<()>,
    pub on_keep_keys: Callback<bool>,
    pub go_share: Callback<()>,
    /// The full-playground link for the current state (embeds).
    pub full_link: Callback<(), String>,
}

pub struct Session {
    pub state: UseReducerHandle<Playground>,
    pub boot: Rc<Boot>,
    pub ui: Ui,
    pub share: UseStateHandle<ShareView>,
    pub callbacks: Callbacks,
}

/// The state to share or save now (keys redacted unless `with_keys`).
pub(crate) fn snapshot(state: &Playground, with_keys: bool) -> Snapshot {
    let fresh = (!state.pending).then_some(&*state.analysis);
    Snapshot::of(&state.source, state.options, fresh, with_keys)
}

fn focus_by_selector(selector: &str) {
    if let Ok(Some(el)) = gloo_utils::document().query_selector(selector) {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[hook]
pub fn use_session() -> Session {
    let boot = use_memo((), |_| Boot::read());
    let state = {
        let start = boot.start.clone();
        use_reducer(move || Playground {
            example: start.example,
            ..Playground::new(&start.text, start.options)
        })
    };
    let embed = boot.params.embed;
    let ui = Ui {
        notice: use_state(|| boot.start.notice.clone()),
        asking: use_state(|| boot.start.ask_about_draft.clone()),
        theme: use_state(|| boot.theme),
        active: use_state(|| match (boot.params.panel, embed) {
            (Some(Panel::Editor) | None, true) => Panel::Diagnostics,
            (Some(p), _) => p,
            (None, false) => Panel::Editor,
        }),
        help_open: use_state(|| false),
        keep_keys: use_state(|| boot.keep_keys),
        autosave: use_state_eq(|| None),
    };
    let share = use_state(ShareView::default);
    let help_return = use_mut_ref(|| None::<HtmlElement>);

    use_effect_with(*ui.theme, |t| theme::apply(*t));
    use_autosave(&state, &ui, embed);
    {
        // A link describes the state it was made from: drop it when the state changes.
        let share = share.clone();
        use_effect_with((state.source.clone(), state.options), move |_| {
            if !share.url.is_empty() {
                share.set(ShareView {
                    url: String::new(),
                    status: None,
                    too_long: None,
                    ..(*share).clone()
                });
            }
        });
    }
    use_embed(&state, embed);

    let open_help = {
        let (help_open, help_return) = (ui.help_open.clone(), help_return.clone());
        Callback::from(move |()| {
            *help_return.borrow_mut() = gloo_utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            help_open.set(true);
        })
    };
    use_help_key(open_help.clone());
    {
        let (panel, active) = (boot.params.panel, ui.active.clone());
        use_effect_with((), move |_| {
            if let (Some(p), false) = (panel, embed) {
                active.set(p);
                if let Some(el) =
                    gloo_utils::document().get_element_by_id(&format!("panel-{}", p.as_str()))
                {
                    el.scroll_into_view();
                }
            }
        });
    }

    let callbacks = Callbacks {
        on_theme: {
            let theme = ui.theme.clone();
            Callback::from(move |t: Theme| {
                theme.set(t);
                if !embed {
                    storage::set(storage::THEME, t.as_str());
                }
            })
        },
        on_tab: {
            let active = ui.active.clone();
            Callback::from(move |p| active.set(p))
        },
        close_help: {
            let help_open = ui.help_open.clone();
            Callback::from(move |()| {
                help_open.set(false);
                if let Some(el) = help_return.borrow_mut().take() {
                    let _ = el.focus();
                }
            })
        },
        open_help,
        dismiss_notice: {
            let notice = ui.notice.clone();
            Callback::from(move |()| notice.set(None))
        },
        keep_opened: {
            let (asking, notice, state) = (ui.asking.clone(), ui.notice.clone(), state.clone());
            Callback::from(move |()| {
                asking.set(None);
                notice.set(None);
                state.dispatch(Action::KeepAsDraft);
            })
        },
        restore_draft: {
            let (asking, notice, state) = (ui.asking.clone(), ui.notice.clone(), state.clone());
            Callback::from(move |()| {
                if let Some(draft) = (*asking).clone() {
                    state.dispatch(Action::Load {
                        text: draft.yaml,
                        options: draft.options,
                        example: None,
                    });
                    notice.set(Some(Notice::info("Back to your saved draft.")));
                }
                asking.set(None);
            })
        },
        on_share: {
            let (share, state, base) = (share.clone(), state.clone(), boot.base.clone());
            Callback::from(move |()| {
                let payload = snapshot(&state, share.include_keys).encode();
                let url = share_link(&base, &payload);
                let view = ShareView {
                    too_long: (url.len() > LONG_LINK).then_some(url.len()),
                    status: Some("Copying the link…".into()),
                    url: url.clone(),
                    ..(*share).clone()
                };
                share.set(view.clone());
                let share = share.clone();
                yew::platform::spawn_local(async move {
                    let input = view.url_ref.cast::<HtmlInputElement>();
                    if let Some(input) = &input {
                        input.set_value(&url);
                    }
                    let copied = clipboard::copy(&url, input).await;
                    share.set(ShareView {
                        status: Some(if copied {
                            "Link copied to the clipboard.".into()
                        } else {
                            "Copy the link above: this page may not use the clipboard here.".into()
                        }),
                        ..view
                    });
                });
            })
        },
        on_include_keys: {
            let share = share.clone();
            Callback::from(move |include_keys| {
                share.set(ShareView {
                    include_keys,
                    url: String::new(),
                    status: None,
                    too_long: None,
                    ..(*share).clone()
                })
            })
        },
        on_download: {
            let (share, state) = (share.clone(), state.clone());
            Callback::from(move |()| {
                let file = snapshot(&state, share.include_keys);
                download::save("encryption-config.yaml", &file.yaml, "application/yaml");
            })
        },
        on_keep_keys: {
            let keep_keys = ui.keep_keys.clone();
            Callback::from(move |keep: bool| {
                keep_keys.set(keep);
                if keep {
                    storage::set(storage::KEEP_KEYS, "1");
                    return;
                }
                storage::remove(storage::KEEP_KEYS);
                // Take keys out of a draft saved with them, now.
                if let Some(draft) =
                    storage::get(storage::DRAFT).and_then(|t| Snapshot::from_draft(&t))
                {
                    let redacted = Snapshot::of(&draft.yaml, draft.options, None, false);
                    storage::set(storage::DRAFT, &redacted.to_draft());
                }
            })
        },
        go_share: {
            let active = ui.active.clone();
            Callback::from(move |()| {
                active.set(Panel::Export);
                Timeout::new(0, || {
                    if let Some(el) = gloo_utils::document().get_element_by_id("panel-export") {
                        el.scroll_into_view();
                    }
                    focus_by_selector("[data-testid=share]");
                })
                .forget();
            })
        },
        full_link: {
            let (state, base) = (state.clone(), boot.base.clone());
            Callback::from(move |()| share_link(&base, &snapshot(&state, false).encode()))
        },
    };

    Session {
        state,
        boot,
        ui,
        share,
        callbacks,
    }
}
