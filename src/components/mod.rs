//! One component per file; each renders a view model and sends callbacks, nothing more.

mod diagnostics_list;
mod editor;
mod editor_gutter;
mod editor_overlay;
mod embed_bar;
mod example_picker;
mod export_panel;
mod health_panel;
mod help_overlay;
mod key_button;
mod lazy_panel;
mod notice_bar;
mod options_bar;
mod ordering_panel;
mod panel_tabs;
mod share_panel;
mod theme_switch;
mod verdict_line;

pub use diagnostics_list::DiagnosticsList;
pub use editor::Editor;
pub use editor_gutter::EditorGutter;
pub use editor_overlay::EditorOverlay;
pub use embed_bar::EmbedBar;
pub use example_picker::ExamplePicker;
pub use export_panel::ExportPanel;
pub use health_panel::HealthPanel;
pub use help_overlay::HelpOverlay;
pub use key_button::KeyButton;
pub use lazy_panel::LazyPanel;
pub use notice_bar::NoticeBar;
pub use options_bar::OptionsBar;
pub use ordering_panel::OrderingPanel;
pub use panel_tabs::{label as panel_label, PanelTabs};
pub use share_panel::SharePanel;
pub use theme_switch::ThemeSwitch;
pub use verdict_line::VerdictLine;
