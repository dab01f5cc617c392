//! The line-number gutter: one row per visible line, with a severity marker (its tooltip lists
//! the messages) where diagnostics start. Moved with the textarea's scroll by the parent.

use std::rc::Rc;

use enccfg_core::Severity;
use yew::prelude::*;

use super::class_list::class_list;

use crate::editor_model::{Marks, Window};

#[derive(Properties, PartialEq)]
pub struct EditorGutterProps {
    pub marks: Rc<Marks>,
    pub window: Window,
    pub line_count: usize,
    pub layer_ref: NodeRef,
}

#[function_component(EditorGutter)]
pub fn editor_gutter(props: &EditorGutterProps) -> Html {
    let digits = props.line_count.to_string().len().clamp(2, 6);
    let rows = (props.window.first..props.window.end).map(|index| {
        let number = index as u32 + 1;
        let marker = props.marks.line(number).and_then(|m| m.gutter.as_ref());
        html! {
            <div class="gl" key={number}>
                if let Some(mark) = marker {
                    <span class={class_list(&["gm", mark.severity.as_str()])}
                        data-testid="gutter-marker"
                        data-line={number.to_string()}
                        data-severity={mark.severity.as_str()}
                        title={mark.title.clone()}>
                        { symbol(mark.severity) }
                    </span>
                }
                <span class="ln">{ number }</span>
            </div>
        }
    });
    html! {
        <div class={class_list(&["gutter", &format!("d{digits}")])} aria-hidden="true">
            <div class="gutter-layer" ref={props.layer_ref.clone()}>
                { for rows }
            </div>
        </div>
    }
}

/// Shapes differ by severity, so colour is not the only cue.
fn symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}
