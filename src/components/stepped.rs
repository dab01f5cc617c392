//! Long lists drawn in steps: a file with thousands of rules would otherwise be laid out in one
//! task of many seconds, with the page deaf to typing until it ends. A short list is drawn at
//! once; a long one grows by `STEP` rows per frame, each step its own block of rows that later
//! steps leave untouched.

use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Rows drawn per frame (about 80 ms of layout for Ordering rows on this slow machine).
pub const STEP: usize = 200;

/// How many of `total` rows to draw now. Grows to `total` one step per frame; a list that got
/// shorter starts the next growth from its new length, not from where the longer one ended.
#[hook]
pub fn use_stepped_count(total: usize) -> usize {
    let drawn = use_state(|| STEP);
    let shown = (*drawn).min(total.max(STEP));
    {
        let drawn = drawn.clone();
        use_effect_with((shown, total), move |&(shown, total)| {
            if *drawn != shown {
                // The list shrank: remember where it now ends.
                drawn.set(shown);
            }
            let next = (shown < total).then(|| NextFrame::new(move || drawn.set(shown + STEP)));
            move || drop(next)
        });
    }
    shown.min(total)
}

/// Runs a step in the next animation frame, after the browser has handled that frame's input and
/// scroll events (a chain of timers could keep them waiting on a busy machine). A page that draws
/// no frames (hidden) still gets its step after `FALLBACK_MS`. Dropping it cancels the step.
struct NextFrame {
    frame: Option<i32>,
    _on_frame: Closure<dyn FnMut()>,
    _fallback: Timeout,
}

const FALLBACK_MS: u32 = 250;

/// The step, taken by whichever of the frame and the fallback comes first.
type Pending = Cell<Option<Box<dyn FnOnce()>>>;

impl NextFrame {
    fn new(step: impl FnOnce() + 'static) -> Self {
        let step: Rc<Pending> = Rc::new(Cell::new(Some(Box::new(step))));
        let run = move |step: &Pending| {
            if let Some(step) = step.take() {
                step();
            }
        };
        let on_frame = {
            let step = step.clone();
            Closure::<dyn FnMut()>::new(move || run(&step))
        };
        let frame = gloo_utils::window()
            .request_animation_frame(on_frame.as_ref().unchecked_ref())
            .ok();
        let fallback = Timeout::new(FALLBACK_MS, move || run(&step));
        NextFrame {
            frame,
            _on_frame: on_frame,
            _fallback: fallback,
        }
    }
}

impl Drop for NextFrame {
    fn drop(&mut self) {
        if let Some(frame) = self.frame {
            let _ = gloo_utils::window().cancel_animation_frame(frame);
        }
    }
}

/// Whether a block of `range` draws the same rows from `a` as from `b`: a new analysis that
/// leaves a block's rows as they were (an edit elsewhere in the file) does not redraw it.
pub fn same_rows<T: PartialEq>(a: &Rc<Vec<T>>, b: &Rc<Vec<T>>, range: &Range<usize>) -> bool {
    Rc::ptr_eq(a, b) || a.get(range.clone()) == b.get(range.clone())
}

/// The blocks of `STEP` rows that make up the first `shown` rows.
pub fn blocks(shown: usize) -> impl Iterator<Item = Range<usize>> {
    (0..shown)
        .step_by(STEP)
        .map(move |start| start..(start + STEP).min(shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_with_equal_rows_is_the_same_block() {
        let a = Rc::new(vec![1, 2, 3, 4]);
        let b = Rc::new(vec![1, 2, 9, 4]);
        assert!(same_rows(&a, &a, &(0..4)));
        assert!(same_rows(&a, &b, &(0..2)));
        assert!(!same_rows(&a, &b, &(2..4)));
        // A list that got shorter has no rows where the block was.
        assert!(!same_rows(&a, &Rc::new(vec![1]), &(0..2)));
    }

    #[test]
    fn blocks_cover_the_rows_once_in_order() {
        assert_eq!(blocks(0).count(), 0);
        assert_eq!(blocks(5).collect::<Vec<_>>(), vec![0..5]);
        let ranges: Vec<_> = blocks(2 * STEP + 7).collect();
        assert_eq!(
            ranges,
            vec![0..STEP, STEP..2 * STEP, 2 * STEP..2 * STEP + 7]
        );
    }
}
