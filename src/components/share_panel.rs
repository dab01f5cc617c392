//! Share and save: the share link (keys redacted unless the user includes them), its length
//! warning with a download, and the autosave settings.

use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct SharePanelProps {
    pub url: String,
    pub include_keys: bool,
    /// What happened on the last Share (copied, or copy it yourself).
    pub status: Option<String>,
    /// The link is longer than chat apps take: its length.
    pub too_long: Option<usize>,
    /// Autosave: what it is doing; `None` in embeds (which never save).
    pub autosave: Option<String>,
    pub keep_keys: bool,
    pub url_ref: NodeRef,
    pub on_share: Callback<()>,
    pub on_include_keys: Callback<bool>,
    pub on_download: Callback<()>,
    pub on_keep_keys: Callback<bool>,
}

fn checkbox(on: &Callback<bool>) -> Callback<Event> {
    on.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked())
}

pub fn share_panel(props: &SharePanelProps) -> Html {
    let select_all =
        Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select());
    html! {
        <section class="panel share-panel" aria-labelledby="share-title">
            <h2 id="share-title">{ "Share and save" }</h2>
            <p class="panel-intro">{ "A link carries the file and the options in its fragment (after #), which browsers never send to a server." }</p>
            <div class="share-row">
                <button type="button" data-testid="share" onclick={props.on_share.reform(|_| ())}>{ "Share link" }</button>
                <input type="text" readonly=true data-testid="share-url" aria-label="Share link"
                    ref={props.url_ref.clone()} value={props.url.clone()} onfocus={select_all}
                    placeholder="press Share link" />
            </div>
            <label class="check">
                <input type="checkbox" data-testid="share-include-keys" checked={props.include_keys}
                    onchange={checkbox(&props.on_include_keys)} />
                { " Include keys in the link" }
            </label>
            if props.include_keys {
                <p class="caution" data-testid="share-keys-warning">{ "Anyone who gets this link can read your encryption keys, and so can every chat, issue tracker or browser history it passes through. Share keys only with people who should have them." }</p>
            } else {
                <p class="note">{ "Keys are replaced by REDACTED placeholders of the same length, so the link shows the same findings without the key material." }</p>
            }
            if let Some(status) = &props.status {
                <p class="share-status" role="status" data-testid="share-status">{ status }</p>
            }
            if let Some(length) = props.too_long {
                <p class="caution" data-testid="share-too-long">
                    { format!("This link is {length} characters long: too long for some chat apps (Discord allows about 2,000). Send the file instead: ") }
                    <button type="button" data-testid="share-download" onclick={props.on_download.reform(|_| ())}>{ "Download encryption-config.yaml" }</button>
                </p>
            }
            if let Some(autosave) = &props.autosave {
                <h3>{ "Autosave" }</h3>
                <p class="note" data-testid="autosave-status">{ autosave }</p>
                <label class="check">
                    <input type="checkbox" data-testid="autosave-keys" checked={props.keep_keys}
                        onchange={checkbox(&props.on_keep_keys)} />
                    { " Also store keys in this browser" }
                </label>
                if props.keep_keys {
                    <p class="caution">{ "Keys are then kept unencrypted in this browser's local storage, readable by anyone using this browser profile." }</p>
                }
            }
        </section>
    }
}
