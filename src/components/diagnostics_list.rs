//! The list of findings; clicking one selects its span in the editor. kube-apiserver's
//! findings come first and our advice (lints) after them under an "Advice" heading, while the
//! rows stay in source order in the page (the `diagnostic` test id's contract, and the order
//! keyboard and screen readers follow): the grouping is the CSS `order` of each row, and every
//! advice row says "advice" in its own text. A severity filter hides rows without removing
//! them. Thousands of findings are drawn in steps (see `stepped`).

use std::ops::Range;
use std::rc::Rc;

use enccfg_core::{Fix, Severity};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::class_list::{class_list, when};

use super::stepped::{blocks, same_rows, use_stepped_count};
use crate::page::SeverityFilter;
use crate::view_model::{findings_summary, DiagnosticRow, RowFix};

#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    pub rows: Rc<Vec<DiagnosticRow>>,
    pub filter: SeverityFilter,
    pub on_filter: Callback<(Severity, bool)>,
    /// UTF-16 offsets to select in the editor.
    pub on_select: Callback<(u32, u32)>,
    /// Apply this fix (the one of the row whose button was pressed).
    pub on_fix: Callback<Rc<Fix>>,
}

#[function_component(DiagnosticsList)]
pub fn diagnostics_list(props: &DiagnosticsProps) -> Html {
    if props.rows.is_empty() {
        return html! { <p class="no-findings">{ "No findings." }</p> };
    }
    let shown = use_stepped_count(props.rows.len());
    let summary = findings_summary(&props.rows, props.filter);
    let [errors, warnings, infos] = summary.counts;
    html! {
        <>
            <fieldset class="severity-filter" data-testid="severity-filter">
                <legend>{ "Show" }</legend>
                { severity_box(Severity::Error, "Errors", errors, props) }
                { severity_box(Severity::Warning, "Warnings", warnings, props) }
                { severity_box(Severity::Info, "Info", infos, props) }
            </fieldset>
            <ul class="diagnostics" aria-label="Findings">
                if summary.kube_shown && summary.advice_shown {
                    <li class="findings-heading kube" aria-hidden="true">{ "kube-apiserver" }</li>
                }
                if summary.advice_shown {
                    <li class="findings-heading advice" aria-hidden="true">
                        { "Advice: best practice, not part of the verdict" }
                    </li>
                }
                // A list of its own: Yew matches keyed children only when all of them have keys.
                <>
                    { for blocks(shown).map(|range| html! {
                        <DiagnosticsBlock key={range.start} rows={props.rows.clone()} range={range.clone()}
                            filter={props.filter} on_select={props.on_select.clone()}
                            on_fix={props.on_fix.clone()} />
                    }) }
                </>
            </ul>
            if summary.hidden > 0 {
                <p class="note">{ format!("{} hidden by the filter.", count(summary.hidden)) }</p>
            }
        </>
    }
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 finding".into()
    } else {
        format!("{n} findings")
    }
}

fn severity_box(severity: Severity, label: &str, n: usize, props: &DiagnosticsProps) -> Html {
    let onchange = {
        let on_filter = props.on_filter.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_filter.emit((severity, input.checked()));
        })
    };
    html! {
        <label>
            <input type="checkbox" data-severity={severity.as_str()}
                checked={props.filter.shows(severity.as_str())} {onchange} />
            { format!(" {label} ({n})") }
        </label>
    }
}

#[derive(Properties)]
struct BlockProps {
    rows: Rc<Vec<DiagnosticRow>>,
    range: Range<usize>,
    filter: SeverityFilter,
    on_select: Callback<(u32, u32)>,
    on_fix: Callback<Rc<Fix>>,
}

impl PartialEq for BlockProps {
    fn eq(&self, other: &Self) -> bool {
        self.range == other.range
            && self.filter == other.filter
            && self.on_select == other.on_select
            && self.on_fix == other.on_fix
            && same_rows(&self.rows, &other.rows, &self.range)
    }
}

/// One step's rows: re-drawn only when they or the filter change, not when a later step is added.
#[function_component(DiagnosticsBlock)]
fn diagnostics_block(props: &BlockProps) -> Html {
    let rows = props.rows.get(props.range.clone()).unwrap_or_default();
    html! { <>{ for rows.iter().map(|row| row_view(row, props)) }</> }
}

fn row_view(row: &DiagnosticRow, props: &BlockProps) -> Html {
    let onclick = {
        let on_select = props.on_select.clone();
        let span = (row.select_from, row.select_to);
        Callback::from(move |_: MouseEvent| on_select.emit(span))
    };
    html! {
        <li
            class={class_list(&["diagnostic", row.severity, when(row.advice, "advice")])}
            hidden={!props.filter.shows(row.severity)}
            data-testid="diagnostic"
            data-code={row.code}
            data-severity={row.severity}
            data-stage={row.stage}
            data-line={row.line.to_string()}
            data-column={row.column.to_string()}
            data-field={row.field.clone()}
            data-type={row.error_type}
        >
            <button type="button" class="diagnostic-jump" {onclick}
                title="Select this place in the editor">
                if row.advice {
                    <span class="group">{ "advice" }</span>
                }
                <span class="severity">{ row.severity }</span>
                <span class="code">{ row.code }</span>
                <span class="position">{ format!("{}:{}", row.line, row.column) }</span>
                <span class="message">{ &row.message }</span>
            </button>
            if let Some(field) = &row.field {
                <div class="field">
                    <code>{ field }</code>{ " " }<span class="type">{ row.error_type.unwrap_or_default() }</span>
                </div>
            }
            if let Some(help) = &row.help {
                <div class="help">{ help }</div>
            }
            if let (Some(url), Some(host)) = (row.source_url, row.source_host()) {
                <a class="lint-source" data-testid="lint-source" href={url}
                    target="_blank" rel="noopener noreferrer">{ format!("Source: {host}") }</a>
            }
            if let Some(fix) = &row.fix {
                { fix_button(fix, &props.on_fix) }
            }
        </li>
    }
}

fn fix_button(fix: &RowFix, on_fix: &Callback<Rc<Fix>>) -> Html {
    let onclick = {
        let (on_fix, fix) = (on_fix.clone(), fix.fix.clone());
        Callback::from(move |_: MouseEvent| on_fix.emit(fix.clone()))
    };
    html! {
        <button type="button" class={class_list(&["fix-button", fix.safety])} data-testid="diagnostic-fix"
            data-safety={fix.safety} {onclick}>
            { format!("Fix ({}): {}", fix.safety, fix.title) }
        </button>
    }
}
