//! One stable sort for the lists the core and the page put in order (diagnostics by position,
//! edits, rows). Each `sort_by_key` on a new element type compiles its own copy of the standard
//! library's stable sort, about 3 KB of WebAssembly each (eight of them were in the page); this
//! sorts `(key, index)` pairs with a single instance and then swaps the elements into place.

/// Sorts `items` by `key`, keeping the first order among equal keys (like `sort_by_key`).
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = items.iter().map(&key).zip(0..).collect();
    if order.is_sorted() {
        return;
    }
    order.sort_unstable();
    // In place, cycle by cycle: position `to` takes the element at `order[to].1`. A copy of
    // the items (every diagnostic of a big file) would double the memory at its peak.
    for start in 0..order.len() {
        let mut to = start;
        while let Some(slot) = order.get_mut(to) {
            let from = std::mem::replace(&mut slot.1, DONE);
            if from == DONE || from == start {
                break;
            }
            items.swap(to, from);
            to = from;
        }
    }
}

/// Marks a position of `sort_by_key`'s order whose element is in place.
const DONE: usize = usize::MAX;

/// Two `u32`s as one key that orders by `high`, then `low`.
pub fn pair(high: u32, low: u32) -> u64 {
    (u64::from(high) << 32) | u64::from(low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_the_first_order_of_ties() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn matches_the_standard_stable_sort_on_many_ties() {
        let mut ours: Vec<(u32, u32)> = (0..500u32).map(|i| ((i * 7919) % 13, i)).collect();
        let mut std_sorted = ours.clone();
        std_sorted.sort_by_key(|&(k, _)| k);
        sort_by_key(&mut ours, |&(k, _)| u64::from(k));
        assert_eq!(ours, std_sorted);
    }

    #[test]
    fn long_cycles_and_fixed_points_end_in_place() {
        for n in [0usize, 1, 2, 3, 10, 97] {
            let mut items: Vec<usize> = (0..n).map(|i| (i * 37 + 5) % n.max(1)).collect();
            let mut std_sorted = items.clone();
            std_sorted.sort();
            sort_by_key(&mut items, |&k| k as u64);
            assert_eq!(items, std_sorted, "{n}");
        }
    }

    #[test]
    fn pairs_order_by_the_first_then_the_second() {
        assert!(pair(1, u32::MAX) < pair(2, 0));
        assert!(pair(2, 0) < pair(2, 1));
    }
}
