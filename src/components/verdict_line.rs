//! The verdict: would kube-apiserver start with this file?

use yew::prelude::*;

use super::class_list::{class_list, when};

use crate::view_model::Verdict;

pub struct VerdictProps {
    pub verdict: Verdict,
    pub pending: bool,
}

pub fn verdict_line(props: &VerdictProps) -> Html {
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
