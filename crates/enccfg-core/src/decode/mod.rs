//! Decode: our YAML tree → the typed model, as kube-apiserver's strict universal decoder does
//! (type header, YAML 1.1 scalars, case-sensitive fields, unknown fields and duplicate keys by
//! version), then defaulting (facts §1–§3).

mod duplicates;
mod duration;
pub(crate) mod header;
pub(crate) mod model;
mod reader;

use crate::diagnostic::{Diagnostic, Severity};
use crate::field_path::FieldPath;
use crate::options::Options;
use crate::syntax::Node;
use model::{Config, Entry, Field, Key, Keys, Kms, KmsDefaults, Provider, ResourceName};
use reader::{is_null, Fields, Reader};

/// Whether a node is YAML null (`~`, `null`, or nothing).
pub(crate) use reader::is_null as is_null_node;

/// What decoding produced: the model when kube-apiserver's decoder would succeed.
pub(crate) struct Decoded {
    pub config: Option<Config>,
    pub diagnostics: Vec<Diagnostic>,
}

const TOP_FIELDS: &[&str] = &["apiVersion", "kind", "resources"];
const ENTRY_FIELDS: &[&str] = &["resources", "providers"];
const PROVIDER_FIELDS: &[&str] = &["aesgcm", "aescbc", "secretbox", "identity", "kms"];
const KEYS_FIELDS: &[&str] = &["keys"];
const KEY_FIELDS: &[&str] = &["name", "secret"];
const KMS_FIELDS: &[&str] = &["apiVersion", "name", "cachesize", "endpoint", "timeout"];

/// Default KMS timeout: 3s.
pub(crate) const DEFAULT_TIMEOUT_NANOS: i64 = 3_000_000_000;
pub(crate) const DEFAULT_CACHESIZE: i32 = 1000;

/// Decodes `root`; `json` when Go's JSON decoder read the file (numbers keep their Go types,
/// and before 1.31 a repeated object key decodes into the same struct again).
pub(crate) fn decode(root: &Node, options: &Options, json: bool) -> Decoded {
    let mut reader = Reader::new(options, json);
    if !header::check(root, &mut reader) {
        return Decoded {
            config: None,
            diagnostics: reader.diagnostics,
        };
    }
    duplicates::check(root, &mut reader);
    let config = decode_config(root, &mut reader);
    // Both passes walk the tree in their own order: report in source order.
    crate::order::sort_by_key(&mut reader.diagnostics, |d| u64::from(d.range.start));
    let failed = reader
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    Decoded {
        config: config.filter(|_| !failed),
        diagnostics: reader.diagnostics,
    }
}

fn decode_config(root: &Node, r: &mut Reader) -> Option<Config> {
    let fields = r.mapping(root, &FieldPath::Root, TOP_FIELDS)?;
    let resources = list_field(r, &fields, "resources", &FieldPath::Root, decode_entry);
    Some(Config {
        range: root.range,
        head: header::head(root),
        resources,
    })
}

/// A list field `name` of the mapping at `parent`: `None` when missing or null; items that
/// fail to decode are dropped (the failure is already reported and stops validation).
fn list_field<T>(
    r: &mut Reader,
    fields: &Fields<'_>,
    name: &str,
    parent: &FieldPath<'_>,
    mut item: impl FnMut(&mut Reader, &Node, &FieldPath<'_>) -> Option<T>,
) -> Option<Field<Vec<T>>> {
    let (key, value) = fields.get(name)?;
    if is_null(value) {
        return None;
    }
    let path = parent.field(name);
    let items = r.sequence(value, &path)?;
    // Exactly as long as the list (a collected `filter_map` starts at four: half of a
    // two-provider list was spare room).
    let mut decoded = Vec::with_capacity(items.len());
    for (i, node) in items.iter().enumerate() {
        decoded.extend(item(r, node, &path.index(i)));
    }
    Some(Field {
        value: decoded,
        key: key.range,
        value_range: value.range,
    })
}

fn decode_entry(r: &mut Reader, node: &Node, path: &FieldPath<'_>) -> Option<Entry> {
    let empty = Entry {
        range: node.range,
        head: header::head(node),
        resources: None,
        providers: None,
    };
    let Some(fields) = r.mapping(node, path, ENTRY_FIELDS) else {
        // A null element decodes to an empty entry; a wrong type was reported.
        return is_null(node).then_some(empty);
    };
    let resources = list_field(r, &fields, "resources", path, |r, n, p| {
        r.string(n, p).map(|name| ResourceName {
            name,
            range: n.range,
        })
    });
    let providers = list_field(r, &fields, "providers", path, decode_provider);
    Some(Entry {
        resources,
        providers,
        ..empty
    })
}

fn decode_provider(r: &mut Reader, node: &Node, path: &FieldPath<'_>) -> Option<Provider> {
    let mut provider = Provider {
        range: node.range,
        ..Provider::default()
    };
    let Some(fields) = r.mapping(node, path, PROVIDER_FIELDS) else {
        return is_null(node).then_some(provider);
    };
    provider.aesgcm = keys_field(r, &fields, "aesgcm", path);
    provider.aescbc = keys_field(r, &fields, "aescbc", path);
    provider.secretbox = keys_field(r, &fields, "secretbox", path);
    provider.identity = object_field(r, &fields, "identity", path, &[], |_, _, _| Some(()));
    provider.kms = object_field(r, &fields, "kms", path, KMS_FIELDS, decode_kms);
    Some(provider)
}

/// A pointer-to-struct field: `None` when missing or null (Go leaves the pointer nil).
fn object_field<T>(
    r: &mut Reader,
    fields: &Fields<'_>,
    name: &str,
    path: &FieldPath<'_>,
    known: &[&str],
    body: impl FnOnce(&mut Reader, &Fields<'_>, &FieldPath<'_>) -> Option<T>,
) -> Option<Field<T>> {
    let (key, value) = fields.get(name)?;
    let path = path.field(name);
    let merged;
    let node = if r.json && !r.strict {
        // Go decodes every occurrence into the same struct: null resets it, objects merge.
        let all = fields.all(name);
        let live = all.iter().rposition(|v| is_null(v)).map_or(0, |i| i + 1);
        let objects = all.get(live..).unwrap_or_default();
        if objects.len() > 1 {
            let mut pairs = Vec::new();
            for object in objects {
                if !matches!(object.kind, crate::syntax::NodeKind::Mapping(_)) {
                    r.mapping(object, &path, known)?;
                }
                pairs.extend(object.pairs().iter().cloned());
            }
            merged = Node::collection(value.range, crate::syntax::NodeKind::Mapping(pairs.into()));
            &merged
        } else {
            value
        }
    } else {
        value
    };
    let inner = r.mapping(node, &path, known)?;
    let decoded = body(r, &inner, &path)?;
    Some(Field {
        value: decoded,
        key: key.range,
        value_range: value.range,
    })
}

fn keys_field(
    r: &mut Reader,
    fields: &Fields<'_>,
    name: &str,
    path: &FieldPath<'_>,
) -> Option<Field<Keys>> {
    object_field(r, fields, name, path, KEYS_FIELDS, |r, inner, path| {
        let keys = list_field(r, inner, "keys", path, decode_key);
        Some(Keys { keys })
    })
}

fn decode_key(r: &mut Reader, node: &Node, path: &FieldPath<'_>) -> Option<Key> {
    let empty = Key {
        range: node.range,
        head: header::head(node),
        name: None,
        secret: None,
    };
    let Some(fields) = r.mapping(node, path, KEY_FIELDS) else {
        return is_null(node).then_some(empty);
    };
    Some(Key {
        name: r.string_field(&fields, "name", path),
        secret: r.string_field(&fields, "secret", path),
        ..empty
    })
}

fn decode_kms(r: &mut Reader, fields: &Fields<'_>, path: &FieldPath<'_>) -> Option<Box<Kms>> {
    let mut kms = Kms {
        api_version: r.string_field(fields, "apiVersion", path),
        name: r.string_field(fields, "name", path),
        cachesize: r.int32_field(fields, "cachesize", path),
        endpoint: r.string_field(fields, "endpoint", path),
        timeout: r.duration_field(fields, "timeout", path),
        defaults: KmsDefaults::default(),
    };
    kms.defaults = defaults_for(&kms);
    Some(Box::new(kms))
}

/// kube-apiserver's `SetDefaults_KMSConfiguration` (1.27+): timeout 3s when unset, apiVersion
/// `v1` when empty, cachesize 1000 when unset on a v1 provider only.
fn defaults_for(kms: &Kms) -> KmsDefaults {
    let written_version = kms.api_version.as_ref().map_or("", |f| f.value.as_str());
    let api_version_defaulted = written_version.is_empty();
    let api_version = if api_version_defaulted {
        "v1"
    } else {
        written_version
    }
    .to_string();
    let cachesize_defaulted = kms.cachesize.is_none() && api_version == "v1";
    let cachesize = match &kms.cachesize {
        Some(f) => Some(f.value),
        None if cachesize_defaulted => Some(DEFAULT_CACHESIZE),
        None => None,
    };
    KmsDefaults {
        api_version,
        cachesize,
        timeout_nanos: kms
            .timeout
            .as_ref()
            .map_or(DEFAULT_TIMEOUT_NANOS, |f| f.value),
        api_version_defaulted,
        cachesize_defaulted,
        timeout_defaulted: kms.timeout.is_none(),
    }
}
