//! The compact header of an embed: a title and the link that opens the same file in the full
//! playground (the session keeps the link current, so it carries the text being edited).

use std::rc::Rc;

use yew::prelude::*;

pub struct EmbedBarProps {
    /// The full playground with the current state in its `#s=` fragment.
    pub link: Rc<str>,
}

pub fn embed_bar(props: &EmbedBarProps) -> Html {
    html! {
        <header class="embed-bar">
            <span class="embed-title">{ "EncryptionConfiguration playground" }</span>
            <a data-testid="open-full" href={props.link.to_string()} target="_blank" rel="noopener">
                { "Open full playground ↗" }
            </a>
        </header>
    }
}
