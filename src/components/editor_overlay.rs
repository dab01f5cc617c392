//! What is drawn behind the textarea: the visible lines again, highlighted, with wavy
//! underlines at the diagnostics' spans. Only the lines in `window` are drawn; the parent moves
//! the layer with the textarea's scroll position.

use std::rc::Rc;

use yew::prelude::*;

use super::class_list::class_list;

use crate::editor_model::{highlight, line_runs, Lines, Marks, Run, Token, Window};

#[derive(Properties, PartialEq)]
pub struct EditorOverlayProps {
    pub lines: Rc<Lines>,
    pub marks: Rc<Marks>,
    pub window: Window,
    /// The element the parent translates on scroll.
    pub layer_ref: NodeRef,
}

#[function_component(EditorOverlay)]
pub fn editor_overlay(props: &EditorOverlayProps) -> Html {
    let rows = (props.window.first..props.window.end).map(|index| {
        let number = index as u32 + 1;
        let text = props.lines.line(index);
        let chars: Vec<char> = text.chars().collect();
        let tokens = highlight(text);
        let squiggles = props
            .marks
            .line(number)
            .map(|m| m.squiggles.as_slice())
            .unwrap_or(&[]);
        let runs = line_runs(chars.len(), &tokens, squiggles);
        html! {
            <div class="ol" data-line={number.to_string()} key={number}>
                { for runs.iter().map(|run| run_view(run, &chars, number)) }
            </div>
        }
    });
    html! {
        <div class="overlay" aria-hidden="true">
            <div class="overlay-layer" ref={props.layer_ref.clone()}>
                { for rows }
            </div>
        </div>
    }
}

fn run_view(run: &Run, chars: &[char], line: u32) -> Html {
    let content = if run.past_end {
        html! { " " }
    } else {
        pieces(run, chars)
    };
    match &run.squiggle {
        None => content,
        Some((severity, codes)) => html! {
            <span class={class_list(&["sq", severity.as_str()])}
                data-testid="squiggle"
                data-line={line.to_string()}
                data-severity={severity.as_str()}
                data-code={codes.join(" ")}>
                { content }
            </span>
        },
    }
}

/// The run's characters, with a span per highlighted token.
fn pieces(run: &Run, chars: &[char]) -> Html {
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let mut out = Vec::new();
    let mut at = run.from;
    for &Token { from, to, class } in &run.tokens {
        if from > at {
            out.push(html! { { text(at, from) } });
        }
        out.push(html! { <span class={class.as_str()}>{ text(from, to) }</span> });
        at = to;
    }
    if run.to > at {
        out.push(html! { { text(at, run.to.min(chars.len())) } });
    }
    out.into_iter().collect::<Html>()
}
