//! `enccfg compare OLD NEW`: what deploying NEW over OLD (or running both on different nodes)
//! does to stored data, through the core's comparison. Exit 0 when no finding puts stored data
//! at risk, 1 when one does, 2 on usage or IO errors.

use std::process::ExitCode;

use enccfg_core::plan::{compare, Comparison};
use serde_json::json;

use crate::plural::count;
use crate::{input, write_stdout, Target};

#[derive(clap::Args)]
pub struct CompareArgs {
    /// The file deployed now (or on one node); `-` for standard input.
    old: String,
    /// The new file (or the other node's); `-` for standard input.
    new: String,
    #[command(flatten)]
    target: Target,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    format: CompareFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CompareFormat {
    Text,
    Json,
}

fn read_text(path: &str) -> Result<(String, String), String> {
    let (name, bytes) = input::read(path)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{name} is not valid UTF-8; run `enccfg check` to see where"))?;
    Ok((name, text))
}

pub fn run(args: CompareArgs) -> ExitCode {
    if args.old == "-" && args.new == "-" {
        eprintln!("enccfg: only one of OLD and NEW can be standard input (`-`)");
        return ExitCode::from(2);
    }
    let read = read_text(&args.old).and_then(|old| Ok((old, read_text(&args.new)?)));
    let ((old_name, old), (new_name, new)) = match read {
        Ok(both) => both,
        Err(message) => {
            eprintln!("enccfg: {message}");
            return ExitCode::from(2);
        }
    };
    let options = match args.target.options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("enccfg: {message}");
            return ExitCode::from(2);
        }
    };
    let comparison = compare(&old, &new, &options);
    let out = match args.format {
        CompareFormat::Text => text(&comparison, &old_name, &new_name),
        CompareFormat::Json => json(&comparison),
    };
    if write_stdout(&out).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(if comparison.safe() { 0 } else { 1 })
}

fn text(c: &Comparison, old_name: &str, new_name: &str) -> String {
    let mut out = String::new();
    for f in &c.findings {
        out.push_str(&format!(
            "{}[{}]: {}: {}\n",
            f.severity.as_str(),
            f.kind,
            f.resource,
            f.message
        ));
        if let Some(line) = f.old_line {
            out.push_str(&format!("  --> {old_name}:{line} (deployed)\n"));
        }
        if let Some(line) = f.new_line {
            out.push_str(&format!("  --> {new_name}:{line} (new)\n"));
        }
    }
    let tally = |s: enccfg_core::Severity| c.findings.iter().filter(|f| f.severity == s).count();
    let (errors, warnings) = (
        tally(enccfg_core::Severity::Error),
        tally(enccfg_core::Severity::Warning),
    );
    if c.findings.is_empty() {
        out.push_str("no difference in what kube-apiserver writes or reads: safe\n");
    } else if c.safe() {
        out.push_str(&format!(
            "safe: no change makes stored data unreadable ({})\n",
            count(warnings, "warning", "warnings")
        ));
    } else {
        out.push_str(&format!(
            "data at risk: {}, {}\n",
            count(errors, "error", "errors"),
            count(warnings, "warning", "warnings")
        ));
    }
    out
}

fn json(c: &Comparison) -> String {
    let findings: Vec<serde_json::Value> = c
        .findings
        .iter()
        .map(|f| {
            json!({
                "kind": f.kind,
                "severity": f.severity.as_str(),
                "resource": f.resource,
                "message": f.message,
                "old_line": f.old_line,
                "new_line": f.new_line,
            })
        })
        .collect();
    format!("{}\n", json!({ "safe": c.safe(), "findings": findings }))
}
