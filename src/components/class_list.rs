//! `class` attributes built from a few parts, the empty ones left out: what the page used
//! `classes!` for, without the hashed set behind it (whose code then stays out of the page).

use yew::AttrValue;

/// `parts` joined by spaces, empty ones left out: `class_list(&["row", when(on, "on")])`.
pub fn class_list(parts: &[&str]) -> AttrValue {
    let mut out = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    AttrValue::from(out)
}

/// `class` when `on`, else nothing (an empty part, which `class_list` leaves out).
pub fn when(on: bool, class: &'static str) -> &'static str {
    if on {
        class
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_joined_and_empty_ones_left_out() {
        assert_eq!(class_list(&["row", when(true, "on"), "", "x"]), "row on x");
        assert_eq!(class_list(&["", when(false, "on")]), "");
    }
}
