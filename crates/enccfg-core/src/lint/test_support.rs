//! Test helper for rule files: analyse a file and keep one code's findings.

use crate::diagnostic::Diagnostic;
use crate::options::Options;

/// The diagnostics of `code` that analysing `text` with `options` reports.
pub(crate) fn run_with(text: &str, options: &Options, code: &str) -> Vec<Diagnostic> {
    crate::analyze(text, options)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

/// Like [`run_with`], with the default options (the newest version).
pub(crate) fn run(text: &str, code: &str) -> Vec<Diagnostic> {
    run_with(text, &Options::default(), code)
}

/// The header every test file starts with.
pub(crate) const HEAD: &str =
    "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n";

/// A well-formed, obviously fake 32-byte key (standard base64 of 32 `A` bytes).
pub(crate) const KEY32: &str = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
