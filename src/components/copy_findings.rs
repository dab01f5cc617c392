//! "Copy findings as Markdown / JSON / SARIF" under the findings. The rendering (the core's
//! `report`, shared with the CLI) and the copy happen in the lazily loaded module
//! (`extras::findings`), loaded on the first click; this is only the markup.

use yew::prelude::*;

use crate::services::extras;

pub fn copy_findings() -> Html {
    let button = |format: &'static str, label: &'static str| {
        let onclick = Callback::from(move |_: MouseEvent| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(module) = extras::load().await {
                    let _ = module.run(&format!("copy_findings_{format}"));
                }
            });
        });
        html! {
            <button type="button" class="link-button" data-testid="copy-findings" data-format={format} {onclick}>{ label }</button>
        }
    };
    html! {
        <p class="copy-findings">
            { "Copy findings as " }
            { button("markdown", "Markdown") }
            { button("json", "JSON") }
            { button("sarif", "SARIF") }
            <span class="format-status" data-testid="copy-findings-status" role="status" />
        </p>
    }
}
