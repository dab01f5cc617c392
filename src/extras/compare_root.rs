//! The compare panel: a second editor for the file deployed now (or on another node; contract
//! hook `compare-editor`), compared with the editor's file through the core's comparison
//! whenever either changes.

use enccfg_core::plan::compare;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::class_list;

use super::compare_findings::CompareFindings;
use super::protocol::PanelInput;
use super::{deployed, Emitter};

#[derive(Properties, PartialEq)]
pub struct CompareRootProps {
    pub input: PanelInput,
    pub emitter: Emitter,
}

#[function_component(CompareRoot)]
pub fn compare_root(props: &CompareRootProps) -> Html {
    let old = use_state(|| deployed::get().unwrap_or_default());
    let result = use_memo(((*old).clone(), props.input.clone()), |(old, input)| {
        (!old.trim().is_empty()).then(|| compare(old, &input.text, &input.options))
    });
    let oninput = {
        let old = old.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            deployed::set(&text);
            old.set(text);
        })
    };
    let copy_editor = {
        let (old, text) = (old.clone(), props.input.text.clone());
        Callback::from(move |_| {
            deployed::set(&text);
            old.set(text.clone());
        })
    };
    let summary = match result.as_ref() {
        None => {
            html! { <p class="note">{ "Paste the file deployed now (or another node's) to see what the editor's file changes for stored data." }</p> }
        }
        Some(c) if c.findings.is_empty() => html! {
            <p class="compare-verdict ok" role="status">{ "No difference in what kube-apiserver writes or reads." }</p>
        },
        Some(c) => {
            let errors = c
                .findings
                .iter()
                .filter(|f| f.severity == enccfg_core::Severity::Error)
                .count();
            html! {
                <p class={class_list(&["compare-verdict", if c.safe() { "ok" } else { "bad" }])} role="status">
                    { if c.safe() {
                        "Safe: no change makes stored data unreadable.".to_string()
                    } else {
                        format!("Data at risk: {errors} finding{} can make stored data unreadable.", if errors == 1 { "" } else { "s" })
                    } }
                </p>
            }
        }
    };
    html! {
        <section class="tool-panel compare-panel" aria-labelledby="compare-title">
            <h2 id="compare-title">{ "Compare with the deployed file" }</h2>
            <p class="note">{ "The editor holds the new file. Below goes the file deployed now, or another control-plane node's: the comparison says where stored data would become unreadable, what new writes become, and what a cluster does while servers run different files." }</p>
            <label class="compare-label" for="compare-editor">{ "File deployed now" }</label>
            <textarea id="compare-editor" data-testid="compare-editor" class="compare-editor" spellcheck="false"
                autocomplete="off" value={(*old).clone()} {oninput}
                placeholder={"apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n…"} />
            <p><button type="button" onclick={copy_editor}>{ "Start from the editor's file" }</button></p>
            { summary }
            if let Some(c) = result.as_ref() {
                <CompareFindings findings={c.findings.clone()} />
            }
        </section>
    }
}
