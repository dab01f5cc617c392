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
    let anchor = use_node_ref();
    let fill = {
        let (link, anchor) = (props.link.clone(), anchor.clone());
        // Runs before the browser follows the link. Yew delegates events, so the anchor is
        // reached through its ref, not through the event's current target.
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = anchor.cast::<HtmlAnchorElement>() {
                a.set_href(&link.emit(()));
            }
        })
    };
    html! {
        <header class="embed-bar">
            <span class="embed-title">{ "EncryptionConfiguration playground" }</span>
            <a data-testid="open-full" ref={anchor} href={props.base.clone()} target="_blank"
                rel="noopener" onclick={fill.clone()} onauxclick={fill}>
                { "Open full playground ↗" }
            </a>
        </header>
    }
}
