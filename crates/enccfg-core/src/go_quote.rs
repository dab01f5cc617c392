//! A byte quoted as Go's `encoding/json` error messages show it (`quoteChar`): kube-apiserver's
//! JSON decoder names the byte it stopped at, `invalid character '\x01' looking for beginning of
//! value`, and Go's URL parser's messages do the same through `strconv.Quote`.

/// The byte as the character of the same number (Go's `string(c)` of a byte: `0xC2` is `'Â'`,
/// not the start of a UTF-8 sequence), quoted as `strconv.Quote` writes it, in single quotes:
/// `\a \b \f \n \r \t \v`, `\x01` below U+0080, `\u0085` for the other characters Go does not
/// print (U+0080 to U+00A0 and the soft hyphen U+00AD); `'\''` and `'"'` as Go writes them.
pub(crate) fn go_quote_byte(byte: u8) -> String {
    let escape = match byte {
        b'\'' => "\\'",
        0x07 => "\\a",
        0x08 => "\\b",
        0x0c => "\\f",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        0x0b => "\\v",
        0x00..=0x1f | 0x7f => return format!("'\\x{byte:02x}'"),
        0x80..=0xa0 | 0xad => return format!("'\\u{byte:04x}'"),
        _ => return format!("'{}'", char::from(byte)),
    };
    format!("'{escape}'")
}

#[cfg(test)]
mod tests {
    use super::go_quote_byte;

    #[test]
    fn bytes_are_quoted_as_go_quotes_them() {
        let cases: [(u8, &str); 13] = [
            (b'x', "'x'"),
            (b'"', "'\"'"),
            (b'\'', "'\\''"),
            (b'\n', "'\\n'"),
            (0x07, "'\\a'"),
            (0x0b, "'\\v'"),
            (0x01, "'\\x01'"),
            (0x1f, "'\\x1f'"),
            (0x7f, "'\\x7f'"),
            (0x85, "'\\u0085'"),
            (0xa0, "'\\u00a0'"),
            (0xad, "'\\u00ad'"),
            // The first byte of a two-byte UTF-8 sequence, as Go shows it.
            (0xc2, "'Â'"),
        ];
        for (byte, want) in cases {
            assert_eq!(go_quote_byte(byte), want, "{byte:#x}");
        }
    }
}
