//! EC0410 weak-key-material: a key that decodes to printable text, to one byte repeated, or to
//! a key published in the Kubernetes docs. Keeps only SHA-256 digests of the published keys.

use super::{keyed, Context};
use crate::diagnostic::Diagnostic;
use crate::validate::decode_secret;

/// SHA-256 of the decoded sample keys of the Kubernetes docs' encrypt-data page (the aescbc,
/// aesgcm and secretbox examples, and the two keys of the type's doc comment, facts 10.1),
/// computed with `base64 -d | sha256sum` (66337256…, 15a1b278…, f6d527e6…, 58535344…,
/// 166f41cd…).
const PUBLISHED: [[u8; 32]; 5] = [
    [
        0x66, 0x33, 0x72, 0x56, 0x70, 0x3e, 0xec, 0xc9, 0xd5, 0xe1, 0x2f, 0x8b, 0x85, 0xa0, 0x2f,
        0xc8, 0x6d, 0x98, 0xc8, 0x32, 0x13, 0x7f, 0xc0, 0x75, 0xa9, 0x56, 0x6d, 0xcc, 0x9d, 0xc8,
        0xeb, 0x36,
    ],
    [
        0x15, 0xa1, 0xb2, 0x78, 0xf7, 0xe9, 0xcd, 0x15, 0x25, 0xe7, 0x5f, 0xd9, 0x18, 0x2d, 0x7b,
        0xc0, 0xc6, 0xc0, 0x0e, 0x4f, 0xa9, 0xe6, 0x78, 0xc2, 0x18, 0x46, 0x55, 0x49, 0x1f, 0x98,
        0xf1, 0xa2,
    ],
    [
        0xf6, 0xd5, 0x27, 0xe6, 0xd0, 0x18, 0x65, 0x48, 0x11, 0x34, 0xf2, 0x97, 0x88, 0xbe, 0x2a,
        0xfe, 0x7f, 0xc3, 0xc7, 0x02, 0xe1, 0xa5, 0x5d, 0x7c, 0xea, 0xfa, 0xc5, 0xf3, 0x51, 0x99,
        0xe8, 0xdc,
    ],
    [
        0x58, 0x53, 0x53, 0x44, 0xb6, 0x81, 0x2f, 0x10, 0x42, 0x3a, 0x2f, 0xc7, 0xba, 0x41, 0xd3,
        0x97, 0x2b, 0xd0, 0xf2, 0x75, 0xb5, 0xe3, 0xa9, 0x47, 0x57, 0xc5, 0xb0, 0x7b, 0x5b, 0x63,
        0x1a, 0xe0,
    ],
    [
        0x16, 0x6f, 0x41, 0xcd, 0x76, 0x64, 0xc9, 0xc7, 0xaf, 0xec, 0xf2, 0x0e, 0x63, 0x39, 0x07,
        0xa6, 0xe6, 0x15, 0xa3, 0x63, 0x3b, 0x3a, 0x70, 0x5b, 0x3a, 0x0b, 0x30, 0x9e, 0x0b, 0x57,
        0x0c, 0x7f,
    ],
];

/// Why the key bytes are weak, if they are. Every published key is printable text, so only
/// text is hashed (a digest cost more than the rest of the lint on a file of random keys).
fn weakness(bytes: &[u8]) -> Option<&'static str> {
    let text = bytes
        .iter()
        .all(|b| (0x20..0x7f).contains(b) || *b == b'\n');
    if text && PUBLISHED.contains(&crate::sha256::digest(bytes)) {
        Some("is a sample key published in the Kubernetes docs")
    } else if bytes.windows(2).all(|w| w.first() == w.get(1)) {
        Some("is one byte repeated")
    } else if text {
        Some("decodes to printable text (a password, not random bytes)")
    } else {
        None
    }
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for body in keyed(ctx.config) {
        for (k, key) in body.keys.value.keys_list().iter().enumerate() {
            let Some(secret) = key.secret.as_ref() else {
                continue;
            };
            let Some(why) = decode_secret(&secret.value)
                .filter(|b| !b.is_empty())
                .and_then(|b| weakness(&b))
            else {
                continue;
            };
            out.push(
                ctx.report(
                    secret.value_range,
                    format!(
                        "the secret of keys[{k}] of this `{}` {why}",
                        body.kind.as_str()
                    ),
                )
                .help(
                    "generate a random key: `head -c 32 /dev/urandom | base64`, then rotate to it",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD, KEY32};

    fn file(secret: &str) -> String {
        format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - aescbc:\n      keys: [{{name: k, secret: {secret}}}]\n")
    }

    #[test]
    fn text_repeated_bytes_and_the_docs_keys_are_weak() {
        let repeated = run(&file(KEY32), "EC0410");
        assert_eq!(repeated.len(), 1);
        assert!(repeated[0].message.contains("one byte repeated"));
        // "secret is secure", the docs' aescbc example.
        let docs = run(&file("c2VjcmV0IGlzIHNlY3VyZQ=="), "EC0410");
        assert!(docs[0].message.contains("Kubernetes docs"), "{:?}", docs);
        // 32 letters that are not a published key.
        let text = run(
            &file("c3VwZXJzZWNyZXRrZXlzdXBlcnNlY3JldGtleTEyMzQ="),
            "EC0410",
        );
        assert!(text[0].message.contains("printable text"));
        assert!(!text[0].message.contains("c3Vw"), "never the key");
    }

    #[test]
    fn every_published_key_is_printable_text() {
        // The docs' keys behind `PUBLISHED`: `weakness` hashes only text, so each must be text.
        let docs = [
            "c2VjcmV0IGlzIHNlY3VyZQ==",
            "dGhpcyBpcyBwYXNzd29yZA==",
            "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=",
            "c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg==",
            "c2VjcmV0IGlzIHNlY3VyZSwgSSB0aGluaw==",
        ];
        let digests: Vec<[u8; 32]> = docs
            .iter()
            .filter_map(|key| crate::validate::decode_secret(key))
            .inspect(|bytes| {
                assert_eq!(
                    super::weakness(bytes),
                    Some("is a sample key published in the Kubernetes docs")
                );
            })
            .map(|bytes| crate::sha256::digest(&bytes))
            .collect();
        assert!(super::PUBLISHED.iter().all(|p| digests.contains(p)));
    }

    #[test]
    fn random_bytes_are_not_weak() {
        assert!(run(
            &file("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
            "EC0410"
        )
        .is_empty());
    }
}
