//! One deploy snippet: its title, its text (contract hook `deploy-snippet` with `data-kind`),
//! notes, and a Copy button that copies exactly the text shown.

use enccfg_core::deploy::Snippet;
use yew::prelude::*;

use crate::services::clipboard;

#[derive(Properties, PartialEq)]
pub struct DeploySnippetProps {
    pub snippet: Snippet,
}

#[function_component(DeploySnippet)]
pub fn deploy_snippet(props: &DeploySnippetProps) -> Html {
    let copied = use_state(|| false);
    let s = &props.snippet;
    let onclick = {
        let text = s.text.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(clipboard::copy(&text, None).await);
            });
        })
    };
    let id = format!("deploy-{}", s.kind.as_str());
    html! {
        <figure class="command deploy-snippet" aria-labelledby={id.clone()}>
            <figcaption>
                <span id={id}>{ s.title }</span>
                <button type="button" class="link-button" {onclick}
                    aria-label={format!("Copy {}", s.title)}>{ "Copy" }</button>
                <span class="note" role="status">{ if *copied { "Copied." } else { "" } }</span>
            </figcaption>
            <pre data-testid="deploy-snippet" data-kind={s.kind.as_str()} tabindex="0">{ &s.text }</pre>
            <ul class="note">{ for s.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
        </figure>
    }
}
