//! The YAML path: builds the spanned tree from `libyaml-safer` events (a port of libyaml, as
//! kube-apiserver's go-yaml v2 is), with go-yaml's differences applied (`goyaml.rs`), its
//! reader's chunks (`reader.rs`), budgets for nesting depth and alias expansion, and every
//! failure turned into a positioned diagnostic. The only file that uses the YAML library.

use rustc_hash::FxHashMap as HashMap;

use libyaml_safer::{
    Encoding, Event, EventData, MappingStyle, Parser, ScalarStyle as LibStyle, SequenceStyle,
};

use super::goyaml::{self, Patch};
use super::reader::ChunkReader;
use super::tree::{Node, NodeKind, ScalarStyle};
use super::Parsed;
use crate::diagnostic::{Diagnostic, TextRange};
use crate::registry;
use crate::source::Source;

/// Nesting deeper than this is refused (an EncryptionConfiguration needs about eight levels).
const MAX_DEPTH: usize = 256;
/// The most nodes aliases may add to a document once expanded. Nodes written out are bounded
/// by the text's length; aliases can multiply them, so their copies are budgeted.
const MAX_EXPANDED_NODES: usize = 250_000;
/// How often the text may be patched and parsed again (where libyaml stops and go-yaml reads
/// on, and for go-yaml's BOM bug, one line at a time).
const MAX_RETRIES: usize = 64;

/// Parses `source` as go-yaml v2 does. Total: never panics, bounded in depth and size.
pub(super) fn parse(source: &Source) -> Parsed {
    let text = source.text.as_str();
    let base = if source.leading_bom && text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let mut patches = goyaml::tag_patches(text);
    patches.extend(goyaml::line_start_bom_patches(text, base));
    // go-yaml's BOM bug (see `goyaml.rs`): where its buffer starts with U+FEFF.
    let bom_spans = goyaml::bom_buffers(text, base, &source.chunk_ends.up_to(text.len()));
    let mut rounds = 0;
    loop {
        rounds += 1;
        let patched = goyaml::apply(text, &patches);
        let mut builder = Builder::new(source, &patched, &patches, base);
        let retry = builder.run();
        let last_round = rounds > MAX_RETRIES;
        if let Some(patch) = retry.filter(|p| !patches.contains(p) && !last_round) {
            patches.push(patch);
            continue;
        }
        if !bom_spans.is_empty() && !last_round {
            let spans = &builder.multi_line_scalars;
            let inside = |at: usize| spans.iter().any(|r| r.start() < at && at < r.end());
            if let Some((start, skip)) = goyaml::next_bom_skip(text, &bom_spans, &patches, inside) {
                // Later lines are decided again once this one is.
                patches.retain(|p| p.replacement != b' ' || p.at < start);
                patches.extend(skip);
                continue;
            }
        }
        return builder.finish();
    }
}

/// Runs the YAML library's event loop alone and counts the events (stopping at the first
/// error): the baseline the benchmarks compare [`parse`] and the whole pipeline against.
pub(crate) fn count_events(text: &str) -> usize {
    // A final `\` gets a line break after it, as the reader gives it (see `reader.rs`).
    let padded;
    let mut input = if text.ends_with('\\') {
        padded = format!("{text}\n");
        padded.as_bytes()
    } else {
        text.as_bytes()
    };
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    parser.take_while(Result::is_ok).count()
}

/// A collection whose end has not been seen yet.
struct Open {
    start: usize,
    items: Vec<Node>,
    anchor: Option<String>,
    mapping: bool,
    flow: bool,
}

struct Builder<'a> {
    source: &'a Source,
    /// The text with go-yaml's patches applied (same length as the source text).
    text: &'a str,
    patches: &'a [Patch],
    /// The file's BOM, when the text still holds it, is skipped as go-yaml's reader skips it;
    /// libyaml's marks start after it. (Any other U+FEFF is a character: at the start of a
    /// line the scanner skips it, and it counts as a column.)
    base: usize,
    stack: Vec<Open>,
    anchors: HashMap<String, Node>,
    nodes: usize,
    documents: usize,
    /// The first document ended: go-yaml reads nothing after it.
    first_done: bool,
    first_document: Option<Node>,
    diagnostics: Vec<Diagnostic>,
    /// A place where libyaml stops and go-yaml does not.
    retry: Option<Patch>,
    /// Scalars that span lines (go-yaml's BOM bug does not touch the lines they hold).
    multi_line_scalars: Vec<TextRange>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a Source, text: &'a str, patches: &'a [Patch], base: usize) -> Self {
        Builder {
            source,
            text,
            patches,
            base,
            stack: Vec::new(),
            anchors: HashMap::default(),
            nodes: 0,
            documents: 0,
            first_done: false,
            first_document: None,
            diagnostics: Vec::new(),
            retry: None,
            multi_line_scalars: Vec::new(),
        }
    }

    fn finish(self) -> Parsed {
        Parsed {
            root: self.first_document,
            diagnostics: self.diagnostics,
        }
    }

    /// Parses; returns a patch when libyaml stopped where go-yaml reads on.
    fn run(&mut self) -> Option<Patch> {
        if self.source.text.is_empty() {
            self.diagnostics.push(Diagnostic::new(
                &registry::EMPTY_FILE,
                TextRange::empty(0),
                "the file is empty",
            ));
            return None;
        }
        let mut reader = ChunkReader::new(
            self.text,
            &self.source.text,
            self.base,
            &self.source.chunk_ends,
            self.source.broken,
        );
        let mut failure = None;
        {
            let mut parser = Parser::new();
            // The encoding is known: libyaml must not take a second BOM for the file's.
            parser.set_encoding(Encoding::Utf8);
            parser.set_input(&mut reader);
            loop {
                match parser.parse() {
                    Ok(event) => {
                        if matches!(event.data, EventData::StreamEnd) || !self.event(event) {
                            break;
                        }
                    }
                    Err(error) => {
                        failure = Some(error);
                        break;
                    }
                }
            }
        }
        if let Some(error) = failure {
            self.library_error(&error, reader.refused);
        }
        if self.retry.is_some() {
            return self.retry;
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
        None
    }

    fn offset(&self, index: u64) -> usize {
        usize::try_from(index)
            .unwrap_or(usize::MAX)
            .saturating_add(self.base)
            .min(self.text.len())
    }

    /// Reports a failure of the reader or the library (or asks for a retry).
    fn library_error(
        &mut self,
        error: &libyaml_safer::Error,
        refused: Option<super::reader::Refused>,
    ) {
        if let Some(refused) = refused {
            let message = match refused.broken {
                Some(problem) => format!("the file's bytes stop being valid text here ({problem})"),
                None => {
                    let c = self
                        .source
                        .text
                        .get(refused.at..)
                        .and_then(|rest| rest.chars().next())
                        .unwrap_or('\0');
                    format!(
                        "the control character U+{:04X} is here, which kube-apiserver's YAML reader does not allow in a file",
                        u32::from(c)
                    )
                }
            };
            let code = if refused.broken.is_some() {
                &registry::INVALID_UTF8
            } else {
                &registry::YAML_SYNTAX
            };
            let help = if refused.broken.is_some() {
                "re-save the file as UTF-8 (or UTF-16 with a byte order mark)"
            } else {
                "remove it: a file copied from a binary or a terminal can carry invisible bytes"
            };
            // Empty at the end of the text (bytes that never complete a character).
            let end = next_char_end(&self.source.text, refused.at);
            self.fail(Diagnostic::new(code, TextRange::new(refused.at, end), message).help(help));
            return;
        }
        let at = error
            .problem_mark()
            .map_or(self.text.len(), |mark| self.offset(mark.index));
        if !self.first_done {
            if let Some(patch) = goyaml::patch_for_error(self.text, at, error.problem()) {
                self.retry = Some(patch);
                return;
            }
        }
        let message = format!(
            "kube-apiserver's YAML reader stops here: {}",
            error.problem()
        );
        let range = TextRange::new(at, next_char_end(self.text, at));
        self.fail(
            Diagnostic::new(&registry::YAML_SYNTAX, range, message)
                .help(syntax_help(self.text, at)),
        );
    }

    /// Records a failure: an error in the first document, else a warning (go-yaml never reads
    /// that far).
    fn fail(&mut self, diagnostic: Diagnostic) {
        if self.first_done {
            return;
        }
        self.first_document = None;
        self.diagnostics.push(diagnostic);
    }

    /// A syntax error at `at`, in go-yaml's words.
    fn go_yaml_error(&mut self, at: usize, problem: &str) -> bool {
        let range = TextRange::new(at, next_char_end(self.text, at));
        let message = format!("kube-apiserver's YAML reader stops here: {problem}");
        self.fail(
            Diagnostic::new(&registry::YAML_SYNTAX, range, message)
                .help(syntax_help(self.text, at)),
        );
        false
    }

    /// Handles one event; `false` stops the parse.
    fn event(&mut self, event: Event) -> bool {
        let start = self.offset(event.start_mark.index);
        let end = self.offset(event.end_mark.index).max(start);
        match event.data {
            EventData::DocumentStart {
                version_directive, ..
            } => {
                self.documents += 1;
                if self.documents > 1 {
                    self.diagnostics.push(
                        Diagnostic::new(
                            &registry::EXTRA_DOCUMENTS,
                            TextRange::new(start, line_end(self.text, start)),
                            "a second YAML document starts here; kube-apiserver reads only the first one and ignores the rest",
                        )
                        .help("keep a single document in the file"),
                    );
                    return false;
                }
                match version_directive {
                    Some(v) if (v.major, v.minor) != (1, 1) => self.go_yaml_error(
                        start,
                        "found incompatible YAML document (only %YAML 1.1 is read)",
                    ),
                    _ => true,
                }
            }
            EventData::DocumentEnd { .. } => {
                self.first_done = true;
                true
            }
            EventData::SequenceStart { anchor, style, .. } => {
                let flow = style == SequenceStyle::Flow;
                self.open(start, end, anchor, false, flow)
            }
            EventData::MappingStart { anchor, style, .. } => {
                let flow = style == MappingStyle::Flow;
                self.open(start, end, anchor, true, flow)
            }
            EventData::SequenceEnd | EventData::MappingEnd => self.close(end),
            EventData::Scalar {
                anchor,
                tag,
                value,
                style,
                ..
            } => self.scalar(start, end, anchor, tag, value, style),
            EventData::Alias { anchor } => {
                let Some(target) = self.anchors.get(&anchor) else {
                    let problem = format!("unknown anchor '{anchor}' referenced");
                    return self.go_yaml_error(start, &problem);
                };
                let mut node = target.clone();
                if !self.count(node.size, TextRange::new(start, end)) {
                    return false;
                }
                node.range = TextRange::new(start, end);
                node.merged = false;
                node.alias = true;
                self.finish_node(node, None)
            }
            EventData::StreamStart { .. } | EventData::StreamEnd => true,
        }
    }

    fn scalar(
        &mut self,
        start: usize,
        end: usize,
        anchor: Option<String>,
        tag: Option<String>,
        mut value: String,
        style: LibStyle,
    ) -> bool {
        let start = skip_properties(self.text, start, end);
        let raw = self.text.get(start..end).unwrap_or_default();
        if raw.bytes().any(|b| b == b'\n' || b == b'\r') {
            self.multi_line_scalars.push(TextRange::new(start, end));
        }
        let style = match style {
            LibStyle::SingleQuoted | LibStyle::DoubleQuoted => ScalarStyle::Quoted,
            LibStyle::Literal | LibStyle::Folded => ScalarStyle::Block,
            _ => ScalarStyle::Plain,
        };
        if let Some(flow) = self.stack.last().filter(|open| open.flow) {
            if style == ScalarStyle::Plain {
                if let Some(at) = goyaml::flow_question_mark(raw) {
                    let closer = if flow.mapping { '}' } else { ']' };
                    return self.go_yaml_error(
                        start + at,
                        &format!("did not find expected ',' or '{closer}'"),
                    );
                }
            }
        }
        if raw.starts_with('"') {
            if let Some(at) = goyaml::escaped_slash(raw) {
                return self.go_yaml_error(
                    start + at,
                    "found unknown escape character (`\\/` is not an escape there)",
                );
            }
        }
        let original = self.source.text.get(start..end).unwrap_or_default();
        goyaml::restore(&mut value, raw, original, start, self.patches);
        let tag = tag.map(|t| {
            t.strip_prefix("tag:yaml.org,2002:")
                .map_or(t.clone(), str::to_string)
        });
        if let Some((found, wanted)) = tag
            .as_deref()
            .and_then(|t| super::scalar::tag_mismatch(&value, t))
        {
            // The value itself is not shown: it may be key material.
            return self.go_yaml_error(
                start,
                &format!(
                    "cannot decode this {found} value as a {wanted}, the type its tag asks for"
                ),
            );
        }
        if tag.as_deref() == Some("binary") {
            // go-yaml decodes `!!binary` (Go's StdEncoding); the bytes become a JSON string,
            // where each byte that is not UTF-8 turns into U+FFFD.
            let Some(bytes) = crate::validate::decode_secret(&value) else {
                return self.go_yaml_error(start, "!!binary value contains invalid base64 data");
            };
            value = go_string(&bytes);
        }
        let node = Node::scalar(TextRange::new(start, end), value, style, tag);
        self.finish_node(node, anchor)
    }

    fn open(
        &mut self,
        start: usize,
        end: usize,
        anchor: Option<String>,
        mapping: bool,
        flow: bool,
    ) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.fail(
                Diagnostic::new(
                    &registry::TOO_DEEP,
                    TextRange::new(start, end.max(start + 1)),
                    format!("the YAML nesting goes deeper than {MAX_DEPTH} levels here"),
                )
                .help("an EncryptionConfiguration needs fewer than ten levels; look for runaway brackets"),
            );
            return false;
        }
        let start = if flow {
            start
        } else {
            skip_properties(self.text, start, end)
        };
        self.stack.push(Open {
            start,
            items: Vec::new(),
            anchor,
            mapping,
            flow,
        });
        true
    }

    fn close(&mut self, end: usize) -> bool {
        let Some(open) = self.stack.pop() else {
            return true;
        };
        let mut last = open.items.last().map_or(open.start, |n| n.range.end());
        if open.flow {
            last = last.max(end);
        }
        let kind = if open.mapping {
            match pair_up(open.items) {
                Ok(pairs) => {
                    let bad_key = pairs
                        .iter()
                        .find_map(|(k, _)| json_key_problem(k).map(|p| (k.range, p)));
                    if let Some((key, problem)) = bad_key {
                        return self.go_yaml_error(key.start(), problem);
                    }
                    NodeKind::Mapping(pairs.into())
                }
                Err(range) => {
                    return self.go_yaml_error(
                        range.start(),
                        "map merge requires map or sequence of maps as the value",
                    );
                }
            }
        } else {
            NodeKind::Sequence(open.items.into())
        };
        let node = Node::collection(TextRange::new(open.start, last.max(open.start)), kind);
        self.finish_node(node, open.anchor)
    }

    /// Adds `n` alias-expanded nodes to the document's count; `false` past the budget.
    fn count(&mut self, n: usize, range: TextRange) -> bool {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes <= MAX_EXPANDED_NODES {
            return true;
        }
        self.fail(
            Diagnostic::new(
                &registry::ALIAS_BUDGET,
                range,
                format!("the aliases expand this document to more than {MAX_EXPANDED_NODES} nodes"),
            )
            .help("remove the anchors and aliases (`&name`, `*name`) that repeat large parts of the file"),
        );
        false
    }

    /// Places a completed node into its parent, or makes it the document root.
    fn finish_node(&mut self, node: Node, anchor: Option<String>) -> bool {
        if let Some(anchor) = anchor {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            Some(open) => open.items.push(node),
            None => {
                if self.documents <= 1 && !self.first_done {
                    self.first_document = Some(node);
                }
            }
        }
        true
    }
}

/// Is `key` go-yaml's merge key: a plain `<<` (implicit, or with the non-specific tag `!`), or
/// any `<<` tagged `!!merge`?
fn is_merge(key: &Node) -> bool {
    match &key.kind {
        NodeKind::Scalar { value, style, tag } if value == "<<" => match tag.as_deref() {
            Some("merge") => true,
            None | Some("!") => *style == ScalarStyle::Plain || tag.is_some(),
            Some(_) => false,
        },
        _ => false,
    }
}

/// Pairs a mapping's flat key/value list and expands `<<` merge keys the way go-yaml v2 does:
/// the value must be a mapping (or an alias of one) or a sequence of those written in place.
/// `Err` holds the range of a merge value that is none of these.
fn pair_up(items: Vec<Node>) -> Result<Vec<(Node, Node)>, TextRange> {
    let mut pairs = Vec::with_capacity(items.len() / 2);
    let mut iter = items.into_iter();
    while let (Some(key), Some(value)) = (iter.next(), iter.next()) {
        if !is_merge(&key) {
            pairs.push((key, value));
            continue;
        }
        let range = value.range;
        let sources: Vec<Node> = match value.kind {
            NodeKind::Mapping(_) => vec![value],
            // Earlier maps in a merge list win, so apply them last.
            NodeKind::Sequence(list) if !value.alias => list.iter().rev().cloned().collect(),
            _ => return Err(range),
        };
        for source in sources {
            let NodeKind::Mapping(merged) = source.kind else {
                return Err(source.range);
            };
            pairs.extend(merged.iter().cloned().map(|(mut k, v)| {
                k.merged = true;
                (k, v)
            }));
        }
    }
    Ok(pairs)
}

/// Why a mapping key cannot become a JSON key (sigs.k8s.io/yaml converts the document to
/// JSON): a list or mapping (go-yaml: "invalid map key"), null, or an integer above i64 (Go
/// reads it as uint64, which the conversion does not support).
fn json_key_problem(key: &Node) -> Option<&'static str> {
    match &key.kind {
        NodeKind::Scalar { value, style, tag } => {
            match super::resolve(value, *style, tag.as_deref()) {
                super::Resolved::Null => Some("unsupported map key: null cannot be a JSON key"),
                super::Resolved::Int(v) if v > i128::from(i64::MAX) => {
                    Some("unsupported map key: an integer this large (uint64) cannot be a JSON key")
                }
                _ => None,
            }
        }
        _ => Some("invalid map key: a list or mapping cannot be a key"),
    }
}

/// Skips a node's properties (`&anchor`, `!tag`) and the blanks, breaks and comments after
/// them: where the node itself starts.
fn skip_properties(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    while at < end && matches!(bytes.get(at), Some(b'&' | b'!')) {
        while at < end && !matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r') | None) {
            at += 1;
        }
        loop {
            match bytes.get(at) {
                Some(b' ' | b'\t' | b'\n' | b'\r') if at < end => at += 1,
                Some(b'#') if at < end => {
                    while at < end && !matches!(bytes.get(at), Some(b'\n' | b'\r') | None) {
                        at += 1;
                    }
                }
                _ => break,
            }
        }
    }
    at.min(end)
}

/// Bytes as Go's JSON encoder writes a Go string: each byte that is not UTF-8 becomes U+FFFD.
fn go_string(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                out.push_str(valid);
                return out;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push(char::REPLACEMENT_CHARACTER);
                bytes = rest.get(1..).unwrap_or_default();
            }
        }
    }
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

/// A hint based on the text around the error.
fn syntax_help(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text
        .get(line_start..line_end(text, line_start))
        .unwrap_or_default();
    if line.contains('\t') {
        "replace the tab characters with spaces".into()
    } else {
        "check the indentation of this line against the lines above it, and look for an unclosed quote or bracket".into()
    }
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Parsed {
        parse(&Source::from_text(text))
    }

    fn root(text: &str) -> Node {
        let parsed = parse_text(text);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        parsed.root.expect("a document")
    }

    #[test]
    fn spans_are_byte_ranges_even_after_wide_characters() {
        let text = "# é😀\nkey: &a !!str value\n";
        let node = root(text);
        let value = &node.pairs()[0].1;
        assert_eq!(&text[value.range.start()..value.range.end()], "value");
    }

    #[test]
    fn syntax_errors_are_positioned() {
        let parsed = parse_text("a:\n  b: c\n d: [x\n");
        let d = &parsed.diagnostics[0];
        assert_eq!(d.code, "EC0001");
        assert_eq!(d.range.start(), 11);
        assert!(parsed.root.is_none());
    }

    #[test]
    fn aliases_expand_and_merge_keys_merge() {
        let node = root("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n");
        let other = &node.pairs()[1].1;
        let keys: Vec<_> = other
            .pairs()
            .iter()
            .map(|(k, _)| k.scalar_text().unwrap())
            .collect();
        assert_eq!(keys, ["x", "y"]);
        assert!(other.pairs()[0].0.merged);
    }

    #[test]
    fn merge_values_must_be_mappings() {
        for text in [
            "a: &s [{x: 1}]\nb:\n  <<: *s\n",
            "b:\n  <<: 1\n",
            "b:\n  <<: [1]\n",
        ] {
            let parsed = parse_text(text);
            assert!(parsed.root.is_none(), "{text}");
            assert!(
                parsed.diagnostics[0].message.contains("map merge"),
                "{text}"
            );
        }
        root("b:\n  <<: [{x: 1}, {y: 2}]\n");
    }

    #[test]
    fn alias_bombs_stop_at_the_budget() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
        }
        let parsed = parse_text(&text);
        assert_eq!(parsed.diagnostics[0].code, "EC0003");
        assert!(parsed.root.is_none());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let parsed = parse_text(&text);
        assert_eq!(parsed.diagnostics[0].code, "EC0004");
    }

    #[test]
    fn only_the_first_document_is_read() {
        let parsed = parse_text("a: 1\n---\nb: [\n");
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].code, "EC0005");
        assert_eq!(parsed.root.unwrap().pairs()[0].0.scalar_text(), Some("a"));
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(parse_text("").diagnostics[0].code, "EC0002");
        assert_eq!(parse_text("# nothing\n\n").diagnostics[0].code, "EC0002");
    }

    #[test]
    fn a_leading_bom_is_skipped_and_positions_count_it() {
        let text = "\u{feff}a: b\n";
        let node = root(text);
        assert_eq!(node.pairs()[0].1.range, TextRange::new(6, 7));
    }
}
