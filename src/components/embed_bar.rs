//! The compact header of an embed: a title and the link that opens the same file in the full
//! playground (the link is filled in when followed, so it carries the current text).

use web_sys::HtmlAnchorElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedBarProps {
    /// Where the full playground lives (this page without `?embed=1`).
    pub base: String,
    /// Builds the link for the current state when the user follows it.
    pub link: Callback<(), String>,
}

#[function_component(EmbedBar)]
pub fn embed_bar(props: &EmbedBarProps) -> Html {
    let fill = {
        let link = props.link.clone();
        Callback::from(move |e: MouseEvent| {
            let a: HtmlAnchorElement = e
                .current_target()
                .map(|t| {
                    use wasm_bindgen::JsCast;
                    t.unchecked_into()
                })
                .unwrap_or_else(|| e.target_unchecked_into());
            a.set_href(&link.emit(()));
        })
    };
    html! {
        <header class="embed-bar">
            <span class="embed-title">{ "EncryptionConfiguration playground" }</span>
            <a data-testid="open-full" href={props.base.clone()} target="_blank" rel="noopener"
                onclick={fill.clone()} onauxclick={fill}>
                { "Open full playground ↗" }
            </a>
        </header>
    }
}
