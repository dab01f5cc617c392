//! `enccfg explain-error`: what a kube-apiserver error or a value read from etcd means, and with
//! `--config` which rule and provider of that file reads the data (with `--previous`, the file
//! deployed before, which change removed it). Exit 0 when the text was recognised, 1 when not,
//! 2 on usage or IO errors.

use std::io::Read;
use std::process::ExitCode;

use enccfg_core::plan::{explain, Explanation};
use serde_json::json;

use crate::{input, write_stdout, Target};

#[derive(clap::Args)]
pub struct ExplainErrorArgs {
    /// The message or stored value; `-` (the default) reads standard input.
    #[arg(default_value = "-")]
    text: String,
    /// The EncryptionConfiguration in force, to say which provider reads the data.
    #[arg(long)]
    config: Option<String>,
    /// The file deployed before it, to say which change removed a key.
    #[arg(long)]
    previous: Option<String>,
    #[command(flatten)]
    target: Target,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    format: ExplainFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

fn file_text(path: &Option<String>) -> Result<Option<(String, String)>, String> {
    let Some(path) = path else { return Ok(None) };
    if path == "-" {
        return Err("--config and --previous name files (standard input holds the text)".into());
    }
    let (name, bytes) = input::read(path)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not valid UTF-8"))?;
    Ok(Some((name, text)))
}

pub fn run(args: ExplainErrorArgs) -> ExitCode {
    let text = if args.text == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("enccfg: cannot read standard input: {e}");
            return ExitCode::from(2);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        args.text.clone()
    };
    let files = file_text(&args.config).and_then(|c| Ok((c, file_text(&args.previous)?)));
    let (config, previous) = match files {
        Ok(files) => files,
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
    let e = explain(
        &text,
        config.as_ref().map(|(_, t)| t.as_str()),
        previous.as_ref().map(|(_, t)| t.as_str()),
        &options,
    );
    let out = match args.format {
        ExplainFormat::Text => render_text(&e, config.as_ref().map(|(n, _)| n.as_str())),
        ExplainFormat::Json => render_json(&e),
    };
    if write_stdout(&out).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(if e.matched { 0 } else { 1 })
}

fn render_text(e: &Explanation, config: Option<&str>) -> String {
    let mut out = format!("{}\n", e.title);
    for paragraph in &e.meaning {
        out.push_str(&format!("  {paragraph}\n"));
    }
    if let Some(resource) = &e.resource {
        out.push_str(&format!("resource: {resource}\n"));
    }
    if let Some(provider) = &e.provider {
        out.push_str(&format!("provider: {provider}\n"));
    }
    if let (Some(name), false) = (config, e.file.is_empty()) {
        out.push_str(&format!("in {name}:\n"));
        for line in &e.file {
            out.push_str(&format!("  - {line}\n"));
        }
    }
    match e.readable {
        Some(true) => out.push_str("readable: yes\n"),
        Some(false) => out.push_str("readable: no\n"),
        None => {}
    }
    for source in &e.sources {
        out.push_str(&format!("source: {source}\n"));
    }
    out
}

fn render_json(e: &Explanation) -> String {
    let value = json!({
        "matched": e.matched,
        "form": e.form,
        "title": e.title,
        "meaning": e.meaning,
        "messages": e.messages,
        "sources": e.sources,
        "provider": e.provider,
        "resource": e.resource,
        "file": e.file,
        "readable": e.readable,
    });
    format!("{value}\n")
}
