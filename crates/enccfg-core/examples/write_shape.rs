//! Writes one of the analysis benchmark's generated files (`benches/shapes`), so that
//! `analyze_file` can run under an instruction-counting profiler on exactly the bench's input:
//!
//! `cargo run --release -p enccfg-core --example write_shape -- entries 10485760 /tmp/entries-10m.yaml`
//!
//! Shapes: `entries`, `keys`, `resources`, `flow`; the size is the least number of bytes.

#[path = "../benches/shapes/mod.rs"]
mod shapes;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [shape, bytes, path] = arguments.as_slice() else {
        eprintln!("usage: write_shape SHAPE BYTES FILE");
        std::process::exit(2);
    };
    let Some((_, generate)) = shapes::SHAPES.iter().find(|(name, _)| name == shape) else {
        eprintln!("unknown shape {shape}: entries, keys, resources or flow");
        std::process::exit(2);
    };
    let Ok(bytes) = bytes.parse::<usize>() else {
        eprintln!("not a number of bytes: {bytes}");
        std::process::exit(2);
    };
    if let Err(error) = std::fs::write(path, generate(bytes)) {
        eprintln!("{path}: {error}");
        std::process::exit(2);
    }
}
