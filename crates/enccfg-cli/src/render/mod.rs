//! Output formats of `enccfg check`: each turns one [`Report`] into the text to print.

pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use crate::report::Report;

/// `--format`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// Like a compiler: each finding with its source lines, then the verdict.
    Text,
    /// One JSON object (docs/cli.md).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the files).
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
}

pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text::render(report),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report),
    }
}
