//! The Export panel: the fixed YAML, its diff against the editor, apply / copy / download.

use gloo_events::EventListener;
use yew::prelude::*;

use enccfg_core::Export;

use crate::state::ANALYSE_AT_ONCE_BYTES;

#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    pub export: std::rc::Rc<Export>,
    pub include_unsafe: bool,
    pub canonical: bool,
    pub on_include_unsafe: Callback<bool>,
    pub on_canonical: Callback<bool>,
    pub on_apply: Callback<()>,
    pub on_copy: Callback<()>,
    pub on_download: Callback<()>,
}

#[function_component(ExportPanel)]
pub fn export_panel(props: &ExportPanelProps) -> Html {
    let e = &props.export;
    let toggle = |cb: &Callback<bool>| {
        let cb = cb.clone();
        Callback::from(move |ev: Event| {
            let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
            cb.emit(input.checked());
        })
    };
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let nothing_to_apply = e.fixed.is_empty() || e.applied.is_empty();
    // A big fixed file off screen is not rendered: a textarea given a new megabyte of text cost
    // the page about half a second even where the panel's rendering is skipped. `data-skipped`
    // marks the panel while the browser skips it (`content-visibility: auto`, off screen), as
    // its `contentvisibilityautostatechange` events say (never where they do not come); the
    // style then hides a `data-big` file's text. The textarea keeps its box and its value.
    let panel = use_node_ref();
    let big = e.output.len() > ANALYSE_AT_ONCE_BYTES;
    use_effect_with(panel.clone(), |panel| {
        let listener = panel.cast::<web_sys::Element>().map(|element| {
            let target = element.clone();
            EventListener::new(&element, "contentvisibilityautostatechange", move |event| {
                let skipped =
                    js_sys::Reflect::get(event, &"skipped".into()).is_ok_and(|v| v.is_truthy());
                let _ = target.toggle_attribute_with_force("data-skipped", skipped);
            })
        });
        move || drop(listener)
    });
    html! {
        <section class="panel export-panel" aria-labelledby="export-title" ref={panel}>
            <h2 id="export-title">{ "Export" }</h2>
            <div class="export-controls">
                <label title="Unsafe fixes are valid but change what is written or read (for example moving identity, or renaming a KMS provider)">
                    <input type="checkbox" data-testid="include-unsafe" checked={props.include_unsafe} onchange={toggle(&props.on_include_unsafe)} />
                    { " include unsafe fixes" }
                </label>
                <label title="Re-emit the file in canonical form: stable field order, two-space indent. Comments are lost.">
                    <input type="checkbox" data-testid="canonical" checked={props.canonical} onchange={toggle(&props.on_canonical)} />
                    { " canonical form (drops comments)" }
                </label>
            </div>
            <div class="export-buttons">
                <button type="button" data-testid="apply-safe-fixes" onclick={click(&props.on_apply)} disabled={nothing_to_apply}>
                    { if props.include_unsafe { "Apply fixes to the editor" } else { "Apply safe fixes to the editor" } }
                </button>
                <button type="button" data-testid="copy-yaml" onclick={click(&props.on_copy)}>{ "Copy YAML" }</button>
                <button type="button" data-testid="download-yaml" onclick={click(&props.on_download)}>{ "Download encryption-config.yaml" }</button>
            </div>
            <p class="note" role="status">
                { summary(e) }
            </p>
            if !e.applied.is_empty() {
                <ul class="applied">{ for e.applied.iter().map(|a| html! { <li>{ format!("{} {}", a.code, a.title) }</li> }) }</ul>
            }
            if e.canonical_refused {
                <p class="note">{ "The file does not decode, so it has no canonical form yet: showing the fixed text." }</p>
            }
            <label class="pane-title" for="fixed-yaml">{ if e.accepted { "fixed file (accepted)" } else { "fixed file (still refused)" } }</label>
            <textarea id="fixed-yaml" data-testid="fixed-yaml" class="fixed-yaml" data-big={big.then_some("")} readonly=true spellcheck="false" wrap="off" value={e.output.clone()} />
            if !e.diff.is_empty() {
                <details class="diff" open=true>
                    <summary>{ "Changes against the editor" }</summary>
                    <pre data-testid="export-diff">{ for e.diff.lines().map(diff_line) }</pre>
                </details>
            }
        </section>
    }
}

fn summary(e: &Export) -> String {
    let mut s = match e.applied.len() {
        0 => "No fix applies: the export is the editor text.".to_string(),
        1 => "1 fix applied in the export.".to_string(),
        n => format!("{n} fixes applied in the export."),
    };
    if e.skipped_unsafe > 0 {
        s.push_str(&format!(
            " {} left out: tick \"include unsafe fixes\" to see {}.",
            if e.skipped_unsafe == 1 {
                "1 unsafe fix".to_string()
            } else {
                format!("{} unsafe fixes", e.skipped_unsafe)
            },
            if e.skipped_unsafe == 1 { "it" } else { "them" }
        ));
    }
    s
}

fn diff_line(line: &str) -> Html {
    let class = match line.chars().next() {
        Some('+') if !line.starts_with("+++") => "add",
        Some('-') if !line.starts_with("---") => "del",
        Some('@') => "hunk",
        _ => "ctx",
    };
    html! { <span class={class}>{ line }{ "\n" }</span> }
}
