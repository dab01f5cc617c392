//! Format: the canonical layout of the file (`canonical_yaml`: indentation, key order of the
//! docs, one style for lists) with the comments kept. A comment line stays above the line it
//! was above (matched by that line's keys and how many times they occurred before), a comment
//! at the end of a line stays at the end of that line, comments before the first line stay at
//! the top, and a comment whose line is gone is kept at the end. Refuses (`None`) text that
//! does not read or decode, as `canonical_yaml` does.

use rustc_hash::FxHashMap as HashMap;

use super::lines::{scan, LineInfo};
use crate::canonical::canonical_yaml;
use crate::options::Options;

/// The formatted text, or `None` when the text has syntax or decode errors.
pub fn format(text: &str, options: &Options) -> Option<String> {
    let canonical = canonical_yaml(text, options)?;
    let comments = collect(text);
    if comments.is_empty() {
        return Some(canonical);
    }
    let mut above: HashMap<(String, usize), Vec<String>> = HashMap::default();
    let mut trailing: HashMap<(String, usize), String> = HashMap::default();
    let mut top = Vec::new();
    let mut end = Vec::new();
    for c in comments {
        match (c.anchor, c.trailing) {
            (None, _) if c.before_content => top.push(c.text),
            (None, _) => end.push(c.text),
            (Some(a), true) => {
                trailing.insert(a, c.text);
            }
            (Some(a), false) => above.entry(a).or_default().push(c.text),
        }
    }
    let mut out = String::new();
    for t in &top {
        out.push_str(t);
        out.push('\n');
    }
    for (line, anchor) in anchors(&scan(&canonical)) {
        let indent = " ".repeat(line.text.len() - line.text.trim_start().len());
        if let Some(anchor) = &anchor {
            for t in above.remove(anchor).unwrap_or_default() {
                out.push_str(&format!("{indent}{t}\n"));
            }
        }
        out.push_str(&line.text);
        if let Some(t) = anchor.and_then(|a| trailing.remove(&a)) {
            out.push(' ');
            out.push_str(&t);
        }
        out.push('\n');
    }
    let mut rest: Vec<String> = above.into_values().flatten().collect();
    rest.extend(trailing.into_values());
    rest.sort();
    for t in rest.iter().chain(end.iter()) {
        out.push_str(t);
        out.push('\n');
    }
    Some(out)
}

struct Comment {
    text: String,
    /// The line it belongs to, as (keys, occurrence).
    anchor: Option<(String, usize)>,
    trailing: bool,
    /// Before the first line with content.
    before_content: bool,
}

/// Each content line with its anchor: the keys above it and its own key (or its value, for a
/// scalar list item), and how many lines had that same anchor before it.
fn anchors(lines: &[LineInfo]) -> Vec<(&LineInfo, Option<(String, usize)>)> {
    let mut seen: HashMap<String, usize> = HashMap::default();
    lines
        .iter()
        .filter(|l| !l.blank || !l.text.trim().is_empty())
        .map(|l| {
            if l.blank {
                return (l, None);
            }
            let own = match &l.key {
                Some((k, _, _)) => k.clone(),
                None => {
                    let rest = l.text.get(l.col..).unwrap_or("");
                    let cut = trailing_comment(rest).unwrap_or(rest.len());
                    rest.get(..cut).unwrap_or(rest).trim().to_string()
                }
            };
            let key = format!("{}/{own}", l.parents.join("/"));
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            (l, Some((key, *n)))
        })
        .collect()
}

/// Where a comment starts on a content line (` #` outside quotes), if it has one.
fn trailing_comment(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && (prev == ' ' || prev == '\t') => return Some(i),
            None => {}
        }
        prev = c;
    }
    None
}

fn collect(text: &str) -> Vec<Comment> {
    let lines = scan(text);
    let anchored = anchors(&lines);
    let mut out = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut content_seen = false;
    for (line, anchor) in anchored {
        let trimmed = line.text.trim();
        if line.blank {
            if trimmed.starts_with('#') {
                pending.push(trimmed.to_string());
            }
            continue;
        }
        for t in pending.drain(..) {
            out.push(Comment {
                text: t,
                anchor: if content_seen { anchor.clone() } else { None },
                trailing: false,
                before_content: !content_seen,
            });
        }
        content_seen = true;
        if let Some(at) = trailing_comment(&line.text) {
            out.push(Comment {
                text: line.text.get(at..).unwrap_or("").trim_end().to_string(),
                anchor,
                trailing: true,
                before_content: false,
            });
        }
    }
    out.extend(pending.into_iter().map(|t| Comment {
        text: t,
        anchor: None,
        trailing: false,
        before_content: !content_seen,
    }));
    out
}
