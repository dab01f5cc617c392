//! Page layout: wires state to components. No rules, no offsets computed here; the session
//! around it (start, autosave, share, embed, theme, keys) lives in `session`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{
    class_list, copy_findings, embed_bar, example_picker, help_overlay, key_button, notice_bar,
    options_bar, panel_tabs, share_panel, theme_switch, use_file_open, verdict_line, when,
    DiagnosticsList, Editor, EmbedBarProps, ExamplePickerProps, ExportPanel, HealthPanel,
    LazyPanel, NoticeBarProps, OptionsBarProps, OrderingPanel, PanelTabsProps, SharePanelProps,
    ThemeSwitchProps, VerdictProps,
};
use crate::editor_model::Lines;
use crate::engine;
use crate::extras::protocol::PanelEvent;
use crate::services::{analysis_worker, clipboard, download, editor_text};
use crate::session::{use_session, Boot, Session};
use crate::state::{debounce_ms, Action, Analysed, Playground, Request};
use crate::url_params::Panel;
use crate::view_model;

/// Compares by identity: the state never mutates what an `Rc` points to, and the memo keeps
/// the old one alive, so equal pointers mean equal values.
struct ByPtr<T: ?Sized>(Option<Rc<T>>);

impl<T: ?Sized> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// What the page is opened with before it renders.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What the page opens with (`session::Boot::read`, with the `#s=` link in the address);
    /// `None`: read when the page first renders, with no link.
    #[prop_or_default]
    pub boot: Option<Rc<Boot>>,
}

/// Has the worker analyse `text` (a big one) as `request` asks; without a worker, the page
/// analyses the current text itself.
fn analyse_in_worker(
    dispatcher: &UseReducerDispatcher<Playground>,
    text: Rc<str>,
    request: Request,
) {
    let answer = dispatcher.clone();
    let worker_text = text.clone();
    let sent = analysis_worker::analyse(&text, request, move |result| {
        answer.dispatch(match result {
            Some((analysis, export)) => Action::Analysed(Rc::new(Analysed {
                text: worker_text,
                request,
                analysis,
                export,
            })),
            None => Action::Analyze,
        })
    });
    if !sent {
        dispatcher.dispatch(Action::Analyze);
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let Session {
        state,
        full_link,
        boot,
        page,
        share_url_ref,
        callbacks,
    } = use_session(&props.boot);
    let pending_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let editor_ref = use_node_ref();

    // The text and settings of the last render: what a big text's analysis is asked for.
    let latest = use_mut_ref(|| (state.source.clone(), state.request()));
    *latest.borrow_mut() = (state.source.clone(), state.request());

    let on_edit = {
        let state = state.clone();
        let latest = latest.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |text: Rc<str>| {
            let delay = debounce_ms(text.len());
            state.dispatch(Action::Edit(text));
            // Replacing the timer drops (cancels) the previous one.
            let mut timer = pending_timer.borrow_mut();
            if delay == 0 {
                // Same task, same render: the findings are painted with the keystroke.
                *timer = None;
                state.dispatch(Action::Analyze);
            } else {
                // A big text: analysed by the worker once typing pauses.
                let (dispatcher, latest) = (dispatcher.clone(), latest.clone());
                *timer = Some(Timeout::new(delay, move || {
                    let (text, request) = latest.borrow().clone();
                    analyse_in_worker(&dispatcher, text, request);
                }));
            }
        })
    };
    // New settings: analysed at once for a small text, by the worker for a big one.
    let change_request = {
        let state = state.clone();
        move |request: Request, at_once: Action| {
            if debounce_ms(state.source.len()) == 0 {
                state.dispatch(at_once);
            } else {
                state.dispatch(Action::RequestPending(request));
                analyse_in_worker(&state.dispatcher(), state.source.clone(), request);
            }
        }
    };
    let on_options = {
        let (state, change_request) = (state.clone(), change_request.clone());
        Callback::from(move |options| {
            let request = Request {
                options,
                ..state.request()
            };
            change_request(request, Action::SetOptions(options))
        })
    };
    // Callbacks handed to the big panels are made once: a new callback is a prop change,
    // which would re-render thousands of rows on every keystroke.
    let on_select = use_callback(editor_ref.clone(), |(from, to): (u32, u32), editor_ref| {
        if let Some(area) = editor_ref.cast::<HtmlTextAreaElement>() {
            let _ = area.focus();
            let _ = area.set_selection_range(from, to.max(from));
        }
    });
    let on_pick = {
        let state = state.clone();
        Callback::from(move |id| state.dispatch(Action::LoadExample(id)))
    };

    let on_plugin = {
        let dispatcher = state.dispatcher();
        use_callback((), move |(name, up): (String, bool), _| {
            dispatcher.dispatch(Action::SetPlugin(name, up))
        })
    };

    let replace_text = {
        let editor_ref = editor_ref.clone();
        move |text: String| {
            if let Some(area) = editor_ref.cast::<HtmlTextAreaElement>() {
                editor_text::replace_all(&area, &text);
            }
        }
    };
    let on_fix = {
        let state = state.clone();
        let replace_text = replace_text.clone();
        Callback::from(move |fix: Rc<enccfg_core::Fix>| {
            if let Some(text) = state.text_with_fix(&fix) {
                replace_text(text);
            }
        })
    };
    // An opened or dropped file replaces the text like an applied fix (undo with Ctrl+Z).
    let file_open = use_file_open(editor_ref.clone(), Callback::from(replace_text.clone()));
    let on_apply = {
        let state = state.clone();
        let replace_text = replace_text.clone();
        Callback::from(move |_| replace_text(state.export.fixed.clone()))
    };
    let on_copy = {
        let state = state.clone();
        Callback::from(move |_| {
            let text = state.export.output.clone();
            wasm_bindgen_futures::spawn_local(async move {
                clipboard::copy(&text, None).await;
            });
        })
    };
    let on_export_download = {
        let state = state.clone();
        Callback::from(move |_| {
            download::save(
                "encryption-config.yaml",
                &state.export.output,
                "application/yaml",
            );
        })
    };
    let on_include_unsafe = {
        let (state, change_request) = (state.clone(), change_request.clone());
        Callback::from(move |on| {
            let request = Request {
                include_unsafe: on,
                ..state.request()
            };
            change_request(request, Action::SetIncludeUnsafe(on))
        })
    };
    let on_canonical = {
        let state = state.clone();
        Callback::from(move |on| {
            let request = Request {
                canonical: on,
                ..state.request()
            };
            change_request(request, Action::SetCanonical(on))
        })
    };

    // What waited for the engine's module is analysed once it has loaded.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            engine::listen(move |loaded| {
                dispatcher.dispatch(match loaded {
                    Ok(()) => Action::EngineReady,
                    Err(why) => Action::EngineFailed(why.into()),
                })
            })
        });
    }

    // Requests from the tools loaded on first use.
    let on_panel_event = {
        let replace_text = replace_text.clone();
        use_callback((), move |event: PanelEvent, _| match event {
            PanelEvent::ReplaceText(text) => replace_text(text),
        })
    };

    let verdict = view_model::verdict(&state.analysis, state.awaiting_engine);
    // Rows (with their fixes) are built once per analysis, not on every keystroke.
    let rows = use_memo(ByPtr(Some(state.analysis.clone())), |a| {
        a.0.as_deref()
            .map(view_model::diagnostic_rows)
            .unwrap_or_default()
    });
    let stale = state.views_stale();
    // The text the views were made from: their spans point into it. Rows are rebuilt only when
    // the views or that text change: not on each keystroke of a big file (while an edit waits
    // for its analysis, the spans are a few keystrokes old), and not when the file stops
    // decoding (the rows stay as they were, marked stale, their names selecting where they
    // were in the last text that decoded; rebuilt without spans, every row's name changed from
    // a button to plain text, about 200 ms of main-thread work per keystroke at 1 MB).
    let analysed_text = use_mut_ref(|| None::<Rc<str>>);
    if !state.pending && !stale {
        *analysed_text.borrow_mut() = Some(state.source.clone());
    }
    let view_rows = {
        let deps = (
            ByPtr(state.last_views.clone()),
            ByPtr(analysed_text.borrow().clone()),
            state.down_plugins.clone(),
        );
        use_memo(deps, |(views, text, down)| {
            views.0.as_ref().map(|v| {
                // One line table for both panels' spans.
                let lines = text.0.clone().map(Lines::new);
                (
                    Rc::new(view_model::ordering_rows(v, lines.as_ref())),
                    Rc::new(view_model::health_columns(v, down, lines.as_ref())),
                    Rc::new(view_model::plugin_toggles(v, down)),
                )
            })
        })
    };
    let ordering = state
        .last_views
        .as_ref()
        .zip(view_rows.as_ref().as_ref())
        .map(|(views, (rows, ..))| {
            html! {
                <OrderingPanel
                    rows={rows.clone()}
                    {stale}
                    lookup={page.lookup.clone()}
                    answer={view_model::lookup_answer(views, &page.lookup)}
                    on_lookup={callbacks.on_lookup.clone()}
                    on_select={on_select.clone()} />
            }
        });
    let health = state
        .last_views
        .as_ref()
        .zip(view_rows.as_ref().as_ref())
        .map(|(views, (_, columns, plugins))| {
            html! {
                <HealthPanel
                    columns={columns.clone()}
                    plugins={plugins.clone()}
                    {stale}
                    cadence={views.health.cadence.clone()}
                    {on_plugin}
                    on_select={on_select.clone()} />
            }
        });

    // A start other than the first visit's (a link, a draft, another example) is analysed
    // before the page is drawn, as the engine's module arrives.
    if state.unanalysed && state.engine_failure.is_none() {
        return html! { <div class="boot" role="status">{ "Loading the checker (WebAssembly)…" }</div> };
    }

    let embed = boot.params.embed;
    let active = page.active;
    let mut tabs = vec![
        Panel::Diagnostics,
        Panel::Ordering,
        Panel::Health,
        Panel::Export,
    ];
    let tab_panel = |panel: Panel, class: &'static str, body: Html| {
        html! {
            <section id={format!("panel-{}", panel.as_str())} role="tabpanel"
                aria-labelledby={format!("tab-{}", panel.as_str())}
                class={class_list(&["tab-panel", class, when(panel == active, "active")])}>
                { body }
            </section>
        }
    };

    // The tools of the lazily loaded module (none in embeds).
    let tools: &[(Panel, &'static str)] = if embed { &[] } else { crate::extras::TOOLS };
    if !embed {
        tabs.insert(0, Panel::Editor);
    }
    tabs.extend(tools.iter().map(|(panel, _)| *panel));
    let tool_panels = tools.iter().map(|&(panel, kind)| {
        tab_panel(
            panel,
            "tool",
            html! {
                <LazyPanel {kind} text={state.source.clone()} options={state.analysis.options}
                    active={active == panel} on_event={on_panel_event.clone()} />
            },
        )
    });
    html! {
        <div class={class_list(&["page", when(embed, "embed")])}>
            if embed {
                { embed_bar(&EmbedBarProps { link: full_link }) }
            } else {
                <header class="topbar">
                    <div class="titles">
                        <h1>{ "EncryptionConfiguration playground" }</h1>
                        <p class="tagline">{ "Checks the file exactly as kube-apiserver reads it. Your file never leaves this page." }</p>
                    </div>
                    <div class="topbar-tools">
                        <button type="button" class="link-button" onclick={callbacks.go_share.reform(|_| ())}>{ "Share…" }</button>
                        { theme_switch(&ThemeSwitchProps { theme: page.theme, on_change: callbacks.on_theme.clone() }) }
                        <button type="button" data-testid="help-button" aria-keyshortcuts="?"
                            onclick={callbacks.open_help.reform(|_| ())}>{ "Keyboard shortcuts (?)" }</button>
                    </div>
                </header>
            }
            <main class="main">
                <div class="toolbar">
                    { example_picker(&ExamplePickerProps { current: state.example, on_pick }) }
                    { options_bar(&OptionsBarProps { options: state.options, on_change: on_options }) }
                    { key_button() }
                </div>
                { notice_bar(&NoticeBarProps {
                    notice: page.notice.clone(),
                    on_dismiss: callbacks.dismiss_notice.clone(),
                    asking: page.asking.is_some(),
                    on_keep_opened: callbacks.keep_opened.clone(),
                    on_restore_draft: callbacks.restore_draft.clone(),
                }) }
                { verdict_line(&VerdictProps {
                    verdict,
                    pending: state.pending,
                    engine_failure: state.engine_failure.clone(),
                }) }
                { panel_tabs(&PanelTabsProps { panels: tabs, active, has_tools: !tools.is_empty(), on_select: callbacks.on_tab.clone() }) }
                <div class="workspace">
                    if embed {
                        <section class="pane editor-pane" aria-label="Configuration file">
                            <Editor text={state.source.clone()} analysis={state.analysis.clone()} on_edit={on_edit} node_ref={editor_ref} />
                        </section>
                    } else {
                        { tab_panel(Panel::Editor, "pane editor-pane", html! {
                            <>
                                { file_open }
                                <Editor text={state.source.clone()} analysis={state.analysis.clone()} on_edit={on_edit} node_ref={editor_ref} />
                            </>
                        }) }
                    }
                    <div class={class_list(&["pane results-pane", when(active.is_tool(), "tool-active")])}>
                        { tab_panel(Panel::Diagnostics, "findings", html! {
                            <>
                                <h2 class="visually-hidden">{ "Findings" }</h2>
                                if state.unanalysed {
                                    <p class="note">{ "The findings appear once the checker has loaded." }</p>
                                } else {
                                    <DiagnosticsList rows={rows} filter={page.severities}
                                        on_filter={callbacks.on_severity.clone()}
                                        on_select={on_select.clone()} {on_fix} />
                                    { copy_findings() }
                                }
                            </>
                        }) }
                        { tab_panel(Panel::Ordering, "", ordering.unwrap_or_else(|| html! {
                            <p class="note">{ "The ordering appears once the file decodes." }</p>
                        })) }
                        { tab_panel(Panel::Health, "", health.unwrap_or_else(|| html! {
                            <p class="note">{ "The health checks appear once the file decodes." }</p>
                        })) }
                        { tab_panel(Panel::Export, "", html! {
                            <>
                            <ExportPanel
                                export={state.export.clone()}
                                include_unsafe={state.include_unsafe}
                                canonical={state.canonical}
                                {on_include_unsafe}
                                {on_canonical}
                                {on_apply}
                                {on_copy}
                                on_download={on_export_download} />
                            { share_panel(&SharePanelProps {
                                url: page.share.url.clone(),
                                include_keys: page.share.include_keys,
                                status: page.share.status.clone(),
                                too_long: page.share.too_long,
                                autosave: page.autosave_line(),
                                keep_keys: page.keep_keys,
                                url_ref: share_url_ref,
                                on_share: callbacks.on_share.clone(),
                                on_include_keys: callbacks.on_include_keys.clone(),
                                on_download: callbacks.on_download.clone(),
                                on_keep_keys: callbacks.on_keep_keys.clone(),
                            }) }
                            </>
                        }) }
                        { for tool_panels }
                    </div>
                </div>
            </main>
            if page.help_open {
                { help_overlay(&callbacks.close_help) }
            }
        </div>
    }
}
