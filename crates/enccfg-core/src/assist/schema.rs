//! The `EncryptionConfiguration` schema as the editor's help sees it: which fields each level
//! has, what each field is (type, default, allowed values, what kube-apiserver does with it;
//! facts §2–§3), and the level a path of keys leads to.

/// A level of the schema: a mapping whose fields can be offered, or a list of names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    Root,
    /// One element of the top-level `resources`.
    Entry,
    /// The strings of an entry's `resources`.
    ResourceNames,
    /// One element of `providers`.
    Provider,
    /// The body of `aesgcm`, `aescbc` or `secretbox`.
    KeysBody,
    /// One element of `keys`.
    Key,
    Kms,
    /// `identity: {}` has no fields.
    Identity,
}

/// One field: where it lives, and its documentation.
pub(crate) struct Field {
    pub level: Level,
    pub name: &'static str,
    /// What it holds: `Level` for a mapping or list of mappings, `None` for a scalar.
    pub child: Option<Level>,
    pub ty: &'static str,
    pub required: &'static str,
    pub default: &'static str,
    pub allowed: &'static str,
    pub what: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn field(
    level: Level,
    name: &'static str,
    child: Option<Level>,
    ty: &'static str,
    required: &'static str,
    default: &'static str,
    allowed: &'static str,
    what: &'static str,
) -> Field {
    Field {
        level,
        name,
        child,
        ty,
        required,
        default,
        allowed,
        what,
    }
}

use Level::*;

const PROVIDER_WHAT: &str = "The first provider of the list encrypts new writes; every provider is tried, in order, to read.";

/// Every field, in the order the docs list them (completion offers them in this order).
pub(crate) const FIELDS: &[Field] = &[
    field(Root, "apiVersion", None, "string", "yes", "-", "apiserver.config.k8s.io/v1", "The file's API group and version; kube-apiserver refuses any other."),
    field(Root, "kind", None, "string", "yes", "-", "EncryptionConfiguration", "The file's type."),
    field(Root, "resources", Some(Entry), "list of resource rules", "yes, at least one", "-", "-", "The rules, in order: for each resource the first rule naming it exactly wins, then `*.group`, then `*.*`. Resources no rule matches are stored in plaintext."),
    field(Entry, "resources", Some(ResourceNames), "list of strings", "yes, at least one", "-", "`secrets`, `configmaps`, `deployments.apps`, `*.apps`, `*.` (core group), `*.*` (everything, CRDs included)", "The resources this rule encrypts, as `resource` or `resource.group` (split at the first dot). Wildcards need Kubernetes 1.27 or later."),
    field(Entry, "providers", Some(Provider), "list of providers", "yes, at least one", "-", "aesgcm, aescbc, secretbox, identity, kms", PROVIDER_WHAT),
    field(Provider, "aesgcm", Some(KeysBody), "AES-GCM keys", "exactly one provider per element", "-", "-", "AES-GCM with a random nonce: keys must be rotated well before 2^32 writes per key. 16, 24 or 32-byte keys."),
    field(Provider, "aescbc", Some(KeysBody), "AES-CBC keys", "exactly one provider per element", "-", "-", "AES-CBC with PKCS#7 padding; not recommended (vulnerable to padding oracle attacks). 16, 24 or 32-byte keys."),
    field(Provider, "secretbox", Some(KeysBody), "secretbox keys", "exactly one provider per element", "-", "-", "XSalsa20 and Poly1305; 32-byte keys."),
    field(Provider, "identity", Some(Identity), "empty object", "exactly one provider per element", "-", "{}", "No encryption: writes plaintext when first, reads plaintext values when later in the list."),
    field(Provider, "kms", Some(Kms), "KMS plugin", "exactly one provider per element", "-", "-", "Envelope encryption: a data key per write, encrypted by an external KMS plugin over a Unix socket."),
    field(KeysBody, "keys", Some(Key), "list of keys", "yes, at least one", "-", "-", "The first key encrypts new writes; all keys are tried to read. Rotate by adding a new key first, then rewriting data, then removing the old key."),
    field(Key, "name", None, "string", "yes", "-", "any non-empty text", "Written into every stored value's prefix `k8s:enc:<provider>:v1:<name>:`; never rename a key that has data."),
    field(Key, "secret", None, "string (standard base64)", "yes", "-", "16, 24 or 32 bytes for AES, 32 for secretbox, padded standard base64", "The key itself. URL-safe or unpadded base64 is refused."),
    field(Kms, "apiVersion", None, "string", "no", "v1", "v1, v2 (exact, case-sensitive)", "The KMS plugin API. v2 is GA since 1.29; v1 is deprecated and needs the KMSv1 feature gate from 1.29."),
    field(Kms, "name", None, "string", "yes", "-", "text without `:` (v2)", "Part of the stored prefix `k8s:enc:kms:<version>:<name>:`; must never change once data is written. Unique across the file for v2."),
    field(Kms, "endpoint", None, "string", "yes", "-", "unix:///path/to/socket (or unix:///@abstract)", "The plugin's gRPC address; only the unix scheme is allowed."),
    field(Kms, "cachesize", None, "int32", "no", "1000 for v1, none for v2", "v1: not 0 (negative disables the cache); v2: must not be set", "How many decrypted data keys a v1 provider caches."),
    field(Kms, "timeout", None, "duration", "no", "3s", "> 0, Go duration (`3s`, `1m30s`)", "How long each call to the plugin may take."),
];

/// The level that a path of keys (outermost first) leads to, or `None` off the schema.
pub(crate) fn level_of(path: &[String]) -> Option<Level> {
    path.iter().try_fold(Root, |level, key| {
        FIELDS
            .iter()
            .find(|f| f.level == level && f.name == key)
            .and_then(|f| f.child)
    })
}

/// The field `name` at `level`.
pub(crate) fn find(level: Level, name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.level == level && f.name == name)
}

/// The fields of `level`.
pub(crate) fn fields_of(level: Level) -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(move |f| f.level == level)
}
