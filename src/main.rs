//! Browser entry point: replaces the loading message with the playground.

fn main() {
    if let Some(boot) = gloo_utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<enccfg_playground::App>::new().render();
}
