//! Page layout: wires state to components. No rules, no offsets computed here.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{
    DiagnosticsList, Editor, ExportPanel, HealthPanel, OptionsBar, OrderingPanel, VerdictLine,
};
use crate::services::export_io;
use crate::state::{Action, Playground};
use crate::view_model;

/// How long typing must pause before the text is analysed again.
const DEBOUNCE_MS: u32 = 120;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| Playground::new(crate::DEFAULT_EXAMPLE, Default::default()));
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

    let replace_text = {
        let editor_ref = editor_ref.clone();
        move |text: String| {
            if let Some(area) = editor_ref.cast::<HtmlTextAreaElement>() {
                export_io::replace_editor_text(&area, &text);
            }
        }
    };
    let on_fix = {
        let state = state.clone();
        let replace_text = replace_text.clone();
        Callback::from(move |index: usize| {
            if let Some(text) = view_model::text_with_fix(&state.analysis, &state.source, index) {
                replace_text(text);
            }
        })
    };
    let on_apply = {
        let state = state.clone();
        Callback::from(move |_| replace_text(state.export.fixed.clone()))
    };
    let on_copy = {
        let state = state.clone();
        Callback::from(move |_| {
            export_io::copy_text(&state.export.text);
        })
    };
    let on_download = {
        let state = state.clone();
        Callback::from(move |_| {
            export_io::download_text("encryption-config.yaml", &state.export.text);
        })
    };
    let on_include_unsafe = {
        let state = state.clone();
        Callback::from(move |on| state.dispatch(Action::SetIncludeUnsafe(on)))
    };
    let on_canonical = {
        let state = state.clone();
        Callback::from(move |on| state.dispatch(Action::SetCanonical(on)))
    };

    let verdict = view_model::verdict(&state.analysis);
    let rows = view_model::diagnostic_rows(&state.analysis);
    let stale = state.views_stale();
    // Spans point into the current text only when the views are fresh.
    let text_for_spans = (!stale && !state.pending).then_some(&*state.source);
    let panels = state.last_views.as_ref().map(|views| {
        html! {
            <>
                <OrderingPanel
                    rows={view_model::ordering_rows(views, text_for_spans)}
                    {stale}
                    lookup={(*lookup).clone()}
                    answer={view_model::lookup_answer(views, &lookup)}
                    {on_lookup}
                    on_select={on_select.clone()} />
                <HealthPanel
                    columns={view_model::health_columns(views, &state.down_plugins, text_for_spans)}
                    plugins={view_model::plugin_toggles(views, &state.down_plugins)}
                    {stale}
                    cadence={views.health.cadence.clone()}
                    {on_plugin}
                    on_select={on_select.clone()} />
            </>
        }
    });

    html! {
        <div class="page">
            <header class="topbar">
                <h1>{ "EncryptionConfiguration playground" }</h1>
                <p class="tagline">{ "Checks the file exactly as kube-apiserver reads it. Your file never leaves this page." }</p>
            </header>
            <OptionsBar options={state.analysis.options} on_change={on_options} />
            <main class="workspace">
                <section class="pane editor-pane" aria-label="Configuration file">
                    <Editor text={state.source.clone()} on_edit={on_edit} node_ref={editor_ref} />
                </section>
                <section class="pane results-pane" aria-label="Results">
                    <VerdictLine verdict={verdict} pending={state.pending} />
                    <DiagnosticsList rows={rows} on_select={on_select.clone()} {on_fix} />
                    { for panels }
                    <ExportPanel
                        export={state.export.clone()}
                        include_unsafe={state.include_unsafe}
                        canonical={state.canonical}
                        {on_include_unsafe}
                        {on_canonical}
                        {on_apply}
                        {on_copy}
                        {on_download} />
                </section>
            </main>
        </div>
    }
}
