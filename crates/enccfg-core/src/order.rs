//! One stable sort for the lists the core and the page put in order (diagnostics by position,
//! edits, rows). Each `sort_by_key` on a new element type compiles its own copy of the standard
//! library's stable sort, about 3 KB of WebAssembly each (eight of them were in the page); this
//! sorts `(key, index)` pairs with a single instance and then moves each element once.

/// Sorts `items` by `key`, keeping the first order among equal keys (like `sort_by_key`).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = items.iter().map(&key).zip(0..).collect();
    if order.is_sorted() {
        return;
    }
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

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
    fn pairs_order_by_the_first_then_the_second() {
        assert!(pair(1, u32::MAX) < pair(2, 0));
        assert!(pair(2, 0) < pair(2, 1));
    }
}
