//! Resource → providers: for every resource rule, in kube-apiserver's precedence, the
//! concatenated provider chain, who writes, who reads, and what stays readable.

use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use crate::decode::model::{Config, Provider, ProviderKind};
use crate::diagnostic::TextRange;
use crate::validate::parse_group_resource;

/// How a rule matches, highest precedence first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precedence {
    /// `secrets`, `deployments.apps`.
    Exact,
    /// `*.apps`, or `*.` for the core group.
    GroupWildcard,
    /// `*.*`.
    Everything,
    /// No rule: the identity transformer (plaintext).
    Unlisted,
}

/// One provider (and key) as the views name it: `aescbc:key1`, `kms:myKms`, `identity`.
///
/// Its texts are shared (`Rc<str>`): every resource of an entry carries the entry's chain, so a
/// copy must not copy them (a file with long resource lists has one row per name).
#[derive(Clone, Debug, PartialEq)]
pub struct ProviderRef {
    pub kind: &'static str,
    /// The key name (aes*, secretbox) or the KMS `name`.
    pub key: Option<Rc<str>>,
    /// `v1` or `v2` for KMS.
    pub kms_version: Option<Rc<str>>,
    pub label: Rc<str>,
    /// The prefix values written by this provider/key carry (`None` for identity).
    pub prefix: Option<Rc<str>>,
    /// Where the provider is in the file.
    pub range: TextRange,
    pub entry: usize,
    pub index: usize,
}

/// One resource rule in effect.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleRow {
    /// As written (`secrets`, `*.apps`, `*.*`), or `(unlisted)`.
    pub resource: String,
    pub precedence: Precedence,
    /// The entries naming this resource, in file order (their providers are concatenated).
    pub entries: Vec<usize>,
    /// Where the name is written (first occurrence).
    pub range: TextRange,
    /// The provider that encrypts new writes, with its first key.
    pub write: ProviderRef,
    /// Every provider/key tried on reads, in order.
    pub read: Vec<ProviderRef>,
    /// New writes are stored in plaintext.
    pub writes_plaintext: bool,
    /// Existing plaintext stays readable (an `identity` provider is in the chain).
    pub reads_plaintext: bool,
    /// Labels of providers/keys that only decrypt older data (not the writer).
    pub older_keys: Vec<Rc<str>>,
}

/// All rules in precedence order, then the row for unlisted resources.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Ordering {
    pub rows: Vec<RuleRow>,
}

fn provider_refs(provider: &Provider, entry: usize, index: usize) -> Vec<ProviderRef> {
    let Some((kind, _)) = provider.first_kind() else {
        return Vec::new();
    };
    let make =
        |key: Option<String>, kms_version: Option<String>, prefix: Option<String>| ProviderRef {
            kind: kind.as_str(),
            label: match &key {
                Some(k) => format!("{}:{k}", kind.as_str()).into(),
                None => kind.as_str().into(),
            },
            key: key.map(Rc::from),
            kms_version: kms_version.map(Rc::from),
            prefix: prefix.map(Rc::from),
            range: provider.range,
            entry,
            index,
        };
    match kind {
        ProviderKind::Identity => vec![make(None, None, None)],
        ProviderKind::Kms => {
            // `kinds()` lists only kinds that are set, so `kms` is.
            let Some(kms) = provider.kms.as_ref().map(|f| &f.value) else {
                return Vec::new();
            };
            let version = kms.defaults.api_version.clone();
            let name = kms.name_text().to_string();
            let prefix = format!("k8s:enc:kms:{version}:{name}:");
            vec![make(Some(name), Some(version), Some(prefix))]
        }
        ProviderKind::Aesgcm | ProviderKind::Aescbc | ProviderKind::Secretbox => {
            let keys = provider
                .keys_of(kind)
                .map_or(&[][..], |b| b.value.keys_list());
            keys.iter()
                .map(|key| {
                    let name = key
                        .name
                        .as_ref()
                        .map_or("", |f| f.value.as_str())
                        .to_string();
                    let prefix = format!("k8s:enc:{}:v1:{name}:", kind.as_str());
                    make(Some(name), None, Some(prefix))
                })
                .collect()
        }
    }
}

fn identity_ref() -> ProviderRef {
    ProviderRef {
        kind: "identity",
        key: None,
        kms_version: None,
        label: "identity".into(),
        prefix: None,
        range: TextRange::default(),
        entry: usize::MAX,
        index: usize::MAX,
    }
}

fn precedence_of(name: &str) -> Precedence {
    let (resource, group) = parse_group_resource(name);
    match (resource, group) {
        ("*", "*") => Precedence::Everything,
        ("*", _) => Precedence::GroupWildcard,
        _ => Precedence::Exact,
    }
}

pub(crate) fn build(config: &Config) -> Ordering {
    // Rules in file order within each precedence (exact, group wildcard, everything), keyed by
    // parsed (resource, group) borrowed from the model, concatenating entries that name the
    // same one. Keeping one list per precedence avoids sorting (and copying) the rows.
    let entries = config.resources_list();
    // Most names are exact and distinct: room for all of them at once, rather than doubling
    // (which may leave room for twice as many rows as there are).
    let names: usize = entries.iter().map(|e| e.resources_list().len()).sum();
    let mut by_precedence: [Vec<RuleRow>; 3] = Default::default();
    if let Some(exact) = by_precedence.first_mut() {
        exact.reserve_exact(names);
    }
    let mut rule_index: HashMap<(&str, &str), (usize, usize)> = HashMap::default();
    rule_index.reserve(names);
    for (i, entry) in entries.iter().enumerate() {
        let providers = entry.providers_list();
        let chain: Vec<ProviderRef> = providers
            .iter()
            .enumerate()
            .flat_map(|(j, p)| provider_refs(p, i, j))
            .collect();
        for name in entry.resources_list() {
            let id = parse_group_resource(&name.name);
            let known = rule_index
                .get(&id)
                .and_then(|&(list, k)| by_precedence.get_mut(list)?.get_mut(k));
            match known {
                Some(row) => {
                    if row.entries.last() != Some(&i) {
                        row.entries.push(i);
                        row.read.extend(chain.iter().cloned());
                    }
                }
                None => {
                    let precedence = precedence_of(&name.name);
                    let list = precedence as usize;
                    let Some(rows) = by_precedence.get_mut(list) else {
                        continue;
                    };
                    rule_index.insert(id, (list, rows.len()));
                    rows.push(RuleRow {
                        resource: name.name.clone(),
                        precedence,
                        entries: vec![i],
                        range: name.range,
                        write: identity_ref(),
                        read: chain.clone(),
                        writes_plaintext: true,
                        reads_plaintext: false,
                        older_keys: Vec::new(),
                    });
                }
            }
        }
    }
    drop(rule_index);
    let [mut rows, group_wildcards, everything] = by_precedence;
    rows.reserve_exact(group_wildcards.len() + everything.len() + 1);
    rows.extend(group_wildcards);
    rows.extend(everything);
    rows.push(RuleRow {
        resource: "(unlisted)".into(),
        precedence: Precedence::Unlisted,
        entries: Vec::new(),
        range: TextRange::default(),
        write: identity_ref(),
        read: vec![identity_ref()],
        writes_plaintext: true,
        reads_plaintext: true,
        older_keys: Vec::new(),
    });
    rows.iter_mut().for_each(finish);
    Ordering { rows }
}

/// Derives the writer and what stays readable from the read chain.
fn finish(row: &mut RuleRow) {
    if let Some(first) = row.read.first() {
        row.write = first.clone();
    }
    row.writes_plaintext = row.write.kind == "identity";
    row.reads_plaintext = row.read.iter().any(|p| p.kind == "identity");
    row.older_keys = row
        .read
        .iter()
        .skip(1)
        .filter(|p| p.kind != "identity" && p.label != row.write.label)
        .map(|p| p.label.clone())
        .collect();
}

/// Which rule applies to a resource name such as `deployments.apps`.
#[derive(Clone, Debug, PartialEq)]
pub struct Lookup {
    /// The parsed resource and group (`""` for the core group).
    pub resource: String,
    pub group: String,
    /// Index into `Ordering::rows` (the `(unlisted)` row when nothing matches).
    pub row: usize,
    /// Why that rule, in words.
    pub reason: String,
    /// Other rules that also match but lose on precedence.
    pub shadowed: Vec<String>,
}

/// kube-apiserver's choice for `name`: exact `r.g`, else `*.g` (`*.` for core), else `*.*`,
/// else identity.
pub fn lookup(ordering: &Ordering, name: &str) -> Lookup {
    let name = name.trim();
    let (resource, group) = parse_group_resource(name);
    let matches_row = |row: &RuleRow| {
        if row.precedence == Precedence::Unlisted {
            return false;
        }
        let (r, g) = parse_group_resource(&row.resource);
        (r == resource && g == group) || (r == "*" && (g == group || g == "*"))
    };
    let mut candidates: Vec<(usize, &RuleRow)> = ordering
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches_row(r))
        .collect();
    crate::order::sort_by_key(&mut candidates, |(_, r)| r.precedence as u64);
    let group_words = if group.is_empty() {
        "the core group".to_string()
    } else {
        format!("group `{group}`")
    };
    let (row, reason) = match candidates.first() {
        Some((i, r)) => (
            *i,
            match r.precedence {
                Precedence::Exact => format!("`{}` names this resource exactly", r.resource),
                Precedence::GroupWildcard => format!(
                    "no exact rule; `{}` covers every resource of {group_words}",
                    r.resource
                ),
                _ => "no exact or group rule; `*.*` covers every resource".to_string(),
            },
        ),
        None => (
            ordering.rows.len().saturating_sub(1),
            "no rule matches: kube-apiserver stores it unencrypted (identity)".to_string(),
        ),
    };
    Lookup {
        resource: resource.to_string(),
        group: group.to_string(),
        row,
        reason,
        shadowed: candidates
            .iter()
            .skip(1)
            .map(|(_, r)| r.resource.clone())
            .collect(),
    }
}
