//! `enccfg check`: reads the inputs (files, directories, standard input, or the file
//! kube-apiserver's static Pod names), analyses each, applies `--select`/`--ignore`, renders
//! one report and gives the exit code: 0 passed, 1 failed (a file kube-apiserver would refuse,
//! a Pod it would not start with, or warnings under `--deny-warnings`), 2 usage or IO error.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use enccfg_core::{analyze_source, analyze_template_source, Options, Source};

use crate::codes::CodeFilter;
use crate::render::{self, Format};
use crate::report::{FileReport, Report};
use crate::{input, manifest, paths};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files and directories to check (directories are searched for *.yaml, *.yml and *.json);
    /// `-` is standard input, the default.
    #[arg(value_name = "FILE|DIR|-")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Leave out these warnings and notes (codes or names, comma-separated). Errors always stay.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Report only these warnings and notes (codes or names, comma-separated). Errors always stay.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Option<Vec<String>>,
    /// Check the file kube-apiserver's static Pod manifest names, with the version, reload
    /// and feature gates the Pod gives it.
    #[arg(long, value_name = "PATH", conflicts_with = "paths")]
    pub from_manifest: Option<String>,
    /// Check Jinja/Ansible, Go/Helm or Salt templates: each expression is replaced by a typed
    /// stand-in and control lines are dropped; findings on made-up values are left out.
    #[arg(long)]
    pub template: bool,
}

pub fn run(args: &CheckArgs, options: Options) -> ExitCode {
    let (report, kept_errors) = match build(args, options) {
        Ok(built) => built,
        Err(message) => {
            eprintln!("enccfg: {message}");
            return ExitCode::from(2);
        }
    };
    for code in kept_errors {
        eprintln!("enccfg: note: {code} is reported anyway: it is an error (kube-apiserver would not start), and --select/--ignore never hide errors");
    }
    if crate::write_stdout(&render::render(&report, args.format)).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(u8::from(report.fails()))
}

/// The report, and the codes of errors `--select`/`--ignore` asked to leave out; or a usage
/// or IO error.
fn build(args: &CheckArgs, options: Options) -> Result<(Report, BTreeSet<&'static str>), String> {
    let filter = CodeFilter::new(args.select.as_deref(), &args.ignore)?;
    let mut kept_errors = BTreeSet::new();
    let mut check = |name: String, bytes: Vec<u8>, options: &Options| {
        // UTF-8 (with or without a BOM) or UTF-16 with a BOM, as kube-apiserver reads it;
        // positions refer to the decoded text.
        let source = Source::from_bytes(&bytes);
        let mut analysis = if args.template {
            analyze_template_source(&source, options)
        } else {
            analyze_source(&source, options)
        };
        kept_errors.extend(filter.apply(&mut analysis.diagnostics));
        FileReport {
            path: name,
            text: source.text,
            analysis,
        }
    };
    if let Some(path) = &args.from_manifest {
        let manifest = manifest::inspect(path, options)?;
        let files = match &manifest.config {
            Some(config) => {
                let (name, bytes) = input::read(&config.on_node)?;
                vec![check(name, bytes, &manifest.options)]
            }
            None => Vec::new(),
        };
        let report = Report {
            files,
            manifest: Some(manifest),
            deny_warnings: args.deny_warnings,
            one_file: false,
        };
        return Ok((report, kept_errors));
    }
    // Everything is read before anything is printed: an unreadable path is an error of the
    // whole run.
    let read = paths::expand(&args.paths)?
        .iter()
        .map(|i| input::read(&i.arg()))
        .collect::<Result<Vec<_>, String>>()?;
    let files = read
        .into_iter()
        .map(|(name, bytes)| check(name, bytes, &options))
        .collect();
    let one_file = match args.paths.as_slice() {
        [] => true,
        [only] => !Path::new(only).is_dir(),
        _ => false,
    };
    let report = Report {
        files,
        manifest: None,
        deny_warnings: args.deny_warnings,
        one_file,
    };
    Ok((report, kept_errors))
}
