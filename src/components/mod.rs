//! One component per file; each renders a view model and sends callbacks, nothing more.

mod diagnostics_list;
mod editor;
mod export_panel;
mod health_panel;
mod options_bar;
mod ordering_panel;
mod verdict_line;

pub use diagnostics_list::DiagnosticsList;
pub use editor::Editor;
pub use export_panel::ExportPanel;
pub use health_panel::HealthPanel;
pub use options_bar::OptionsBar;
pub use ordering_panel::OrderingPanel;
pub use verdict_line::VerdictLine;
