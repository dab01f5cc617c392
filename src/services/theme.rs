//! Applies the theme: `data-theme` on the root element (the CSS follows the system when absent).

use crate::url_params::Theme;

pub fn apply(theme: Theme) {
    let Some(root) = gloo_utils::document().document_element() else {
        return;
    };
    let _ = match theme {
        Theme::Auto => root.remove_attribute("data-theme"),
        other => root.set_attribute("data-theme", other.as_str()),
    };
}
