//! The explainer's table: run-time messages kube-apiserver (or Go, or gRPC under it) prints
//! about encrypted data and the encryption file, each with what it means, what to do, and
//! where upstream it comes from. Data only; `explain.rs` matches and relates it to a file.
//! Each source names its repository (kubernetes/apiserver at v0.36.3, Go, gRPC).

/// Which providers of a file a message concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concern {
    /// The value's prefix matched no provider of the rule that applies.
    Prefix,
    /// Identity read data that is encrypted.
    Identity,
    Aes,
    Aescbc,
    Aesgcm,
    Secretbox,
    /// A KMS plugin (v1 or v2).
    Kms,
    KmsV1,
    KmsV2,
    /// The file itself (kube-apiserver refused it).
    File,
    /// A wrapper around another message.
    Wrapper,
}

/// One known message.
#[derive(Debug)]
pub struct KnownMessage {
    /// A stable kebab name.
    pub id: &'static str,
    /// Lower-case fragments; the message matches when the text contains any of them (a
    /// fragment with `&&` needs each of its parts).
    pub needles: &'static [&'static str],
    /// What happened, in one line.
    pub title: &'static str,
    /// Why, and what it means for stored data.
    pub meaning: &'static str,
    /// What to do.
    pub action: &'static str,
    /// Where upstream the message comes from.
    pub source: &'static str,
    pub concern: Concern,
}

/// The table, the most specific messages first (a wrapped error matches several).
pub const MESSAGES: &[KnownMessage] = &[
    KnownMessage {
        id: "aes-no-matching-key",
        needles: &["no matching key was found for the provided aes transformer"],
        title: "no aescbc/aesgcm key of the stored name",
        meaning: "the value's prefix names an aescbc or aesgcm key (`k8s:enc:aescbc:v1:<name>:`) that the provider reading it does not have: the key was removed or renamed while objects were still stored under it",
        action: "put the key back (same name, same secret) as a read key (not first), then rewrite every object of the resource before removing it again",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (aesPrefixTransformer: \"no matching key was found for the provided AES transformer\")",
        concern: Concern::Aes,
    },
    KnownMessage {
        id: "secretbox-no-matching-key",
        needles: &["no matching key was found for the provided secretbox transformer"],
        title: "no secretbox key of the stored name",
        meaning: "the value's prefix names a secretbox key (`k8s:enc:secretbox:v1:<name>:`) that the provider reading it does not have: the key was removed or renamed while objects were still stored under it",
        action: "put the key back (same name, same secret) as a read key (not first), then rewrite every object of the resource before removing it again",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (secretboxPrefixTransformer: \"no matching key was found for the provided Secretbox transformer\")",
        concern: Concern::Secretbox,
    },
    KnownMessage {
        id: "no-matching-prefix",
        needles: &["no matching prefix found"],
        title: "no provider of this resource's rule reads the stored value",
        meaning: "the value starts with a prefix (`k8s:enc:<provider>:…:<name>:`, or none for plaintext) that no provider in the rule for this resource has: the provider or KMS name that wrote it was removed or renamed, the resource moved to another rule, or plaintext data lost its `identity` reader",
        action: "add back the provider (or `identity: {}`) that wrote the data, after the current writer, and keep it until every object was rewritten; `enccfg compare` with the file deployed before shows which change removed it",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (NewPrefixTransformers(fmt.Errorf(\"no matching prefix found\"), …)); pkg/storage/value/transformer.go (prefixTransformers.TransformFromStorage)",
        concern: Concern::Prefix,
    },
    KnownMessage {
        id: "no-supported-transformer",
        needles: &["does not match any of the supported transformers"],
        title: "no transformer reads the stored value",
        meaning: "the generic form of \"no matching prefix found\": the value's prefix matches no configured provider",
        action: "add back the provider that wrote the data (after the current writer) until every object was rewritten",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/transformer.go (NewPrefixTransformers: \"the provided value does not match any of the supported transformers\")",
        concern: Concern::Prefix,
    },
    KnownMessage {
        id: "identity-read-encrypted",
        needles: &["identity transformer tried to read encrypted data"],
        title: "encrypted data read as plaintext",
        meaning: "the resource is read by `identity` only (it is not listed in the file, or its rule has only `identity`), but the stored value starts with `k8s:enc:`: its rule or encrypting provider was removed before the data was decrypted",
        action: "restore the rule with the provider that wrote the data (after `identity` if you are decrypting), rewrite every object, then remove it",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/identity/identity.go (errEncryptedData)",
        concern: Concern::Identity,
    },
    KnownMessage {
        id: "aescbc-invalid-padding",
        needles: &["invalid padding on input"],
        title: "aescbc decrypted with the wrong secret",
        meaning: "an aescbc key with the stored name exists, but decrypting gave invalid PKCS#7 padding: the key's secret differs from the one the data was written with (the name was reused for a new secret), or the value is corrupt",
        action: "restore the old secret under that name (a new key needs a new name), then rewrite the affected objects",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/aes/aes.go (errInvalidPKCS7Padding)",
        concern: Concern::Aescbc,
    },
    KnownMessage {
        id: "aescbc-invalid-data",
        needles: &["invalid pkcs7 data", "not a multiple of the block size"],
        title: "aescbc data of the wrong shape",
        meaning: "the value under an aescbc prefix is empty, truncated or not whole AES blocks: it was not written by aescbc with this key, or was damaged",
        action: "check that the key name and secret are the ones the data was written with; restore the object from a backup if it was damaged",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/aes/aes.go (errInvalidPKCS7Data, errInvalidBlockSize)",
        concern: Concern::Aescbc,
    },
    KnownMessage {
        id: "gcm-authentication-failed",
        needles: &["message authentication failed"],
        title: "AES-GCM decryption with the wrong key",
        meaning: "AES-GCM refused the value: for aesgcm, the key with the stored name has a different secret than the one that wrote the data (or the value was changed); for KMS, the data key the plugin returned does not match",
        action: "restore the old secret under that name (a new key needs a new name); for KMS, check that the plugin still uses the key that wrote the data",
        source: "Go crypto/cipher (GCM Open: \"cipher: message authentication failed\"), reached from kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/aes/aes.go",
        concern: Concern::Aesgcm,
    },
    KnownMessage {
        id: "secretbox-open-failed",
        needles: &["output array was not large enough for encryption"],
        title: "secretbox decryption with the wrong key",
        meaning: "despite its words, this is secretbox failing to open the value: the key with the stored name has a different secret than the one that wrote the data, or the value was changed",
        action: "restore the old secret under that name (a new key needs a new name), then rewrite the affected objects",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/secretbox/secretbox.go (TransformFromStorage when secretbox.Open fails)",
        concern: Concern::Secretbox,
    },
    KnownMessage {
        id: "stored-data-too-short",
        needles: &["the stored data was shorter than the required size"],
        title: "stored value too short to be encrypted data",
        meaning: "the bytes after the prefix are fewer than a nonce and tag: the value was truncated or not written by this provider",
        action: "check which provider wrote the object; restore it from a backup if it was damaged",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/aes/aes.go, pkg/storage/value/encrypt/secretbox/secretbox.go",
        concern: Concern::Aes,
    },
    KnownMessage {
        id: "kms-deadline-exceeded",
        needles: &["deadlineexceeded", "deadline exceeded"],
        title: "the KMS plugin did not answer in time",
        meaning: "a gRPC call to the KMS plugin (Encrypt, Decrypt or Status) took longer than the provider's `timeout` (3s by default): the plugin or the KMS behind it is slow or stuck; reads of objects whose data key is not cached fail, and KMS v2 writes stop about 3 minutes after the last good Status",
        action: "check the plugin's logs and its KMS; raise `timeout` only if the KMS is known to be slow",
        source: "gRPC status code DeadlineExceeded from the plugin client (kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/envelope/kmsv2/grpc_service.go, envelope/grpc_service.go); the timeout is the provider's `timeout`",
        concern: Concern::Kms,
    },
    KnownMessage {
        id: "kms-unavailable",
        needles: &["code = unavailable", "unavailable desc", "connect: no such file or directory", "connect: connection refused"],
        title: "the KMS plugin cannot be reached",
        meaning: "kube-apiserver cannot connect to the plugin's socket: the plugin is not running on this node, or `endpoint` names another path (`unix:///var/run/kms.sock` is the path /var/run/kms.sock, but `unix://var/run/kms.sock` dials /run/kms.sock)",
        action: "start the plugin on every control-plane node and check that the socket path is the endpoint's path",
        source: "gRPC status code Unavailable from the plugin client (kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/envelope/kmsv2/grpc_service.go); the path is k8s.io/kms pkg/util/util.go ParseEndpoint",
        concern: Concern::Kms,
    },
    KnownMessage {
        id: "kms-decrypt-dek-failed",
        needles: &["failed to decrypt dek"],
        title: "the KMS v2 plugin could not unwrap the data key",
        meaning: "reading a KMS v2 value needs the plugin to decrypt its data key; the plugin failed (unreachable, or the key encryption key that wrapped it was disabled or deleted in the KMS)",
        action: "see the wrapped error; keep old key encryption keys enabled in the KMS until every object was rewritten",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/envelope/kmsv2/envelope.go (\"failed to decrypt DEK, error: …\")",
        concern: Concern::KmsV2,
    },
    KnownMessage {
        id: "kms-v1-invalid-data",
        needles: &["invalid data encountered by envelope transformer"],
        title: "not KMS v1 data",
        meaning: "a value under a KMS v1 prefix does not hold a length-prefixed data key: it was damaged or written by something else",
        action: "check which provider wrote the object; restore it from a backup if it was damaged",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/envelope/envelope.go",
        concern: Concern::KmsV1,
    },
    KnownMessage {
        id: "kms-v2-dek-expired",
        needles: &["encrypteddeksource with keyid hash"],
        title: "KMS v2 writes stopped: the plugin's status is too old",
        meaning: "KMS v2 may write with its cached seed for at most 3 minutes after the last successful Status call; the plugin has been failing longer, so writes fail until it recovers (reads of cached data keys go on)",
        action: "fix the plugin (see its health check `/healthz/kms-providers` or `/healthz/kms-provider-N`)",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/value/encrypt/envelope/kmsv2/envelope.go (State.ValidateEncryptCapability)",
        concern: Concern::KmsV2,
    },
    KnownMessage {
        id: "kms-v2-unhealthy",
        needles: &["kmsv2 provider", "got unexpected healthz status", "expected kmsv2 api version", "got invalid kmsv2 keyid"],
        title: "the KMS v2 health check fails",
        meaning: "the plugin's Status answer is not healthy: `healthz` is not \"ok\", the version is not v2, or the key_id is empty or too long",
        action: "check the plugin's logs and its KMS",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (kmsv2PluginProbe.isKMSv2ProviderHealthyAndMaybeRotateDEK)",
        concern: Concern::KmsV2,
    },
    KnownMessage {
        id: "kms-v1-unhealthy",
        needles: &["failed to perform encrypt section of the healthz check", "failed to perform decrypt section of the healthz check"],
        title: "the KMS v1 health check fails",
        meaning: "the probe encrypts and decrypts the word \"ping\" through the plugin, and one half failed",
        action: "check the plugin's logs and its KMS",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (kmsPluginProbe.check)",
        concern: Concern::KmsV1,
    },
    KnownMessage {
        id: "kms-v1-gate",
        needles: &["kmsv1 is deprecated"],
        title: "KMS v1 is switched off",
        meaning: "the file has a KMS provider with `apiVersion: v1` (or none: v1 is the default), and from 1.29 the `KMSv1` feature gate is off by default, so kube-apiserver refuses to start",
        action: "set `--feature-gates=KMSv1=true` while you migrate to KMS v2 (the wizard's kms-v1-to-v2 variant)",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (kmsPrefixTransformer)",
        concern: Concern::KmsV1,
    },
    KnownMessage {
        id: "masked-by-earlier-rule",
        needles: &["is masked by earlier rule"],
        title: "a wildcard hides a later rule",
        meaning: "an earlier `*.<group>` or `*.*` rule already covers this resource, so the later rule would never apply; kube-apiserver refuses the file",
        action: "move the specific rule before the wildcard (run `enccfg check` for the exact place)",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (getTransformerOverridesAndKMSPluginProbes)",
        concern: Concern::File,
    },
    KnownMessage {
        id: "no-provider-kind",
        needles: &["provider does not contain any of the expected providers"],
        title: "a provider element sets no provider",
        meaning: "an element of `providers` has none of kms, aesgcm, aescbc, secretbox, identity (`- identity:` without `{}` is such an element)",
        action: "write `identity: {}`; run `enccfg check` for the exact place",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (prefixTransformersAndProbes)",
        concern: Concern::File,
    },
    KnownMessage {
        id: "config-empty",
        needles: &["encryption provider configuration file&&is empty"],
        title: "the encryption file is empty",
        meaning: "the file named by --encryption-provider-config has no bytes",
        action: "write the configuration to the file (and check the path)",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (loadDataAndHash)",
        concern: Concern::File,
    },
    KnownMessage {
        id: "config-refused",
        needles: &["error while parsing file", "error while building transformers", "error decoding encryption provider configuration file", "got unexpected config type"],
        title: "kube-apiserver refused the encryption file",
        meaning: "decoding, validation or loading of the file failed; the rest of the message says which rule",
        action: "paste the file into the playground or run `enccfg check` to see each error at its line",
        source: "kubernetes/apiserver v0.36.3 pkg/server/options/encryptionconfig/config.go (LoadEncryptionConfig, loadConfig)",
        concern: Concern::File,
    },
    KnownMessage {
        id: "unable-to-transform-key",
        needles: &["unable to transform key"],
        title: "reading one object failed",
        meaning: "etcd returned the object, and the encryption layer could not turn it back into plaintext; the etcd key names the resource, and the error after it says why",
        action: "see the wrapped error",
        source: "kubernetes/apiserver v0.36.3 pkg/storage/etcd3/store.go (\"unable to transform key %q: %w\")",
        concern: Concern::Wrapper,
    },
];

/// The known messages `text` contains, in table order.
pub fn matching(text: &str) -> Vec<&'static KnownMessage> {
    let lower = text.to_lowercase();
    MESSAGES
        .iter()
        .filter(|m| {
            m.needles
                .iter()
                .any(|n| n.split("&&").all(|part| lower.contains(part)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed() {
        let mut ids: Vec<&str> = MESSAGES.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), MESSAGES.len(), "ids repeat");
        for m in MESSAGES {
            assert!(!m.source.is_empty() && !m.needles.is_empty(), "{}", m.id);
            assert!(
                m.needles.iter().all(|n| n.to_lowercase() == *n),
                "needles are lower case: {}",
                m.id
            );
        }
    }

    #[test]
    fn wrapped_errors_match_each_layer() {
        let found: Vec<&str> = matching(
            "unable to transform key \"/registry/secrets/default/s\": failed to decrypt DEK, error: rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        )
        .iter()
        .map(|m| m.id)
        .collect();
        assert_eq!(
            found,
            [
                "kms-deadline-exceeded",
                "kms-decrypt-dek-failed",
                "unable-to-transform-key"
            ]
        );
        assert!(matching("all good").is_empty());
    }
}
