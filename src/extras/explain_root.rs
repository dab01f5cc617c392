//! The explainer panel: a pasted kube-apiserver error or a value read from etcd (contract hook
//! `explain-input`), explained by the core against the editor's file and, when the compare
//! panel holds one, the file deployed before.

use enccfg_core::plan::explain;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::explain_result::ExplainResult;
use super::protocol::PanelInput;
use super::{deployed, Emitter};

#[derive(Properties, PartialEq)]
pub struct ExplainRootProps {
    pub input: PanelInput,
    pub emitter: Emitter,
}

#[function_component(ExplainRoot)]
pub fn explain_root(props: &ExplainRootProps) -> Html {
    let pasted = use_state(String::new);
    let previous = deployed::get();
    let explanation = use_memo(
        ((*pasted).clone(), props.input.clone(), previous.clone()),
        |(pasted, input, previous)| {
            (!pasted.trim().is_empty()).then(|| {
                explain(
                    pasted,
                    Some(&input.text),
                    previous.as_deref(),
                    &input.options,
                )
            })
        },
    );
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    html! {
        <section class="tool-panel explain-panel" aria-labelledby="explain-title">
            <h2 id="explain-title">{ "Explain an error or a stored value" }</h2>
            <p class="note">{ "Paste a kube-apiserver log line or error (\"no matching prefix found\", \"invalid padding on input\", a KMS DeadlineExceeded…) or the start of a value read from etcd (k8s:enc:aescbc:v1:key1:…, JSON, protobuf, a hex dump). The answer relates it to the editor's file" }
                { if previous.is_some() { " and to the deployed file in Compare." } else { "." } }</p>
            <label for="explain-input">{ "Error or stored value" }</label>
            <textarea id="explain-input" data-testid="explain-input" class="explain-input" spellcheck="false"
                autocomplete="off" value={(*pasted).clone()} {oninput} />
            if let Some(e) = explanation.as_ref() {
                <ExplainResult explanation={e.clone()} />
            }
        </section>
    }
}
