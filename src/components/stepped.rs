//! Long lists drawn in steps: a file with thousands of rules would otherwise be laid out in one
//! task of many seconds, with the page deaf to typing until it ends. A short list is drawn at
//! once; a long one grows by `STEP` rows per task, each step its own block of rows that later
//! steps leave untouched.

use std::ops::Range;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Rows drawn per task (about 50 ms of layout for an Ordering row on a slow machine).
pub const STEP: usize = 200;

/// How many of `total` rows to draw now. Grows to `total` one step per task; a list that got
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
            let next = (shown < total).then(|| Timeout::new(0, move || drawn.set(shown + STEP)));
            move || drop(next)
        });
    }
    shown.min(total)
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
