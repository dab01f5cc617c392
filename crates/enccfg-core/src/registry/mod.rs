//! The registry: the single home of every diagnostic code. An entry says the code, its name,
//! stage and usual severity, a one-line summary, whether it has a fix (with the fix's
//! applicability and the function that builds it), and for lints the sources the advice quotes
//! (one `source(quote, url)` clause each, the first one the main source the page links).
//! The long explanations live in `docs.rs` (only the CLI and the generated docs read them, so
//! the page's bundle does not carry them); `render.rs` writes `docs/diagnostics.md` and
//! `docs/fixes.md` from both; `tests.rs` holds the meta-tests that keep them together.
//!
//! Codes are stable and never reused: `EC00xx` syntax, `EC01xx` decode, `EC02xx` validation
//! (kube-apiserver's field errors), `EC03xx` load-time checks, `EC04xx` our own lints. Within a
//! range, codes are numbered from 01 without gaps.

mod docs;
mod render;
// The meta-tests need every rule, so they run with the default feature `full-lints`.
#[cfg(test)]
#[cfg(feature = "full-lints")]
mod tests;

pub use docs::{docs_of, Docs};
pub use render::{render_fixes_markdown, render_markdown, render_text};

use crate::diagnostic::{Applicability, Diagnostic, Position, Severity, Stage, TextRange};
use crate::fix::{builders, FixContext, Proposal};
use crate::lint;

/// Builds a fix's title and edits for one diagnostic, or `None` when the layout does not allow
/// a clean edit. The registry adds the applicability, so a fix can never claim another.
pub type FixBuilder = fn(&FixContext<'_>, &Diagnostic) -> Option<Proposal>;

/// Where a code's fix is built.
#[derive(Clone, Copy)]
pub enum Build {
    /// By the check itself, which knows what it needs (a decode stage suggestion).
    AtCheck,
    /// By this function, after the pipeline ran.
    Later(FixBuilder),
}

/// A code's fix: how sure it is, and who builds it.
#[derive(Clone, Copy)]
pub struct FixSpec {
    pub applicability: Applicability,
    pub build: Build,
}

/// Where a lint's advice comes from: a quotation and a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub quote: &'static str,
    pub url: &'static str,
}

/// One diagnostic code. Its summary, and its sources' quotations and links, are kept in
/// tables beside [`CODES`] that only the docs and the CLI read, so the page's bundle does not
/// carry them: the page has only the first source's link.
pub struct Code {
    pub code: &'static str,
    pub name: &'static str,
    pub stage: Stage,
    /// The usual severity (some decode findings are warnings before 1.31).
    pub severity: Severity,
    pub fix: Option<FixSpec>,
    /// For lints: where the advice comes from (the first source's link; the page links it).
    pub source_url: Option<&'static str>,
}

/// What the page needs of a code: the name and the first source's link that
/// `wire` and the findings rows read. A table of its own: [`CODES`] also holds the fix
/// builders, which the page's bundle, analysing in the engine's module, does without.
pub struct Label {
    pub code: &'static str,
    pub name: &'static str,
    pub source_url: Option<&'static str>,
}

/// A code's summary, for the docs, the CLI and the reports.
struct Texts {
    code: &'static str,
    summary: &'static str,
}

/// A lint's sources, for the docs and the CLI only (a table of its own, so the reports that
/// read summaries do not carry the quotations either).
struct Sources {
    code: &'static str,
    sources: &'static [Source],
}

impl Code {
    fn texts(&self) -> Option<&'static Texts> {
        TEXTS
            .binary_search_by(|t| t.code.cmp(self.code))
            .ok()
            .and_then(|i| TEXTS.get(i))
    }

    /// One line, lower case, no final period.
    pub fn summary(&self) -> &'static str {
        self.texts().map_or("", |t| t.summary)
    }

    /// For lints: what the advice rests on, quoted, and where; the main source first (its
    /// link is [`Code::source_url`]). Empty for the other codes.
    pub fn sources(&self) -> &'static [Source] {
        SOURCES
            .binary_search_by(|s| s.code.cmp(self.code))
            .ok()
            .and_then(|i| SOURCES.get(i))
            .map_or(&[], |s| s.sources)
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)
    }
}

impl Diagnostic {
    /// A diagnostic of `code` at `range`, with the code's usual severity.
    pub(crate) fn new(code: &'static Code, range: TextRange, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.code,
            name: code.name,
            stage: code.stage,
            severity: code.severity,
            message: message.into(),
            range,
            start: Position::default(),
            end: Position::default(),
            field: None,
            help: None,
            fix: None,
        }
    }
}

macro_rules! fix_spec {
    ($app:ident, at_check) => {
        Some(FixSpec {
            applicability: Applicability::$app,
            build: Build::AtCheck,
        })
    };
    ($app:ident, $build:path) => {
        Some(FixSpec {
            applicability: Applicability::$app,
            build: Build::Later($build),
        })
    };
    () => {
        None
    };
}

/// The first of a code's source links, if it has any.
macro_rules! first_url {
    () => {
        None
    };
    ($first:literal $(, $rest:literal)*) => {
        Some($first)
    };
}

macro_rules! codes {
    ($($ident:ident = $code:literal $name:literal $stage:ident $severity:ident $summary:literal
        $(fix($app:ident, $($build:tt)+))? $(source($quote:literal, $url:literal))*;)*) => {
        $(
            pub(crate) static $ident: Code = Code {
                code: $code,
                name: $name,
                stage: Stage::$stage,
                severity: Severity::$severity,
                fix: fix_spec!($($app, $($build)+)?),
                source_url: first_url!($($url),*),
            };
        )*
        /// Every code, sorted by code.
        pub static CODES: &[&Code] = &[$(&$ident),*];
        /// Their labels, in the same order.
        static LABELS: &[Label] = &[$(Label {
            code: $code,
            name: $name,
            source_url: first_url!($($url),*),
        }),*];
        /// Their summaries, in the same order.
        static TEXTS: &[Texts] = &[$(Texts {
            code: $code,
            summary: $summary,
        }),*];
        /// Their sources, in the same order.
        static SOURCES: &[Sources] = &[$(Sources {
            code: $code,
            sources: &[$(Source { quote: $quote, url: $url }),*],
        }),*];
    };
}

codes! {
    YAML_SYNTAX = "EC0001" "yaml-syntax-error" Syntax Error
        "the file is not valid YAML";
    EMPTY_FILE = "EC0002" "empty-file" Syntax Error
        "the file is empty";
    ALIAS_BUDGET = "EC0003" "alias-expansion-too-large" Syntax Error
        "YAML aliases expand to too many nodes";
    TOO_DEEP = "EC0004" "nesting-too-deep" Syntax Error
        "the YAML nesting is too deep";
    EXTRA_DOCUMENTS = "EC0005" "extra-documents-ignored" Syntax Warning
        "only the first YAML document is read";
    INVALID_UTF8 = "EC0006" "invalid-utf8" Syntax Error
        "the file is not valid UTF-8";
    TEMPLATE = "EC0007" "template-syntax" Syntax Warning
        "the file is a template (Jinja, Go/Helm or Salt): render it first, or check it as a template";
    MISSING_API_VERSION = "EC0101" "missing-api-version" Decode Error
        "`apiVersion` is missing"
        fix(Safe, builders::missing_api_version);
    MISSING_KIND = "EC0102" "missing-kind" Decode Error
        "`kind` is missing"
        fix(Safe, builders::missing_kind);
    UNKNOWN_KIND = "EC0103" "unregistered-kind" Decode Error
        "this `apiVersion`/`kind` pair is not an encryption configuration kube-apiserver knows";
    WRONG_CONFIG_TYPE = "EC0104" "unexpected-config-type" Decode Error
        "this is another kind of apiserver configuration, not an EncryptionConfiguration";
    UNKNOWN_FIELD = "EC0105" "unknown-field" Decode Error
        "field is not part of the schema"
        fix(Safe, at_check);
    DUPLICATE_KEY = "EC0106" "duplicate-key" Decode Error
        "the same key appears twice in one mapping";
    WRONG_TYPE = "EC0107" "wrong-type" Decode Error
        "value has the wrong type"
        fix(Safe, at_check);
    INVALID_DURATION = "EC0108" "invalid-duration" Decode Error
        "`timeout` is not a duration string";
    INT32_RANGE = "EC0109" "integer-out-of-range" Decode Error
        "`cachesize` is not a 32-bit integer";
    UNREPRESENTABLE_NUMBER = "EC0110" "unrepresentable-number" Decode Error
        "`.inf` and `.nan` cannot be converted to JSON";
    RESOURCES_REQUIRED = "EC0201" "resources-required" Validate Error
        "at least one resource entry is required";
    ENTRY_RESOURCES_REQUIRED = "EC0202" "entry-resources-required" Validate Error
        "the entry lists no resources";
    DUPLICATE_RESOURCE = "EC0203" "duplicate-resource" Validate Error
        "a resource is listed more than once in this entry"
        fix(Safe, builders::remove_repeated_resource);
    OVERLAPPING_RESOURCES = "EC0204" "overlapping-resources" Validate Error
        "a wildcard in this entry overlaps another name in the same entry";
    RESOURCE_UPPERCASE = "EC0205" "resource-has-capitals" Validate Error
        "resource names must be lower case"
        fix(Safe, builders::lowercase_resource);
    BARE_STAR = "EC0206" "bare-star-resource" Validate Error
        "`*` is not a valid resource name"
        fix(Safe, builders::star_to_core_group);
    RESOURCE_NOT_ENCRYPTABLE = "EC0207" "resource-not-encryptable" Validate Error
        "this resource has no REST API and cannot be encrypted";
    EVENTS_K8S_IO = "EC0208" "events-k8s-io-group" Validate Error
        "`events.k8s.io` objects are stored as core `events`"
        fix(Safe, builders::core_events);
    EXTENSIONS_GROUP = "EC0209" "extensions-group" Validate Error
        "the `extensions` group has been removed";
    STAR_GROUP = "EC0210" "resource-in-every-group" Validate Error
        "one resource across all groups (`name.*`) is not supported";
    PROVIDERS_REQUIRED = "EC0211" "providers-required" Validate Error
        "the entry has no providers";
    NO_PROVIDER = "EC0212" "empty-provider" Validate Error
        "the list element sets no provider"
        fix(Safe, builders::empty_identity);
    SEVERAL_PROVIDERS = "EC0213" "several-providers-in-one-element" Validate Error
        "the list element sets more than one provider"
        fix(Unsafe, builders::split_providers);
    KEYS_REQUIRED = "EC0214" "keys-required" Validate Error
        "the provider has no keys";
    KEY_NAME_REQUIRED = "EC0215" "key-name-required" Validate Error
        "the key has no name";
    KEY_SECRET_REQUIRED = "EC0216" "key-secret-required" Validate Error
        "the key has no secret";
    KEY_SECRET_NOT_BASE64 = "EC0217" "key-secret-not-base64" Validate Error
        "the secret is not standard base64"
        fix(Safe, builders::standard_base64);
    KEY_SECRET_LENGTH = "EC0218" "key-secret-wrong-length" Validate Error
        "the secret decodes to a length this provider does not accept";
    KMS_NAME_REQUIRED = "EC0219" "kms-name-required" Validate Error
        "the KMS provider has no name";
    KMS_NAME_COLON = "EC0220" "kms-name-has-colon" Validate Error
        "a KMS v2 provider name must not contain `:`"
        fix(Unsafe, builders::kms_name_without_colon);
    KMS_NAME_DUPLICATE = "EC0221" "kms-name-duplicate" Validate Error
        "KMS provider names must be unique";
    KMS_TIMEOUT = "EC0222" "kms-timeout-not-positive" Validate Error
        "the KMS timeout must be positive";
    KMS_ENDPOINT_REQUIRED = "EC0223" "kms-endpoint-required" Validate Error
        "the KMS provider has no endpoint";
    KMS_ENDPOINT_INVALID = "EC0224" "kms-endpoint-unparsable" Validate Error
        "the KMS endpoint is not a valid URL";
    KMS_ENDPOINT_SCHEME = "EC0225" "kms-endpoint-not-unix" Validate Error
        "the KMS endpoint must use the `unix` scheme";
    KMS_CACHESIZE_V2 = "EC0226" "kms-v2-cachesize-set" Validate Error
        "`cachesize` is not supported for KMS v2"
        fix(Safe, builders::remove_v2_cachesize);
    KMS_CACHESIZE_ZERO = "EC0227" "kms-cachesize-zero" Validate Error
        "`cachesize` 0 is invalid";
    KMS_API_VERSION = "EC0228" "kms-api-version-unsupported" Validate Error
        "KMS `apiVersion` must be `v1` or `v2`"
        fix(Safe, builders::lowercase_kms_api_version);
    WILDCARD_MASKED = "EC0301" "masked-by-earlier-wildcard" Load Error
        "an earlier wildcard already covers this resource";
    KMSV1_DISABLED = "EC0302" "kmsv1-disabled" Load Error
        "KMS v1 is disabled in this Kubernetes version";
    KMSV2_DISABLED = "EC0303" "kmsv2-disabled" Load Error
        "a KMS v2 provider is configured but the KMSv2 feature gate is off";
    IDENTITY_FIRST = "EC0401" "identity-first" Lint Warning
        "`identity` is the first provider, so new writes are stored unencrypted"
        fix(Unsafe, lint::identity_first::fix)
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"The first provider in the list is used to encrypt resources written into the storage.\"", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/")
        source("CIS Kubernetes Benchmark v1.7.0, 1.2.30 \"Ensure that encryption providers are appropriately configured\": \"Where etcd encryption is used, appropriate providers should be configured.\" \"Currently, the aescbc, kms and secretbox are likely to be appropriate options.\"", "https://github.com/ComplianceAsCode/kube-oscal-catalog/blob/a52a1d918fa8202823f321a28c221651d48b9f88/md_catalogs/kube/CIS-1/CIS-1.2/CIS-1.2.30.md")
        source("NSA/CISA Kubernetes Hardening Guidance v1.0, Secrets: \"By default, Secrets are stored as unencrypted base64-encoded strings and can be retrieved by anyone with API access.\"", "https://media.defense.gov/2021/Aug/03/2002820425/-1/-1/1/CTR_KUBERNETES%20HARDENING%20GUIDANCE.PDF");
    AESCBC_WEAK = "EC0402" "aescbc-not-recommended" Lint Info
        "`aescbc` is rated weak by the Kubernetes docs"
        source("Kubernetes docs, Encrypting Confidential Data at Rest, provider table: aescbc is rated \"Weak\" and \"not recommended due to CBC's vulnerability to padding oracle attacks\".", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#providers")
        source("CIS Kubernetes Benchmark v1.7.0, 1.2.30 \"Ensure that encryption providers are appropriately configured\": \"Currently, the aescbc, kms and secretbox are likely to be appropriate options.\" (the benchmark still lists aescbc; the provider table above is the stricter word)", "https://github.com/ComplianceAsCode/kube-oscal-catalog/blob/a52a1d918fa8202823f321a28c221651d48b9f88/md_catalogs/kube/CIS-1/CIS-1.2/CIS-1.2.30.md");
    KMSV1_DEPRECATED = "EC0403" "kms-v1-deprecated" Lint Warning
        "KMS v1 is deprecated"
        source("Kubernetes docs, Using a KMS provider for data encryption: \"KMS v1 is deprecated since Kubernetes v1.28 and disabled by default since v1.29\"; \"use KMS v2\".", "https://kubernetes.io/docs/tasks/administer-cluster/kms-provider/")
        source("NSA/CISA Kubernetes Hardening Guidance v1.0, Secrets: \"Using a KMS provider prevents the raw encryption key from being stored on the local disk.\" (so move to KMS v2 rather than to a provider with a local key)", "https://media.defense.gov/2021/Aug/03/2002820425/-1/-1/1/CTR_KUBERNETES%20HARDENING%20GUIDANCE.PDF");
    IDENTITY_ONLY = "EC0404" "identity-only" Lint Info
        "this entry only has `identity`, so these resources are stored unencrypted"
        source("Kubernetes docs, Encrypting Confidential Data at Rest, provider table: identity gives \"N/A\" strength: \"Resources written as-is without encryption.\"", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#providers")
        source("CIS Kubernetes Benchmark v1.7.0, 1.2.30 \"Ensure that encryption providers are appropriately configured\", audit: \"Verify that aescbc, kms or secretbox is set as the encryption provider for all the desired resources.\"", "https://github.com/ComplianceAsCode/kube-oscal-catalog/blob/a52a1d918fa8202823f321a28c221651d48b9f88/md_catalogs/kube/CIS-1/CIS-1.2/CIS-1.2.30.md");
    INVISIBLE_IN_NAME = "EC0405" "invisible-character-in-resource-name" Lint Warning
        "a resource name holds an invisible character, so it matches no resource"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"The resources.resources field is an array of Kubernetes resource names (resource or resource.group) that should be encrypted\"; validation does not check that a name exists (facts sheet 10.10).", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/");
    SECRETS_NOT_ENCRYPTED = "EC0406" "secrets-not-encrypted" Lint Warning
        "Secrets are not encrypted: no entry covers them with an encrypting provider"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"By default, the `identity` provider is used to protect secret data in etcd, which provides no encryption.\"", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/")
        source("CIS Kubernetes Benchmark v1.7.0, 1.2.29 \"Ensure that the --encryption-provider-config argument is set as appropriate\": \"These objects are sensitive in nature and should be encrypted at rest to avoid any disclosures.\" Audit: \"Additionally, ensure that the EncryptionConfig file has all the desired resources covered especially any secrets.\"", "https://github.com/ComplianceAsCode/kube-oscal-catalog/blob/4283a17ad4263442a0e0f38bcf96027cd0c5a8a8/md_catalogs/kube/CIS-1/CIS-1.2/CIS-1.2.29.md")
        source("NSA/CISA Kubernetes Hardening Guidance v1.0, Secrets: \"By default, Secrets are stored as unencrypted base64-encoded strings and can be retrieved by anyone with API access.\" \"Secrets can be encrypted by configuring data-at-rest encryption on the API server or by using an external Key Management Service (KMS), which may be available through a cloud provider.\"", "https://media.defense.gov/2021/Aug/03/2002820425/-1/-1/1/CTR_KUBERNETES%20HARDENING%20GUIDANCE.PDF");
    AESGCM_WRITER = "EC0407" "aesgcm-write-provider" Lint Warning
        "`aesgcm` encrypts new writes, and its keys must be rotated every 200,000 writes"
        source("Kubernetes docs, Encrypting Confidential Data at Rest, provider table: aesgcm \"Must be rotated every 200,000 writes\"; \"Not recommended for use except when an automated key rotation scheme is implemented.\"", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#providers");
    KEY_REUSED = "EC0408" "key-material-reused" Lint Warning
        "the same key material is used by more than one key"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"Generate a 32-byte random key and base64 encode it.\"", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#encrypting-your-data");
    DUPLICATE_KEY_NAME = "EC0409" "duplicate-key-name" Lint Warning
        "two keys of one provider have the same name"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"Confirm that the key name shown in `etcd` matches the key name specified in the `EncryptionConfiguration`\"; stored values carry the key name (`k8s:enc:aescbc:v1:<key name>:`, facts sheet 7.2).", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#verifying-that-data-is-encrypted");
    WEAK_KEY = "EC0410" "weak-key-material" Lint Warning
        "the key is text, one repeated byte, or a key published in the Kubernetes docs"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"Generate a 32-byte random key and base64 encode it\" with `head -c 32 /dev/urandom | base64`; its example configuration says \"Do not use this for your own cluster!\"", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#encrypting-your-data");
    OLD_KEYS = "EC0411" "old-keys-listed" Lint Info
        "the write provider still lists older keys"
        source("Kubernetes docs, Rotating a decryption key: \"Remove the old decryption key from the config after you have backed up etcd with the new key in use and updated all Secrets\".", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#rotating-a-decryption-key");
    IDENTITY_LAST = "EC0412" "identity-kept-last" Lint Info
        "`identity` after the write provider keeps plaintext readable"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"identity: {} # this fallback allows reading unencrypted secrets; # for example, during initial migratoin\" [sic].", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#encrypting-your-data");
    KMS_TIMEOUT_UNUSUAL = "EC0413" "kms-timeout-unusual" Lint Warning
        "the KMS timeout is far from the 3s default"
        source("Seed facts sheet 2.7 and 7.6 (from kubernetes/apiserver defaults and the KMS docs): `timeout` defaults to `3s`, applies to each gRPC call, and \"Plugins should answer `Encrypt` in under 100 ms and `Decrypt` in under 10 ms\".", "https://kubernetes.io/docs/tasks/administer-cluster/kms-provider/");
    KMS_ENDPOINT_HOST = "EC0414" "kms-endpoint-host-segment" Lint Warning
        "the `unix://` endpoint has two slashes, so its first directory is read as a host"
        fix(Safe, lint::kms_endpoint_host_segment::fix)
        source("Seed facts sheet 11.3 (k8s.io/kms `ParseEndpoint`): \"`ParseEndpoint` keeps only the URL's path: `unix:///var/run/kms.sock` → `/var/run/kms.sock`, but `unix://var/run/kms.sock` parses with host `var` and path `/run/kms.sock`\".", "https://github.com/kubernetes/kubernetes/blob/v1.36.3/staging/src/k8s.io/kms/pkg/util/util.go");
    KMS_ENDPOINT_SHARED_DIR = "EC0415" "kms-endpoint-world-writable" Lint Warning
        "the KMS socket is in a directory every local user can write"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: \"you must properly restrict permissions on your control-plane nodes so only the user who runs the `kube-apiserver` can read it\" (the config; the socket its KMS plugin listens on guards the same keys).", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#encrypting-your-data");
    KMS_ENDPOINT_ABSTRACT = "EC0416" "kms-endpoint-abstract-socket" Lint Warning
        "the KMS endpoint is an abstract socket, which no file permission guards"
        source("Seed facts sheet 2.7 and 11.3: \"An abstract Linux socket is written `unix:///@name`\"; \"no file permissions guard it; only the network namespace does, so with host networking any process on the node can reach it\".", "https://github.com/kubernetes/kubernetes/blob/v1.36.3/staging/src/k8s.io/kms/pkg/util/util.go");
    PLACEHOLDER = "EC0417" "placeholder-value" Lint Warning
        "a secret, name or endpoint is a placeholder (`${KEY}`, `<...>`, `YOUR_KEY`, `changeme`)"
        source("Kubernetes docs, Encrypting Confidential Data at Rest: the example has \"secret: <BASE 64 ENCODED SECRET>\", then: \"Generate a 32-byte random key and base64 encode it.\" \"Place that value in the `secret` field\".", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#encrypting-your-data");
    UNUSED_SUPPRESSION = "EC0418" "unused-suppression" Lint Warning
        "an `# enccfg: ignore[...]` comment suppresses nothing"
        source("Ruff v0.0.278 release notes, on suppression comments: \"Ruff will now emit a warning for each invalid suppression comment it encounters.\"", "https://astral.sh/blog/ruff-v0.0.278");
}

/// The entry of an exact code (`EC0221`), by binary search in the sorted list.
pub fn by_code(code: &str) -> Option<&'static Code> {
    CODES
        .binary_search_by(|c| c.code.cmp(code))
        .ok()
        .and_then(|i| CODES.get(i).copied())
}

/// The label of an exact code (`EC0221`), by binary search in the sorted list.
pub fn label(code: &str) -> Option<&'static Label> {
    LABELS
        .binary_search_by(|l| l.code.cmp(code))
        .ok()
        .and_then(|i| LABELS.get(i))
}

/// Finds a code by its code (`EC0221`) or name (`kms-name-duplicate`), case-insensitively.
pub fn lookup(code_or_name: &str) -> Option<&'static Code> {
    let wanted = code_or_name.trim();
    CODES
        .iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(wanted) || c.name.eq_ignore_ascii_case(wanted))
}
