//! Browser entry point: reads the share link in the address (the browser inflates it, which is
//! asynchronous), then replaces the loading message with the playground.

use enccfg_playground::{session, App, AppProps};

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let shared = session::read_shared_link().await;
        if let Some(boot) = gloo_utils::document().get_element_by_id("boot") {
            boot.remove();
        }
        yew::Renderer::<App>::with_props(AppProps { shared }).render();
    });
}
