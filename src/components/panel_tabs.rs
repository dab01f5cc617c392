//! The tab strip that switches panels below 900 px and in embeds (ARIA tabs: arrow keys move
//! between tabs). On wide screens, where every view of the analysis is shown at once, the CSS
//! hides it, or keeps only "Findings" and the tools when the build offers tools.

use yew::prelude::*;

use super::class_list::{class_list, when};

use crate::url_params::Panel;

pub struct PanelTabsProps {
    pub panels: Vec<Panel>,
    pub active: Panel,
    /// Some panels are tools: on wide screens the strip then shows them (and "Findings").
    pub has_tools: bool,
    pub on_select: Callback<Panel>,
}

pub fn label(panel: Panel) -> &'static str {
    match panel {
        Panel::Editor => "Editor",
        Panel::Diagnostics => "Findings",
        Panel::Ordering => "Ordering",
        Panel::Health => "Health",
        Panel::Export => "Export",
        Panel::Compare => "Compare",
        Panel::Wizard => "Rotation wizard",
        Panel::Explain => "Explain an error",
        Panel::Deploy => "Deploy",
    }
}

pub fn panel_tabs(props: &PanelTabsProps) -> Html {
    let tab = |(i, panel): (usize, &Panel)| {
        let panel = *panel;
        let selected = panel == props.active;
        let onclick = props.on_select.reform(move |_: MouseEvent| panel);
        let onkeydown = {
            let (panels, on_select) = (props.panels.clone(), props.on_select.clone());
            Callback::from(move |e: KeyboardEvent| {
                let n = panels.len();
                let next = match e.key().as_str() {
                    "ArrowRight" => (i + 1) % n,
                    "ArrowLeft" => (i + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                e.prevent_default();
                on_select.emit(panels[next]);
                if let Some(el) = gloo_utils::document()
                    .get_element_by_id(&format!("tab-{}", panels[next].as_str()))
                {
                    use wasm_bindgen::JsCast;
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            })
        };
        html! {
            <button type="button" role="tab"
                id={format!("tab-{}", panel.as_str())}
                aria-selected={selected.to_string()}
                aria-controls={format!("panel-{}", panel.as_str())}
                tabindex={if selected { "0" } else { "-1" }}
                data-testid="panel-tab" data-panel={panel.as_str()}
                {onclick} {onkeydown}>
                { label(panel) }
            </button>
        }
    };
    html! {
        <div class={class_list(&["tabs", when(props.has_tools, "has-tools")])} role="tablist" aria-label="Panels">
            { for props.panels.iter().enumerate().map(tab) }
        </div>
    }
}
