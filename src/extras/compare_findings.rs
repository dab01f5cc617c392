//! The comparison's findings (contract hook `compare-finding`), errors first, with the lines
//! they point at in each file.

use enccfg_core::plan::Finding;
use yew::prelude::*;

use crate::components::class_list;

#[derive(Properties, PartialEq)]
pub struct CompareFindingsProps {
    pub findings: Vec<Finding>,
}

fn lines(f: &Finding) -> String {
    match (f.old_line, f.new_line) {
        (Some(old), Some(new)) => format!("deployed line {old}, new line {new}"),
        (Some(old), None) => format!("deployed line {old}"),
        (None, Some(new)) => format!("new line {new}"),
        (None, None) => String::new(),
    }
}

#[function_component(CompareFindings)]
pub fn compare_findings(props: &CompareFindingsProps) -> Html {
    html! {
        <ul class="compare-findings">
            { for props.findings.iter().map(|f| {
                let severity = f.severity.as_str();
                html! {
                    <li data-testid="compare-finding" data-severity={severity}
                        data-resource={f.resource.clone()} data-kind={f.kind}
                        class={class_list(&["diagnostic", severity])}>
                        <span class="severity">{ severity }</span>
                        <code class="code">{ f.kind }</code>
                        <span class="message"><strong>{ &f.resource }</strong>{ ": " }{ &f.message }</span>
                        <span class="where">{ lines(f) }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
