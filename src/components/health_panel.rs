//! The Health panel: KMS health checks for both reload modes side by side, with an up/down
//! switch per plugin and each check's resulting status.

use std::rc::Rc;

use yew::prelude::*;

use super::class_list::{class_list, when};

use crate::view_model::{HealthColumn, HealthRow};

#[derive(Properties, PartialEq)]
pub struct HealthPanelProps {
    /// Built once per analysis and plugin switch; shared, so that an unchanged list compares
    /// by pointer (a file can have thousands of KMS providers).
    pub columns: Rc<Vec<HealthColumn>>,
    pub plugins: Rc<Vec<(String, bool)>>,
    pub stale: bool,
    pub cadence: String,
    pub on_plugin: Callback<(String, bool)>,
    pub on_select: Callback<(u32, u32)>,
}

#[function_component(HealthPanel)]
pub fn health_panel(props: &HealthPanelProps) -> Html {
    html! {
        <section class="panel health-panel" aria-labelledby="health-title">
            <h2 id="health-title">{ "KMS health checks" }</h2>
            if props.stale {
                <p class="stale" role="status">{ "The file does not decode right now: showing the last good result." }</p>
            }
            if !props.plugins.is_empty() {
                <fieldset class="plugins">
                    <legend>{ "KMS plugins (untick to mark a plugin down)" }</legend>
                    { for props.plugins.iter().map(|(name, up)| plugin_toggle(name, *up, &props.on_plugin)) }
                </fieldset>
            }
            <div class="health-columns">
                { for props.columns.iter().map(|c| column(c, &props.on_select)) }
            </div>
            <p class="note">{ &props.cadence }</p>
        </section>
    }
}

fn plugin_toggle(name: &str, up: bool, on_plugin: &Callback<(String, bool)>) -> Html {
    let onchange = {
        let on_plugin = on_plugin.clone();
        let name = name.to_string();
        Callback::from(move |_: Event| on_plugin.emit((name.clone(), !up)))
    };
    html! {
        <label class="plugin">
            <input type="checkbox" data-testid="kms-plugin-toggle" data-provider={name.to_string()} checked={up} {onchange} />
            { " " }<code>{ name }</code>{ if up { " up" } else { " down" } }
        </label>
    }
}

fn column(c: &HealthColumn, on_select: &Callback<(u32, u32)>) -> Html {
    html! {
        <div class={class_list(&["health-column", when(c.selected, "selected")])}>
            <h3>
                { format!("automatic reload {}", c.reload) }
                if c.selected { <span class="badge">{ "selected" }</span> }
            </h3>
            <p class="why">{ &c.why }</p>
            <ul class="health-rows">
                { for c.rows.iter().map(|r| row(r, on_select)) }
            </ul>
            <ul class="aggregates">
                { for c.aggregates.iter().map(|(path, status, report)| html! {
                    <li class={class_list(&["aggregate", status])}>
                        <code>{ path }</code>{ " " }<span class="status">{ status_words(status) }</span>
                        if !report.is_empty() { <span class="report">{ format!(" ({report})") }</span> }
                    </li>
                }) }
            </ul>
            { for c.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
        </div>
    }
}

fn row(r: &HealthRow, on_select: &Callback<(u32, u32)>) -> Html {
    let name = match r.select {
        Some(span) => {
            let on_select = on_select.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_select.emit(span));
            html! { <button type="button" class="link" {onclick} title="Select the provider in the editor"><code>{ &r.check }</code></button> }
        }
        None => html! { <code>{ &r.check }</code> },
    };
    html! {
        <li class={class_list(&["health-row", r.status])}
            data-testid="health-row"
            data-reload={r.reload}
            data-check={r.check.clone()}
            data-provider={r.provider.clone()}
            data-status={r.status}>
            <div>{ name }{ " " }<span class="status">{ status_words(r.status) }</span></div>
            <div class="endpoints">{ r.endpoints.join("  ") }</div>
            <div class="probes">{ &r.probes }</div>
            if !r.report.is_empty() { <div class="report">{ &r.report }</div> }
        </li>
    }
}

fn status_words(status: &str) -> &'static str {
    if status == "ok" {
        "✓ ok"
    } else {
        "✗ failing"
    }
}
