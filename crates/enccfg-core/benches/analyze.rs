//! Benchmarks: `analyze` on the KMS v2 docs example and on generated files of about 100 KB and
//! 1 MB, against the YAML library's event pass alone (`parse_only`) on the same texts.
//!
//! `cargo bench -p enccfg-core --bench analyze -- --warm-up-time 1 --measurement-time 3`

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::hint::black_box;

    use criterion::{Criterion, Throughput};
    use enccfg_core::{analyze, parse_only, Options};

    const KMS_V2: &str = include_str!("../../../static/examples/kms-v2.yaml");

    /// A valid file of at least `bytes` bytes: entries of two names each, protected by a
    /// secretbox key, a KMS v2 provider and identity (keys are base64 of 0x41 bytes).
    pub fn generated(bytes: usize) -> String {
        let key = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
        let mut out = String::from(
            "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n",
        );
        let mut i = 0;
        while out.len() < bytes {
            out.push_str(&format!(
                "  - resources:\n      - res{i}\n      - res{i}.group{i}.example.com\n    providers:\n      - secretbox:\n          keys:\n            - name: key{i}\n              secret: {key}\n      - kms:\n          apiVersion: v2\n          name: kms{i}\n          endpoint: unix:///var/run/kms-{i}.sock\n          timeout: 3s\n      - identity: {{}}\n"
            ));
            i += 1;
        }
        out
    }

    pub fn benches(c: &mut Criterion) {
        let options = Options::default();
        let inputs = [
            ("kms-v2-example", KMS_V2.to_string()),
            ("generated-100k", generated(100 * 1024)),
            ("generated-1m", generated(1024 * 1024)),
        ];
        for (name, text) in &inputs {
            let analysis = analyze(text, &options);
            assert!(analysis.accepted, "{name} must be a valid file");
            let entries = text.matches("  - resources:").count();
            eprintln!(
                "{name}: {} bytes, {entries} entries, {} events",
                text.len(),
                parse_only(text)
            );
            let mut group = c.benchmark_group(*name);
            group.throughput(Throughput::Bytes(text.len() as u64));
            if text.len() > 512 * 1024 {
                group.sample_size(20);
            }
            group.bench_function("analyze", |b| {
                b.iter(|| analyze(black_box(text), black_box(&options)))
            });
            group.bench_function("parse_only", |b| b.iter(|| parse_only(black_box(text))));
            group.finish();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, host::benches);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
