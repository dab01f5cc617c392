//! The editor text's line index (the core's `LineIndex`), and the window of lines worth drawing
//! for a scroll position (the overlay draws only those).

/// Every editor line is this tall (the CSS sets the same `line-height`).
pub const LINE_HEIGHT_PX: f64 = 21.0;
/// Lines drawn above and below the visible ones.
const OVERSCAN: usize = 20;
/// The window moves in steps of this many lines, so scrolling re-renders rarely.
const STEP: usize = 10;

/// The editor text with its line index, built once per edit: line starts, lines without their
/// breaks, caret (UTF-16) ↔ byte ↔ line/column, all from the core's one position service.
pub type Lines = enccfg_core::LineIndex<std::rc::Rc<str>>;

/// Where a caret at UTF-16 offset `utf16` (`selectionStart`) is: 1-based line and column in
/// chars, for the status line.
pub fn caret_position(lines: &Lines, utf16: u32) -> enccfg_core::Position {
    lines.position(lines.byte_of_utf16(utf16))
}

/// Lines `first..end` (0-based) are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub end: usize,
}

/// The lines to draw when the textarea is scrolled to `scroll_top` and shows `viewport` pixels.
pub fn visible_window(scroll_top: f64, viewport: f64, total: usize) -> Window {
    let top = ((scroll_top.max(0.0) / LINE_HEIGHT_PX) as usize).min(total.saturating_sub(1));
    let shown = (viewport.max(0.0) / LINE_HEIGHT_PX).ceil() as usize + 1;
    let first = (top / STEP * STEP).saturating_sub(OVERSCAN);
    let end = (top / STEP * STEP + STEP + shown + OVERSCAN).min(total);
    Window {
        first: first.min(end),
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_count_utf16_units_and_land_on_lines() {
        let lines = Lines::new("ab\r\nx😀y\n".into());
        let at = |utf16| {
            let p = caret_position(&lines, utf16);
            (p.line, p.column)
        };
        assert_eq!(lines.line_count(), 3);
        assert_eq!((at(0), at(4), at(5)), ((1, 1), (2, 1), (2, 2)));
        assert_eq!(at(6), (2, 2)); // inside the emoji's surrogate pair
        assert_eq!(at(7), (2, 3)); // after the emoji (two UTF-16 units)
        assert_eq!((at(9), at(999)), ((3, 1), (3, 1)));
    }

    #[test]
    fn the_window_covers_the_viewport_and_moves_in_steps() {
        let w = visible_window(0.0, 420.0, 5000);
        assert_eq!(w.first, 0);
        assert!(w.end >= 21 && w.end < 80);
        let far = visible_window(4000.0 * LINE_HEIGHT_PX, 420.0, 5000);
        assert!(far.first <= 4000 && far.end >= 4021);
        assert!(far.end - far.first < 100);
        assert_eq!(visible_window(4001.0 * LINE_HEIGHT_PX, 420.0, 5000), far);
        let end = visible_window(1e9, 420.0, 5000);
        assert_eq!(end.end, 5000);
        assert!(end.first < end.end);
        assert_eq!(visible_window(0.0, 400.0, 3), Window { first: 0, end: 3 });
    }
}
