//! The toolbar's key generator: a button (contract hook `generate-key`) that puts a new key from
//! WebCrypto into the editor, as the write key or a read-only key of the provider at the caret
//! (else the first aescbc/aesgcm/secretbox), selects it, and says what it did or why it could not.

use enccfg_core::plan::KeyPosition;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::new_key;
use crate::services::{editor_text, random};

#[derive(Properties, PartialEq)]
pub struct KeyButtonProps {
    /// The editor's textarea.
    pub editor: NodeRef,
}

/// Today's date (UTC), `2026-05-07`, for the key's name.
fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .get(..10)
        .unwrap_or("")
        .to_string()
}

#[function_component(KeyButton)]
pub fn key_button(props: &KeyButtonProps) -> Html {
    let position = use_state(|| KeyPosition::Write);
    // (worked, message): never the key itself.
    let status = use_state(|| None::<(bool, String)>);
    let onclick = {
        let (editor, position, status) = (props.editor.clone(), position.clone(), status.clone());
        Callback::from(move |_| {
            let Some(area) = editor.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let caret = area.selection_start().ok().flatten();
            match new_key::generate(&area.value(), caret, &today(), *position, random::fill) {
                Ok(generated) => {
                    editor_text::replace_all(&area, &generated.text);
                    let (from, to) = generated.selection;
                    let _ = area.set_selection_range(from, to);
                    status.set(Some((
                        true,
                        format!(
                            "{}. Back it up; share links and drafts leave keys out unless you opt in.",
                            generated.summary
                        ),
                    )));
                }
                Err(why) => status.set(Some((false, why))),
            }
        })
    };
    let onchange = {
        let position = position.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            position.set(if select.value() == "read-only" {
                KeyPosition::ReadOnly
            } else {
                KeyPosition::Write
            });
        })
    };
    html! {
        <div class="keygen">
            <button type="button" data-testid="generate-key" {onclick}
                title="A new random key (WebCrypto) for the aescbc, aesgcm or secretbox provider at the caret">
                { "Generate key" }
            </button>
            <select aria-label="Insert the new key as" data-testid="generate-key-position" {onchange}>
                <option value="write" selected={*position == KeyPosition::Write}>{ "as write key (first)" }</option>
                <option value="read-only" selected={*position == KeyPosition::ReadOnly}>{ "as read-only key (second)" }</option>
            </select>
            if let Some((worked, message)) = &*status {
                <span data-testid="generate-key-status" role="status"
                    class={classes!("keygen-status", (!*worked).then_some("error"))}>{ message }</span>
            }
        </div>
    }
}
