//! Pure view models of the code editor's overlay (tested natively): line index and visible
//! window (`lines`), light YAML highlighting (`highlight`), squiggles and gutter markers per line
//! (`marks`), and caret navigation between diagnostics (`navigate`). The component only draws
//! what these return.

mod highlight;
mod lines;
mod marks;
mod navigate;

pub use highlight::{highlight, Token, TokenClass};
pub use lines::{caret_position, visible_window, Lines, Window, LINE_HEIGHT_PX};
pub use marks::{line_runs, GutterMark, LineMarks, Marks, Run, Squiggle};
pub use navigate::{step, under_caret, Target};
