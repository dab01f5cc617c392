//! The toolbar's key generator: a button (contract hook `generate-key`), the choice of write key
//! (first) or read-only key (second), and a status line. The work (WebCrypto, the insertion into
//! the provider at the caret, selecting the key, the status) happens in the lazily loaded module
//! (`extras::keygen`), loaded on the first click, so the first visit carries only this markup
//! (a plain function, not a component: it has no state of its own).

use yew::prelude::*;

use crate::services::extras;

/// The status line's id: a failure to load the module is written there.
const STATUS_ID: &str = "generate-key-status";

pub fn key_button() -> Html {
    let onclick = Callback::from(|_| {
        wasm_bindgen_futures::spawn_local(async {
            let done = match extras::load().await {
                Ok(module) => module.generate_key(),
                Err(why) => Err(why),
            };
            if let (Err(why), Some(status)) =
                (done, gloo_utils::document().get_element_by_id(STATUS_ID))
            {
                status.set_text_content(Some(&format!("no key was made: {why}")));
            }
        });
    });
    html! {
        <div class="keygen">
            <button type="button" data-testid="generate-key" {onclick}>{ "Generate key" }</button>
            // `selected` on the first option: Yew inserts options last first, which would
            // otherwise leave the last one selected.
            <select aria-label="Insert the new key as" data-testid="generate-key-position">
                <option value="write" selected=true>{ "as write key (first)" }</option>
                <option value="read-only">{ "as read-only key (second)" }</option>
            </select>
            <span id={STATUS_ID} data-testid="generate-key-status" role="status" class="keygen-status" />
        </div>
    }
}
