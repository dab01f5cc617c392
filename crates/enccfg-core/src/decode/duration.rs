//! Go's `time.ParseDuration`, which decodes `kms.timeout`.

/// Nanoseconds, or `None` where Go reports an error.
pub(crate) fn parse_go_duration(text: &str) -> Option<i64> {
    let (negative, mut rest) = match (text.strip_prefix('-'), text.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => (false, text),
    };
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    const LIMIT: u64 = 1 << 63;
    let mut total: u64 = 0;
    while !rest.is_empty() {
        if !(rest.starts_with('.') || rest.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        let (int_value, after) = leading_int(rest)?;
        let had_int = after.len() != rest.len();
        let (fraction, scale, after, had_fraction) = match after.strip_prefix('.') {
            Some(f) => {
                let (x, scale, remaining) = leading_fraction(f);
                (x, scale, remaining, remaining.len() != f.len())
            }
            None => (0, 1.0, after, false),
        };
        if !had_int && !had_fraction {
            return None;
        }
        let unit_len = after
            .char_indices()
            .find(|(_, c)| *c == '.' || c.is_ascii_digit())
            .map_or(after.len(), |(i, _)| i);
        let (unit, after) = after.split_at(unit_len);
        let unit: u64 = match unit {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return None,
        };
        if int_value > LIMIT / unit {
            return None;
        }
        let mut value = int_value * unit;
        if fraction > 0 {
            // As Go does: in floating point, truncated toward zero.
            value += (fraction as f64 * (unit as f64 / scale)) as u64;
            if value > LIMIT {
                return None;
            }
        }
        total = total.checked_add(value)?;
        if total > LIMIT {
            return None;
        }
        rest = after;
    }
    if negative {
        Some((total as i64).wrapping_neg())
    } else {
        i64::try_from(total).ok()
    }
}

/// Go's `leadingInt`: the leading digits as a number, `None` past 1<<63.
fn leading_int(s: &str) -> Option<(u64, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    // ASCII digits: a char boundary.
    let (number, rest) = s.split_at_checked(digits)?;
    let mut x: u64 = 0;
    for c in number.bytes() {
        if x > (1 << 63) / 10 {
            return None;
        }
        x = x * 10 + u64::from(c - b'0');
        if x > 1 << 63 {
            return None;
        }
    }
    Some((x, rest))
}

/// Go's `leadingFraction`: digits after the point, ignoring those that would overflow, and
/// the power of ten they are scaled by.
fn leading_fraction(s: &str) -> (u64, f64, &str) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = s.split_at_checked(digits).unwrap_or((s, ""));
    let (mut x, mut scale, mut overflow) = (0u64, 1.0f64, false);
    for c in number.bytes() {
        if overflow {
            continue;
        }
        if x > (i64::MAX as u64) / 10 {
            overflow = true;
            continue;
        }
        let y = x * 10 + u64::from(c - b'0');
        if y > 1 << 63 {
            overflow = true;
            continue;
        }
        x = y;
        scale *= 10.0;
    }
    (x, scale, rest)
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
        assert_eq!(
            d("1.123456789012345678901234567890123h"),
            Some(4_044_444_440_444)
        );
        assert_eq!(d("0.0000000001s"), Some(0));
        assert_eq!(d("-9223372036854775808ns"), Some(i64::MIN));
        assert_eq!(d("2562047h47m16.854775807s"), Some(i64::MAX));
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
            "9223372036854775808ns",
            "2562047h47m16.854775808s",
            "-",
            "1.5.s",
            "x1s",
        ] {
            assert_eq!(d(bad), None, "{bad:?}");
        }
    }
}
