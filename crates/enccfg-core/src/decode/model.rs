//! The typed model of an EncryptionConfiguration as decoded, with the place of every field.
//! Fields the file leaves out (or sets to null) are `None`; defaulting fills in KMS values.

use crate::diagnostic::TextRange;

/// A field as written: its value, where its key is, and where its value is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Field<T> {
    pub value: T,
    pub key: TextRange,
    pub value_range: TextRange,
}

/// The whole file (first document).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Config {
    /// The document's top-level mapping, and its first key (where a missing field points).
    pub range: TextRange,
    pub head: TextRange,
    /// `resources`; `None` when missing or null.
    pub resources: Option<Field<Vec<Entry>>>,
}

/// One element of the top-level `resources` list.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    pub range: TextRange,
    pub head: TextRange,
    /// The names; `None` when missing or null.
    pub resources: Option<Field<Vec<ResourceName>>>,
    pub providers: Option<Field<Vec<Provider>>>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ResourceName {
    pub name: String,
    pub range: TextRange,
}

/// One element of `providers`: each kind is `Some` when set (non-null).
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct Provider {
    pub range: TextRange,
    pub aesgcm: Option<Field<Keys>>,
    pub aescbc: Option<Field<Keys>>,
    pub secretbox: Option<Field<Keys>>,
    pub identity: Option<Field<()>>,
    /// Boxed: a KMS body is several times the size of the other kinds, and most providers are
    /// not KMS.
    pub kms: Option<Field<Box<Kms>>>,
}

/// The body of `aesgcm`, `aescbc` or `secretbox`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Keys {
    /// `keys`; `None` when missing or null.
    pub keys: Option<Field<Vec<Key>>>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Key {
    pub range: TextRange,
    pub head: TextRange,
    pub name: Option<Field<String>>,
    /// Key material: never put its text into a message.
    pub secret: Option<Field<String>>,
}

/// The body of `kms`, after decoding; `defaults` records what defaulting filled in.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Kms {
    pub api_version: Option<Field<String>>,
    pub name: Option<Field<String>>,
    pub cachesize: Option<Field<i32>>,
    pub endpoint: Option<Field<String>>,
    /// Nanoseconds.
    pub timeout: Option<Field<i64>>,
    pub defaults: KmsDefaults,
}

/// The KMS values in force once kube-apiserver's defaulting has run.
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct KmsDefaults {
    pub api_version: String,
    pub cachesize: Option<i32>,
    pub timeout_nanos: i64,
    pub api_version_defaulted: bool,
    pub cachesize_defaulted: bool,
    pub timeout_defaulted: bool,
}

impl<T> Field<T> {
    /// The value's range, or the key's when the value is empty.
    pub(crate) fn best_range(&self) -> TextRange {
        if self.value_range.end > self.value_range.start {
            self.value_range
        } else {
            self.key
        }
    }
}

impl Kms {
    /// The effective string fields (null and missing read as empty, as in Go).
    pub(crate) fn name_text(&self) -> &str {
        self.name.as_ref().map_or("", |f| f.value.as_str())
    }

    pub(crate) fn endpoint_text(&self) -> &str {
        self.endpoint.as_ref().map_or("", |f| f.value.as_str())
    }
}

/// The kinds of provider, in the order validation checks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProviderKind {
    Kms,
    Aesgcm,
    Aescbc,
    Secretbox,
    Identity,
}

impl ProviderKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Kms => "kms",
            ProviderKind::Aesgcm => "aesgcm",
            ProviderKind::Aescbc => "aescbc",
            ProviderKind::Secretbox => "secretbox",
            ProviderKind::Identity => "identity",
        }
    }
}

impl Provider {
    /// Every kind in validation order, with its key range when this element sets it.
    fn kind_slots(&self) -> [(ProviderKind, Option<TextRange>); 5] {
        [
            (ProviderKind::Kms, self.kms.as_ref().map(|f| f.key)),
            (ProviderKind::Aesgcm, self.aesgcm.as_ref().map(|f| f.key)),
            (ProviderKind::Aescbc, self.aescbc.as_ref().map(|f| f.key)),
            (
                ProviderKind::Secretbox,
                self.secretbox.as_ref().map(|f| f.key),
            ),
            (
                ProviderKind::Identity,
                self.identity.as_ref().map(|f| f.key),
            ),
        ]
    }

    /// The kinds set on this element, in validation order, with their key ranges.
    pub(crate) fn kinds(&self) -> Vec<(ProviderKind, TextRange)> {
        self.kind_slots()
            .into_iter()
            .filter_map(|(kind, key)| Some((kind, key?)))
            .collect()
    }

    /// The first of [`Provider::kinds`] (the one kube-apiserver checks), without the list.
    pub(crate) fn first_kind(&self) -> Option<(ProviderKind, TextRange)> {
        self.kind_slots()
            .into_iter()
            .find_map(|(kind, key)| Some((kind, key?)))
    }

    /// The body of local kind `kind` (aesgcm, aescbc, secretbox) when this element sets it;
    /// `None` for `kms`, `identity` or a kind it does not set.
    pub(crate) fn keys_of(&self, kind: ProviderKind) -> Option<&Field<Keys>> {
        match kind {
            ProviderKind::Aesgcm => self.aesgcm.as_ref(),
            ProviderKind::Aescbc => self.aescbc.as_ref(),
            ProviderKind::Secretbox => self.secretbox.as_ref(),
            ProviderKind::Kms | ProviderKind::Identity => None,
        }
    }
}

/// The elements of an optional list field (missing and null read as empty, as in Go).
fn list<T>(field: &Option<Field<Vec<T>>>) -> &[T] {
    field.as_ref().map_or(&[], |f| f.value.as_slice())
}

impl Config {
    /// The entries of the top-level `resources` list.
    pub(crate) fn resources_list(&self) -> &[Entry] {
        list(&self.resources)
    }
}

impl Entry {
    /// The resource names of this entry.
    pub(crate) fn resources_list(&self) -> &[ResourceName] {
        list(&self.resources)
    }

    pub(crate) fn providers_list(&self) -> &[Provider] {
        list(&self.providers)
    }
}

impl Keys {
    pub(crate) fn keys_list(&self) -> &[Key] {
        list(&self.keys)
    }
}
