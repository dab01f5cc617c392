//! Light, dark or automatic (follow the system) colours.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::url_params::Theme;

pub struct ThemeSwitchProps {
    pub theme: Theme,
    pub on_change: Callback<Theme>,
}

pub fn theme_switch(props: &ThemeSwitchProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(theme) = Theme::parse(&select.value()) {
                on_change.emit(theme);
            }
        })
    };
    html! {
        <label class="theme-switch">
            { "Theme " }
            <select data-testid="theme" {onchange}>
                { for Theme::ALL.iter().map(|t| html! {
                    <option value={t.as_str()} selected={*t == props.theme}>{ label(*t) }</option>
                }) }
            </select>
        </label>
    }
}

fn label(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "auto (system)",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}
