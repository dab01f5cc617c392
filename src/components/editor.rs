//! The YAML editor: a native textarea (undo, IME, screen readers and mobile keyboards keep
//! working) over an overlay drawn by the app (gutter, highlighting, squiggles), a status line
//! for the diagnostic under the caret, and the keys: F8 / Shift+F8 step through diagnostics,
//! Tab inserts two spaces, Esc then Tab leaves the editor, Ctrl+Space completes. Editing help
//! (hover docs, completion, Format) runs in the lazily loaded module (`extras::assist`).

use std::cell::RefCell;
use std::rc::Rc;

use enccfg_core::Analysis;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::class_list::class_list;

use super::{EditorGutter, EditorOverlay};
use crate::editor_model::{
    caret_position, step, under_caret, visible_window, Lines, Marks, LINE_HEIGHT_PX,
};
use crate::services::{editor_text, extras};

#[derive(Properties)]
pub struct EditorProps {
    pub text: Rc<str>,
    pub analysis: Rc<Analysis>,
    pub on_edit: Callback<Rc<str>>,
    pub node_ref: NodeRef,
}

/// By pointer: a new text or analysis is a new `Rc`, and comparing their contents on every
/// render costs time proportional to the file (and the code of a deep comparison).
impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.text, &other.text)
            && Rc::ptr_eq(&self.analysis, &other.analysis)
            && self.on_edit == other.on_edit
            && self.node_ref == other.node_ref
    }
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lines = use_memo(props.text.clone(), |t| Lines::new(t.clone()));
    let marks = {
        let analysis = props.analysis.clone();
        let identity = Rc::as_ptr(&props.analysis) as usize;
        use_memo(identity, move |_| Marks::new(&analysis.diagnostics))
    };
    // Scroll top, viewport height and scroll left, read on scroll (never after a render, where
    // reading them would force a layout of the freshly changed page on every keystroke); the
    // window state only triggers renders.
    let scroll = use_mut_ref(|| (0.0f64, 600.0f64, 0.0f64));
    let window = visible_window(scroll.borrow().0, scroll.borrow().1, lines.line_count());
    let window_state = use_state_eq(|| window);
    let drawn_first = use_mut_ref(|| 0usize);
    let caret = use_state_eq(|| 0u32);
    let escape_armed = use_state_eq(|| false);
    let overlay_ref = use_node_ref();
    let gutter_ref = use_node_ref();

    let sync = {
        let (overlay, gutter, scroll) = (overlay_ref.clone(), gutter_ref.clone(), scroll.clone());
        let written = use_mut_ref(|| None);
        move |first: usize| {
            let (top, _, left) = *scroll.borrow();
            sync_layers(&overlay, &gutter, first, (top, left), &written)
        }
    };
    {
        // After every render: the drawn window may have moved.
        let sync = sync.clone();
        let drawn_first = drawn_first.clone();
        use_effect(move || {
            *drawn_first.borrow_mut() = window.first;
            sync(window.first);
        });
    }

    let onscroll = {
        let (scroll, drawn_first, window_state) =
            (scroll.clone(), drawn_first.clone(), window_state.clone());
        let count = lines.line_count();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            *scroll.borrow_mut() = (
                area.scroll_top() as f64,
                area.client_height() as f64,
                area.scroll_left() as f64,
            );
            sync(*drawn_first.borrow());
            let (top, height, _) = *scroll.borrow();
            window_state.set(visible_window(top, height, count));
        })
    };
    let read_caret = {
        let caret = caret.clone();
        move |area: &HtmlTextAreaElement| {
            if let Ok(Some(at)) = area.selection_start() {
                caret.set(at);
            }
        }
    };
    // What the textarea holds, as far as the page knows: its first text (its `defaultvalue`),
    // what the user typed, or the text the page put there. A render writes `props.text` into the
    // textarea only when it differs, and never reads the textarea back (reading a 5 MB value on
    // every caret move cost most of a second).
    // The state keeps the `Rc` the editor sent, so after typing the two are the same pointer.
    let held = use_mut_ref(|| props.text.clone());
    {
        let (held, node_ref) = (held.clone(), props.node_ref.clone());
        use_effect_with(props.text.clone(), move |text| {
            let mut held = held.borrow_mut();
            if *text != *held {
                if let Some(area) = node_ref.cast::<HtmlTextAreaElement>() {
                    area.set_value(text);
                }
                *held = text.clone();
            }
        });
    }
    let oninput = {
        let (on_edit, read_caret) = (props.on_edit.clone(), read_caret.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let value: Rc<str> = area.value().into();
            *held.borrow_mut() = value.clone();
            on_edit.emit(value);
            read_caret(&area);
        })
    };
    let on_caret_move = {
        let read_caret = read_caret.clone();
        Callback::from(move |e: Event| read_caret(&e.target_unchecked_into()))
    };
    let onkeydown = {
        let analysis = props.analysis.clone();
        let (escape_armed, caret) = (escape_armed.clone(), caret.clone());
        Callback::from(move |e: KeyboardEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let plain = !(e.ctrl_key() || e.alt_key() || e.meta_key());
            match e.key().as_str() {
                "F8" if plain => {
                    e.prevent_default();
                    let at = area.selection_start().ok().flatten().unwrap_or(0);
                    if let Some(target) = step(&analysis.diagnostics, at, !e.shift_key()) {
                        let _ = area.set_selection_range(target.offset, target.offset);
                        reveal_line(&area, target.line);
                        caret.set(target.offset);
                    }
                    escape_armed.set(false);
                }
                "Tab" if plain && !e.shift_key() && !*escape_armed => {
                    e.prevent_default();
                    editor_text::insert_at_selection(&area, "  ");
                }
                "Tab" => escape_armed.set(false), // leaves the editor natively
                " " if e.ctrl_key() && !e.alt_key() && !e.meta_key() => {
                    // Completion at the caret, drawn by the lazily loaded module.
                    e.prevent_default();
                    run_assist("assist_complete");
                }
                "Escape" => escape_armed.set(true),
                "Shift" | "Control" | "Alt" | "Meta" => {}
                _ => escape_armed.set(false),
            }
        })
    };
    let onblur = {
        let escape_armed = escape_armed.clone();
        Callback::from(move |_: FocusEvent| escape_armed.set(false))
    };

    let at = caret_position(&lines, *caret);
    let here = under_caret(&props.analysis.diagnostics, *caret);
    html! {
        <>
            <div class="editor-head">
                <label class="pane-title" for="editor">{ "encryption-config.yaml" }</label>
                <button type="button" class="link-button" data-testid="format"
                    onclick={Callback::from(|_: MouseEvent| run_assist("assist_format"))}>{ "Format" }</button>
                <span class="format-status" data-testid="format-status" role="status" />
            </div>
            <div class="code-editor">
                <EditorGutter marks={marks.clone()} {window} line_count={lines.line_count()} layer_ref={gutter_ref} />
                <div class="code-area">
                    <EditorOverlay lines={lines.clone()} marks={marks} {window} layer_ref={overlay_ref} />
                    <textarea
                        id="editor"
                        data-testid="editor"
                        class="editor"
                        ref={props.node_ref.clone()}
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        aria-describedby="editor-keys"
                        defaultvalue={AttrValue::from(props.text.clone())}
                        {oninput}
                        {onscroll}
                        {onkeydown}
                        {onblur}
                        onkeyup={on_caret_move.reform(|e: KeyboardEvent| e.into())}
                        onmouseup={on_caret_move.reform(|e: MouseEvent| e.into())}
                        onfocus={on_caret_move.reform(|e: FocusEvent| { run_assist("assist_attach"); e.into() })}
                        onmouseenter={Callback::from(|_: MouseEvent| run_assist("assist_attach"))}
                        onselect={on_caret_move}
                    />
                </div>
            </div>
            <div class="editor-status" data-testid="editor-status">
                <span class="caret-position">{ format!("Line {}, column {}", at.line, at.column) }</span>
                <span class="caret-diagnostic" aria-live="polite" data-testid="caret-diagnostic"
                    data-code={here.map(|d| d.code)}>
                    if let Some(d) = here {
                        <span class={class_list(&["severity", d.severity.as_str()])}>{ d.severity.as_str() }</span>
                        { format!(" {}: {}", d.code, d.message) }
                    }
                </span>
            </div>
            <p id="editor-keys" class="editor-keys">
                <kbd>{ "Tab" }</kbd>{ " inserts two spaces; " }
                <kbd>{ "Esc" }</kbd>{ " then " }<kbd>{ "Tab" }</kbd>{ " leaves the editor. " }
                <kbd>{ "F8" }</kbd>{ " / " }<kbd>{ "Shift+F8" }</kbd>{ ": next / previous problem. " }
                <kbd>{ "Ctrl+Space" }</kbd>{ ": completions." }
                { " " }
                <strong class="editor-escape" aria-live="polite" data-testid="editor-escape">
                    { if *escape_armed { "Tab now leaves the editor." } else { "" } }
                </strong>
            </p>
        </>
    }
}

/// Loads the module of the tools (once) and runs one of its editing-help exports.
fn run_assist(export: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(module) = extras::load().await {
            let _ = module.run(export);
        }
    });
}

/// Moves the overlay and the gutter to the textarea's scroll position (`top`, `left`, as last
/// read on scroll). `first` is the first line drawn. Writes only what changed since the last
/// call (`written`). Uses CSSOM (allowed by the page's CSP), not a `style` attribute.
fn sync_layers(
    overlay: &NodeRef,
    gutter: &NodeRef,
    first: usize,
    (top, left): (f64, f64),
    written: &RefCell<Option<(i32, i32)>>,
) {
    // Whole pixels: the textarea scrolls in whole pixels too (and no float formatting code).
    let y = first as i32 * LINE_HEIGHT_PX as i32 - top as i32;
    let x = -(left as i32);
    if written.replace(Some((x, y))) == Some((x, y)) {
        return;
    }
    if let Some(layer) = overlay.cast::<HtmlElement>() {
        let _ = layer
            .style()
            .set_property("transform", &format!("translate({x}px, {y}px)"));
    }
    if let Some(layer) = gutter.cast::<HtmlElement>() {
        let _ = layer
            .style()
            .set_property("transform", &format!("translateY({y}px)"));
    }
}

/// Scrolls the textarea so that `line` (1-based) is in view.
fn reveal_line(area: &HtmlTextAreaElement, line: u32) {
    let top = (line.max(1) - 1) as f64 * LINE_HEIGHT_PX;
    let (scroll, height) = (area.scroll_top() as f64, area.client_height() as f64);
    if top < scroll || top + LINE_HEIGHT_PX > scroll + height {
        area.set_scroll_top((top - height / 3.0).max(0.0) as i32);
    }
}
