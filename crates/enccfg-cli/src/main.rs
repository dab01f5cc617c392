//! `enccfg`: the command-line face of enccfg-core, for CI jobs and terminals. This file parses
//! the command line and hands each command to its module.
//!
//! Exit codes of `check`: 0 passed, 1 failed (refused, or warnings under `--deny-warnings`),
//! 2 usage or IO error.

mod check;
mod codes;
mod compare;
mod describe;
mod explain_error;
mod fix;
mod input;
mod keygen;
mod manifest;
mod paths;
mod plural;
mod render;
mod report;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use enccfg_core::{analyze_bytes, registry, Options, Source};

#[derive(Parser)]
#[command(
    name = "enccfg",
    version,
    about = "Check Kubernetes EncryptionConfiguration files exactly as kube-apiserver reads them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode, validate and load-check files; exit 0 when kube-apiserver would start with each.
    Check {
        #[command(flatten)]
        args: check::CheckArgs,
        #[command(flatten)]
        target: Target,
    },
    /// Apply safe fixes (and unsafe ones with --unsafe); write the fixed YAML to stdout or -o.
    Fix {
        /// The file to fix, or `-` for standard input.
        #[arg(default_value = "-")]
        file: String,
        #[command(flatten)]
        target: Target,
        /// Also apply unsafe fixes (valid, but they change what is written or read).
        #[arg(long = "unsafe")]
        include_unsafe: bool,
        /// Print a unified diff instead of the fixed file.
        #[arg(long)]
        diff: bool,
        /// Re-emit the result in canonical form (comments are lost).
        #[arg(long)]
        canonical: bool,
        /// Write to this file instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<String>,
    },
    /// Show which provider writes and which read each resource, and the KMS health checks.
    Describe {
        /// The file to describe, or `-` for standard input.
        #[arg(default_value = "-")]
        file: String,
        #[command(flatten)]
        target: Target,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DescribeFormat::Text)]
        format: DescribeFormat,
    },
    /// What deploying NEW over OLD (or running both on different nodes) does to stored data;
    /// exit 0 when nothing puts data at risk, 1 when something does.
    Compare(compare::CompareArgs),
    /// Print a new key for aescbc, aesgcm or secretbox from the OS's random source.
    Keygen(keygen::KeygenArgs),
    /// Explain a kube-apiserver error or a value read from etcd (`k8s:enc:…`); exit 0 when
    /// recognised, 1 when not.
    ExplainError(explain_error::ExplainErrorArgs),
    /// Print the documentation of a diagnostic code (`EC0221`) or name (`kms-name-duplicate`).
    Explain {
        /// The code or name; omit with `--all-markdown`.
        code: Option<String>,
        /// Print the docs of every code as Markdown (this is `docs/diagnostics.md`).
        #[arg(long)]
        all_markdown: bool,
    },
}

/// The kube-apiserver the file is checked against.
#[derive(clap::Args)]
struct Target {
    /// Kubernetes minor version to model (1.27 … 1.37).
    #[arg(long = "kubernetes-version", default_value = "1.37", value_parser = parse_version)]
    minor: u32,
    /// `--encryption-provider-config-automatic-reload` is set.
    #[arg(long)]
    reload: bool,
    /// `--feature-gates=KMSv1=true|false`; default: the version's default.
    #[arg(long = "kmsv1-gate", num_args = 0..=1, default_missing_value = "true")]
    kmsv1_gate: Option<bool>,
    /// kube-apiserver's own flag, as in its manifest: `KMSv1=true,KMSv2=false` (other gates
    /// are ignored). Applied after `--kmsv1-gate`.
    #[arg(long = "feature-gates", value_name = "GATES")]
    feature_gates: Vec<String>,
}

impl Target {
    /// The options, or why kube-apiserver would refuse these flags.
    fn options(&self) -> Result<Options, String> {
        let mut options = Options {
            minor: self.minor,
            reload: self.reload,
            kmsv1_gate: self.kmsv1_gate,
            kmsv2_gate: None,
            template: false,
        };
        for gates in &self.feature_gates {
            options
                .set_feature_gates(gates)
                .map_err(|e| format!("--feature-gates: {e}"))?;
        }
        Ok(options)
    }
}

/// The options of `target`, or a usage error (exit 2).
fn options_or_report(target: &Target) -> Result<Options, ExitCode> {
    target.options().map_err(|message| {
        eprintln!("enccfg: {message}");
        ExitCode::from(2)
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum DescribeFormat {
    Text,
    Json,
}

fn parse_version(text: &str) -> Result<u32, String> {
    Options::parse_version(text).ok_or_else(|| {
        format!(
            "unsupported Kubernetes version `{text}`: use 1.{} … 1.{}",
            enccfg_core::OLDEST_MINOR,
            enccfg_core::NEWEST_MINOR
        )
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { args, target } => match options_or_report(&target) {
            Ok(options) => check::run(&args, options),
            Err(code) => code,
        },
        Command::Fix {
            file,
            target,
            include_unsafe,
            diff,
            canonical,
            output,
        } => {
            let (name, bytes) = match read_or_report(&file) {
                Ok(read) => read,
                Err(code) => return code,
            };
            let options = match options_or_report(&target) {
                Ok(options) => options,
                Err(code) => return code,
            };
            let source = Source::from_bytes(&bytes);
            if source.broken() {
                eprintln!("enccfg: {name} is neither UTF-8 nor UTF-16 with a byte order mark; run `enccfg check` to see where");
                return ExitCode::from(2);
            }
            let run = match fix::run(
                &source.text,
                &name,
                &options,
                include_unsafe,
                diff,
                canonical,
            ) {
                Ok(run) => run,
                Err(message) => {
                    eprintln!("enccfg: {message}");
                    return ExitCode::from(2);
                }
            };
            let written = match &output {
                Some(path) => std::fs::write(path, &run.output)
                    .map_err(|e| format!("cannot write `{path}`: {e}")),
                None => write_stdout(&run.output).map_err(|e| e.to_string()),
            };
            if let Err(message) = written {
                eprintln!("enccfg: {message}");
                return ExitCode::from(2);
            }
            eprintln!("{}", run.summary);
            // The contract defines exit codes for `check`; `fix` succeeds when it wrote its output
            // (whether the result is accepted is in the summary, and `check` tells).
            ExitCode::SUCCESS
        }
        Command::Describe {
            file,
            target,
            format,
        } => {
            let (_, bytes) = match read_or_report(&file) {
                Ok(read) => read,
                Err(code) => return code,
            };
            let options = match options_or_report(&target) {
                Ok(options) => options,
                Err(code) => return code,
            };
            let analysis = analyze_bytes(&bytes, &options);
            let Some(views) = &analysis.views else {
                eprintln!("enccfg: the file does not decode; run `enccfg check` to see why");
                return ExitCode::from(1);
            };
            let out = match format {
                DescribeFormat::Text => describe::text(&analysis, views),
                DescribeFormat::Json => describe::json(&analysis, views),
            };
            if write_stdout(&out).is_err() {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Command::Compare(args) => compare::run(args),
        Command::Keygen(args) => keygen::run(args),
        Command::ExplainError(args) => explain_error::run(args),
        Command::Explain { code, all_markdown } => {
            if all_markdown {
                return print_or_fail(&registry::render_markdown());
            }
            let Some(code) = code else {
                eprintln!(
                    "enccfg: name a code, e.g. `enccfg explain EC0221`, or pass --all-markdown"
                );
                return ExitCode::from(2);
            };
            match registry::lookup(&code) {
                Some(found) => print_or_fail(&registry::render_text(found)),
                None => {
                    eprintln!("enccfg: unknown diagnostic code `{code}`");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// Reads the input, or reports why not and gives exit code 2.
fn read_or_report(file: &str) -> Result<(String, Vec<u8>), ExitCode> {
    input::read(file).map_err(|message| {
        eprintln!("enccfg: {message}");
        ExitCode::from(2)
    })
}

fn print_or_fail(text: &str) -> ExitCode {
    match write_stdout(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

pub(crate) fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}
