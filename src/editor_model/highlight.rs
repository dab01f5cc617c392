//! Light YAML highlighting, one line at a time (no state carried between lines, so any visible
//! line can be drawn on its own): mapping keys, comments, quoted strings and punctuation.

/// What a piece of a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    Key,
    String,
    Comment,
    Punct,
}

impl TokenClass {
    /// The CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenClass::Key => "tk",
            TokenClass::String => "ts",
            TokenClass::Comment => "tc",
            TokenClass::Punct => "tp",
        }
    }
}

/// Characters `from..to` (char indices in the line) are of `class`; the rest is plain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub from: usize,
    pub to: usize,
    pub class: TokenClass,
}

/// The tokens of one line, in order and not overlapping.
pub fn highlight(line: &str) -> Vec<Token> {
    let chars: Vec<char> = line.chars().collect();
    let mut tokens = Vec::new();
    let mut push = |from: usize, to: usize, class| {
        if to > from {
            tokens.push(Token { from, to, class });
        }
    };
    let n = chars.len();
    let blank_or_end = |i: usize| i >= n || chars[i].is_whitespace();
    let mut i = 0;
    let mut key_allowed = true;
    let mut flow = 0usize;
    if (line.starts_with("---") || line.starts_with("...")) && blank_or_end(3) {
        push(0, 3, TokenClass::Punct);
        i = 3;
    }
    while i < n {
        let c = chars[i];
        match c {
            ' ' | '\t' => i += 1,
            '#' if i == 0 || chars[i - 1].is_whitespace() => {
                push(i, n, TokenClass::Comment);
                break;
            }
            '-' | '?' if blank_or_end(i + 1) && flow == 0 => {
                push(i, i + 1, TokenClass::Punct);
                i += 1;
                key_allowed = true;
            }
            ':' if blank_or_end(i + 1)
                || (flow > 0 && matches!(chars.get(i + 1), Some(',' | '}' | ']'))) =>
            {
                push(i, i + 1, TokenClass::Punct);
                i += 1;
                key_allowed = false;
            }
            '{' | '[' | '}' | ']' | ',' => {
                push(i, i + 1, TokenClass::Punct);
                match c {
                    '{' | '[' => flow += 1,
                    '}' | ']' => flow = flow.saturating_sub(1),
                    _ => {}
                }
                key_allowed = c != ']' && c != '}';
                i += 1;
            }
            '"' | '\'' => {
                let end = quoted_end(&chars, i);
                let class = if key_allowed && is_key_end(&chars, end, flow) {
                    TokenClass::Key
                } else {
                    TokenClass::String
                };
                push(i, end, class);
                i = end;
                key_allowed = false;
            }
            _ => {
                let start = i;
                while i < n {
                    let stop = match chars[i] {
                        ':' => {
                            blank_or_end(i + 1)
                                || (flow > 0 && matches!(chars.get(i + 1), Some(',' | '}' | ']')))
                        }
                        '#' => chars[i - 1].is_whitespace(),
                        ',' | '}' | ']' | '[' | '{' => flow > 0,
                        _ => false,
                    };
                    if stop {
                        break;
                    }
                    i += 1;
                }
                let mut end = i;
                while end > start && chars[end - 1].is_whitespace() {
                    end -= 1;
                }
                if key_allowed && i < n && chars[i] == ':' {
                    push(start, end, TokenClass::Key);
                }
                key_allowed = false;
            }
        }
    }
    tokens
}

/// The index after the closing quote of the string opening at `open` (or the line end).
fn quoted_end(chars: &[char], open: usize) -> usize {
    let quote = chars[open];
    let mut i = open + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if quote == '"' => i += 2,
            '\'' if quote == '\'' && chars.get(i + 1) == Some(&'\'') => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// Whether a `:` that ends a key follows `at` (spaces allowed before it).
fn is_key_end(chars: &[char], at: usize, flow: usize) -> bool {
    let mut i = at;
    while i < chars.len() && chars[i] == ' ' {
        i += 1;
    }
    chars.get(i) == Some(&':')
        && (i + 1 >= chars.len()
            || chars[i + 1].is_whitespace()
            || (flow > 0 && matches!(chars[i + 1], ',' | '}' | ']')))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line with each token wrapped as `<class:text>`.
    fn show(line: &str) -> String {
        let chars: Vec<char> = line.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        for t in highlight(line) {
            out.extend(&chars[at..t.from]);
            out.push_str(&format!("<{}:", t.class.as_str()));
            out.extend(&chars[t.from..t.to]);
            out.push('>');
            at = t.to;
        }
        out.extend(&chars[at..]);
        out
    }

    #[test]
    fn keys_values_and_comments() {
        assert_eq!(
            show("apiVersion: v1 # c"),
            "<tk:apiVersion><tp::> v1 <tc:# c>"
        );
        assert_eq!(show("  - name: key1"), "  <tp:-> <tk:name><tp::> key1");
        assert_eq!(
            show("      - identity: {}"),
            "      <tp:-> <tk:identity><tp::> <tp:{><tp:}>"
        );
        assert_eq!(show("url: http://x#y"), "<tk:url><tp::> http://x#y");
        assert_eq!(show("# only a comment"), "<tc:# only a comment>");
        assert_eq!(show("---"), "<tp:--->");
    }

    #[test]
    fn strings_and_quoted_keys() {
        assert_eq!(
            show("  secret: \"a\\\"b\""),
            "  <tk:secret><tp::> <ts:\"a\\\"b\">"
        );
        assert_eq!(show("'it''s': 'x'"), "<tk:'it''s'><tp::> <ts:'x'>");
        assert_eq!(show("- '*.*' # all"), "<tp:-> <ts:'*.*'> <tc:# all>");
        assert_eq!(show("a: \"open"), "<tk:a><tp::> <ts:\"open>");
    }

    #[test]
    fn flow_collections() {
        assert_eq!(
            show("- {name: k, secret: \"x\"}"),
            "<tp:-> <tp:{><tk:name><tp::> k<tp:,> <tk:secret><tp::> <ts:\"x\"><tp:}>"
        );
        assert_eq!(
            show("r: [secrets, \"a\"]"),
            "<tk:r><tp::> <tp:[>secrets<tp:,> <ts:\"a\"><tp:]>"
        );
    }

    #[test]
    fn wide_characters_are_counted_as_chars() {
        let tokens = highlight("名前: 値 # 😀");
        assert_eq!(
            tokens[0],
            Token {
                from: 0,
                to: 2,
                class: TokenClass::Key
            }
        );
        assert_eq!(tokens.last().unwrap().to, "名前: 値 # 😀".chars().count());
    }
}
