//! `enccfg-differential`: generates and mutates EncryptionConfiguration files with a fixed
//! seed, runs each through `enccfg_core::analyze_bytes` and through a reference binary of
//! kube-apiserver's load path (`ENCCFG_ORACLE`, see `../shared/oracle/`), and reports every
//! case where the verdicts, or the (field, type) lists of validation errors, differ. Each
//! disagreement is printed as a ready test. A development tool: no normal test needs it.
//!
//! Usage: enccfg-differential [--cases N] [--first I] [--seed S] [--minor 30,37] [--reload off|on|both]
//!        [--jobs J] [--out DIR] [--show K]

mod generate;
mod mutate;
mod rng;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use enccfg_core::{analyze_bytes, Options, Stage};
use rng::Rng;

struct Args {
    cases: usize,
    /// The index of the first case (to replay one: `--first I --cases 1`).
    first: usize,
    seed: u64,
    minors: Vec<u32>,
    reloads: Vec<bool>,
    jobs: usize,
    out: Option<PathBuf>,
    show: usize,
    oracle: String,
}

fn args() -> Result<Args, String> {
    let mut args = Args {
        cases: 1000,
        first: 0,
        seed: 1,
        minors: vec![30, 37],
        reloads: vec![false, true],
        jobs: 2,
        out: None,
        show: 5,
        oracle: std::env::var("ENCCFG_ORACLE").unwrap_or_default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--cases" => args.cases = number(value()?)? as usize,
            "--first" => args.first = number(value()?)? as usize,
            "--seed" => args.seed = number(value()?)?,
            "--jobs" => args.jobs = (number(value()?)? as usize).max(1),
            "--show" => args.show = number(value()?)? as usize,
            "--out" => args.out = Some(PathBuf::from(value()?)),
            "--oracle" => args.oracle = value()?,
            "--minor" => {
                args.minors = value()?
                    .split(',')
                    .map(|m| Options::parse_version(m).ok_or(format!("--minor: bad version {m}")))
                    .collect::<Result<_, _>>()?
            }
            "--reload" => {
                args.reloads = match value()?.as_str() {
                    "off" => vec![false],
                    "on" => vec![true],
                    "both" => vec![false, true],
                    other => return Err(format!("--reload: {other} is not off, on or both")),
                }
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.oracle.is_empty() {
        return Err("set ENCCFG_ORACLE (or --oracle) to the reference binary".into());
    }
    Ok(args)
}

/// One generated input and how it was made.
struct Case {
    index: usize,
    bytes: Vec<u8>,
    recipe: String,
}

fn case(seed: u64, index: usize) -> Case {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let clean = rng.chance(50);
    let config = generate::config(&mut rng, clean);
    let style = *rng.pick(&[
        generate::Style::Block,
        generate::Style::Block,
        generate::Style::Flow,
        generate::Style::Json,
    ]);
    let mut text = generate::render(&config, style, &mut rng);
    let mut recipe = format!("{}{style:?}", if clean { "clean " } else { "" });
    for _ in 0..rng.below(4) {
        let family = *rng.pick(mutate::FAMILIES);
        if family == "bytes" {
            continue;
        }
        text = mutate::text(family, &text, &mut rng);
        recipe.push_str(&format!(" +{family}"));
    }
    let mut bytes = text.into_bytes();
    if rng.chance(12) {
        bytes = mutate::bytes(bytes, &mut rng);
        recipe.push_str(" +bytes");
    }
    if rng.chance(6) {
        bytes = mutate::encoding(bytes, &mut rng);
        recipe.push_str(" +encoding");
    }
    Case {
        index,
        bytes,
        recipe,
    }
}

/// What the reference binary said.
struct Verdict {
    accepted: bool,
    /// (field, type) of each validation error, when the file decoded.
    fields: Option<Vec<(String, String)>>,
    detail: String,
}

fn oracle(path: &str, file: &std::path::Path, minor: u32, reload: bool) -> Result<Verdict, String> {
    let mut command = Command::new(path);
    command.arg("-minor").arg(minor.to_string());
    if reload {
        command.arg("-reload");
    }
    let output = command
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run {path}: {e}"))?;
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "oracle output: {e}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    let fields = json.get("errors").and_then(|e| e.as_array()).map(|errors| {
        errors
            .iter()
            .filter_map(|e| e.as_str())
            .map(|e| {
                let mut parts = e.split('\t');
                (
                    parts.next().unwrap_or("").to_string(),
                    parts.next().unwrap_or("").to_string(),
                )
            })
            .collect()
    });
    let detail = ["decode_error", "load_error"]
        .iter()
        .find_map(|k| json.get(*k).and_then(|v| v.as_str()))
        .unwrap_or("")
        .to_string();
    Ok(Verdict {
        accepted: json
            .get("accepted")
            .and_then(|a| a.as_bool())
            .unwrap_or(false),
        fields: if json.get("decode_error").is_some() {
            None
        } else {
            fields
        },
        detail,
    })
}

/// Compares one case under one configuration; a ready test when they disagree.
fn compare(case: &Case, upstream: &Verdict, minor: u32, reload: bool) -> Option<String> {
    let options = Options {
        minor,
        reload,
        ..Options::default()
    };
    let analysis = analyze_bytes(&case.bytes, &options);
    let decoded = analysis.views.is_some();
    let ours: Vec<(String, String)> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.stage == Stage::Validate)
        .filter_map(|d| d.field.as_ref())
        .map(|f| (f.path.clone(), f.error_type.as_str().to_string()))
        .collect();
    let verdict_differs = analysis.accepted != upstream.accepted;
    let fields_differ = match (&upstream.fields, decoded) {
        (Some(theirs), true) => *theirs != ours,
        _ => false,
    };
    if !verdict_differs && !fields_differ {
        return None;
    }
    let first = analysis
        .errors()
        .next()
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d.code, d.start.line, d.start.column, d.message
            )
        })
        .unwrap_or_default();
    let mut test = String::new();
    let _ = writeln!(
        test,
        "/// Differential case {} ({}), Kubernetes 1.{minor}, reload {}.",
        case.index,
        case.recipe,
        if reload { "on" } else { "off" }
    );
    let _ = writeln!(
        test,
        "/// Upstream: accepted={}{}",
        upstream.accepted,
        if upstream.detail.is_empty() {
            String::new()
        } else {
            format!(", {:?}", upstream.detail)
        }
    );
    if let Some(fields) = &upstream.fields {
        let _ = writeln!(test, "/// Upstream field errors: {fields:?}");
    }
    let _ = writeln!(
        test,
        "/// Ours: accepted={}, first error: {first:?}; field errors: {ours:?}",
        analysis.accepted
    );
    let _ = writeln!(
        test,
        "#[test]\nfn differential_case_{}_1_{minor}{}() {{",
        case.index,
        if reload { "_reload" } else { "" }
    );
    let _ = writeln!(
        test,
        "    let bytes: &[u8] = b\"{}\";",
        case.bytes.escape_ascii()
    );
    let _ = writeln!(
        test,
        "    let options = Options {{ minor: {minor}, reload: {reload}, ..Options::default() }};"
    );
    let _ = writeln!(
        test,
        "    assert_eq!(analyze_bytes(bytes, &options).accepted, {});",
        upstream.accepted
    );
    let _ = writeln!(test, "}}");
    Some(test)
}

fn main() {
    let args = match args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("enccfg-differential: {message}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let compared = AtomicUsize::new(0);
    let accepted = AtomicUsize::new(0);
    let found: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    let failure: Mutex<Option<String>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for worker in 0..args.jobs {
            let (args, next, compared, accepted, found, failure) =
                (&args, &next, &compared, &accepted, &found, &failure);
            scope.spawn(move || {
                let file = std::env::temp_dir().join(format!(
                    "enccfg-differential-{}-{worker}",
                    std::process::id()
                ));
                loop {
                    let index = args.first + next.fetch_add(1, Ordering::Relaxed);
                    if index >= args.first + args.cases
                        || failure.lock().map_or(true, |f| f.is_some())
                    {
                        break;
                    }
                    let case = case(args.seed, index);
                    if let Err(e) = std::fs::write(&file, &case.bytes) {
                        *failure.lock().unwrap() =
                            Some(format!("cannot write {}: {e}", file.display()));
                        break;
                    }
                    for &minor in &args.minors {
                        for &reload in &args.reloads {
                            match oracle(&args.oracle, &file, minor, reload) {
                                Ok(upstream) => {
                                    compared.fetch_add(1, Ordering::Relaxed);
                                    if upstream.accepted {
                                        accepted.fetch_add(1, Ordering::Relaxed);
                                    }
                                    if let Some(test) = compare(&case, &upstream, minor, reload) {
                                        found.lock().unwrap().push((index, test));
                                    }
                                }
                                Err(e) => {
                                    *failure.lock().unwrap() = Some(e);
                                    break;
                                }
                            }
                        }
                    }
                }
                let _ = std::fs::remove_file(&file);
            });
        }
    });
    if let Some(message) = failure.into_inner().unwrap() {
        eprintln!("enccfg-differential: {message}");
        std::process::exit(2);
    }
    let mut found = found.into_inner().unwrap();
    found.sort();
    let cases: std::collections::BTreeSet<usize> = found.iter().map(|(i, _)| *i).collect();
    if let Some(dir) = &args.out {
        let _ = std::fs::create_dir_all(dir);
        for (n, (_, test)) in found.iter().enumerate() {
            let _ = std::fs::write(dir.join(format!("case-{n:05}.rs")), test);
        }
    }
    for (_, test) in found.iter().take(args.show) {
        println!("{test}");
    }
    println!(
        "seed {}: {} cases, {} comparisons ({} accepted upstream; 1.{} reload {}), {} disagreements in {} cases, {:.1}s",
        args.seed,
        args.cases,
        compared.load(Ordering::Relaxed),
        accepted.load(Ordering::Relaxed),
        args.minors.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(",1."),
        match args.reloads.as_slice() {
            [false] => "off",
            [true] => "on",
            _ => "off+on",
        },
        found.len(),
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    std::process::exit(if found.is_empty() { 0 } else { 1 });
}
