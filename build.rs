//! Analyses the file a new visitor sees (`DEFAULT_EXAMPLE`, with the default settings) at build
//! time, with the same core the engine module runs: the page shows this analysis on a first
//! visit without loading the engine (`src/first_analysis.rs`).

use enccfg_core::{analyze, export, wire, Applicability, Form, Options};

fn main() {
    let path = "static/examples/kms-v2.yaml";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).expect("build.rs: the first example is readable");
    let analysis = analyze(&text, &Options::default());
    // As `state::analyse_with_export` asks for the default request; a test compares the two.
    let export = export(
        &text,
        &analysis,
        Applicability::Safe,
        Form::AsWritten,
        "encryption-config.yaml",
    );
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("first-analysis.bin"),
        wire::to_bytes(&(analysis, export)),
    )
    .expect("build.rs: OUT_DIR is writable");
}
