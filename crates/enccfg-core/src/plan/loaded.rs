//! One file as the plans read it: the analysis (verdict, views), and the tree and typed model
//! that text edits and key comparisons need.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::analysis::{analyze, Analysis};
use crate::decode::{self, model::Config, model::Provider};
use crate::diagnostic::TextRange;
use crate::line_index::LineIndex;
use crate::options::Options;
use crate::source::Source;
use crate::syntax::{self, Node};
use crate::views::Ordering;

pub(crate) struct Loaded<'t> {
    pub text: &'t str,
    pub analysis: Analysis,
    pub root: Option<Node>,
    /// The decoded model; `None` when the file does not decode.
    pub config: Option<Config>,
    /// Go's JSON decoder reads this file (it starts with `{`): YAML edits would break it.
    pub json: bool,
}

impl<'t> Loaded<'t> {
    pub(crate) fn new(text: &'t str, options: &Options) -> Self {
        let analysis = analyze(text, options);
        let source = Source::from_text(text);
        let root = syntax::parse(&source).root;
        let config = root
            .as_ref()
            .and_then(|root| decode::decode(root, options, source.json).config);
        Loaded {
            text,
            analysis,
            root,
            config,
            json: source.json,
        }
    }

    pub(crate) fn ordering(&self) -> Option<&Ordering> {
        self.analysis.views.as_ref().map(|v| &v.ordering)
    }

    /// Provider `index` of entry `entry`.
    pub(crate) fn provider(&self, entry: usize, index: usize) -> Option<&Provider> {
        self.config
            .as_ref()?
            .resources_list()
            .get(entry)?
            .providers_list()
            .get(index)
    }

    /// The secrets of the keys called `name` in provider `index` of entry `entry` (kube-apiserver
    /// tries each of them on data stored under that name).
    pub(crate) fn secrets_named(&self, entry: usize, index: usize, name: &str) -> Vec<SecretId> {
        let Some(provider) = self.provider(entry, index) else {
            return Vec::new();
        };
        local_keys(provider)
            .iter()
            .filter(|k| k.name.as_ref().map_or("", |f| f.value.as_str()) == name)
            .map(|k| SecretId::of(k.secret.as_ref().map_or("", |f| f.value.as_str())))
            .collect()
    }

    /// The secret of the first key of provider `index` of entry `entry` (the one that writes).
    pub(crate) fn first_secret(&self, entry: usize, index: usize) -> Option<SecretId> {
        let provider = self.provider(entry, index)?;
        let key = local_keys(provider).first()?;
        Some(SecretId::of(
            key.secret.as_ref().map_or("", |f| f.value.as_str()),
        ))
    }

    /// Where the key called `name` of provider `index` of entry `entry` is written.
    pub(crate) fn key_range(&self, entry: usize, index: usize, name: &str) -> Option<TextRange> {
        let provider = self.provider(entry, index)?;
        local_keys(provider)
            .iter()
            .find(|k| k.name.as_ref().map_or("", |f| f.value.as_str()) == name)
            .map(|k| k.range)
    }

    /// The 1-based line of a byte offset.
    pub(crate) fn line(&self, range: TextRange) -> u32 {
        LineIndex::new(self.text).position(range.start()).line
    }
}

/// The keys of a provider's first kind, when it is a local one (aescbc, aesgcm, secretbox).
pub(crate) fn local_keys(provider: &Provider) -> &[crate::decode::model::Key] {
    provider
        .first_kind()
        .and_then(|(kind, _)| provider.keys_of(kind))
        .map_or(&[], |b| b.value.keys_list())
}

/// Key material reduced to what compares: the decoded bytes (or the text when it is not
/// base64). Its `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct SecretId(Vec<u8>);

impl SecretId {
    pub(crate) fn of(secret: &str) -> SecretId {
        let compact: String = secret.chars().filter(|c| !c.is_whitespace()).collect();
        match STANDARD.decode(&compact) {
            Ok(bytes) => SecretId(bytes),
            Err(_) => {
                let mut raw = b"\0text:".to_vec();
                raw.extend_from_slice(secret.as_bytes());
                SecretId(raw)
            }
        }
    }
}

impl std::fmt::Debug for SecretId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretId(REDACTED)")
    }
}
