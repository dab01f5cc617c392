//! One command of a wizard step: its label, its text as the user runs it (contract hook
//! `wizard-step-command`), and a Copy button.

use yew::prelude::*;

use crate::services::clipboard;

#[derive(Properties, PartialEq)]
pub struct CommandBlockProps {
    pub label: String,
    pub text: String,
}

#[function_component(CommandBlock)]
pub fn command_block(props: &CommandBlockProps) -> Html {
    let onclick = {
        let text = props.text.clone();
        Callback::from(move |_| {
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                clipboard::copy(&text, None).await;
            });
        })
    };
    html! {
        <figure class="command">
            <figcaption>
                { &props.label }
                <button type="button" class="link-button" {onclick}>{ "Copy" }</button>
            </figcaption>
            <pre data-testid="wizard-step-command">{ &props.text }</pre>
        </figure>
    }
}
