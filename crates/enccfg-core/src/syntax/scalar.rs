//! Scalar resolution as kube-apiserver's YAML reader does it (YAML 1.1 rules of go-yaml v2):
//! unquoted `yes`/`on`/`y` are booleans, `~` is null, `0777` is an octal number, and so on.

use super::tree::ScalarStyle;

/// What a scalar means once resolved.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Resolved {
    Null,
    Bool(bool),
    /// An integer that fits in i64 or u64 (kept as i128).
    Int(i128),
    Float(f64),
    Str,
}

impl Resolved {
    /// Words for messages: "a boolean", "null", …
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Resolved::Null => "null",
            Resolved::Bool(_) => "a boolean",
            Resolved::Int(_) => "an integer",
            Resolved::Float(_) => "a number",
            Resolved::Str => "a string",
        }
    }
}

/// Resolves a scalar written with `style` and an optional `!!tag` suffix.
pub(crate) fn resolve(text: &str, style: ScalarStyle, tag: Option<&str>) -> Resolved {
    match tag {
        Some("null" | "bool" | "int") => return resolve_plain(text),
        Some("float") => {
            return match resolve_plain(text) {
                // Within i64 or u64; no 128-bit float conversion in the bundle.
                Resolved::Int(v) => Resolved::Float(match i64::try_from(v) {
                    Ok(v) => v as f64,
                    Err(_) => v as u64 as f64,
                }),
                other => other,
            };
        }
        Some(_) => return Resolved::Str,
        None => {}
    }
    match style {
        ScalarStyle::Plain => resolve_plain(text),
        // Go reads an integer literal into int32 only when it fits; i64 is wide enough to tell.
        ScalarStyle::JsonNumber => match text.parse::<i64>() {
            Ok(v) => Resolved::Int(v.into()),
            Err(_) => Resolved::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
        },
        ScalarStyle::Quoted | ScalarStyle::Block => Resolved::Str,
    }
}

/// go-yaml refuses a scalar whose explicit core tag (`!!int`, `!!float`, `!!bool`, `!!null`,
/// `!!timestamp`) does not match what its text resolves to ("cannot decode !!str `x` as a
/// !!int"). `Some((found, tag))` then, in go-yaml's short names.
pub(crate) fn tag_mismatch(text: &str, tag: &str) -> Option<(&'static str, &'static str)> {
    let resolved = resolve_plain(text);
    let found = match resolved {
        Resolved::Null => "!!null",
        Resolved::Bool(_) => "!!bool",
        Resolved::Int(_) => "!!int",
        Resolved::Float(_) => "!!float",
        Resolved::Str => "!!str",
    };
    let wanted = match tag {
        "null" => "!!null",
        "bool" => "!!bool",
        "int" => "!!int",
        "float" if found == "!!int" => return None,
        "float" => "!!float",
        "timestamp" => "!!timestamp",
        _ => return None,
    };
    (found != wanted).then_some((found, wanted))
}

/// The longest of the words `resolve_plain` matches whole (`false`, `+.inf`, …): a longer
/// scalar skips those comparisons (about forty, on every plain key and value).
const LONGEST_WORD: usize = 5;

/// The bytes those words start with: a scalar that starts otherwise (`name` does, `keys` does
/// not) skips the comparisons too.
const WORD_STARTS: &[u8] = b"~nNyYtTfFoO.+-";

fn resolve_plain(text: &str) -> Resolved {
    let first = text.as_bytes().first();
    if text.len() > LONGEST_WORD || first.is_some_and(|b| !WORD_STARTS.contains(b)) {
        return resolve_by_first_byte(text);
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Resolved::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Resolved::Bool(false)
        }
        ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Resolved::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
        _ => {}
    }
    resolve_by_first_byte(text)
}

/// A number when the text starts like one, else a string.
fn resolve_by_first_byte(text: &str) -> Resolved {
    match text.as_bytes().first().copied().unwrap_or(b' ') {
        b'.' => go_parse_float(text).map_or(Resolved::Str, Resolved::Float),
        b'+' | b'-' | b'0'..=b'9' => resolve_number(text),
        _ => Resolved::Str,
    }
}

fn resolve_number(text: &str) -> Resolved {
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    if let Some(v) = go_parse_int(&plain) {
        return Resolved::Int(v);
    }
    if is_yaml_style_float(&plain) {
        if let Some(f) = go_parse_float(&plain) {
            return Resolved::Float(f);
        }
    }
    let (negative, digits) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.as_str()),
    };
    if let Some(bits) = digits.strip_prefix("0b") {
        if let Ok(v) = i128::from_str_radix(bits, 2) {
            if v <= i64::MAX as i128 {
                return Resolved::Int(if negative { -v } else { v });
            }
        }
    }
    Resolved::Str
}

/// Go's `strconv.ParseInt(s, 0, 64)`, falling back to `ParseUint(s, 0, 64)`.
fn go_parse_int(s: &str) -> Option<i128> {
    let (negative, unsigned) = match (s.strip_prefix('-'), s.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => (false, s),
    };
    let (radix, digits) = if let Some(d) = unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        (16, d)
    } else if let Some(d) = unsigned
        .strip_prefix("0b")
        .or_else(|| unsigned.strip_prefix("0B"))
    {
        (2, d)
    } else if let Some(d) = unsigned
        .strip_prefix("0o")
        .or_else(|| unsigned.strip_prefix("0O"))
    {
        (8, d)
    } else if let Some(d) = unsigned.strip_prefix('0').filter(|d| !d.is_empty()) {
        (8, d)
    } else {
        (10, unsigned)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u128::from_str_radix(digits, radix).ok()?;
    if negative {
        (magnitude <= 1u128 << 63).then(|| -(magnitude as i128))
    } else {
        (magnitude <= u64::MAX as u128).then_some(magnitude as i128)
    }
}

/// go-yaml v2's float pattern: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+') | Some(b'-')) {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e') | Some(b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+') | Some(b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseFloat` for the decimal forms YAML can reach here.
fn go_parse_float(s: &str) -> Option<f64> {
    let ok = s
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !ok {
        return None;
    }
    // Both round correctly to the nearest f64. Go's ParseFloat fails on overflow (`1e400`), so
    // go-yaml keeps such text a string; underflow is zero for both.
    s.parse::<f64>().ok().filter(|f| f.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Resolved {
        resolve(text, ScalarStyle::Plain, None)
    }

    #[test]
    fn decimal_numbers_round_as_go_parse_float_does() {
        let value = |text: &str| go_parse_float(text).map(f64::to_bits);
        let bits = |f: f64| Some(f.to_bits());
        // Halfway cases round to even, also past 19 digits of mantissa (`lexical-parse-float`'s
        // compact parser, used here before, read the last one a unit too low).
        assert_eq!(value("9007199254740993"), bits(9007199254740992.0));
        assert_eq!(value("9007199254740995"), bits(9007199254740996.0));
        assert_eq!(
            value("10872601229877851839084427480997493710e191"),
            Some(8018363052873928374)
        );
        // The ends of the range: the largest finite, overflow (a string to go-yaml), subnormals
        // and underflow to zero.
        assert_eq!(value("1.7976931348623158e308"), bits(f64::MAX));
        assert_eq!(value("1.7976931348623159e308"), None);
        assert_eq!(value("1e400"), None);
        assert_eq!(value("4.9406564584124654e-324"), bits(f64::from_bits(1)));
        assert_eq!(value("2.4703282292062328e-324"), bits(f64::from_bits(1)));
        assert_eq!(value("2.4703282292062327e-324"), bits(0.0));
        assert_eq!(value("1e-400"), bits(0.0));
        // The forms go-yaml's float pattern lets through, and what ParseFloat refuses.
        assert_eq!(value("1."), bits(1.0));
        assert_eq!(value(".5"), bits(0.5));
        assert_eq!(value("-0"), bits(-0.0));
        for refused in [
            "", ".", "e5", "1e", "1e+", "--1", "1.2.3", "1e5e5", "0x10", "1_000",
        ] {
            assert_eq!(value(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn every_whole_word_fits_the_length_and_first_byte_guards() {
        // The words of `resolve_plain`'s match: a longer one, or one starting with a byte not
        // in `WORD_STARTS`, would be skipped by the guards.
        let words = "~ null Null NULL y Y yes Yes YES true True TRUE on On ON n N no No NO false \
            False FALSE off Off OFF .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF";
        for word in words.split_whitespace() {
            assert!(word.len() <= LONGEST_WORD, "{word}");
            let first = word.bytes().next();
            assert!(first.is_some_and(|b| WORD_STARTS.contains(&b)), "{word}");
            assert_ne!(plain(word), Resolved::Str, "{word}");
        }
    }

    #[test]
    fn yaml_1_1_booleans_and_nulls() {
        for t in ["yes", "Yes", "ON", "y", "Y", "true"] {
            assert_eq!(plain(t), Resolved::Bool(true), "{t}");
        }
        for t in ["no", "OFF", "n", "False"] {
            assert_eq!(plain(t), Resolved::Bool(false), "{t}");
        }
        for t in ["~", "null", "NULL", ""] {
            assert_eq!(plain(t), Resolved::Null, "{t}");
        }
        assert_eq!(plain("yEs"), Resolved::Str);
        assert_eq!(resolve("yes", ScalarStyle::Quoted, None), Resolved::Str);
    }

    #[test]
    fn numbers_follow_go_rules() {
        assert_eq!(plain("1000"), Resolved::Int(1000));
        assert_eq!(plain("-5"), Resolved::Int(-5));
        assert_eq!(plain("0777"), Resolved::Int(0o777));
        assert_eq!(plain("0x1F"), Resolved::Int(31));
        assert_eq!(plain("1_000"), Resolved::Int(1000));
        assert_eq!(plain("0b101"), Resolved::Int(5));
        assert_eq!(plain("1e3"), Resolved::Float(1000.0));
        assert_eq!(plain("1.5"), Resolved::Float(1.5));
        assert_eq!(plain(".5"), Resolved::Float(0.5));
        assert_eq!(plain("3s"), Resolved::Str);
        assert_eq!(plain("089"), Resolved::Float(89.0));
        assert_eq!(plain("1.2.3"), Resolved::Str);
        assert_eq!(plain("-"), Resolved::Str);
        assert_eq!(plain("99999999999999999999"), Resolved::Float(1e20));
        assert_eq!(
            resolve("12", ScalarStyle::Plain, Some("str")),
            Resolved::Str
        );
    }
}
