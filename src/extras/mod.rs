//! The panels loaded on first use (the "tools": compare, wizard, explain, deploy). They are
//! compiled into a second WebAssembly module (`src/bin/extras.rs`, built by
//! `scripts/build-extras.sh`) that the page imports from its own origin the first time one of them
//! is opened, so the first visit does not download them.
//!
//! The page (`components/lazy_panel.rs`) mounts a panel into an element it owns, sends it the
//! editor's text and options as JSON (`protocol`) while it is shown, and receives the panel's
//! requests (replace the editor text) through a callback. Each panel is its own small Yew app
//! with a root component in this folder.
//!
//! Adding a tool: its root component here, one line in [`PANELS`] (what the module can mount)
//! and one in [`TOOLS`] (what the page offers, as a tab and a `?panel=` value).

pub mod assist;
mod command_block;
mod compare_findings;
pub mod compare_root;
mod deploy_root;
mod deploy_snippet;
mod deployed;
mod explain_result;
pub mod explain_root;
pub mod findings;
pub mod keygen;
pub mod protocol;
mod wizard_root;
mod wizard_step;

use std::cell::RefCell;
use std::collections::HashMap;

use protocol::{PanelEvent, PanelInput};

use crate::url_params::Panel;

/// The tools this build offers, with the name the module mounts them by.
pub const TOOLS: &[(Panel, &str)] = &[
    (Panel::Compare, "compare"),
    (Panel::Wizard, "wizard"),
    (Panel::Explain, "explain"),
    (Panel::Deploy, "deploy"),
];

/// Re-renders a mounted panel with the page's new state (its Yew app lives as long as this).
pub type Updater = Box<dyn FnMut(PanelInput)>;

/// Mounts a panel into `root`; returns its updater.
type MountFn = fn(web_sys::Element, PanelInput, Emitter) -> Updater;

/// What the module can mount, by name.
const PANELS: &[(&str, MountFn)] = &[
    ("compare", |root, input, emitter| {
        mount_app::<compare_root::CompareRoot>(
            root,
            move |input| compare_root::CompareRootProps {
                input,
                emitter: emitter.clone(),
            },
            input,
        )
    }),
    ("wizard", |root, input, emitter| {
        mount_app::<wizard_root::WizardRoot>(
            root,
            move |input| wizard_root::WizardRootProps {
                input,
                emitter: emitter.clone(),
            },
            input,
        )
    }),
    ("explain", |root, input, emitter| {
        mount_app::<explain_root::ExplainRoot>(
            root,
            move |input| explain_root::ExplainRootProps {
                input,
                emitter: emitter.clone(),
            },
            input,
        )
    }),
    ("deploy", |root, input, emitter| {
        mount_app::<deploy_root::DeployRoot>(
            root,
            move |input| deploy_root::DeployRootProps {
                input,
                emitter: emitter.clone(),
            },
            input,
        )
    }),
];

/// Sends a panel's requests to the page.
#[derive(Clone)]
pub struct Emitter(js_sys::Function);

impl PartialEq for Emitter {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Emitter {
    pub fn emit(&self, event: PanelEvent) {
        let _ = self
            .0
            .call1(&wasm_bindgen::JsValue::NULL, &event.encode().into());
    }
}

/// Mounts root component `C` with props made from the page's state; the returned updater
/// re-renders it with new state (the Yew app lives as long as the updater).
pub fn mount_app<C>(
    root: web_sys::Element,
    props: impl Fn(PanelInput) -> C::Properties + 'static,
    input: PanelInput,
) -> Updater
where
    C: yew::BaseComponent,
{
    reserve_page_tree_ids();
    let mut handle = yew::Renderer::<C>::with_root_and_props(root, props(input)).render();
    Box::new(move |input| handle.update(props(input)))
}

/// How many Yew subtree ids the page's own module may use (its app is the first; it has no
/// portals).
const PAGE_TREE_IDS: usize = 8;

#[yew::function_component(Blank)]
fn blank() -> yew::Html {
    yew::Html::default()
}

/// Each Yew copy numbers its app roots from 1, and handles an event in the capture phase when the
/// closest root around its target carries one of its own numbers: the page's Yew (root 1) would
/// take a panel's click for its own and run whichever page callback has the same listener id (a
/// panel's Copy button ran the page's Share). So this module skips the page's numbers once, by
/// creating that many empty apps on detached elements, before mounting its first panel.
fn reserve_page_tree_ids() {
    thread_local! {
        static RESERVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if RESERVED.with(|r| r.replace(true)) {
        return;
    }
    let document = gloo_utils::document();
    for _ in 0..PAGE_TREE_IDS {
        if let Ok(host) = document.create_element("div") {
            let _ = yew::Renderer::<Blank>::with_root(host).render();
        }
    }
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Updater>> = RefCell::new(HashMap::new());
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

/// Links the tools' stylesheet once: it sits next to this module, named like its glue (the
/// page's `<meta name="enccfg-extras">` names the `.js`; `scripts/build-extras.sh` copies
/// `static/extras.css` beside it), so the first visit does not download it.
pub(crate) fn link_styles() {
    let document = gloo_utils::document();
    if let Ok(Some(_)) = document.query_selector("link[data-enccfg-extras]") {
        return;
    }
    let css = document
        .query_selector("meta[name=enccfg-extras]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|js| js.strip_suffix(".js").map(|base| format!("{base}.css")));
    let (Some(css), Ok(link), Ok(Some(head))) = (
        css,
        document.create_element("link"),
        document.query_selector("head"),
    ) else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &css);
    let _ = link.set_attribute("data-enccfg-extras", "");
    let _ = head.append_child(&link);
}

/// Mounts panel `kind` into `root` with the page's state `input` (JSON); returns its id.
pub fn mount(
    kind: &str,
    root: web_sys::Element,
    input: &str,
    emit: js_sys::Function,
) -> Result<u32, String> {
    let input = PanelInput::decode(input)?;
    let (_, mount) = PANELS
        .iter()
        .find(|(name, _)| *name == kind)
        .ok_or_else(|| format!("no panel named {kind:?}"))?;
    link_styles();
    let updater = mount(root, input, Emitter(emit));
    let id = NEXT_ID.with(|next| {
        let mut next = next.borrow_mut();
        *next += 1;
        *next - 1
    });
    MOUNTED.with(|m| m.borrow_mut().insert(id, updater));
    Ok(id)
}

/// Sends panel `id` the page's new state.
pub fn update(id: u32, input: &str) -> Result<(), String> {
    let input = PanelInput::decode(input)?;
    MOUNTED.with(|m| match m.borrow_mut().get_mut(&id) {
        Some(updater) => {
            updater(input);
            Ok(())
        }
        None => Err(format!("no mounted panel {id}")),
    })
}
