//! Go's `net/url.Parse`, as far as `kms.endpoint` validation needs it: does it fail, and which
//! (lower-cased) scheme does it find. Follows `parse`, `getScheme`, `parseAuthority`,
//! `parseHost`, `validUserinfo` and `unescape` of the Go standard library.

use crate::go_quote::go_quote_byte;

/// The scheme Go's `url.Parse` finds (lower-cased), or the reason it fails.
pub(crate) fn scheme(raw: &str) -> Result<String, String> {
    // `Parse` cuts the fragment off first; only the rest is checked for control bytes.
    let (rest, fragment) = match raw.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (raw, None),
    };
    let scheme = parse(rest)?;
    if let Some(fragment) = fragment {
        unescape(fragment, Mode::Other)?;
    }
    Ok(scheme)
}

fn parse(raw: &str) -> Result<String, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("it contains a control character".into());
    }
    if raw == "*" {
        return Ok(String::new());
    }
    let (scheme, rest) = split_scheme(raw)?;
    let scheme = scheme.to_ascii_lowercase();
    let rest = match rest.split_once('?') {
        Some((before, _query)) => before,
        None => rest,
    };
    if !rest.starts_with('/') {
        if !scheme.is_empty() {
            // An opaque URL such as `unix:relative/path`: nothing else is checked.
            return Ok(scheme);
        }
        let first_segment = rest.split('/').next().unwrap_or("");
        if first_segment.contains(':') {
            return Err("the first path segment contains a colon".into());
        }
    }
    let mut path = rest;
    if let Some(after) = rest
        .strip_prefix("//")
        .filter(|_| !scheme.is_empty() || !rest.starts_with("///"))
    {
        let (authority, tail) = after.split_at(after.find('/').unwrap_or(after.len()));
        parse_authority(authority)?;
        path = tail;
    }
    unescape(path, Mode::Other)?;
    Ok(scheme)
}

fn split_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return Err("it starts with `:` (missing scheme)".into()),
            b':' => {
                let (scheme, rest) = raw.split_at_checked(i).unwrap_or((raw, ""));
                return Ok((scheme, rest.get(1..).unwrap_or("")));
            }
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

fn parse_authority(authority: &str) -> Result<(), String> {
    let (userinfo, host) = match authority.rsplit_once('@') {
        Some((userinfo, host)) => (Some(userinfo), host),
        None => (None, authority),
    };
    parse_host(host)?;
    if let Some(userinfo) = userinfo {
        let valid = userinfo.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '-' | '.'
                        | '_'
                        | ':'
                        | '~'
                        | '!'
                        | '$'
                        | '&'
                        | '\''
                        | '('
                        | ')'
                        | '*'
                        | '+'
                        | ','
                        | ';'
                        | '='
                        | '%'
                        | '@'
                )
        });
        if !valid {
            return Err("the user information before `@` has invalid characters".into());
        }
        unescape(userinfo, Mode::Other)?;
    }
    Ok(())
}

fn parse_host(host: &str) -> Result<(), String> {
    if host.starts_with('[') {
        // `]` and `%25` are ASCII, so every split below falls on a character boundary.
        let Some((inside, after)) = host.rsplit_once(']') else {
            return Err("an IPv6 host is missing its `]`".into());
        };
        valid_optional_port(after)?;
        if let Some(zone) = inside.find("%25") {
            let (address, zone) = inside.split_at(zone);
            unescape(address, Mode::Host)?;
            unescape(zone, Mode::Zone)?;
            return unescape(host.get(inside.len()..).unwrap_or(""), Mode::Host);
        }
    } else if let Some(colon) = host.rfind(':') {
        valid_optional_port(host.split_at(colon).1)?;
    }
    unescape(host, Mode::Host)
}

fn valid_optional_port(port: &str) -> Result<(), String> {
    if port.is_empty() {
        return Ok(());
    }
    match port.strip_prefix(':') {
        Some(digits) if digits.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        _ => Err("it has an invalid port after the host".into()),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Host,
    Zone,
    /// Path, fragment and user information: only `%` escapes are checked.
    Other,
}

/// Go's `unescape`: well-formed `%` escapes everywhere; in a host, `%` may only encode
/// non-ASCII bytes (or be `%25`) and only host characters may appear.
fn unescape(s: &str, mode: Mode) -> Result<(), String> {
    let mut rest = s.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' {
            let (Some(&high), Some(&low)) = (tail.first(), tail.get(1)) else {
                return Err("it has an invalid `%` escape".into());
            };
            if !high.is_ascii_hexdigit() || !low.is_ascii_hexdigit() {
                return Err("it has an invalid `%` escape".into());
            }
            let is_25 = high == b'2' && low == b'5';
            let value = hex(high) << 4 | hex(low);
            let bad = match mode {
                Mode::Host => hex(high) < 8 && !is_25,
                Mode::Zone => !is_25 && value != b' ' && !host_byte(value),
                Mode::Other => false,
            };
            if bad {
                return Err("it has a `%` escape that is not allowed in a host".into());
            }
            rest = tail.get(2..).unwrap_or_default();
        } else {
            if mode != Mode::Other && first < 0x80 && !host_byte(first) {
                return Err(format!(
                    "the host contains the invalid character {}",
                    go_quote_byte(first)
                ));
            }
            rest = tail;
        }
    }
    Ok(())
}

/// ASCII bytes Go allows unescaped in a host (`!shouldEscape(c, encodeHost)`).
fn host_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'-' | b'_'
                | b'.'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
        )
}

fn hex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::scheme;

    #[test]
    fn schemes_as_go_parses_them() {
        for (raw, want) in [
            ("unix:///var/run/kms.sock", "unix"),
            ("UNIX:///x", "unix"),
            ("unix:///@foo", "unix"),
            ("unix:/path", "unix"),
            ("unix://host", "unix"),
            ("unix:relative%zz", "unix"),
            ("/var/run/kms.sock", ""),
            ("https://kms.example:443/x", "https"),
            ("unix://[fe80::1%25en0]:80/x", "unix"),
            ("unix://user:pa%20ss@host/x", "unix"),
            ("unix:///x#\u{1}", "unix"),
            ("*", ""),
        ] {
            assert_eq!(scheme(raw).as_deref(), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn failures_as_go_reports_them() {
        for raw in [
            "unix:///a\nb",
            "unix:///a%zz",
            "unix:///a%4",
            "://x",
            "unix://host:abc/x",
            "unix://[::1/x",
            "unix://a b/x",
            "unix://a%41/x",
            "unix://us er@host/x",
            "unix:///x#%zz",
            "1a:b",
            "\u{7f}",
        ] {
            assert!(scheme(raw).is_err(), "{raw:?}");
        }
    }
}
