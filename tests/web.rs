//! Browser tests: the real App mounted in headless Chromium, asserted on the DOM.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};
use yew::scheduler;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
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
