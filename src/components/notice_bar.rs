//! Messages above the workspace: what was opened (a link, the draft), why a link failed, and
//! the question asked before a share link or example replaces a different saved draft.

use yew::prelude::*;

use super::class_list::{class_list, when};

use crate::startup::Notice;

pub struct NoticeBarProps {
    pub notice: Option<Notice>,
    pub on_dismiss: Callback<()>,
    /// A different draft is saved: ask whether to keep what is shown or go back to it.
    pub asking: bool,
    pub on_keep_opened: Callback<()>,
    pub on_restore_draft: Callback<()>,
}

pub fn notice_bar(props: &NoticeBarProps) -> Html {
    html! {
        <>
            if let Some(notice) = &props.notice {
                <div class={class_list(&["notice", when(notice.error, "error")])}
                    data-testid="notice" data-error={notice.error.to_string()}
                    role={if notice.error { "alert" } else { "status" }}>
                    <span>{ &notice.text }</span>
                    <button type="button" class="notice-dismiss" onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
                </div>
            }
            if props.asking {
                <div class="notice ask" data-testid="draft-prompt" role="group" aria-label="Your saved draft">
                    <span>{ "This browser holds a saved draft that differs from the file you opened. Keep the opened file (it replaces the draft), or go back to your draft?" }</span>
                    <button type="button" data-testid="keep-opened" onclick={props.on_keep_opened.reform(|_| ())}>{ "Keep the opened file" }</button>
                    <button type="button" data-testid="restore-draft" onclick={props.on_restore_draft.reform(|_| ())}>{ "Back to my draft" }</button>
                </div>
            }
        </>
    }
}
