//! Analyses one file (or, with `events`, runs only the YAML library's event pass over it), for
//! profilers that count instructions rather than seconds, which stay repeatable on a loaded
//! machine:
//!
//! `cargo build --release -p enccfg-core --example analyze_file`
//! `valgrind --tool=callgrind target/release/examples/analyze_file FILE [events]`

fn main() {
    let mut arguments = std::env::args().skip(1);
    let Some(path) = arguments.next() else {
        eprintln!("usage: analyze_file FILE [events]");
        std::process::exit(2);
    };
    let events_only = arguments.next().as_deref() == Some("events");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(2);
        }
    };
    if events_only {
        println!("{} events", enccfg_core::parse_only(&text));
    } else {
        let analysis = enccfg_core::analyze(&text, &enccfg_core::Options::default());
        println!(
            "accepted: {}, {} diagnostics",
            analysis.accepted,
            analysis.diagnostics.len()
        );
    }
}
