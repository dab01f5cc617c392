//! Browser entry point: reads the share link in the address (the browser inflates it, which is
//! asynchronous) and what the page opens with; loads the analysis engine first when that is not
//! the first visit's built-in analysis; then replaces the loading message with the playground.

use std::rc::Rc;

use enccfg_playground::{session, App, AppProps};

fn main() {
    // The analysis engine loads on the first sign of an edit (or at once when the start needs it).
    #[cfg(feature = "lazy-engine")]
    enccfg_playground::services::engine::warm_on_intent();
    wasm_bindgen_futures::spawn_local(async {
        let boot = session::Boot::read(session::read_shared_link().await);
        // A start other than the first visit's is analysed before the page is drawn (a failed
        // load is shown by the page, which keeps the text).
        #[cfg(feature = "lazy-engine")]
        if boot.needs_engine() {
            let _ = enccfg_playground::engine::ready().await;
        }
        if let Some(message) = gloo_utils::document().get_element_by_id("boot") {
            message.remove();
        }
        yew::Renderer::<App>::with_props(AppProps {
            boot: Some(Rc::new(boot)),
        })
        .render();
    });
}
