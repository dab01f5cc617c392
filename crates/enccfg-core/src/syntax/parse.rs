//! Builds the spanned tree from `saphyr-parser` events, under budgets for nesting depth and
//! alias expansion, turning every failure into a positioned diagnostic.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle as SaphyrStyle, Span};

use super::tabs::TabCheck;
use super::tree::{Node, NodeKind, ScalarStyle};
use crate::diagnostic::{Diagnostic, Severity, TextRange};
use crate::registry;

/// Nesting deeper than this is refused (an EncryptionConfiguration needs about eight levels).
const MAX_DEPTH: usize = 256;
/// The most nodes aliases may add to a document once expanded. Nodes written out are bounded
/// by the text's length; aliases can multiply them, so their copies are budgeted.
const MAX_EXPANDED_NODES: usize = 250_000;

/// The documents of a text and what went wrong reading them.
pub(crate) struct Parsed {
    /// The first document's root (kube-apiserver reads only that one); `None` when there is none
    /// or it could not be read.
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
}

/// How many tabs after `:` in flow collections (valid for go-yaml, refused by the YAML
/// library) are replaced by spaces, one re-parse each, before giving up.
const MAX_FLOW_TAB_RETRIES: usize = 16;

/// Parses `text` into our tree. Total: never panics, bounded in depth and size.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut patched: Option<String> = None;
    let mut retries = 0;
    loop {
        let current = patched.as_deref().unwrap_or(text);
        let mut builder = Builder::new(current);
        builder.allow_flow_tab_retry = retries < MAX_FLOW_TAB_RETRIES;
        builder.run();
        if let Some(at) = builder.flow_tab_at {
            // Same length, and the tab separated tokens: every range and value is unchanged.
            let mut next = current.to_string();
            next.replace_range(at..at + 1, " ");
            patched = Some(next);
            retries += 1;
            continue;
        }
        return Parsed {
            root: builder.first_document,
            diagnostics: builder.diagnostics,
        };
    }
}

/// Runs the YAML library's event loop alone and counts the events (stopping at the first
/// error): the baseline the benchmarks compare [`parse`] and the whole pipeline against.
pub(crate) fn count_events(text: &str) -> usize {
    let mut parser = Parser::new_from_str(text);
    let mut events = 0;
    while let Some(Ok(_)) = parser.next_event() {
        events += 1;
    }
    events
}

/// Converts saphyr's character indices to byte offsets.
struct Offsets<'a> {
    text: &'a str,
    ascii: bool,
    /// Byte offset of every 64th character.
    checkpoints: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let checkpoints = if ascii {
            Vec::new()
        } else {
            text.char_indices().step_by(64).map(|(i, _)| i).collect()
        };
        Offsets {
            text,
            ascii,
            checkpoints,
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        let Some(&base) = self.checkpoints.get(char_index / 64) else {
            return self.text.len();
        };
        self.text[base..]
            .char_indices()
            .nth(char_index % 64)
            .map_or(self.text.len(), |(i, _)| base + i)
    }

    fn range(&self, span: Span) -> TextRange {
        TextRange::new(self.byte(span.start.index()), self.byte(span.end.index()))
    }
}

enum Open {
    Sequence {
        start: usize,
        items: Vec<Node>,
        anchor: usize,
    },
    Mapping {
        start: usize,
        items: Vec<Node>,
        anchor: usize,
    },
}

struct Builder<'a> {
    text: &'a str,
    offsets: Offsets<'a>,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    documents: usize,
    first_document: Option<Node>,
    diagnostics: Vec<Diagnostic>,
    tabs: Option<TabCheck>,
    /// May a refused tab after `:` in a flow collection be replaced and the text re-parsed?
    allow_flow_tab_retry: bool,
    /// Set when that happened: where the tab is.
    flow_tab_at: Option<usize>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            offsets: Offsets::new(text),
            stack: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            documents: 0,
            first_document: None,
            diagnostics: Vec::new(),
            tabs: TabCheck::new(text),
            allow_flow_tab_retry: false,
            flow_tab_at: None,
        }
    }

    /// Is the innermost open collection a flow collection (`[` or `{`)?
    fn in_flow(&self) -> bool {
        let start = match self.stack.last() {
            Some(Open::Sequence { start, .. }) | Some(Open::Mapping { start, .. }) => *start,
            None => return false,
        };
        matches!(self.text.as_bytes().get(start), Some(b'[' | b'{'))
    }

    fn run(&mut self) {
        if self.text.is_empty() {
            self.diagnostics.push(Diagnostic::new(
                &registry::EMPTY_FILE,
                TextRange::empty(0),
                "the file is empty",
            ));
            return;
        }
        if let Some((at, c)) = first_forbidden_char(self.text) {
            self.diagnostics.push(
                Diagnostic::new(
                    &registry::YAML_SYNTAX,
                    TextRange::new(at, at + c.len_utf8()),
                    format!(
                        "the control character U+{:04X} is here, which YAML does not allow in a file",
                        c as u32
                    ),
                )
                .help("remove it: a file copied from a binary or a terminal can carry invisible bytes"),
            );
            return;
        }
        let mut parser = Parser::new_from_str(self.text);
        loop {
            match parser.next_event() {
                None => break,
                Some(Err(error)) => {
                    let at = self.offsets.byte(error.marker().index());
                    // The library points at the tab, or just after it.
                    let tab = [at, at.wrapping_sub(1)]
                        .into_iter()
                        .find(|&i| self.text.as_bytes().get(i) == Some(&b'\t'));
                    if let Some(tab) = tab.filter(|_| {
                        self.allow_flow_tab_retry
                            && error
                                .info()
                                .contains("must be followed by a valid YAML whitespace")
                            && self.in_flow()
                    }) {
                        self.flow_tab_at = Some(tab);
                        return;
                    }
                    let message = describe_scan_error(error.info());
                    let code = if error.info().contains("recursion limit") {
                        &registry::TOO_DEEP
                    } else {
                        &registry::YAML_SYNTAX
                    };
                    let mut diagnostic = Diagnostic::new(
                        code,
                        TextRange::new(at, next_char_end(self.text, at)),
                        message,
                    );
                    if self.documents > 1 {
                        diagnostic = diagnostic
                            .severity(Severity::Warning)
                            .help("this is in a document kube-apiserver ignores; remove everything after the first document");
                    } else {
                        diagnostic = diagnostic.help(syntax_help(self.text, at));
                        self.first_document = None;
                    }
                    self.diagnostics.push(diagnostic);
                    break;
                }
                Some(Ok((event, span))) => {
                    if !self.event(event, span) {
                        self.first_document = None;
                        break;
                    }
                }
            }
        }
        if self.first_document.is_some() {
            if let Some(at) = self.tabs.as_ref().and_then(TabCheck::first_refused) {
                self.diagnostics.push(
                    Diagnostic::new(
                        &registry::YAML_SYNTAX,
                        TextRange::new(at, at + 1),
                        "a tab character is used for indentation here; kube-apiserver's YAML reader accepts only spaces there",
                    )
                    .help("replace the tab with spaces (tabs are fine inside values, comments and [ ] or { } lists)"),
                );
                self.first_document = None;
            }
        }
        if self.documents == 0 && self.diagnostics.is_empty() {
            self.diagnostics.push(
                Diagnostic::new(
                    &registry::EMPTY_FILE,
                    TextRange::empty(0),
                    "the file holds no YAML document, only blank lines or comments",
                )
                .help("start from `apiVersion: apiserver.config.k8s.io/v1` and `kind: EncryptionConfiguration`"),
            );
        }
    }

    /// Handles one event; `false` stops the parse (a budget was exceeded).
    fn event(&mut self, event: Event<'_>, span: Span) -> bool {
        let range = self.offsets.range(span);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if let Some(tabs) = &mut self.tabs {
                    tabs.document(range.start(), self.documents);
                }
                self.anchors.clear();
                if self.documents == 2 {
                    self.diagnostics.push(
                        Diagnostic::new(
                            &registry::EXTRA_DOCUMENTS,
                            TextRange::new(range.start(), line_end(self.text, range.start())),
                            "a second YAML document starts here; kube-apiserver reads only the first one and ignores the rest",
                        )
                        .help("keep a single document in the file"),
                    );
                }
                true
            }
            Event::SequenceStart(anchor, _) => self.open(
                Open::Sequence {
                    start: range.start(),
                    items: Vec::new(),
                    anchor,
                },
                range,
            ),
            Event::MappingStart(anchor, _) => self.open(
                Open::Mapping {
                    start: range.start(),
                    items: Vec::new(),
                    anchor,
                },
                range,
            ),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(tabs) = &mut self.tabs {
                    tabs.close(range.end());
                }
                let Some(open) = self.stack.pop() else {
                    return true;
                };
                let (start, items, anchor, is_map) = match open {
                    Open::Sequence {
                        start,
                        items,
                        anchor,
                    } => (start, items, anchor, false),
                    Open::Mapping {
                        start,
                        items,
                        anchor,
                    } => (start, items, anchor, true),
                };
                let mut end = items.last().map_or(range.start(), |n| n.range.end());
                if range.end() > range.start() {
                    end = end.max(range.end());
                }
                let kind = if is_map {
                    NodeKind::Mapping(pair_up(items).into())
                } else {
                    NodeKind::Sequence(items.into())
                };
                let node = Node::collection(TextRange::new(start, end.max(start)), kind);
                self.finish(node, anchor)
            }
            Event::Scalar(value, style, anchor, tag) => {
                let style = match style {
                    SaphyrStyle::Plain => ScalarStyle::Plain,
                    SaphyrStyle::SingleQuoted | SaphyrStyle::DoubleQuoted => ScalarStyle::Quoted,
                    SaphyrStyle::Literal | SaphyrStyle::Folded => ScalarStyle::Block,
                };
                let tag = tag.map(|t| core_tag_suffix(&t));
                if let Some(tabs) = &mut self.tabs {
                    tabs.cover(range);
                }
                let node = Node::scalar(range, value.into_owned(), style, tag);
                self.finish(node, anchor)
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    self.diagnostics.push(Diagnostic::new(
                        &registry::YAML_SYNTAX,
                        range,
                        "this alias refers to an anchor that is not defined before it",
                    ));
                    return false;
                };
                let mut node = target.clone();
                if !self.count(node.size, range) {
                    return false;
                }
                node.range = range;
                node.merged = false;
                self.finish(node, 0)
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => true,
        }
    }

    fn open(&mut self, open: Open, range: TextRange) -> bool {
        if let Some(tabs) = &mut self.tabs {
            let flow = range.end() > range.start()
                && matches!(self.text.as_bytes().get(range.start()), Some(b'[' | b'{'));
            tabs.open(range.start(), flow);
        }
        if self.stack.len() >= MAX_DEPTH {
            self.diagnostics.push(
                Diagnostic::new(
                    &registry::TOO_DEEP,
                    range,
                    format!("the YAML nesting goes deeper than {MAX_DEPTH} levels here"),
                )
                .help("an EncryptionConfiguration needs fewer than ten levels; look for runaway brackets"),
            );
            return false;
        }
        self.stack.push(open);
        true
    }

    /// Adds `n` alias-expanded nodes to the document's count; `false` past the budget.
    fn count(&mut self, n: usize, range: TextRange) -> bool {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes <= MAX_EXPANDED_NODES {
            return true;
        }
        self.diagnostics.push(
            Diagnostic::new(
                &registry::ALIAS_BUDGET,
                range,
                format!("the aliases in this document expand to more than {MAX_EXPANDED_NODES} YAML nodes, so it is not read further"),
            )
            .help("remove the anchors and aliases (`&name`, `*name`) that repeat large parts of the file"),
        );
        false
    }

    /// Places a completed node into its parent, or makes it the document root.
    fn finish(&mut self, node: Node, anchor: usize) -> bool {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            Some(Open::Sequence { items, .. }) | Some(Open::Mapping { items, .. }) => {
                items.push(node)
            }
            None => {
                if self.documents <= 1 {
                    self.first_document = Some(node);
                }
            }
        }
        true
    }
}

/// Pairs a mapping's flat key/value list and expands `<<` merge keys the way go-yaml v2 does.
fn pair_up(items: Vec<Node>) -> Vec<(Node, Node)> {
    let mut pairs = Vec::with_capacity(items.len() / 2);
    let mut iter = items.into_iter();
    while let (Some(key), Some(value)) = (iter.next(), iter.next()) {
        let is_merge = matches!(
            &key.kind,
            NodeKind::Scalar { value, style: ScalarStyle::Plain, tag: None } if value == "<<"
        );
        if !is_merge {
            pairs.push((key, value));
            continue;
        }
        let sources: Vec<Node> = match value.kind {
            NodeKind::Mapping(_) => vec![value],
            // Earlier maps in a merge list win, so apply them last.
            NodeKind::Sequence(list) => list.iter().rev().cloned().collect(),
            NodeKind::Scalar { .. } => {
                pairs.push((key, value));
                continue;
            }
        };
        for source in sources {
            if let NodeKind::Mapping(merged) = source.kind {
                pairs.extend(merged.iter().cloned().map(|(mut k, v)| {
                    k.merged = true;
                    (k, v)
                }));
            }
        }
    }
    pairs
}

/// `tag:yaml.org,2002:str` → `str`; other tags are kept whole.
fn core_tag_suffix(tag: &saphyr_parser::Tag) -> String {
    if tag.is_yaml_core_schema() {
        tag.suffix.clone()
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

/// The first character kube-apiserver's reader refuses: go-yaml accepts only tab, line breaks
/// and printable characters; a JSON document (which Go's JSON decoder reads) only refuses
/// C0 control characters.
fn first_forbidden_char(text: &str) -> Option<(usize, char)> {
    let json = text.trim_start().starts_with('{');
    text.char_indices().find(|&(_, c)| {
        let c0 = c < ' ' && !matches!(c, '\t' | '\n' | '\r');
        if json {
            return c0;
        }
        c0 || matches!(c, '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
    })
}

fn next_char_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(at, |c| at + c.len_utf8())
}

fn line_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| at + i)
}

/// The YAML library's message, reworded where it is cryptic.
fn describe_scan_error(info: &str) -> String {
    if info.contains("recursion limit") {
        return "the YAML nesting is too deep here (runaway brackets?)".into();
    }
    if info.contains("unprintable character") {
        return "a control character (such as NUL) is here, which YAML does not allow in a file"
            .into();
    }
    if info.contains("tabs disallowed") || info.contains("tab") && info.contains("indent") {
        return "a tab character is used for indentation; YAML indentation must be spaces".into();
    }
    format!("invalid YAML: {info}")
}

/// A hint based on the text around the error.
fn syntax_help(text: &str, at: usize) -> String {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..line_end(text, line_start)];
    if line.contains('\t') {
        "replace the tab characters with spaces".into()
    } else {
        "check the indentation of this line against the lines above it, and look for an unclosed quote or bracket".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        let parsed = parse(text);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        parsed.root.expect("a document")
    }

    #[test]
    fn spans_are_byte_ranges_even_after_wide_characters() {
        let text = "# é😀\nkey: value\n";
        let node = root(text);
        let NodeKind::Mapping(pairs) = node.kind else {
            panic!("mapping")
        };
        let value = &pairs[0].1;
        assert_eq!(&text[value.range.start()..value.range.end()], "value");
    }

    #[test]
    fn syntax_errors_are_positioned() {
        let parsed = parse("a:\n  b: c\n d: [x\n");
        let d = &parsed.diagnostics[0];
        assert_eq!(d.code, "EC0001");
        assert_eq!(d.range.start(), 11);
        assert!(parsed.root.is_none());
    }

    #[test]
    fn aliases_expand_and_merge_keys_merge() {
        let node = root("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n");
        let NodeKind::Mapping(pairs) = node.kind else {
            panic!()
        };
        let NodeKind::Mapping(other) = &pairs[1].1.kind else {
            panic!()
        };
        let keys: Vec<_> = other
            .iter()
            .map(|(k, _)| k.scalar_text().unwrap())
            .collect();
        assert_eq!(keys, ["x", "y"]);
        assert!(other[0].0.merged);
    }

    #[test]
    fn alias_bombs_stop_at_the_budget() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
        }
        let parsed = parse(&text);
        assert_eq!(parsed.diagnostics[0].code, "EC0003");
        assert!(parsed.root.is_none());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let parsed = parse(&text);
        assert_eq!(parsed.diagnostics[0].code, "EC0004");
    }

    #[test]
    fn only_the_first_document_is_kept() {
        let parsed = parse("a: 1\n---\nb: 2\n");
        assert_eq!(parsed.diagnostics[0].code, "EC0005");
        let NodeKind::Mapping(pairs) = parsed.root.unwrap().kind else {
            panic!()
        };
        assert_eq!(pairs[0].0.scalar_text(), Some("a"));
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(parse("").diagnostics[0].code, "EC0002");
        assert_eq!(parse("# nothing\n\n").diagnostics[0].code, "EC0002");
    }
}
