//! The Ordering panel: one row per resource rule, drawn as a write → read flow, and a lookup box.
//! Thousands of rules are drawn in steps (see `stepped`).

use std::ops::Range;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::class_list::{class_list, when};

use super::stepped::{blocks, same_rows, use_stepped_count};
use crate::view_model::OrderingRow;

#[derive(Properties, PartialEq)]
pub struct OrderingPanelProps {
    /// Shared with the page's memo: the same analysis compares by pointer, not row by row
    /// (`Rc<Vec<_>>`, not `Rc<[_]>`: `Rc`'s pointer shortcut needs a sized `Eq` value); a new
    /// one is compared block by block.
    pub rows: Rc<Vec<OrderingRow>>,
    pub stale: bool,
    pub lookup: String,
    pub answer: Option<String>,
    pub on_lookup: Callback<String>,
    pub on_select: Callback<(u32, u32)>,
}

#[function_component(OrderingPanel)]
pub fn ordering_panel(props: &OrderingPanelProps) -> Html {
    let oninput = {
        let on_lookup = props.on_lookup.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_lookup.emit(input.value());
        })
    };
    let shown = use_stepped_count(props.rows.len());
    html! {
        <section class="panel ordering-panel" aria-labelledby="ordering-title">
            <h2 id="ordering-title">{ "Ordering: who writes, who reads" }</h2>
            if props.stale {
                <p class="stale" role="status">{ "The file does not decode right now: showing the last good result." }</p>
            }
            <p class="panel-intro">{ "Rules in kube-apiserver's precedence: exact names, then group wildcards, then *.*. The first provider writes (with its first key); every provider is tried for reads." }</p>
            <ol class="ordering-rows">
                { for blocks(shown).map(|range| html! {
                    <OrderingBlock key={range.start} rows={props.rows.clone()} range={range.clone()} on_select={props.on_select.clone()} />
                }) }
            </ol>
            <label class="lookup">
                { "Which rule applies to " }
                <input type="text" data-testid="ordering-lookup" placeholder="deployments.apps"
                    value={props.lookup.clone()} {oninput} spellcheck="false" autocomplete="off" />
                { "?" }
            </label>
            if let Some(answer) = &props.answer {
                <p class="lookup-answer" data-testid="ordering-lookup-answer" role="status">{ answer }</p>
            }
        </section>
    }
}

#[derive(Properties)]
struct OrderingBlockProps {
    rows: Rc<Vec<OrderingRow>>,
    range: Range<usize>,
    on_select: Callback<(u32, u32)>,
}

impl PartialEq for OrderingBlockProps {
    fn eq(&self, other: &Self) -> bool {
        self.range == other.range
            && self.on_select == other.on_select
            && same_rows(&self.rows, &other.rows, &self.range)
    }
}

/// One step's rows: re-drawn only when they change, not when a later step is added.
#[function_component(OrderingBlock)]
fn ordering_block(props: &OrderingBlockProps) -> Html {
    let rows = props.rows.get(props.range.clone()).unwrap_or_default();
    html! { <>{ for rows.iter().map(|row| row_view(row, &props.on_select)) }</> }
}

fn row_view(row: &OrderingRow, on_select: &Callback<(u32, u32)>) -> Html {
    let name = match row.select {
        Some(span) => {
            let on_select = on_select.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_select.emit(span));
            html! { <button type="button" class="link" {onclick} title="Select in the editor"><code>{ &row.resource }</code></button> }
        }
        None => html! { <code>{ &row.resource }</code> },
    };
    html! {
        <li class={class_list(&["ordering-row", when(row.plaintext_write, "plaintext")])}
            data-testid="ordering-row"
            data-resource={row.resource.clone()}
            data-write={row.write.clone()}
            data-read={row.read.clone()}>
            <div class="rule-name">{ name }</div>
            <div class="flow" aria-label={format!("writes with {}, reads with {}", row.write, row.read)}>
                <span class="flow-label">{ "writes" }</span>
                <span class={class_list(&["step write", when(row.plaintext_write, "plaintext")])}>{ &row.write }</span>
                <span class="flow-label">{ "reads" }</span>
                { for row.read_steps.iter().enumerate().map(|(i, step)| html! {
                    <>
                        if i > 0 { <span class="arrow" aria-hidden="true">{ "→" }</span> }
                        <span class="step read">{ step }</span>
                    </>
                }) }
            </div>
            <div class="prefix">{ "new values: " }<code>{ &row.prefix }</code></div>
            { for row.notes.iter().map(|n| html! { <div class="note">{ n }</div> }) }
        </li>
    }
}
