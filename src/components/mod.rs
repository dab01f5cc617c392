//! One component per file; each renders a view model and sends callbacks, nothing more. The
//! small ones without hooks are plain functions of their props (a Yew component costs its own
//! copy of the lifecycle code in the page's bundle).

mod class_list;
mod copy_findings;
mod diagnostics_list;
mod editor;
mod editor_gutter;
mod editor_overlay;
mod embed_bar;
mod example_picker;
mod export_panel;
mod file_open;
mod health_panel;
mod help_overlay;
mod key_button;
mod lazy_panel;
mod notice_bar;
mod options_bar;
mod ordering_panel;
mod panel_tabs;
mod share_panel;
mod stepped;
mod theme_switch;
mod verdict_line;

pub use class_list::{class_list, when};
pub use copy_findings::copy_findings;
pub use diagnostics_list::DiagnosticsList;
pub use editor::Editor;
pub use editor_gutter::EditorGutter;
pub use editor_overlay::EditorOverlay;
pub use embed_bar::{embed_bar, EmbedBarProps};
pub use example_picker::{example_picker, ExamplePickerProps};
pub use export_panel::ExportPanel;
pub use file_open::use_file_open;
pub use health_panel::HealthPanel;
pub use help_overlay::{help_overlay, HELP_CLOSE_ID};
pub use key_button::key_button;
pub use lazy_panel::LazyPanel;
pub use notice_bar::{notice_bar, NoticeBarProps};
pub use options_bar::{options_bar, OptionsBarProps};
pub use ordering_panel::OrderingPanel;
pub use panel_tabs::{label as panel_label, panel_tabs, PanelTabsProps};
pub use share_panel::{share_panel, SharePanelProps};
pub use theme_switch::{theme_switch, ThemeSwitchProps};
pub use verdict_line::{verdict_line, VerdictProps};
