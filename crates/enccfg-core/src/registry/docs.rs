//! The long documentation of every code: what kube-apiserver does and why, how to repair it,
//! an example that fires it (the registry's fixture), and what its fix does. Only the CLI's
//! `explain` and the generated docs read this table, so the page's bundle does not carry it.

/// The documentation of one code.
pub struct Docs {
    pub explanation: &'static str,
    /// A file that reports this code exactly once (also the meta-tests' fixture).
    pub example: &'static [u8],
    /// What the fix changes, and why it has its applicability.
    pub fix: Option<(&'static str, &'static str)>,
}

macro_rules! docs {
    ($($code:literal $explanation:literal $(fix($what:literal, $why:literal))?;)*) => {
        /// Sorted by code, one per registry entry (a meta-test checks both).
        pub(crate) static DOCS: &[(&str, Docs)] = &[$(
            ($code, Docs {
                explanation: $explanation,
                example: include_bytes!(concat!("examples/", $code, ".yaml")),
                fix: docs!(@fix $($what, $why)?),
            }),
        )*];
    };
    (@fix $what:literal, $why:literal) => { Some(($what, $why)) };
    (@fix) => { None };
}

/// The documentation of `code` (`EC0221`).
pub fn docs_of(code: &str) -> Option<&'static Docs> {
    DOCS.iter().find(|(c, _)| *c == code).map(|(_, d)| d)
}

docs! {
    "EC0001"
        "kube-apiserver cannot read a file that is not well-formed YAML or JSON and refuses to start. The position points at the place where the YAML reader gave up; the mistake is often just before it (an indentation slip, a missing `:` or an unclosed bracket or quote).";
    "EC0002"
        "An empty `--encryption-provider-config` file is an error at startup and during automatic reload. A file holding only comments decodes to nothing and fails the same way.";
    "EC0003"
        "Anchors and aliases (`&a`, `*a`) are expanded when the file is read. A file whose aliases expand to an enormous tree (a \"billion laughs\" file) is refused rather than expanded.";
    "EC0004"
        "An EncryptionConfiguration needs fewer than ten levels of nesting. Beyond a safety limit the file is refused instead of being read.";
    "EC0005"
        "kube-apiserver converts the file with a YAML reader that stops after the first document; everything after the first `---` separator that ends it is silently ignored. Keep one document per file.";
    "EC0006"
        "YAML files must be UTF-8 text. Bytes that are not valid UTF-8 make the YAML reader fail.";
    "EC0007"
        "A Jinja/Ansible (`{{ x | b64encode }}`, `{% if %}`), Go/Helm (`{{ .Values.x }}`, `{{- if }}`, `{{ end }}`) or Salt (`{% from ... import ... %}`, `pillar[...]`) template is not YAML yet: kube-apiserver would fail on it, usually with a YAML error somewhere after the first expression. Render the template first, or check it in template mode (`enccfg check --template`, or the page's template option), which replaces each expression by a typed stand-in and checks the structure with positions in your file.";
    "EC0101"
        "The decoder needs `apiVersion: apiserver.config.k8s.io/v1` (with `kind: EncryptionConfiguration`) to know what the file is. Without it, decoding fails and kube-apiserver does not start."
        fix("a missing `apiVersion` / `kind` → added above the first key", "the only type this file can be");
    "EC0102"
        "The decoder needs `kind: EncryptionConfiguration` to know what the file is. Without it, decoding fails and kube-apiserver does not start."
        fix("a missing `apiVersion` / `kind` → added above the first key", "the only type this file can be");
    "EC0103"
        "Only `apiserver.config.k8s.io/v1` + `EncryptionConfiguration` and the legacy pair `v1` + `EncryptionConfig` are registered. Any other pair (a `v1beta1`, a misspelt kind) fails to decode with a \"no kind is registered\" error.";
    "EC0104"
        "The decoder also knows the other kinds of the `apiserver.config.k8s.io` group (for example `AdmissionConfiguration`). Such a file decodes, and is then rejected with an \"unexpected config type\" error.";
    "EC0105"
        "From 1.31 the decoder is strict: an unknown field (often a typo such as `cacheSize`, or a field at the wrong indentation) is a decode error and kube-apiserver does not start. From 1.27 to 1.30 the field is silently dropped, which is worse: the setting you wrote has no effect. Field names are case-sensitive."
        fix("a near-miss field name (`cacheSize`, `Providers`) → the right one (not when the right one is already there)", "field names are case-sensitive; the engine drops the rename if it would surface an error");
    "EC0106"
        "From 1.31 a duplicate key is a decode error. From 1.27 to 1.30 the last value silently wins and the earlier ones are lost. Keys are compared once resolved (`1` and `01` are the same key). Strict decoding also refuses a key that a `<<` merge already set in the same mapping, so overriding a merged field fails from 1.31.";
    "EC0107"
        "The decoder converts YAML to JSON and then into typed fields: a list where a mapping belongs, a number where a string belongs and so on is a decode error. The YAML reader follows YAML 1.1, so unquoted `yes`, `no`, `on`, `off`, `y`, `n`, `true`, `false` are booleans, `~` and `null` are null, and `0777` or `1e3` are numbers: quote them where a string is meant."
        fix("an unquoted YAML 1.1 boolean or number where a string belongs → quoted", "`name: yes` is a boolean to kube-apiserver; quoting keeps the text you wrote");
    "EC0108"
        "`kms.timeout` is a Go duration written as a string such as `3s`, `500ms` or `1m30s`. A bare number (`timeout: 5`) or an unknown unit fails to decode.";
    "EC0109"
        "`kms.cachesize` is an int32: a fraction, a number outside -2147483648..2147483647 or a non-number fails to decode.";
    "EC0110"
        "kube-apiserver converts YAML to JSON before decoding, and infinities and NaN have no JSON form, so the conversion fails.";
    "EC0201"
        "The top-level `resources` list must have at least one entry. kube-apiserver reports `resources: Required value` and stops validating.";
    "EC0202"
        "Each entry of `resources` needs a non-empty `resources` list of resource names (`resources[i].resources: Required value`).";
    "EC0203"
        "Names are compared after splitting at the first dot, so `secrets` and `secrets.` are the same resource. kube-apiserver reports one `Invalid` error on the list (`resources[i].resources`), whatever the number of repeats."
        fix("a repeated resource name in one list → removed", "the same resource listed twice is refused; one listing means the same");
    "EC0204"
        "In one list, `*.*` overlaps everything and `*.<group>` overlaps every name of its group (`*.` is the core group). kube-apiserver reports one `Invalid` error on the list. A repeated wildcard (`*.` twice) gives both this error and the duplicate error.";
    "EC0205"
        "Resource names are lower-case plurals (`secrets`, `configmaps`). A name with any capital letter is `Invalid`; kube-apiserver does not start."
        fix("capitals in a resource name → lower case", "resource names are lower case; kube-apiserver refuses the file otherwise");
    "EC0206"
        "Write `*.` for every resource of the core group or `*.*` for every resource of every group."
        fix("`'*'` → `'*.'`", "`*` alone is refused; `*.` is every core-group resource");
    "EC0207"
        "`apiserveripinfo`, `serviceipallocations` and `servicenodeportallocations` are internal records without a REST API; listing them is `Invalid`.";
    "EC0208"
        "Events of the `events.k8s.io` group are stored under the core `events` resource: list `events` instead of `events.events.k8s.io` or `*.events.k8s.io`."
        fix("`*.events.k8s.io`, `events.events.k8s.io` → `events` (or removed when `events` is already listed)", "these objects are stored as core `events`");
    "EC0209"
        "Resources of the `extensions` group no longer exist; use their current group (for example `deployments.apps`).";
    "EC0210"
        "A name such as `foos.*` is `Invalid`: list the resource with its group, or use `*.*` for everything.";
    "EC0211"
        "Each entry needs a non-empty `providers` list (`resources[i].providers: Required value`). The first provider encrypts new writes; all are tried for reads.";
    "EC0212"
        "Each element of `providers` must set exactly one of `kms`, `aesgcm`, `aescbc`, `secretbox` or `identity`. Note that `- identity:` with nothing after the colon is null, not an identity provider: write `- identity: {}`."
        fix("`- identity:` → `- identity: {}`", "an empty value is null, not a provider; nothing else was meant");
    "EC0213"
        "Put each provider in its own list element; their order decides which one encrypts writes. kube-apiserver checks only the first kind in the order kms, aesgcm, aescbc, secretbox."
        fix("two providers in one list element → split into two elements", "their order decides which provider encrypts writes");
    "EC0214"
        "`aescbc`, `aesgcm` and `secretbox` need a non-empty `keys` list.";
    "EC0215"
        "Every key needs a non-empty `name`. The name is written into every value it encrypts (`k8s:enc:aescbc:v1:<name>:`), so never rename a key that still protects data.";
    "EC0216"
        "Every key needs a `secret`: the key bytes in standard base64.";
    "EC0217"
        "Secrets must be standard padded base64 (alphabet `A-Z a-z 0-9 + /`, `=` padding). URL-safe (`-`, `_`) or unpadded base64 is refused. Generate one with `head -c 32 /dev/urandom | base64`."
        fix("URL-safe or unpadded base64 of a 16/24/32-byte key → standard padded base64", "the same key bytes in the encoding kube-apiserver reads");
    "EC0218"
        "`aescbc` and `aesgcm` accept keys of 16, 24 or 32 bytes; `secretbox` exactly 32 bytes. The examples in the Kubernetes docs decode to 28 and 25 bytes and fail here.";
    "EC0219"
        "Every `kms` provider needs a `name`; it is part of the prefix stored with every value it encrypts.";
    "EC0220"
        "The name is stored in every value's prefix (`k8s:enc:kms:v2:<name>:`), where `:` is the separator. Renaming it makes existing data unreadable, so pick the name before writing data."
        fix("a KMS v2 name with `:` → `:` replaced by `-`", "the name is part of every stored value's prefix");
    "EC0221"
        "A KMS v2 provider (or any KMS provider when automatic reload is on) may not reuse the name of an earlier KMS provider anywhere in the file. The rule is one-sided without reload: v2 `foo` then v1 `foo` passes, v1 `foo` then v2 `foo` fails.";
    "EC0222"
        "`timeout` is the limit for each call to the plugin. `0s` or a negative duration is `Invalid`; leave it out to get the default `3s`.";
    "EC0223"
        "Every `kms` provider needs an `endpoint` such as `unix:///var/run/kms-plugin/socket.sock`. kube-apiserver reports a missing endpoint as `Invalid`, not `Required`.";
    "EC0224"
        "The endpoint is parsed with Go's `url.Parse`: control characters, a bad `%` escape, a character not allowed in a host (such as a space) or an invalid port make it `Invalid`.";
    "EC0225"
        "Only unix domain sockets are supported: `unix:///path/to/socket.sock`, or `unix:///@name` for an abstract socket. A bare path has no scheme and is refused.";
    "EC0226"
        "KMS v2 caches keys by itself; any `cachesize` on a non-v1 provider, even a negative one, is `Invalid`. Remove the field."
        fix("`cachesize` on a KMS v2 provider → removed", "v2 has no cache size; the field is refused");
    "EC0227"
        "For KMS v1, `cachesize` must be positive, or negative to disable the DEK cache. Leave it out for the default of 1000.";
    "EC0228"
        "The comparison is exact and case-sensitive: `V2` or `v2beta1` are refused. Leaving `apiVersion` out means `v1`, which is disabled by default from 1.29."
        fix("`V2` → `v2` (any case of v1/v2)", "the comparison is case-sensitive");
    "EC0301"
        "Entries are matched in order, so a name after a wildcard that covers it (`*.*`, or `*.<group>` of its group) could never apply. kube-apiserver refuses to build its transformers and does not start. Put specific names before wildcards: that is how you opt a resource out of `*.*`.";
    "EC0302"
        "The `KMSv1` feature gate (added in 1.28) is off by default from 1.29, and a `kms` provider with `apiVersion: v1` (or no apiVersion) then stops kube-apiserver. Migrate to `apiVersion: v2`, or start kube-apiserver with `--feature-gates=KMSv1=true` while you migrate.";
    "EC0303"
        "In 1.27 and 1.28 KMS v2 is a beta feature behind the `KMSv2` gate (on by default). Started with `--feature-gates=KMSv2=false`, kube-apiserver refuses to build a `kms` provider with `apiVersion: v2` (\"KMSv2 feature is not enabled\") and does not start. From 1.29 the gate is locked on, and 1.32 removed it.";
    "EC0401"
        "The first provider encrypts every write. With `identity` first, data is written in plaintext; the later providers only decrypt old data. That is right only while deliberately decrypting everything."
        fix("`identity` first → moved to the end", "new writes switch from plaintext to encrypted");
    "EC0402"
        "AES-CBC is open to padding-oracle attacks. The docs recommend `secretbox`, or better a `kms` v2 provider.";
    "EC0403"
        "KMS v1 is deprecated since 1.28 and off by default since 1.29. Plan a migration to `apiVersion: v2`.";
    "EC0404"
        "An entry whose only provider is `identity` stores its resources in plaintext. That is intended for an opt-out before a wildcard; otherwise add an encrypting provider first.";
    "EC0405"
        "kube-apiserver keeps a U+FEFF (byte order mark), a zero-width or a no-break space inside a resource name as part of it, and accepts the file: validation does not check that names exist. Such a name matches no resource, so the resource you meant stays unencrypted. Such characters come from copying text out of documents or chat; retype the name.";
    "EC0406"
        "Only the first provider of the rule that covers a resource encrypts its writes, and a resource no rule covers is stored by the identity transformer, in plaintext. When no entry lists `secrets` (or `*.`, or `*.*`), or the one that wins only has `identity`, every Secret lands in etcd unencrypted although the file looks like encryption is configured. An `identity` first while a later provider encrypts is EC0401 instead.";
    "EC0407"
        "AES-GCM with a random 12-byte nonce must not encrypt more than about 2^32 values with one key before nonces risk repeating, and a repeated nonce breaks GCM entirely; the Kubernetes docs translate this into rotating the key every 200,000 writes and recommend `aesgcm` only with automated rotation. Prefer `kms` v2, or `secretbox`. `aesgcm` kept after the write provider, only to read older data, is fine.";
    "EC0408"
        "Each key should be its own random bytes. The same bytes under two names or two algorithms (an `aescbc` and a `secretbox` key made from one secret, or one key pasted into several entries) mean one leak exposes everything, and a rotation that replaces one copy leaves the other. A provider copied whole into another entry (same kind and key name) is reported as info: it is a common layout, but it still ties those resources to one key. The message names where the copies are, never the key.";
    "EC0409"
        "Every stored value carries the key's name (`k8s:enc:secretbox:v1:<name>:`), and kube-apiserver picks the keys to try by that name. Two keys of one provider with the same name are both tried for reading, so you cannot tell which one wrote a value, and removing the \"old\" one after a rotation can make data unreadable. Give each key its own name, for example a dated one, and never rename a key that encrypted data.";
    "EC0410"
        "A key must be random bytes. A key that decodes to printable text is a password (`supersecretkey...`), one byte repeated is no secret at all, and the Kubernetes docs' sample keys are published: anyone can decrypt what they encrypt. The check keeps only SHA-256 digests of the published keys, and never prints a key. Generate one with `head -c 32 /dev/urandom | base64` and rotate to it.";
    "EC0411"
        "Writes use the first key of the first provider; the other keys of that provider only decrypt data written before a rotation. Once every object was rewritten (`kubectl get secrets --all-namespaces -o json | kubectl replace -f -` for each resource, or a StorageVersionMigration from 1.37) and etcd was backed up, remove the old keys: a key that is kept can still decrypt a stolen etcd backup.";
    "EC0412"
        "`identity` after the write provider lets kube-apiserver read objects still stored in plaintext, which is what the first migration needs. Once every object was rewritten encrypted it has no use left, and it means that a plaintext value planted in etcd is served as if it were encrypted. Remove it after the rewrite (defence in depth). There is no fix: applied together with EC0401's, it would remove the fallback the first migration needs.";
    "EC0413"
        "`timeout` bounds each gRPC call to the KMS plugin (default 3s). Under 1s leaves no room for a plugin that calls a remote KMS, so ordinary latency fails writes and reads. Over 60s, a hung plugin holds each request for longer than kube-apiserver's default request timeout (1m), so clients time out first and requests pile up. The thresholds are this tool's choice; set a value outside them only after measuring the plugin.";
    "EC0414"
        "Validation only checks the scheme, so `unix://tmp/kms.sock` is accepted. The KMS plugin client keeps only the URL's path: `tmp` becomes the URL's host and the client dials `/kms.sock`, a socket that is usually not there (the KMS health check fails) or belongs to something else. `unix://kms.sock` has an empty path and fails when the client is set up. Write three slashes: `unix:///tmp/kms.sock`."
        fix("`unix://dir/sock` → `unix:///dir/sock`", "it dials the path the author wrote, which two slashes never did");
    "EC0415"
        "Any local user can create files in `/tmp`, `/var/tmp` and `/dev/shm`. A process that binds the socket path before the plugin starts (or after it restarts) receives every data key kube-apiserver wraps, and can answer with keys of its own. Put the socket in a directory only root can write, such as `/var/run/kmsplugin/`.";
    "EC0416"
        "`unix:///@name` is a Linux abstract socket: it has no file, so no file permission guards it; only the network namespace does. kube-apiserver's static Pod runs with host networking, so any process on the node can connect to the name or take it first. Prefer a socket file in a root-only directory.";
    "EC0417"
        "Files copied from docs, scripts and templates often keep their placeholders: `<BASE 64 ENCODED SECRET>`, `${ENCRYPTION_KEY}` or `$ENCRYPTION_KEY` from a heredoc that was quoted (`<<'EOF'`) or never run through `envsubst`, `YOUR_KEY`, `changeme`, `xxxxxxxx`, `{{ token }}`. kube-apiserver refuses most of them as bad base64 or a wrong key length (that error stays); this says what really happened. A placeholder is not key material, so the message shows it.";
    "EC0418"
        "`# enccfg: ignore[EC0402]` (several codes or names separated by commas) on a finding's line or the line before hides that lint. Only lints can be hidden, never kube-apiserver's errors or warnings. A suppression that hides nothing (the finding is gone, the code is misspelt, or it names a kube-apiserver code) is reported, so stale comments cannot hide future findings.";
}
