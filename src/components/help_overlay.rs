//! The keyboard help, opened with `?` (outside text fields) or the help button; Esc or Close
//! shuts it and focus returns where it was.

use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    pub on_close: Callback<()>,
}

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

#[function_component(HelpOverlay)]
pub fn help_overlay(props: &HelpOverlayProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_ref.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let onkeydown = {
        let on_close = props.on_close.clone();
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
    let on_backdrop = props.on_close.reform(|_: MouseEvent| ());
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
                <button type="button" ref={close_ref} onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
            </div>
        </div>
    }
}
