//! The examples menu: picking one replaces the editor text (and the options it is meant for).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::examples::EXAMPLES;

pub struct ExamplePickerProps {
    /// The example on screen, until the first edit.
    pub current: Option<&'static str>,
    pub on_pick: Callback<&'static str>,
}

pub fn example_picker(props: &ExamplePickerProps) -> Html {
    let onchange = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(example) = EXAMPLES.iter().find(|x| x.id == select.value()) {
                on_pick.emit(example.id);
            }
        })
    };
    html! {
        <label class="example-picker">
            { "Example " }
            <select data-testid="example-picker" {onchange}>
                <option value="" disabled=true selected={props.current.is_none()}>{ "(your file)" }</option>
                { for EXAMPLES.iter().map(|e| html! {
                    <option value={e.id} selected={props.current == Some(e.id)}>{ e.label }</option>
                }) }
            </select>
        </label>
    }
}
