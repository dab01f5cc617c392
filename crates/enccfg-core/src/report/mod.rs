//! The findings of one analysed file as text to hand over: JSON (the shape of `enccfg check
//! --format json` for one file), SARIF 2.1.0 (as `--format sarif`), and Markdown for an issue
//! or a review. Built here so that the page's copy buttons and the CLI agree (the CLI's tests
//! compare them); written by hand, as the page carries no JSON library.

mod json;
mod markdown;
mod sarif;

pub use json::{diagnostic as diagnostic_json, json};
pub use markdown::markdown;
pub use sarif::sarif;

/// A JSON string literal (also the page's JSON writer's).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object from members already encoded.
pub(crate) fn object(members: &[(&str, String)]) -> String {
    let inner: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("{}:{v}", quote(k)))
        .collect();
    format!("{{{}}}", inner.join(","))
}

/// An array from items already encoded.
pub(crate) fn array(items: &[String]) -> String {
    format!("[{}]", items.join(","))
}

/// A string or `null`.
pub(crate) fn opt(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), quote)
}
