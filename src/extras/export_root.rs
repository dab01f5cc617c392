//! The Export panel as a lazily loaded app: runs the core's export engine on the page's text
//! (only while the panel is mounted, never on the page's keystrokes), and asks the page to put
//! the fixed text in the editor.

use std::rc::Rc;

use enccfg_core::{analyze, export, Applicability, Export, Form};
use yew::prelude::*;

use super::protocol::{PanelEvent, PanelInput};
use super::Emitter;
use crate::components::ExportPanel;
use crate::services::{clipboard, download};

#[derive(Properties, PartialEq)]
pub struct ExportRootProps {
    pub input: PanelInput,
    pub emitter: Emitter,
}

/// The export of `input` with the panel's settings.
fn export_of(input: &PanelInput, include_unsafe: bool, canonical: bool) -> Export {
    let applicability = if include_unsafe {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let form = if canonical {
        Form::Canonical
    } else {
        Form::AsWritten
    };
    let analysis = analyze(&input.text, &input.options);
    export(
        &input.text,
        &analysis,
        applicability,
        form,
        "encryption-config.yaml",
    )
}

#[function_component(ExportRoot)]
pub fn export_root(props: &ExportRootProps) -> Html {
    let include_unsafe = use_state(|| false);
    let canonical = use_state(|| false);
    let result = use_memo(
        (props.input.clone(), *include_unsafe, *canonical),
        |(input, include_unsafe, canonical)| Rc::new(export_of(input, *include_unsafe, *canonical)),
    );
    let result: Rc<Export> = (*result).clone();
    let on_apply = {
        let (emitter, fixed) = (props.emitter.clone(), result.fixed.clone());
        Callback::from(move |_| emitter.emit(PanelEvent::ReplaceText(fixed.clone())))
    };
    let on_copy = {
        let text = result.output.clone();
        Callback::from(move |_| {
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                clipboard::copy(&text, None).await;
            });
        })
    };
    let on_download = {
        let text = result.output.clone();
        Callback::from(move |_| {
            download::save("encryption-config.yaml", &text, "application/yaml");
        })
    };
    let on_include_unsafe = {
        let include_unsafe = include_unsafe.clone();
        Callback::from(move |on| include_unsafe.set(on))
    };
    let on_canonical = {
        let canonical = canonical.clone();
        Callback::from(move |on| canonical.set(on))
    };
    html! {
        <ExportPanel
            export={result}
            include_unsafe={*include_unsafe}
            canonical={*canonical}
            {on_include_unsafe}
            {on_canonical}
            {on_apply}
            {on_copy}
            {on_download} />
    }
}
