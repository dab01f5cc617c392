//! Page layout: wires state to components. No rules, no offsets computed here; the session
//! around it (start, autosave, share, embed, theme, keys) lives in `session`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{
    DiagnosticsList, Editor, EmbedBar, ExamplePicker, HealthPanel, HelpOverlay, NoticeBar,
    OptionsBar, OrderingPanel, PanelTabs, SharePanel, ThemeSwitch, VerdictLine,
};
use crate::session::{use_session, Session};
use crate::state::Action;
use crate::url_params::Panel;
use crate::view_model;

/// How long typing must pause before the text is analysed again.
const DEBOUNCE_MS: u32 = 120;

#[function_component(App)]
pub fn app() -> Html {
    let Session {
        state,
        boot,
        ui,
        share,
        callbacks,
    } = use_session();
    let pending_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let editor_ref = use_node_ref();

    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| {
            state.dispatch(Action::Edit(text));
            let state = state.clone();
            // Replacing the timer drops (cancels) the previous one.
            *pending_timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                state.dispatch(Action::Analyze)
            }));
        })
    };
    let on_options = {
        let state = state.clone();
        Callback::from(move |options| state.dispatch(Action::SetOptions(options)))
    };
    let on_select = {
        let editor_ref = editor_ref.clone();
        Callback::from(move |(from, to): (u32, u32)| {
            if let Some(area) = editor_ref.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                let _ = area.set_selection_range(from, to.max(from));
            }
        })
    };
    let on_pick = {
        let state = state.clone();
        Callback::from(move |id| state.dispatch(Action::LoadExample(id)))
    };

    let lookup = use_state(String::new);
    let on_lookup = {
        let lookup = lookup.clone();
        Callback::from(move |q: String| lookup.set(q))
    };
    let on_plugin = {
        let state = state.clone();
        Callback::from(move |(name, up): (String, bool)| {
            state.dispatch(Action::SetPlugin(name, up))
        })
    };

    let verdict = view_model::verdict(&state.analysis);
    let rows = view_model::diagnostic_rows(&state.analysis);
    let stale = state.views_stale();
    // Spans point into the current text only when the views are fresh.
    let text_for_spans = (!stale && !state.pending).then_some(&*state.source);
    let ordering = state.last_views.as_ref().map(|views| {
        html! {
            <OrderingPanel
                rows={view_model::ordering_rows(views, text_for_spans)}
                {stale}
                lookup={(*lookup).clone()}
                answer={view_model::lookup_answer(views, &lookup)}
                {on_lookup}
                on_select={on_select.clone()} />
        }
    });
    let health = state.last_views.as_ref().map(|views| {
        html! {
            <HealthPanel
                columns={view_model::health_columns(views, &state.down_plugins, text_for_spans)}
                plugins={view_model::plugin_toggles(views, &state.down_plugins)}
                {stale}
                cadence={views.health.cadence.clone()}
                {on_plugin}
                on_select={on_select.clone()} />
        }
    });

    let embed = boot.params.embed;
    let active = *ui.active;
    let mut tabs = vec![
        Panel::Diagnostics,
        Panel::Ordering,
        Panel::Health,
        Panel::Export,
    ];
    if !embed {
        tabs.insert(0, Panel::Editor);
    }
    let tab_panel = |panel: Panel, class: &'static str, body: Html| {
        html! {
            <section id={format!("panel-{}", panel.as_str())} role="tabpanel"
                aria-labelledby={format!("tab-{}", panel.as_str())}
                class={classes!("tab-panel", class, (panel == active).then_some("active"))}>
                { body }
            </section>
        }
    };

    html! {
        <div class={classes!("page", embed.then_some("embed"))}>
            if embed {
                <EmbedBar base={boot.base.clone()} link={callbacks.full_link.clone()} />
            } else {
                <header class="topbar">
                    <div class="titles">
                        <h1>{ "EncryptionConfiguration playground" }</h1>
                        <p class="tagline">{ "Checks the file exactly as kube-apiserver reads it. Your file never leaves this page." }</p>
                    </div>
                    <div class="topbar-tools">
                        <button type="button" class="link-button" onclick={callbacks.go_share.reform(|_| ())}>{ "Share…" }</button>
                        <ThemeSwitch theme={*ui.theme} on_change={callbacks.on_theme.clone()} />
                        <button type="button" data-testid="help-button" aria-keyshortcuts="?"
                            onclick={callbacks.open_help.reform(|_| ())}>{ "Keyboard shortcuts (?)" }</button>
                    </div>
                </header>
            }
            <div class="toolbar">
                <ExamplePicker current={state.example} {on_pick} />
                <OptionsBar options={state.analysis.options} on_change={on_options} />
            </div>
            <NoticeBar notice={(*ui.notice).clone()} on_dismiss={callbacks.dismiss_notice.clone()}
                asking={ui.asking.is_some()}
                on_keep_opened={callbacks.keep_opened.clone()}
                on_restore_draft={callbacks.restore_draft.clone()} />
            <VerdictLine verdict={verdict} pending={state.pending} />
            <PanelTabs panels={tabs} {active} on_select={callbacks.on_tab.clone()} />
            <main class="workspace">
                if embed {
                    <section class="pane editor-pane" aria-label="Configuration file">
                        <Editor text={state.source.clone()} analysis={state.analysis.clone()} on_edit={on_edit} node_ref={editor_ref} />
                    </section>
                } else {
                    { tab_panel(Panel::Editor, "pane editor-pane", html! {
                        <Editor text={state.source.clone()} analysis={state.analysis.clone()} on_edit={on_edit} node_ref={editor_ref} />
                    }) }
                }
                <div class="pane results-pane">
                    { tab_panel(Panel::Diagnostics, "findings", html! {
                        <>
                            <h2 class="visually-hidden">{ "Findings" }</h2>
                            <DiagnosticsList rows={rows} on_select={on_select.clone()} />
                        </>
                    }) }
                    { tab_panel(Panel::Ordering, "", ordering.unwrap_or_else(|| html! {
                        <p class="note">{ "The ordering appears once the file decodes." }</p>
                    })) }
                    { tab_panel(Panel::Health, "", health.unwrap_or_else(|| html! {
                        <p class="note">{ "The health checks appear once the file decodes." }</p>
                    })) }
                    { tab_panel(Panel::Export, "", html! {
                        <SharePanel
                            url={share.url.clone()}
                            include_keys={share.include_keys}
                            status={share.status.clone()}
                            too_long={share.too_long}
                            autosave={(*ui.autosave).clone()}
                            keep_keys={*ui.keep_keys}
                            url_ref={share.url_ref.clone()}
                            on_share={callbacks.on_share.clone()}
                            on_include_keys={callbacks.on_include_keys.clone()}
                            on_download={callbacks.on_download.clone()}
                            on_keep_keys={callbacks.on_keep_keys.clone()} />
                    }) }
                </div>
            </main>
            if *ui.help_open {
                <HelpOverlay on_close={callbacks.close_help.clone()} />
            }
        </div>
    }
}
