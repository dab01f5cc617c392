//! The session around the two reducers (`state`, the file; `page`, everything around it): what
//! the page opens with (URL, share link, saved draft), autosave, the share link's copy, the
//! theme, focus for the keyboard help, and the embed messages. A Yew hook that calls `services`
//! for IO and dispatches actions; every decision is in the pure modules.

use std::rc::Rc;

use enccfg_core::{Analysis, Options};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::functional::hook;
use yew::prelude::*;

use crate::engine;
use crate::page::{PageAction, PageState};
use crate::services::{clipboard, download, location, share_link as link_codec, storage, theme};
use crate::share::{ShareError, Snapshot};
use crate::startup::{self, Start};
use crate::state::{Action, Playground};
use crate::url_params::{share_fragment, share_link, Panel, Theme, UrlParams};

mod effects;
use effects::{use_autosave, use_embed, use_help_key, use_leave_guard};

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

/// The state a `#s=` link in the address carries, or why it cannot be read; `None` without one.
/// Read before the page renders (the browser inflates it asynchronously).
pub async fn read_shared_link() -> Option<Result<Snapshot, ShareError>> {
    let hash = location::hash();
    let payload = share_fragment(&hash)?;
    Some(link_codec::decode(payload).await)
}

impl Boot {
    /// Reads the address (`shared`: its `#s=` link, see `read_shared_link`), the saved draft
    /// and the stored settings; a link is then taken out of the address.
    pub fn read(shared: Option<Result<Snapshot, ShareError>>) -> Boot {
        let params = UrlParams::parse(&location::search());
        let draft = (!params.embed)
            .then(|| storage::get(storage::DRAFT))
            .flatten()
            .and_then(|text| Snapshot::from_draft(&text));
        if shared.is_some() {
            location::clear_hash(); // a reload now opens the draft, not the old link
        }
        let start = startup::plan(&params, shared, draft);
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

    /// The page opens with something other than the first visit's built-in analysis (a link,
    /// a draft, another example or version): its engine is needed before the first paint.
    #[cfg(feature = "lazy-engine")]
    pub fn needs_engine(&self) -> bool {
        let request = crate::state::Request {
            options: self.start.options,
            ..Default::default()
        };
        !crate::first_analysis::covers(&self.start.text, request)
    }
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
    pub on_lookup: Callback<String>,
    /// The findings list's severity filter (made once, like `on_lookup`).
    pub on_severity: Callback<(enccfg_core::Severity, bool)>,
}

pub struct Session {
    pub state: UseReducerHandle<Playground>,
    /// The full-playground link for the current state, keys redacted (embeds; kept current
    /// after each analysis, since the browser compresses it asynchronously).
    pub full_link: Rc<str>,
    pub boot: Rc<Boot>,
    pub page: UseReducerHandle<PageState>,
    /// The share link's input (filled before the copy, so a refused clipboard leaves it selectable).
    pub share_url_ref: NodeRef,
    pub callbacks: Callbacks,
}

/// The analysis of exactly the text shown, when there is one.
fn fresh(state: &Playground) -> Option<&Analysis> {
    (!state.pending).then_some(&*state.analysis)
}

/// The state to share or save now (keys redacted unless `with_keys`); `None` while the engine
/// that finds the keys loads.
pub(crate) fn snapshot(state: &Playground, with_keys: bool) -> Option<Snapshot> {
    Snapshot::of(&state.source, state.options, fresh(state), with_keys)
}

/// `Snapshot::of`, once the engine that finds the keys has loaded if it must; `Err` with why
/// it could not load.
async fn snapshot_when_ready(
    text: &str,
    options: Options,
    fresh: Option<&Analysis>,
    with_keys: bool,
) -> Result<Snapshot, String> {
    if let Some(snapshot) = Snapshot::of(text, options, fresh, with_keys) {
        return Ok(snapshot);
    }
    engine::ready().await?;
    Snapshot::of(text, options, fresh, with_keys).ok_or_else(|| "the engine did not answer".into())
}

fn focus_by_selector(selector: &str) {
    if let Ok(Some(el)) = gloo_utils::document().query_selector(selector) {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The embed's "open full playground" link: this page with the current state in `#s=`, made
/// again after each analysis (not on every keystroke) while embedded.
#[hook]
fn use_full_link(state: &UseReducerHandle<Playground>, embed: bool, base: &str) -> Rc<str> {
    let link = use_state(|| Rc::<str>::from(base));
    {
        let (state, link, base) = (state.clone(), link.clone(), base.to_string());
        let analysed = (Rc::as_ptr(&state.analysis) as usize, state.pending);
        use_effect_with(analysed, move |(_, pending)| {
            // Only with a fresh analysis, which finds the keys to leave out without the engine.
            if let Some(shared) = (embed && !*pending)
                .then(|| snapshot(&state, false))
                .flatten()
            {
                yew::platform::spawn_local(async move {
                    if let Some(payload) = link_codec::encode(&shared).await {
                        link.set(share_link(&base, &payload).into());
                    }
                });
            }
        });
    }
    (*link).clone()
}

#[hook]
pub fn use_session(boot: &Option<Rc<Boot>>) -> Session {
    let boot: Rc<Boot> = {
        let boot = boot.clone();
        (*use_memo((), move |_| {
            boot.unwrap_or_else(|| Rc::new(Boot::read(None)))
        }))
        .clone()
    };
    let state = {
        let start = boot.start.clone();
        use_reducer(move || Playground {
            example: start.example,
            ..Playground::new(&start.text, start.options)
        })
    };
    let page = {
        let boot = boot.clone();
        use_reducer(move || PageState::open(&boot.start, &boot.params, boot.theme, boot.keep_keys))
    };
    let embed = boot.params.embed;
    let share_url_ref = use_node_ref();
    let help_return = use_mut_ref(|| None::<HtmlElement>);

    use_effect_with(page.theme, |t| theme::apply(*t));
    // What was last kept in full (draft, link, download), for the leave guard.
    let kept = use_mut_ref(crate::leave_guard::Kept::default);
    use_autosave(&state, &page, embed, &kept);
    use_leave_guard(&state, &kept, embed);
    {
        // A link describes the state it was made from: drop it when the state changes.
        let dispatcher = page.dispatcher();
        use_effect_with((state.source.clone(), state.options), move |_| {
            dispatcher.dispatch(PageAction::StateChanged)
        });
    }
    use_embed(&state, embed);

    let open_help = {
        let (page, help_return) = (page.dispatcher(), help_return.clone());
        Callback::from(move |()| {
            *help_return.borrow_mut() = gloo_utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            page.dispatch(PageAction::OpenHelp);
        })
    };
    use_help_key(open_help.clone());
    // The help's Close button takes focus once the help is drawn.
    use_effect_with(page.help_open, |open| {
        if let Some(button) = open
            .then(|| gloo_utils::document().get_element_by_id(crate::components::HELP_CLOSE_ID))
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
    {
        let panel = boot.params.panel.filter(|_| !embed);
        use_effect_with((), move |_| {
            if let Some(el) = panel.and_then(|p| {
                gloo_utils::document().get_element_by_id(&format!("panel-{}", p.as_str()))
            }) {
                el.scroll_into_view();
            }
        });
    }

    // Made once: the Ordering panel is big, and a new callback is a prop change.
    let on_lookup = {
        let page = page.dispatcher();
        use_callback((), move |query: String, _| {
            page.dispatch(PageAction::Lookup(query))
        })
    };
    let on_severity = {
        let page = page.dispatcher();
        use_callback((), move |(severity, shown), _| {
            page.dispatch(PageAction::ShowSeverity(severity, shown))
        })
    };
    let callbacks = Callbacks {
        on_severity,
        on_theme: {
            let page = page.dispatcher();
            Callback::from(move |t: Theme| {
                page.dispatch(PageAction::SetTheme(t));
                if !embed {
                    storage::set(storage::THEME, t.as_str());
                }
            })
        },
        on_tab: {
            let page = page.dispatcher();
            Callback::from(move |p| page.dispatch(PageAction::ShowPanel(p)))
        },
        close_help: {
            let page = page.dispatcher();
            Callback::from(move |()| {
                page.dispatch(PageAction::CloseHelp);
                if let Some(el) = help_return.borrow_mut().take() {
                    let _ = el.focus();
                }
            })
        },
        open_help,
        dismiss_notice: {
            let page = page.dispatcher();
            Callback::from(move |()| page.dispatch(PageAction::DismissNotice))
        },
        keep_opened: {
            let (page, state) = (page.dispatcher(), state.dispatcher());
            Callback::from(move |()| {
                page.dispatch(PageAction::KeepOpened);
                state.dispatch(Action::KeepAsDraft);
            })
        },
        restore_draft: {
            let (page, state) = (page.clone(), state.dispatcher());
            Callback::from(move |()| {
                if let Some(draft) = page.asking.clone() {
                    state.dispatch(Action::Load {
                        text: draft.yaml,
                        options: draft.options,
                        example: None,
                    });
                }
                page.dispatch(PageAction::RestoreDraft);
            })
        },
        on_share: {
            let (page, state, base) = (page.clone(), state.clone(), boot.base.clone());
            let (url_ref, kept) = (share_url_ref.clone(), kept.clone());
            Callback::from(move |()| {
                let (state, include_keys, kept) =
                    (state.clone(), page.share.include_keys, kept.clone());
                let (base, page, url_ref) = (base.clone(), page.dispatcher(), url_ref.clone());
                yew::platform::spawn_local(async move {
                    let shared = match snapshot_when_ready(
                        &state.source,
                        state.options,
                        fresh(&state),
                        include_keys,
                    )
                    .await
                    {
                        Ok(shared) => shared,
                        Err(why) => return page.dispatch(PageAction::ShareUnredactable(why)),
                    };
                    kept.borrow_mut().record(&shared.yaml, shared.options);
                    let Some(payload) = link_codec::encode(&shared).await else {
                        page.dispatch(PageAction::ShareUnavailable);
                        return;
                    };
                    let url = share_link(&base, &payload);
                    page.dispatch(PageAction::Shared(url.clone()));
                    let input = url_ref.cast::<HtmlInputElement>();
                    if let Some(input) = &input {
                        input.set_value(&url);
                    }
                    let copied = clipboard::copy(&url, input).await;
                    page.dispatch(PageAction::Copied { url, copied });
                });
            })
        },
        on_include_keys: {
            let page = page.dispatcher();
            Callback::from(move |include| page.dispatch(PageAction::SetIncludeKeys(include)))
        },
        on_download: {
            let (page, state, kept) = (page.clone(), state.clone(), kept.clone());
            Callback::from(move |()| {
                let (state, include_keys, kept) =
                    (state.clone(), page.share.include_keys, kept.clone());
                let page = page.dispatcher();
                yew::platform::spawn_local(async move {
                    match snapshot_when_ready(
                        &state.source,
                        state.options,
                        fresh(&state),
                        include_keys,
                    )
                    .await
                    {
                        Ok(file) => {
                            kept.borrow_mut().record(&file.yaml, file.options);
                            download::save(
                                "encryption-config.yaml",
                                &file.yaml,
                                "application/yaml",
                            );
                        }
                        Err(why) => page.dispatch(PageAction::ShareUnredactable(why)),
                    }
                });
            })
        },
        on_keep_keys: {
            let page = page.dispatcher();
            Callback::from(move |keep: bool| {
                page.dispatch(PageAction::SetKeepKeys(keep));
                if keep {
                    storage::set(storage::KEEP_KEYS, "1");
                    return;
                }
                storage::remove(storage::KEEP_KEYS);
                // Take keys out of a draft saved with them, now (or as soon as the engine that
                // finds them has loaded).
                if let Some(draft) =
                    storage::get(storage::DRAFT).and_then(|t| Snapshot::from_draft(&t))
                {
                    yew::platform::spawn_local(async move {
                        // Without the engine the draft stays as it is (no lost work); the next
                        // autosave writes it without its keys.
                        let redacted =
                            snapshot_when_ready(&draft.yaml, draft.options, None, false).await;
                        if let Ok(redacted) = redacted {
                            storage::set(storage::DRAFT, &redacted.to_draft());
                        }
                    });
                }
            })
        },
        go_share: {
            let page = page.dispatcher();
            Callback::from(move |()| {
                page.dispatch(PageAction::ShowPanel(Panel::Export));
                Timeout::new(0, || {
                    if let Some(el) = gloo_utils::document().get_element_by_id("panel-export") {
                        el.scroll_into_view();
                    }
                    focus_by_selector("[data-testid=share]");
                })
                .forget();
            })
        },
        on_lookup,
    };

    let full_link = use_full_link(&state, embed, &boot.base);
    Session {
        full_link,
        state,
        boot,
        page,
        share_url_ref,
        callbacks,
    }
}
