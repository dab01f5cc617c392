//! Browser tests: the real App mounted in headless Chromium, asserted on the DOM.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit};
use yew::scheduler;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    // Each test starts without a saved draft (the app restores one when it exists).
    if let Some(storage) = web_sys::window().unwrap().local_storage().unwrap() {
        storage.clear().unwrap();
    }
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<enccfg_playground::App>::with_root(root.clone()).render();
    scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// Types `text` into the editor and waits past the debounce.
async fn type_text(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = find(root, "[data-testid=editor]").dyn_into().unwrap();
    area.set_value(text);
    area.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    TimeoutFuture::new(400).await;
    scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn starts_with_the_docs_example_and_a_verdict() {
    let root = mount().await;
    let area: HtmlTextAreaElement = find(&root, "[data-testid=editor]").dyn_into().unwrap();
    assert!(area.value().contains("kind: EncryptionConfiguration"));
    let verdict = find(&root, "[data-testid=verdict]");
    assert!(verdict.get_attribute("data-accepted").is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn broken_yaml_shows_a_positioned_diagnostic_and_fixing_it_clears_it() {
    let root = mount().await;
    type_text(&root, "apiVersion: v1\nkind: [EncryptionConfig\n").await;
    let verdict = find(&root, "[data-testid=verdict]");
    assert_eq!(
        verdict.get_attribute("data-accepted").as_deref(),
        Some("false")
    );
    let diagnostic = find(&root, "[data-testid=diagnostic]");
    assert_eq!(
        diagnostic.get_attribute("data-code").as_deref(),
        Some("EC0001")
    );
    assert_eq!(
        diagnostic.get_attribute("data-stage").as_deref(),
        Some("syntax")
    );
    assert_eq!(diagnostic.get_attribute("data-line").as_deref(), Some("3"));

    type_text(&root, "apiVersion: v1\nkind: EncryptionConfig\n").await;
    assert!(root
        .query_selector("[data-testid=diagnostic][data-code=EC0001]")
        .unwrap()
        .is_none());
    root.remove();
}

fn key(area: &HtmlTextAreaElement, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    area.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_overlay_underlines_each_span_and_marks_its_line() {
    let root = mount().await;
    type_text(&root, "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [Secrets]\n    providers:\n      - identity: {}\n").await;
    let squiggle = find(&root, "[data-testid=squiggle][data-code~=EC0205]");
    assert_eq!(squiggle.get_attribute("data-line").as_deref(), Some("4"));
    assert_eq!(squiggle.text_content().unwrap(), "Secrets");
    let marker = find(&root, "[data-testid=gutter-marker][data-line='4']");
    assert_eq!(
        marker.get_attribute("data-severity").as_deref(),
        Some("error")
    );
    assert!(marker.get_attribute("title").unwrap().contains("EC0205"));
    let line = find(&root, ".overlay .ol[data-line='4']");
    assert_eq!(line.text_content().unwrap(), "  - resources: [Secrets]");
    root.remove();
}

#[wasm_bindgen_test]
async fn f8_moves_the_caret_between_diagnostics_and_tab_indents() {
    let root = mount().await;
    let text = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [Secrets, Configmaps]\n    providers:\n      - identity: {}\n";
    type_text(&root, text).await;
    let area: HtmlTextAreaElement = find(&root, "[data-testid=editor]").dyn_into().unwrap();
    area.focus().unwrap();
    area.set_selection_range(0, 0).unwrap();
    key(&area, "F8", false);
    scheduler::flush().await;
    let first = text.find("Secrets").unwrap() as u32;
    assert_eq!(area.selection_start().unwrap(), Some(first));
    key(&area, "F8", false);
    let second = text.find("Configmaps").unwrap() as u32;
    assert_eq!(area.selection_start().unwrap(), Some(second));
    key(&area, "F8", true);
    assert_eq!(area.selection_start().unwrap(), Some(first));
    scheduler::flush().await;
    let status = find(&root, "[data-testid=caret-diagnostic]");
    assert_eq!(status.get_attribute("data-code").as_deref(), Some("EC0205"));

    area.set_selection_range(0, 0).unwrap();
    key(&area, "Tab", false);
    TimeoutFuture::new(300).await;
    assert!(area.value().starts_with("  apiVersion"), "{}", area.value());
    root.remove();
}

/// Share links use the browser's raw deflate: what it writes reads back, the documented Python
/// and Node payloads open, and damaged or oversized payloads are refused.
#[wasm_bindgen_test]
async fn share_links_go_through_the_browsers_deflate() {
    use enccfg_playground::services::share_link;
    use enccfg_playground::share::{ShareError, Snapshot};

    let snapshot = Snapshot {
        yaml: "resources: []\n# é, 機密\n".repeat(50),
        options: enccfg_core::Options {
            minor: 30,
            reload: true,
            ..enccfg_core::Options::default()
        },
        redacted: true,
    };
    let payload = share_link::encode(&snapshot)
        .await
        .expect("deflate-raw is available");
    assert!(payload.starts_with("1.") && payload.len() < snapshot.yaml.len());
    assert_eq!(share_link::decode(&payload).await, Ok(snapshot));

    // docs/embedding.md's Python (zlib, wbits -15) and Node (deflateRawSync) builders.
    let documented = share_link::decode("1.HY3BCsIwEER_ZdmzRIIXyVX8BS_GQ0i3ZWndlN2mUMR_N_E2b3jDfPBI7wUDYFr5QWpcJEDLRrqTulxk5MnNV3NczruPMrMMAe6S9Vi3Zt_-RtXUIYqSlaqZLMDzFQVPgG3cD7y7-I5KS0lDazat9P0B").await.unwrap();
    assert_eq!(
        (documented.options.minor, documented.options.reload),
        (31, true)
    );

    let cut = &payload[..payload.len() / 2];
    assert!(matches!(
        share_link::decode(cut).await,
        Err(ShareError::Malformed(_))
    ));
    assert!(matches!(
        share_link::decode("1.aGVsbG8").await,
        Err(ShareError::Malformed(_))
    ));
    // 3 MB of spaces deflate to a few KB: inflating stops at the limit.
    let bomb = Snapshot {
        yaml: " ".repeat(3 * 1024 * 1024),
        options: enccfg_core::Options::default(),
        redacted: false,
    };
    let bomb = share_link::encode(&bomb).await.unwrap();
    assert!(bomb.len() < 20_000);
    assert!(matches!(
        share_link::decode(&bomb).await,
        Err(ShareError::Malformed(_))
    ));
}
