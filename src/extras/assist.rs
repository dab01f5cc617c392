//! Editing help in the page's editor, run in the lazily loaded module (the field docs and
//! completion tables are not part of the first visit). The page loads the module when the
//! editor is first focused or pointed at, and on Ctrl+Space; this module then listens on the
//! textarea itself and draws two elements in the editor's area:
//!
//! - the documentation of the field at the pointer or at the caret (contract hook `hover-doc`
//!   with `data-field`), from `enccfg_core::assist::hover`;
//! - the completion list at the caret (`completion-item` with `data-label`): arrows move,
//!   Enter or Tab inserts, Esc closes; the insertion is a native edit (`insertText`), so undo,
//!   IME and screen readers keep working.
//!
//! And the Format action: the core's `format` as one undoable edit, or a status saying why not.

use std::cell::RefCell;

use enccfg_core::assist::{self, Completion};
use enccfg_core::{LineIndex, Options};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent,
    MouseEvent,
};

use crate::editor_model::LINE_HEIGHT_PX;
use crate::services::editor_text;

/// The textarea's padding (static/style.css `.editor`).
const PAD_TOP: f64 = 8.0;
const PAD_LEFT: f64 = 10.0;

#[derive(Default)]
struct Assist {
    listeners: Vec<EventListener>,
    items: Vec<Completion>,
    active: usize,
    pointer_timer: Option<Timeout>,
    char_width: Option<f64>,
}

thread_local! {
    static STATE: RefCell<Assist> = RefCell::new(Assist::default());
}

fn find(selector: &str) -> Option<Element> {
    gloo_utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
}

fn editor() -> Option<HtmlTextAreaElement> {
    find("[data-testid=editor]").and_then(|e| e.dyn_into().ok())
}

/// The options the page shows (version, reload, KMSv1 gate), read from its controls.
fn options() -> Options {
    let mut options = Options::default();
    if let Some(minor) = find("[data-testid=k8s-version]")
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .and_then(|s| Options::parse_version(&s.value()))
    {
        options.minor = minor;
    }
    let checked = |id: &str| {
        find(&format!("[data-testid={id}]"))
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.checked())
    };
    options.reload = checked("reload").unwrap_or(false);
    options.kmsv1_gate = checked("kmsv1-gate");
    options
}

/// The editor's text and the page's options, when the editor is on the page.
pub(crate) fn editor_state() -> Option<(String, Options)> {
    editor().map(|area| (area.value(), options()))
}

fn caret_byte(area: &HtmlTextAreaElement, index: &LineIndex<&str>) -> usize {
    index.byte_of_utf16(area.selection_start().ok().flatten().unwrap_or(0))
}

/// An element of the editor's area (created once), or `None` outside the page.
fn layer_element(id: &str, tag: &str) -> Option<HtmlElement> {
    let document = gloo_utils::document();
    if let Some(el) = document.get_element_by_id(id) {
        return el.dyn_into().ok();
    }
    let area = editor()?;
    let parent = area.parent_element()?;
    let el: HtmlElement = document.create_element(tag).ok()?.dyn_into().ok()?;
    el.set_id(id);
    el.set_hidden(true);
    parent.append_child(&el).ok()?;
    Some(el)
}

fn char_width(area: &HtmlTextAreaElement) -> f64 {
    if let Some(w) = STATE.with(|s| s.borrow().char_width) {
        return w;
    }
    let document = gloo_utils::document();
    let measured = (|| {
        let span: HtmlElement = document.create_element("span").ok()?.dyn_into().ok()?;
        let font = gloo_utils::window()
            .get_computed_style(area)
            .ok()
            .flatten()?
            .get_property_value("font")
            .ok()?;
        let style = span.style();
        style.set_property("font", &font).ok()?;
        style.set_property("position", "absolute").ok()?;
        style.set_property("visibility", "hidden").ok()?;
        style.set_property("white-space", "pre").ok()?;
        span.set_text_content(Some(&"0".repeat(40)));
        document.body()?.append_child(&span).ok()?;
        let width = span.get_bounding_client_rect().width() / 40.0;
        span.remove();
        (width > 0.0).then_some(width)
    })();
    let width = measured.unwrap_or(8.4);
    STATE.with(|s| s.borrow_mut().char_width = Some(width));
    width
}

/// Places `el` below line `line` (0-based) at column `column` of the editor.
fn place(el: &HtmlElement, area: &HtmlTextAreaElement, line: u32, column: u32) {
    let top = PAD_TOP + f64::from(line + 1) * LINE_HEIGHT_PX - f64::from(area.scroll_top());
    let left = (PAD_LEFT + f64::from(column) * char_width(area) - f64::from(area.scroll_left()))
        .max(0.0)
        .min(f64::from(area.client_width()) * 0.5);
    let style = el.style();
    let _ = style.set_property("top", &format!("{}px", top.round()));
    let _ = style.set_property("left", &format!("{}px", left.round()));
}

fn child(parent: &Element, tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = gloo_utils::document().create_element(tag).ok()?;
    el.set_class_name(class);
    el.set_text_content(Some(text));
    parent.append_child(&el).ok()?;
    Some(el)
}

fn hide_hover() {
    if let Some(el) = gloo_utils::document().get_element_by_id("hover-doc") {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            el.set_hidden(true);
            el.set_inner_html("");
        }
    }
    if let Some(area) = editor() {
        let _ = area.set_attribute("aria-describedby", "editor-keys");
    }
}

/// Shows the documentation of the field at byte `offset` of the editor's `text` (whose line
/// index is `index`), or hides it when there is none.
fn show_hover(area: &HtmlTextAreaElement, text: &str, index: &LineIndex<&str>, offset: usize) {
    let Some(doc) = assist::hover(text, offset, &options()) else {
        return hide_hover();
    };
    let Some(el) = layer_element("hover-doc", "div") else {
        return;
    };
    el.set_class_name("hover-doc");
    let _ = el.set_attribute("role", "tooltip");
    let _ = el.set_attribute("data-testid", "hover-doc");
    let _ = el.set_attribute("data-field", &doc.field);
    el.set_inner_html("");
    let _ = child(&el, "code", "hover-path", &doc.path);
    let _ = child(&el, "span", "hover-type", &format!(" {}", doc.ty));
    if let Ok(list) = gloo_utils::document().create_element("dl") {
        for (term, value) in [
            ("Required", doc.required),
            ("Default", doc.default),
            ("Allowed", doc.allowed),
        ] {
            let _ = child(&list, "dt", "", term);
            let _ = child(&list, "dd", "", value);
        }
        let _ = el.append_child(&list);
    }
    let _ = child(&el, "p", "", doc.what);
    for note in &doc.version_notes {
        let _ = child(&el, "p", "note", note);
    }
    let at = index.position(doc.range.start as usize);
    place(&el, area, at.line - 1, at.column - 1);
    el.set_hidden(false);
    let _ = area.set_attribute("aria-describedby", "editor-keys hover-doc");
}

fn list_open() -> bool {
    STATE.with(|s| !s.borrow().items.is_empty())
}

fn close_list() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.items.clear();
        s.active = 0;
    });
    if let Some(el) = gloo_utils::document().get_element_by_id("completion-list") {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            el.set_hidden(true);
            el.set_inner_html("");
        }
    }
    if let Some(area) = editor() {
        let _ = area.remove_attribute("aria-activedescendant");
    }
}

fn render_list(area: &HtmlTextAreaElement) {
    let Some(el) = layer_element("completion-list", "ul") else {
        return;
    };
    el.set_class_name("completion-list");
    let _ = el.set_attribute("role", "listbox");
    let _ = el.set_attribute("aria-label", "Completions");
    el.set_inner_html("");
    let (items, active) = STATE.with(|s| (s.borrow().items.clone(), s.borrow().active));
    for (i, item) in items.iter().enumerate() {
        let Some(li) = child(&el, "li", "completion-item", "") else {
            continue;
        };
        li.set_id(&format!("completion-{i}"));
        let _ = li.set_attribute("role", "option");
        let _ = li.set_attribute("data-testid", "completion-item");
        let _ = li.set_attribute("data-label", &item.label);
        let _ = li.set_attribute("aria-selected", if i == active { "true" } else { "false" });
        let _ = child(&li, "code", "", &item.label);
        let _ = child(
            &li,
            "span",
            "completion-detail",
            &format!(" {}", item.detail),
        );
        // mousedown, not click: the textarea keeps the focus (and the caret).
        let listener = EventListener::new_with_options(
            &li,
            "mousedown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                event.prevent_default();
                apply(i);
            },
        );
        listener.forget();
    }
    let text = area.value();
    let index = LineIndex::new(text.as_str());
    let at = index.position(caret_byte(area, &index));
    place(&el, area, at.line - 1, at.column - 1);
    el.set_hidden(false);
    let _ = area.set_attribute("aria-activedescendant", &format!("completion-{active}"));
    if let Ok(Some(li)) = el.query_selector(&format!("#completion-{active}")) {
        li.scroll_into_view_with_bool(false);
    }
}

/// Opens (or refreshes) the completion list at the caret; closes it when nothing fits.
pub fn complete() {
    attach();
    let Some(area) = editor() else { return };
    let text = area.value();
    let index = LineIndex::new(text.as_str());
    let items = assist::complete(&text, caret_byte(&area, &index), &options());
    if items.is_empty() {
        return close_list();
    }
    hide_hover();
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.active = s.active.min(items.len() - 1);
        s.items = items;
    });
    render_list(&area);
}

/// Inserts completion `i` in place of the word before the caret, as a native edit.
fn apply(i: usize) {
    let Some(item) = STATE.with(|s| s.borrow().items.get(i).cloned()) else {
        return;
    };
    close_list();
    let Some(area) = editor() else { return };
    let text = area.value();
    let (from, to) = LineIndex::new(text.as_str()).utf16_span(item.replace);
    let _ = area.focus();
    let _ = area.set_selection_range(from, to);
    editor_text::insert_at_selection(&area, &item.insert);
}

fn on_keydown(event: &KeyboardEvent) {
    if !list_open() {
        return;
    }
    let len = STATE.with(|s| s.borrow().items.len());
    let step = |delta: usize| {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.active = (s.active + delta) % len.max(1);
        })
    };
    match event.key().as_str() {
        "ArrowDown" => step(1),
        "ArrowUp" => step(len.saturating_sub(1)),
        "Enter" | "Tab" => {
            event.prevent_default();
            event.stop_propagation();
            return apply(STATE.with(|s| s.borrow().active));
        }
        "Escape" => close_list(),
        _ => return,
    }
    event.prevent_default();
    event.stop_propagation();
    if list_open() {
        if let Some(area) = editor() {
            render_list(&area);
        }
    }
}

/// The byte offset under the pointer at `(client_x, client_y)`, from the editor's metrics
/// (monospace, fixed line height).
fn offset_at_pointer(
    area: &HtmlTextAreaElement,
    (client_x, client_y): (i32, i32),
    index: &LineIndex<&str>,
) -> usize {
    let rect = area.get_bounding_client_rect();
    let x = f64::from(client_x) - rect.left() - PAD_LEFT + f64::from(area.scroll_left());
    let y = f64::from(client_y) - rect.top() - PAD_TOP + f64::from(area.scroll_top());
    let line = (y / LINE_HEIGHT_PX).floor().max(0.0) as u32 + 1;
    let column = (x / char_width(area)).floor().max(0.0) as u32 + 1;
    index.byte_of(line, column)
}

fn hover_at_caret() {
    if list_open() {
        return;
    }
    if let Some(area) = editor() {
        let text = area.value();
        let index = LineIndex::new(text.as_str());
        show_hover(&area, &text, &index, caret_byte(&area, &index));
    }
}

/// Starts listening on the editor (once).
pub fn attach() {
    let Some(area) = editor() else { return };
    super::link_styles();
    if STATE.with(|s| !s.borrow().listeners.is_empty()) {
        return;
    }
    let mut listeners = vec![
        EventListener::new_with_options(
            &area,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            |e| {
                if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                    on_keydown(e);
                }
            },
        ),
        EventListener::new(&area, "input", |_| {
            if list_open() {
                complete();
            } else {
                hide_hover();
            }
        }),
        EventListener::new(&area, "blur", |_| {
            close_list();
            hide_hover();
        }),
        EventListener::new(&area, "scroll", |_| {
            close_list();
            hide_hover();
        }),
        EventListener::new(&area, "mouseleave", |_| {
            STATE.with(|s| s.borrow_mut().pointer_timer = None);
        }),
        EventListener::new(&area, "mousemove", |e| {
            let Some(e) = e.dyn_ref::<MouseEvent>() else {
                return;
            };
            let point = (e.client_x(), e.client_y());
            // Shown when the pointer rests, not on every pixel: the text (megabytes, maybe)
            // and the layout are read then, not on each move.
            let timer = Timeout::new(250, move || {
                if !list_open() {
                    if let Some(area) = editor() {
                        let text = area.value();
                        let index = LineIndex::new(text.as_str());
                        let offset = offset_at_pointer(&area, point, &index);
                        show_hover(&area, &text, &index, offset);
                    }
                }
            });
            STATE.with(|s| s.borrow_mut().pointer_timer = Some(timer));
        }),
    ];
    // Keyboard users get the documentation of the field at the caret.
    for name in ["keyup", "click", "focus"] {
        listeners.push(EventListener::new(&area, name, |_| hover_at_caret()));
    }
    STATE.with(|s| s.borrow_mut().listeners = listeners);
    if gloo_utils::document().active_element().as_ref() == Some(area.as_ref()) {
        hover_at_caret();
    }
}

/// Formats the editor's file (one undoable edit) and says what happened in the page's
/// `format-status`.
pub fn format() {
    let Some(area) = editor() else { return };
    let text = area.value();
    let message = match assist::format(&text, &options()) {
        None => "Not formatted: the file has errors; fix them first.",
        Some(formatted) if formatted == text => "Already formatted.",
        Some(formatted) => {
            editor_text::replace_all(&area, &formatted);
            let _ = area.set_selection_range(0, 0);
            "Formatted (Ctrl+Z undoes it)."
        }
    };
    if let Some(status) = find("[data-testid=format-status]") {
        status.set_text_content(Some(message));
    }
}
