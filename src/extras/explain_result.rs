//! The explainer's answer (contract hook `explain-result`): what the text means, what the
//! editor's file does with it, and the upstream sources.

use enccfg_core::plan::Explanation;
use yew::prelude::*;

use crate::components::class_list;

#[derive(Properties, PartialEq)]
pub struct ExplainResultProps {
    pub explanation: Explanation,
}

#[function_component(ExplainResult)]
pub fn explain_result(props: &ExplainResultProps) -> Html {
    let e = &props.explanation;
    let readable = match e.readable {
        Some(true) => Some(("ok", "The editor's file can read this data.")),
        Some(false) => Some(("bad", "The editor's file cannot read this data.")),
        None => None,
    };
    html! {
        <div data-testid="explain-result" data-match={e.matched.to_string()}
            data-provider={e.provider.clone().unwrap_or_default()} class="explain-result" role="status">
            <h3>{ &e.title }</h3>
            if let Some(resource) = &e.resource {
                <p>{ "Resource: " }<code>{ resource }</code></p>
            }
            if let Some(provider) = &e.provider {
                <p>{ "Provider: " }<code>{ provider }</code></p>
            }
            { for e.meaning.iter().map(|m| html! { <p>{ m }</p> }) }
            if let Some((class, words)) = readable {
                <p class={class_list(&["explain-readable", class])}><strong>{ words }</strong></p>
            }
            if !e.file.is_empty() {
                <ul class="explain-file">
                    { for e.file.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            }
            if !e.sources.is_empty() {
                <p class="note">{ "Upstream: " }{ e.sources.join("; ") }</p>
            }
        </div>
    }
}
