//! Editing help: pure functions over the editor's text, a caret offset and [`Options`], for the
//! page to render. They read the text by indentation (`lines`), so they work while the file is
//! half typed and does not parse.
//!
//! - [`hover`]: the documentation of the field whose key is at an offset (type, default,
//!   allowed values, what kube-apiserver does, notes for the chosen version);
//! - [`complete`]: what can be typed at the caret (field names valid there, provider kinds,
//!   `apiVersion: v2` under `kms`, resource names and wildcards);
//! - [`format`]: the canonical layout (`canonical_yaml`) with the comments kept.

mod complete;
mod format;
mod hover;
mod lines;
mod schema;

pub use complete::{complete, Completion};
pub use format::format;
pub use hover::{hover, Hover};
