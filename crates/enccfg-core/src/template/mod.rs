//! Templates: files that are Jinja/Ansible, Go/Helm or Salt templates of an
//! EncryptionConfiguration rather than the file itself. `scan.rs` finds the template tags and
//! names the style; `render.rs` builds the stand-in text that template mode analyses (each
//! expression replaced by a typed stand-in where it stands, control lines blanked) and maps
//! its positions back to the original text.

mod render;
mod scan;

pub(crate) use render::render;
pub(crate) use scan::detect;
