//! One component per file; each renders a view model and sends callbacks, nothing more.

mod diagnostics_list;
mod editor;
mod options_bar;
mod verdict_line;

pub use diagnostics_list::DiagnosticsList;
pub use editor::Editor;
pub use options_bar::OptionsBar;
pub use verdict_line::VerdictLine;
