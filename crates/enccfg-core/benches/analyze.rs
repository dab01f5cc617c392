//! Benchmarks: `analyze` against the YAML library's event pass alone (`parse_only`) on the KMS v2
//! docs example and on generated files of four shapes (many entries, many keys, long resource
//! lists, deep flow collections) at about 100 KB, 1 MB and 10 MB.
//!
//! Criterion times the docs example and the 100 KB / 1 MB files; then a summary table prints, for
//! every shape and size, analyze's time as a multiple of the event pass, the growth of analyze's
//! time from one size to the next (10x the bytes), and analyze's peak heap as a multiple of the
//! input, counted by the allocator below.
//!
//! `cargo bench -p enccfg-core --bench analyze -- --warm-up-time 1 --measurement-time 3`
//! `cargo bench -p enccfg-core --bench analyze -- --summary-only` prints only the table.

#[cfg(not(target_arch = "wasm32"))]
mod shapes;

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::hint::black_box;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    use criterion::{Criterion, Throughput};
    use enccfg_core::{analyze, parse_only, Options};

    use crate::shapes::{many_entries, SHAPES};

    const KMS_V2: &str = include_str!("../../../static/examples/kms-v2.yaml");
    const KB: usize = 1024;
    const SIZES: [(&str, usize); 3] = [
        ("100k", 100 * KB),
        ("1m", 1024 * KB),
        ("10m", 10 * 1024 * KB),
    ];

    /// The system allocator, counting the bytes in use and their high-water mark.
    pub struct Counting;

    static IN_USE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let pointer = unsafe { System.alloc(layout) };
            if !pointer.is_null() {
                let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            }
            pointer
        }

        unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
            unsafe { System.dealloc(pointer, layout) };
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }

        unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let moved = unsafe { System.realloc(pointer, layout, new_size) };
            if !moved.is_null() {
                if new_size > layout.size() {
                    let grown = new_size - layout.size();
                    let now = IN_USE.fetch_add(grown, Ordering::Relaxed) + grown;
                    PEAK.fetch_max(now, Ordering::Relaxed);
                } else {
                    IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
                }
            }
            moved
        }
    }

    /// The heap analyze holds at its highest point beyond what was in use before it started.
    fn peak_heap_of_analyze(text: &str, options: &Options) -> usize {
        let before = IN_USE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let analysis = analyze(text, options);
        let peak = PEAK.load(Ordering::Relaxed);
        drop(analysis);
        peak.saturating_sub(before)
    }

    /// The fastest of `runs` timings of `work` (the least disturbed by the other core's load).
    fn fastest(runs: usize, mut work: impl FnMut()) -> Duration {
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    }

    fn runs_for(bytes: usize) -> usize {
        match bytes {
            0..=200_000 => 30,
            200_001..=2_000_000 => 8,
            _ => 3,
        }
    }

    /// Prints, per shape and size: analyze / event pass, the growth from the previous size, and
    /// the peak heap over the input size. Fails (panics) when a generated file is not accepted.
    pub fn summary() {
        let options = Options::default();
        println!();
        println!("shape      size      bytes  findings   analyze  event pass  analyze/events  growth (10x bytes)  peak heap/input");
        for (shape, generate) in SHAPES {
            let mut previous: Option<Duration> = None;
            for (size, bytes) in SIZES {
                let text = generate(bytes);
                let analysis = analyze(&text, &options);
                assert!(analysis.accepted, "{shape} {size} must be accepted");
                let findings = analysis.diagnostics.len();
                drop(analysis);
                let runs = runs_for(text.len());
                let analyze_time = fastest(runs, || {
                    black_box(analyze(black_box(&text), &options));
                });
                let events_time = fastest(runs, || {
                    black_box(parse_only(black_box(&text)));
                });
                let peak = peak_heap_of_analyze(&text, &options);
                let growth = previous
                    .map(|before| {
                        format!("{:.1}x", analyze_time.as_secs_f64() / before.as_secs_f64())
                    })
                    .unwrap_or_else(|| "-".into());
                println!(
                    "{shape:10} {size:5} {:>10} {findings:>9} {:>8.2}ms {:>9.2}ms {:>14.2}x {:>19} {:>15.1}x",
                    text.len(),
                    analyze_time.as_secs_f64() * 1e3,
                    events_time.as_secs_f64() * 1e3,
                    analyze_time.as_secs_f64() / events_time.as_secs_f64(),
                    growth,
                    peak as f64 / text.len() as f64,
                );
                previous = Some(analyze_time);
            }
        }
    }

    pub fn benches(c: &mut Criterion) {
        let options = Options::default();
        let inputs = [
            ("kms-v2-example", KMS_V2.to_string()),
            ("generated-100k", many_entries(100 * KB)),
            ("generated-1m", many_entries(1024 * KB)),
        ];
        for (name, text) in &inputs {
            assert!(
                analyze(text, &options).accepted,
                "{name} must be a valid file"
            );
            let mut group = c.benchmark_group(*name);
            group.throughput(Throughput::Bytes(text.len() as u64));
            if text.len() > 512 * KB {
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
#[global_allocator]
static ALLOCATOR: host::Counting = host::Counting;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let summary_only = std::env::args().any(|argument| argument == "--summary-only");
    if !summary_only {
        let mut criterion = criterion::Criterion::default().configure_from_args();
        host::benches(&mut criterion);
        criterion.final_summary();
    }
    host::summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
