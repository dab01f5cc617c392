//! The only browser IO of the app. Each function fails softly: a sandboxed iframe, private
//! browsing or a strict browser may refuse storage, the clipboard or downloads, and the page
//! must keep working without them.

pub mod analysis_worker;
pub mod clipboard;
pub mod download;
pub mod editor_text;
pub mod embed;
#[cfg(feature = "lazy-engine")]
pub mod engine;
pub mod extras;
pub mod file_read;
pub mod location;
pub mod module;
pub mod random;
pub mod share_link;
pub mod storage;
pub mod theme;
