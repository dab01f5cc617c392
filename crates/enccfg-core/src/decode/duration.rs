//! Go's `time.ParseDuration`, which decodes `kms.timeout`.

/// Nanoseconds, or `None` where Go reports an error.
pub(crate) fn parse_go_duration(text: &str) -> Option<i64> {
    let (negative, mut rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (int_part, after) = rest.split_at(int_len);
        let (frac_part, after) = match after.strip_prefix('.') {
            Some(f) => {
                let n = f.bytes().take_while(u8::is_ascii_digit).count();
                f.split_at(n)
            }
            None => ("", after),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        let unit_len = after
            .char_indices()
            .find(|(_, c)| *c == '.' || c.is_ascii_digit())
            .map_or(after.len(), |(i, _)| i);
        let (unit, after) = after.split_at(unit_len);
        let scale: u128 = match unit {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return None,
        };
        let int_value: u128 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().ok()?
        };
        let mut value = int_value.checked_mul(scale)?;
        if !frac_part.is_empty() {
            let digits = &frac_part[..frac_part.len().min(30)];
            let frac: u128 = digits.parse().ok()?;
            let denominator = 10u128.checked_pow(digits.len() as u32)?;
            value = value.checked_add(frac.checked_mul(scale)? / denominator)?;
        }
        total = total.checked_add(value)?;
        if total > (1u128 << 63) {
            return None;
        }
        rest = after;
    }
    if negative {
        Some(-(total as i128) as i64)
    } else if total > i64::MAX as u128 {
        None
    } else {
        Some(total as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_go_duration as d;

    #[test]
    fn accepts_what_go_accepts() {
        assert_eq!(d("3s"), Some(3_000_000_000));
        assert_eq!(d("100ms"), Some(100_000_000));
        assert_eq!(d("1m30s"), Some(90_000_000_000));
        assert_eq!(d("1.5h"), Some(5_400_000_000_000));
        assert_eq!(d("-1m"), Some(-60_000_000_000));
        assert_eq!(d("0"), Some(0));
        assert_eq!(d("0s"), Some(0));
        assert_eq!(d(".5s"), Some(500_000_000));
        assert_eq!(d("2µs"), Some(2_000));
    }

    #[test]
    fn rejects_what_go_rejects() {
        for bad in [
            "",
            "5",
            "3S",
            "1d",
            "s",
            ".s",
            "1.s.",
            "9999999999h",
            "3 s",
            "+",
        ] {
            assert_eq!(d(bad), None, "{bad:?}");
        }
    }
}
