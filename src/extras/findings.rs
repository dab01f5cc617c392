//! Copying the findings (the page's `copy-findings` buttons): the editor's file analysed with
//! the page's options and rendered by the core's `report` (the CLI's shapes) as Markdown, JSON
//! or SARIF, copied to the clipboard; the status line says whether it worked.

use enccfg_core::{analyze, report};

use super::assist;
use crate::services::clipboard;

/// The file's name in the reports (the editor's title).
const PATH: &str = "encryption-config.yaml";

/// Renders the findings in `format` (`markdown`, `json`, `sarif`).
pub fn render(format: &str, text: &str, options: &enccfg_core::Options) -> Option<String> {
    let analysis = analyze(text, options);
    match format {
        "markdown" => Some(report::markdown(&analysis, PATH)),
        "json" => Some(report::json(&analysis) + "\n"),
        "sarif" => Some(report::sarif(&analysis, PATH, env!("CARGO_PKG_VERSION")) + "\n"),
        _ => None,
    }
}

/// Copies the findings as `format` and says so in `copy-findings-status`.
pub fn copy(format: &'static str) {
    let Some((text, options)) = assist::editor_state() else {
        return;
    };
    let Some(rendered) = render(format, &text, &options) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let copied = clipboard::copy(&rendered, None).await;
        let status = gloo_utils::document()
            .query_selector("[data-testid=copy-findings-status]")
            .ok()
            .flatten();
        if let Some(status) = status {
            status.set_text_content(Some(if copied {
                "Copied."
            } else {
                "The browser refused the clipboard."
            }));
        }
    });
}
