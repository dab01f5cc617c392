//! The registry of diagnostic codes: one entry per finding we can report, with its docs.
//!
//! Codes are stable and never reused. `EC00xx` syntax, `EC01xx` decode, `EC02xx` validation
//! (kube-apiserver's field errors), `EC03xx` load-time checks, `EC04xx` our own lints.
//! `docs/diagnostics.md` is generated from this list (see `render_markdown`).

use crate::diagnostic::{Severity, Stage};

/// One diagnostic code and its documentation.
#[derive(Debug)]
pub struct Code {
    pub code: &'static str,
    pub name: &'static str,
    pub stage: Stage,
    /// The usual severity (some decode findings are warnings before 1.31).
    pub severity: Severity,
    pub summary: &'static str,
    /// What kube-apiserver does, why, and how to repair it.
    pub explanation: &'static str,
}

macro_rules! codes {
    ($($ident:ident = $code:literal $name:literal $stage:ident $severity:ident $summary:literal $explanation:literal;)*) => {
        $(
            pub(crate) static $ident: Code = Code {
                code: $code,
                name: $name,
                stage: Stage::$stage,
                severity: Severity::$severity,
                summary: $summary,
                explanation: $explanation,
            };
        )*
        /// Every code, sorted by code.
        pub static CODES: &[&Code] = &[$(&$ident),*];
    };
}

codes! {
    YAML_SYNTAX = "EC0001" "yaml-syntax-error" Syntax Error
        "the file is not valid YAML"
        "kube-apiserver cannot read a file that is not well-formed YAML or JSON and refuses to start. The position points at the place where the YAML reader gave up; the mistake is often just before it (an indentation slip, a missing `:` or an unclosed bracket or quote).";
    EMPTY_FILE = "EC0002" "empty-file" Syntax Error
        "the file is empty"
        "An empty `--encryption-provider-config` file is an error at startup and during automatic reload. A file holding only comments decodes to nothing and fails the same way.";
    ALIAS_BUDGET = "EC0003" "alias-expansion-too-large" Syntax Error
        "YAML aliases expand to too many nodes"
        "Anchors and aliases (`&a`, `*a`) are expanded when the file is read. A file whose aliases expand to an enormous tree (a \"billion laughs\" file) is refused rather than expanded.";
    TOO_DEEP = "EC0004" "nesting-too-deep" Syntax Error
        "the YAML nesting is too deep"
        "An EncryptionConfiguration needs fewer than ten levels of nesting. Beyond a safety limit the file is refused instead of being read.";
    EXTRA_DOCUMENTS = "EC0005" "extra-documents-ignored" Syntax Warning
        "only the first YAML document is read"
        "kube-apiserver converts the file with a YAML reader that stops after the first document; everything after the first `---` separator that ends it is silently ignored. Keep one document per file.";
    INVALID_UTF8 = "EC0006" "invalid-utf8" Syntax Error
        "the file is not valid UTF-8"
        "YAML files must be UTF-8 text. Bytes that are not valid UTF-8 make the YAML reader fail.";
    MISSING_API_VERSION = "EC0101" "missing-api-version" Decode Error
        "`apiVersion` is missing"
        "The decoder needs `apiVersion: apiserver.config.k8s.io/v1` (with `kind: EncryptionConfiguration`) to know what the file is. Without it, decoding fails and kube-apiserver does not start.";
    MISSING_KIND = "EC0102" "missing-kind" Decode Error
        "`kind` is missing"
        "The decoder needs `kind: EncryptionConfiguration` to know what the file is. Without it, decoding fails and kube-apiserver does not start.";
    UNKNOWN_KIND = "EC0103" "unregistered-kind" Decode Error
        "this `apiVersion`/`kind` pair is not an encryption configuration kube-apiserver knows"
        "Only `apiserver.config.k8s.io/v1` + `EncryptionConfiguration` and the legacy pair `v1` + `EncryptionConfig` are registered. Any other pair (a `v1beta1`, a misspelt kind) fails to decode with a \"no kind is registered\" error.";
    WRONG_CONFIG_TYPE = "EC0104" "unexpected-config-type" Decode Error
        "this is another kind of apiserver configuration, not an EncryptionConfiguration"
        "The decoder also knows the other kinds of the `apiserver.config.k8s.io` group (for example `AdmissionConfiguration`). Such a file decodes, and is then rejected with an \"unexpected config type\" error.";
    UNKNOWN_FIELD = "EC0105" "unknown-field" Decode Error
        "field is not part of the schema"
        "From 1.31 the decoder is strict: an unknown field (often a typo such as `cacheSize`, or a field at the wrong indentation) is a decode error and kube-apiserver does not start. From 1.27 to 1.30 the field is silently dropped, which is worse: the setting you wrote has no effect. Field names are case-sensitive.";
    DUPLICATE_KEY = "EC0106" "duplicate-key" Decode Error
        "the same key appears twice in one mapping"
        "From 1.31 a duplicate key is a decode error. From 1.27 to 1.30 the last value silently wins and the earlier ones are lost. Keys are compared once resolved (`1` and `01` are the same key). Strict decoding also refuses a key that a `<<` merge already set in the same mapping, so overriding a merged field fails from 1.31.";
    WRONG_TYPE = "EC0107" "wrong-type" Decode Error
        "value has the wrong type"
        "The decoder converts YAML to JSON and then into typed fields: a list where a mapping belongs, a number where a string belongs and so on is a decode error. The YAML reader follows YAML 1.1, so unquoted `yes`, `no`, `on`, `off`, `y`, `n`, `true`, `false` are booleans, `~` and `null` are null, and `0777` or `1e3` are numbers: quote them where a string is meant.";
    INVALID_DURATION = "EC0108" "invalid-duration" Decode Error
        "`timeout` is not a duration string"
        "`kms.timeout` is a Go duration written as a string such as `3s`, `500ms` or `1m30s`. A bare number (`timeout: 5`) or an unknown unit fails to decode.";
    INT32_RANGE = "EC0109" "integer-out-of-range" Decode Error
        "`cachesize` is not a 32-bit integer"
        "`kms.cachesize` is an int32: a fraction, a number outside -2147483648..2147483647 or a non-number fails to decode.";
    UNREPRESENTABLE_NUMBER = "EC0110" "unrepresentable-number" Decode Error
        "`.inf` and `.nan` cannot be converted to JSON"
        "kube-apiserver converts YAML to JSON before decoding, and infinities and NaN have no JSON form, so the conversion fails.";
    RESOURCES_REQUIRED = "EC0201" "resources-required" Validate Error
        "at least one resource entry is required"
        "The top-level `resources` list must have at least one entry. kube-apiserver reports `resources: Required value` and stops validating.";
    ENTRY_RESOURCES_REQUIRED = "EC0202" "entry-resources-required" Validate Error
        "the entry lists no resources"
        "Each entry of `resources` needs a non-empty `resources` list of resource names (`resources[i].resources: Required value`).";
    DUPLICATE_RESOURCE = "EC0203" "duplicate-resource" Validate Error
        "a resource is listed more than once in this entry"
        "Names are compared after splitting at the first dot, so `secrets` and `secrets.` are the same resource. kube-apiserver reports one `Invalid` error on the list (`resources[i].resources`), whatever the number of repeats.";
    OVERLAPPING_RESOURCES = "EC0204" "overlapping-resources" Validate Error
        "a wildcard in this entry overlaps another name in the same entry"
        "In one list, `*.*` overlaps everything and `*.<group>` overlaps every name of its group (`*.` is the core group). kube-apiserver reports one `Invalid` error on the list. A repeated wildcard (`*.` twice) gives both this error and the duplicate error.";
    RESOURCE_UPPERCASE = "EC0205" "resource-has-capitals" Validate Error
        "resource names must be lower case"
        "Resource names are lower-case plurals (`secrets`, `configmaps`). A name with any capital letter is `Invalid`; kube-apiserver does not start.";
    BARE_STAR = "EC0206" "bare-star-resource" Validate Error
        "`*` is not a valid resource name"
        "Write `*.` for every resource of the core group or `*.*` for every resource of every group.";
    RESOURCE_NOT_ENCRYPTABLE = "EC0207" "resource-not-encryptable" Validate Error
        "this resource has no REST API and cannot be encrypted"
        "`apiserveripinfo`, `serviceipallocations` and `servicenodeportallocations` are internal records without a REST API; listing them is `Invalid`.";
    EVENTS_K8S_IO = "EC0208" "events-k8s-io-group" Validate Error
        "`events.k8s.io` objects are stored as core `events`"
        "Events of the `events.k8s.io` group are stored under the core `events` resource: list `events` instead of `events.events.k8s.io` or `*.events.k8s.io`.";
    EXTENSIONS_GROUP = "EC0209" "extensions-group" Validate Error
        "the `extensions` group has been removed"
        "Resources of the `extensions` group no longer exist; use their current group (for example `deployments.apps`).";
    STAR_GROUP = "EC0210" "resource-in-every-group" Validate Error
        "one resource across all groups (`name.*`) is not supported"
        "A name such as `foos.*` is `Invalid`: list the resource with its group, or use `*.*` for everything.";
    PROVIDERS_REQUIRED = "EC0211" "providers-required" Validate Error
        "the entry has no providers"
        "Each entry needs a non-empty `providers` list (`resources[i].providers: Required value`). The first provider encrypts new writes; all are tried for reads.";
    NO_PROVIDER = "EC0212" "empty-provider" Validate Error
        "the list element sets no provider"
        "Each element of `providers` must set exactly one of `kms`, `aesgcm`, `aescbc`, `secretbox` or `identity`. Note that `- identity:` with nothing after the colon is null, not an identity provider: write `- identity: {}`.";
    SEVERAL_PROVIDERS = "EC0213" "several-providers-in-one-element" Validate Error
        "the list element sets more than one provider"
        "Put each provider in its own list element; their order decides which one encrypts writes. kube-apiserver checks only the first kind in the order kms, aesgcm, aescbc, secretbox.";
    KEYS_REQUIRED = "EC0214" "keys-required" Validate Error
        "the provider has no keys"
        "`aescbc`, `aesgcm` and `secretbox` need a non-empty `keys` list.";
    KEY_NAME_REQUIRED = "EC0215" "key-name-required" Validate Error
        "the key has no name"
        "Every key needs a non-empty `name`. The name is written into every value it encrypts (`k8s:enc:aescbc:v1:<name>:`), so never rename a key that still protects data.";
    KEY_SECRET_REQUIRED = "EC0216" "key-secret-required" Validate Error
        "the key has no secret"
        "Every key needs a `secret`: the key bytes in standard base64.";
    KEY_SECRET_NOT_BASE64 = "EC0217" "key-secret-not-base64" Validate Error
        "the secret is not standard base64"
        "Secrets must be standard padded base64 (alphabet `A-Z a-z 0-9 + /`, `=` padding). URL-safe (`-`, `_`) or unpadded base64 is refused. Generate one with `head -c 32 /dev/urandom | base64`.";
    KEY_SECRET_LENGTH = "EC0218" "key-secret-wrong-length" Validate Error
        "the secret decodes to a length this provider does not accept"
        "`aescbc` and `aesgcm` accept keys of 16, 24 or 32 bytes; `secretbox` exactly 32 bytes. The examples in the Kubernetes docs decode to 28 and 25 bytes and fail here.";
    KMS_NAME_REQUIRED = "EC0219" "kms-name-required" Validate Error
        "the KMS provider has no name"
        "Every `kms` provider needs a `name`; it is part of the prefix stored with every value it encrypts.";
    KMS_NAME_COLON = "EC0220" "kms-name-has-colon" Validate Error
        "a KMS v2 provider name must not contain `:`"
        "The name is stored in every value's prefix (`k8s:enc:kms:v2:<name>:`), where `:` is the separator. Renaming it makes existing data unreadable, so pick the name before writing data.";
    KMS_NAME_DUPLICATE = "EC0221" "kms-name-duplicate" Validate Error
        "KMS provider names must be unique"
        "A KMS v2 provider (or any KMS provider when automatic reload is on) may not reuse the name of an earlier KMS provider anywhere in the file. The rule is one-sided without reload: v2 `foo` then v1 `foo` passes, v1 `foo` then v2 `foo` fails.";
    KMS_TIMEOUT = "EC0222" "kms-timeout-not-positive" Validate Error
        "the KMS timeout must be positive"
        "`timeout` is the limit for each call to the plugin. `0s` or a negative duration is `Invalid`; leave it out to get the default `3s`.";
    KMS_ENDPOINT_REQUIRED = "EC0223" "kms-endpoint-required" Validate Error
        "the KMS provider has no endpoint"
        "Every `kms` provider needs an `endpoint` such as `unix:///var/run/kms-plugin/socket.sock`. kube-apiserver reports a missing endpoint as `Invalid`, not `Required`.";
    KMS_ENDPOINT_INVALID = "EC0224" "kms-endpoint-unparsable" Validate Error
        "the KMS endpoint is not a valid URL"
        "The endpoint is parsed with Go's `url.Parse`: control characters, a bad `%` escape, a character not allowed in a host (such as a space) or an invalid port make it `Invalid`.";
    KMS_ENDPOINT_SCHEME = "EC0225" "kms-endpoint-not-unix" Validate Error
        "the KMS endpoint must use the `unix` scheme"
        "Only unix domain sockets are supported: `unix:///path/to/socket.sock`, or `unix:///@name` for an abstract socket. A bare path has no scheme and is refused.";
    KMS_CACHESIZE_V2 = "EC0226" "kms-v2-cachesize-set" Validate Error
        "`cachesize` is not supported for KMS v2"
        "KMS v2 caches keys by itself; any `cachesize` on a non-v1 provider, even a negative one, is `Invalid`. Remove the field.";
    KMS_CACHESIZE_ZERO = "EC0227" "kms-cachesize-zero" Validate Error
        "`cachesize` 0 is invalid"
        "For KMS v1, `cachesize` must be positive, or negative to disable the DEK cache. Leave it out for the default of 1000.";
    KMS_API_VERSION = "EC0228" "kms-api-version-unsupported" Validate Error
        "KMS `apiVersion` must be `v1` or `v2`"
        "The comparison is exact and case-sensitive: `V2` or `v2beta1` are refused. Leaving `apiVersion` out means `v1`, which is disabled by default from 1.29.";
    WILDCARD_MASKED = "EC0301" "masked-by-earlier-wildcard" Load Error
        "an earlier wildcard already covers this resource"
        "Entries are matched in order, so a name after a wildcard that covers it (`*.*`, or `*.<group>` of its group) could never apply. kube-apiserver refuses to build its transformers and does not start. Put specific names before wildcards: that is how you opt a resource out of `*.*`.";
    KMSV1_DISABLED = "EC0302" "kmsv1-disabled" Load Error
        "KMS v1 is disabled in this Kubernetes version"
        "The `KMSv1` feature gate (added in 1.28) is off by default from 1.29, and a `kms` provider with `apiVersion: v1` (or no apiVersion) then stops kube-apiserver. Migrate to `apiVersion: v2`, or start kube-apiserver with `--feature-gates=KMSv1=true` while you migrate.";
    KMSV2_DISABLED = "EC0303" "kmsv2-disabled" Load Error
        "a KMS v2 provider is configured but the KMSv2 feature gate is off"
        "In 1.27 and 1.28 KMS v2 is a beta feature behind the `KMSv2` gate (on by default). Started with `--feature-gates=KMSv2=false`, kube-apiserver refuses to build a `kms` provider with `apiVersion: v2` (\"KMSv2 feature is not enabled\") and does not start. From 1.29 the gate is locked on, and 1.32 removed it.";
    IDENTITY_FIRST = "EC0401" "identity-first" Lint Warning
        "`identity` is the first provider, so new writes are stored unencrypted"
        "The first provider encrypts every write. With `identity` first, data is written in plaintext; the later providers only decrypt old data. That is right only while deliberately decrypting everything.";
    AESCBC_WEAK = "EC0402" "aescbc-not-recommended" Lint Info
        "`aescbc` is rated weak by the Kubernetes docs"
        "AES-CBC is open to padding-oracle attacks. The docs recommend `secretbox`, or better a `kms` v2 provider.";
    KMSV1_DEPRECATED = "EC0403" "kms-v1-deprecated" Lint Warning
        "KMS v1 is deprecated"
        "KMS v1 is deprecated since 1.28 and off by default since 1.29. Plan a migration to `apiVersion: v2`.";
    IDENTITY_ONLY = "EC0404" "identity-only" Lint Info
        "this entry only has `identity`, so these resources are stored unencrypted"
        "An entry whose only provider is `identity` stores its resources in plaintext. That is intended for an opt-out before a wildcard; otherwise add an encrypting provider first.";
    INVISIBLE_IN_NAME = "EC0405" "invisible-character-in-resource-name" Lint Warning
        "a resource name holds an invisible character, so it matches no resource"
        "kube-apiserver keeps a U+FEFF (byte order mark), a zero-width or a no-break space inside a resource name as part of it, and accepts the file: validation does not check that names exist. Such a name matches no resource, so the resource you meant stays unencrypted. Such characters come from copying text out of documents or chat; retype the name.";
}

/// Finds a code by its code (`EC0221`) or name (`kms-name-duplicate`), case-insensitively.
pub fn lookup(code_or_name: &str) -> Option<&'static Code> {
    let wanted = code_or_name.trim();
    CODES
        .iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(wanted) || c.name.eq_ignore_ascii_case(wanted))
}

/// The docs of one code, as plain text for a terminal.
pub fn render_text(code: &Code) -> String {
    format!(
        "{} {} ({} {})\n\n{}\n\n{}\n",
        code.code,
        code.name,
        code.stage.as_str(),
        code.severity.as_str(),
        code.summary,
        code.explanation
    )
}

/// `docs/diagnostics.md`, generated from the registry.
pub fn render_markdown() -> String {
    let mut out = String::from(
        "# Diagnostics\n\n<!-- Generated from crates/enccfg-core/src/registry.rs by `cargo run -p enccfg-cli -- explain --all-markdown`; do not edit. -->\n\n\
         Every finding has a stable code. `error` means kube-apiserver (with the chosen version and flags) refuses the file.\n\n\
         | code | name | stage | severity | summary |\n| --- | --- | --- | --- | --- |\n",
    );
    for c in CODES {
        out.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} |\n",
            c.code,
            c.code.to_lowercase(),
            c.name,
            c.stage.as_str(),
            c.severity.as_str(),
            c.summary.replace('|', "\\|")
        ));
    }
    for c in CODES {
        out.push_str(&format!(
            "\n## {}\n\n`{}` · {} · {}\n\n**{}**\n\n{}\n",
            c.code,
            c.name,
            c.stage.as_str(),
            c.severity.as_str(),
            c.summary,
            c.explanation
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_documented() {
        for pair in CODES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        let mut names: Vec<_> = CODES.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CODES.len(), "names repeat");
        for c in CODES {
            assert!(c.code.len() == 6 && c.code.starts_with("EC"), "{}", c.code);
            assert!(
                !c.summary.is_empty() && c.explanation.len() > 40,
                "{} is undocumented",
                c.code
            );
            assert!(
                !c.summary.ends_with('.'),
                "{}: summaries have no final period",
                c.code
            );
            let prefix = match c.stage {
                Stage::Syntax => "EC00",
                Stage::Decode => "EC01",
                Stage::Validate => "EC02",
                Stage::Load => "EC03",
                Stage::Lint => "EC04",
            };
            assert!(
                c.code.starts_with(prefix),
                "{} is in the wrong range",
                c.code
            );
        }
    }

    #[test]
    fn lookup_finds_by_code_or_name() {
        assert_eq!(lookup("ec0221").map(|c| c.name), Some("kms-name-duplicate"));
        assert_eq!(lookup("identity-first").map(|c| c.code), Some("EC0401"));
        assert!(lookup("EC9999").is_none());
    }

    #[test]
    fn generated_docs_are_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/diagnostics.md");
        let generated = render_markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &generated).expect("write docs/diagnostics.md");
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == generated,
            "docs/diagnostics.md is stale: run `UPDATE_DOCS=1 cargo test -p enccfg-core generated_docs_are_fresh`"
        );
    }
}
