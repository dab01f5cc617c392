//! The verdict: would kube-apiserver start with this file?

use std::rc::Rc;

use yew::prelude::*;

use super::class_list::{class_list, when};

use crate::view_model::Verdict;

pub struct VerdictProps {
    pub verdict: Verdict,
    pub pending: bool,
    /// Why the engine's module could not load, while an analysis waits for it.
    pub engine_failure: Option<Rc<str>>,
}

pub fn verdict_line(props: &VerdictProps) -> Html {
    if let Some(why) = &props.engine_failure {
        return html! {
            <div class="verdict refused" role="alert">
                <strong>{ "The checker could not load" }</strong>
                <span class="verdict-detail">{ format!("({why}). Your text is kept: edit it or reload the page to try again.") }</span>
            </div>
        };
    }
    let v = &props.verdict;
    let class = class_list(&[
        "verdict",
        if v.accepted { "accepted" } else { "refused" },
        when(props.pending, "pending"),
    ]);
    html! {
        <div class={class} data-testid="verdict" data-accepted={v.accepted.to_string()} role="status" aria-live="polite">
            <span class="verdict-mark" aria-hidden="true">{ if v.accepted { "✓" } else { "✗" } }</span>
            <strong>{ &v.headline }</strong>
            <span class="verdict-detail">{ &v.detail }</span>
        </div>
    }
}
