//! enccfg-core: reads a Kubernetes `EncryptionConfiguration` the way kube-apiserver does and says,
//! with a position for every finding, whether kube-apiserver would start with it and why.
//!
//! Invariants:
//! - No IO, no clock, no randomness, no web dependencies (`wasm-bindgen`, `web-sys`, `yew`,
//!   `gloo`); the crate builds for the host and for `wasm32-unknown-unknown`.
//!   `scripts/check-core-deps.sh` checks `cargo tree`.
//! - [`analyze`] is total: any text returns diagnostics in bounded time and memory. No panic,
//!   no unbounded recursion, no alias blow-up (budgets live in `syntax::parse`).
//! - Only `syntax/parse.rs` touches the YAML library; later stages see our spanned tree.
//! - The reader is kube-apiserver's: Go's JSON decoder for a file that starts with `{`, else
//!   go-yaml v2 (`source.rs` decodes the bytes, `syntax/` reads the text).
//! - Messages never contain key material.
//!
//! "Never panics" is checked by the compiler for the library (not its tests): no unsafe code, and
//! none of the ways Rust panics on bad input - `unwrap`/`expect`, `panic!`, out-of-bounds
//! indexing or slicing, string slicing off a character boundary (the attributes below; the
//! workspace's `clippy.toml` lets `#[cfg(test)]` code unwrap and index).
//!
//! Pipeline: text → `syntax` (spanned tree) → `decode` (typed model + defaults) → `validate`
//! (kube-apiserver's field errors) → `load` (masking, KMSv1 gate) → `lint` → suppression
//! comments → verdict. Template mode (`analyze_template`) runs it over stand-in text. Beside it,
//! `plan` compares files, plans rotations and explains run-time errors and stored values.

#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod analysis;
pub mod assist;
mod canonical;
mod decode;
pub mod deploy;
mod diagnostic;
mod export;
mod field_path;
pub mod fix;
mod go_quote;
mod line_index;
mod lint;
mod load;
mod options;
pub mod order;
#[cfg(feature = "full-lints")]
mod placeholder;
pub mod plan;
pub mod redact;
pub mod registry;
pub mod report;
#[cfg(feature = "full-lints")]
mod sha256;
mod source;
#[cfg(feature = "full-lints")]
mod suppress;
mod syntax;
mod template;
mod validate;
pub mod views;
pub mod wire;

pub use analysis::{
    analyze, analyze_bytes, analyze_source, analyze_template, analyze_template_source, Analysis,
};
pub use canonical::canonical_yaml;
pub use diagnostic::{
    Applicability, Diagnostic, Edit, FieldError, FieldErrorType, Fix, Position, Severity, Stage,
    TextRange,
};
pub use export::{export, fix_text, AppliedFix, Export, Form};
pub use line_index::LineIndex;
pub use options::{
    kmsv1_default, Options, Version, KMSV1_GATE_MINOR, NEWEST_MINOR, OLDEST_MINOR, VERSIONS,
};
pub use source::{Encoding, Source};

/// Runs only the YAML library's event pass over `text` and returns the number of events.
/// For benchmarks (the cost of parsing alone, against [`analyze`]); not a stable API.
#[doc(hidden)]
pub fn parse_only(text: &str) -> usize {
    syntax::count_events(text)
}
