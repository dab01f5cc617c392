//! A blank Yew app (one component, one line of text), built with the playground's tools and
//! release profile so `scripts/budget.sh` can print the playground's first visit as a multiple
//! of this stack's floor.

use yew::prelude::*;

#[function_component(Blank)]
fn blank() -> Html {
    html! { <p>{ "blank" }</p> }
}

fn main() {
    yew::Renderer::<Blank>::new().render();
}
