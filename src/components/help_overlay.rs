//! The keyboard help, opened with `?` (outside text fields) or the help button; Esc or Close
//! shuts it and focus returns where it was. A plain function, not a component (a component costs
//! its own copy of Yew's lifecycle code): the session focuses its Close button once it is drawn.

use yew::prelude::*;

/// The Close button's id, which the session focuses when the help opens.
pub const HELP_CLOSE_ID: &str = "help-close";

const KEYS: &[(&str, &str)] = &[
    ("?", "open this help (outside text fields)"),
    ("F8", "move the caret to the next problem in the editor"),
    ("Shift+F8", "move the caret to the previous problem"),
    ("Tab", "in the editor: insert two spaces"),
    ("Esc, then Tab", "leave the editor (Tab moves focus on)"),
    ("Shift+Tab", "leave the editor backwards"),
    (
        "← →",
        "switch panels when they are tabs (narrow screens, embeds)",
    ),
    ("Esc", "close this help"),
];

pub fn help_overlay(on_close: &Callback<()>) -> Html {
    let onkeydown = {
        let on_close = on_close.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                on_close.emit(());
            }
            // The Close button is the only control: keep focus inside the dialog.
            "Tab" => e.prevent_default(),
            _ => {}
        })
    };
    let on_backdrop = on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="help-backdrop" onclick={on_backdrop}>
            <div class="kbd-help" role="dialog" aria-modal="true" aria-labelledby="help-title"
                data-testid="help" {onkeydown} onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <dl>
                    { for KEYS.iter().map(|(key, what)| html! {
                        <><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></>
                    }) }
                </dl>
                <button type="button" id={HELP_CLOSE_ID} onclick={on_close.reform(|_| ())}>{ "Close" }</button>
            </div>
        </div>
    }
}
