//! The generated files of the analysis benchmark, shared by `benches/analyze.rs` and
//! `examples/write_shape.rs` (which writes them out for instruction-counting profilers): four
//! shapes (many entries, many keys, long resource lists, deep flow collections), each a valid
//! file of at least the asked size.

const HEADER: &str =
    "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n";
/// A valid 32-byte secretbox/aescbc/aesgcm key of its own for each `i` (generated, not
/// text, not one repeated byte), so that the files are clean: no lint fires on every key.
fn key(i: usize) -> String {
    use base64::Engine;
    let bytes: Vec<u8> = (0..32u32)
        .map(|j| ((i as u32).wrapping_mul(2_654_435_761) >> (j % 24)) as u8 ^ (0x80 | j as u8))
        .collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `out` followed by `item(0)`, `item(1)`, … until it holds at least `bytes`.
fn grow(mut out: String, bytes: usize, item: impl Fn(usize) -> String) -> String {
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&item(i));
        i += 1;
    }
    out
}

/// Writes a valid file of at least the given number of bytes.
pub type Generator = fn(usize) -> String;

/// The shapes of generated files; every one is a valid file of at least the asked size.
pub const SHAPES: [(&str, Generator); 4] = [
    ("entries", many_entries),
    ("keys", many_keys),
    ("resources", long_resource_lists),
    ("flow", deep_flow_collections),
];

/// Many entries of two names each, each protected by secretbox, KMS v2 and identity.
pub fn many_entries(bytes: usize) -> String {
    grow(HEADER.into(), bytes, |i| {
        let key = key(i);
        format!(
            "  - resources:\n      - res{i}\n      - res{i}.group{i}.example.com\n    providers:\n      - secretbox:\n          keys:\n            - name: key{i}\n              secret: {key}\n      - kms:\n          apiVersion: v2\n          name: kms{i}\n          endpoint: unix:///var/run/kms-{i}.sock\n          timeout: 3s\n      - identity: {{}}\n"
        )
    })
}

/// One entry whose aescbc provider lists very many keys.
pub fn many_keys(bytes: usize) -> String {
    let head = format!(
        "{HEADER}  - resources:\n      - secrets\n    providers:\n      - aescbc:\n          keys:\n"
    );
    let mut out = grow(head, bytes, |i| {
        format!(
            "            - name: key{i}\n              secret: {}\n",
            key(i)
        )
    });
    out.push_str("      - identity: {}\n");
    out
}

/// A few entries, each with a very long list of resource names.
pub fn long_resource_lists(bytes: usize) -> String {
    let mut out = String::from(HEADER);
    let per_entry = (bytes / 8).max(1024);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str("  - resources:\n");
        let start = out.len();
        while out.len() - start < per_entry {
            out.push_str(&format!("      - thing{i}.group.example.com\n"));
            i += 1;
        }
        let key = key(i);
        out.push_str(&format!(
            "    providers:\n      - secretbox:\n          keys:\n            - name: k{i}\n              secret: {key}\n"
        ));
    }
    out
}

/// Entries written entirely in flow style, nested four levels deep.
pub fn deep_flow_collections(bytes: usize) -> String {
    grow(HEADER.into(), bytes, |i| {
        let (a, b) = (key(2 * i), key(2 * i + 1));
        format!(
            "  - {{resources: [res{i}, res{i}.g.example.com, other{i}.g.example.com], providers: [{{aesgcm: {{keys: [{{name: a{i}, secret: {a}}}, {{name: b{i}, secret: {b}}}]}}}}, {{identity: {{}}}}]}}\n"
        )
    })
}
