//! Counts in English: "1 error", "2 errors", "1 fix", "2 fixes". Every count the CLI prints
//! goes through [`count`], so no summary says "1 errors" or "fix(es)".

/// `n` followed by `singular` when `n` is 1, else by `plural`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "error", "errors"), "1 error");
        assert_eq!(count(0, "error", "errors"), "0 errors");
        assert_eq!(count(2, "fix", "fixes"), "2 fixes");
        assert_eq!(count(1, "fix", "fixes"), "1 fix");
        assert_eq!(
            count(11, "other finding", "other findings"),
            "11 other findings"
        );
    }
}
