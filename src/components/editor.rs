//! The YAML editor: a native textarea (undo, IME, screen readers and mobile keyboards work).

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: Rc<str>,
    pub on_edit: Callback<String>,
    pub node_ref: NodeRef,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    html! {
        <>
            <label class="pane-title" for="editor">{ "encryption-config.yaml" }</label>
            <textarea
                id="editor"
                data-testid="editor"
                class="editor"
                ref={props.node_ref.clone()}
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
                value={props.text.to_string()}
                {oninput}
            />
        </>
    }
}
