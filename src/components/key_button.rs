//! The toolbar's key generator: a button (contract hook `generate-key`) that puts a new key into
//! the editor as the write key or a read-only key of the provider at the caret (else the first
//! aescbc/aesgcm/secretbox), selects it, and says what it did or why it could not. The work
//! (WebCrypto, the insertion) happens in the lazily loaded module (`extras::keygen`), loaded on
//! the first click, so the first visit carries only this button.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::extras::keygen::KeyReply;
use crate::services::{editor_text, extras};

#[derive(Properties, PartialEq)]
pub struct KeyButtonProps {
    /// The editor's textarea.
    pub editor: NodeRef,
}

#[function_component(KeyButton)]
pub fn key_button(props: &KeyButtonProps) -> Html {
    let read_only = use_state(|| false);
    // (worked, message): never the key itself.
    let status = use_state(|| None::<(bool, String)>);
    let onclick = {
        let (editor, read_only, status) = (props.editor.clone(), *read_only, status.clone());
        Callback::from(move |_| {
            let Some(area) = editor.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let caret = area.selection_start().ok().flatten();
                let position = if read_only { "read-only" } else { "write" };
                let reply = match extras::load().await {
                    Ok(module) => module
                        .generate_key(&area.value(), caret, position)
                        .map(|json| KeyReply::decode(&json))
                        .unwrap_or_else(KeyReply::Refused),
                    Err(why) => KeyReply::Refused(why),
                };
                status.set(Some(match reply {
                    KeyReply::Inserted {
                        text,
                        from,
                        to,
                        summary,
                    } => {
                        editor_text::replace_all(&area, &text);
                        let _ = area.set_selection_range(from, to);
                        (true, format!("{summary}. Back it up; share links and drafts leave keys out unless you opt in."))
                    }
                    KeyReply::Refused(why) => (false, why),
                }));
            });
        })
    };
    let onchange = {
        let read_only = read_only.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            read_only.set(select.value() == "read-only");
        })
    };
    html! {
        <div class="keygen">
            <button type="button" data-testid="generate-key" {onclick}
                title="A new random key (WebCrypto) for the aescbc, aesgcm or secretbox provider at the caret">
                { "Generate key" }
            </button>
            <select aria-label="Insert the new key as" data-testid="generate-key-position" {onchange}>
                <option value="write">{ "as write key (first)" }</option>
                <option value="read-only">{ "as read-only key (second)" }</option>
            </select>
            if let Some((worked, message)) = &*status {
                <span data-testid="generate-key-status" role="status"
                    class={classes!("keygen-status", (!*worked).then_some("error"))}>{ message }</span>
            }
        </div>
    }
}
