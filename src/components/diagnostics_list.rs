//! The list of findings; clicking one selects its span in the editor.

use std::rc::Rc;

use enccfg_core::Fix;
use yew::prelude::*;

use crate::view_model::{DiagnosticRow, RowFix};

#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    pub rows: Rc<Vec<DiagnosticRow>>,
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
    html! {
        <ul class="diagnostics" aria-label="Findings">
            { for props.rows.iter().map(|row| row_view(row, &props.on_select, &props.on_fix)) }
        </ul>
    }
}

fn row_view(
    row: &DiagnosticRow,
    on_select: &Callback<(u32, u32)>,
    on_fix: &Callback<Rc<Fix>>,
) -> Html {
    let onclick = {
        let on_select = on_select.clone();
        let span = (row.select_from, row.select_to);
        Callback::from(move |_: MouseEvent| on_select.emit(span))
    };
    html! {
        <li
            class={classes!("diagnostic", row.severity)}
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
            if let Some(fix) = &row.fix {
                { fix_button(fix, on_fix) }
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
        <button type="button" class={classes!("fix-button", fix.safety)} data-testid="diagnostic-fix"
            data-safety={fix.safety} {onclick}>
            { format!("Fix ({}): {}", fix.safety, fix.title) }
        </button>
    }
}
