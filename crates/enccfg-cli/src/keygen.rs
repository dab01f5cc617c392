//! `enccfg keygen`: one new key for a local provider from the operating system's random source
//! (`getrandom`), printed as standard base64 with padding. Nothing else is printed or kept.

use std::process::ExitCode;

use enccfg_core::plan::{encode_key, key_sizes};

use crate::write_stdout;

#[derive(clap::Args)]
pub struct KeygenArgs {
    /// The provider the key is for.
    #[arg(long, value_enum, default_value_t = Provider::Secretbox)]
    provider: Provider,
    /// Key size in bytes (secretbox: 32; aescbc and aesgcm: 16, 24 or 32).
    #[arg(long, default_value_t = 32)]
    bytes: usize,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Provider {
    Aescbc,
    Aesgcm,
    Secretbox,
}

impl Provider {
    fn as_str(self) -> &'static str {
        match self {
            Provider::Aescbc => "aescbc",
            Provider::Aesgcm => "aesgcm",
            Provider::Secretbox => "secretbox",
        }
    }
}

pub fn run(args: KeygenArgs) -> ExitCode {
    let provider = args.provider.as_str();
    let sizes = key_sizes(provider);
    if !sizes.contains(&args.bytes) {
        let allowed: Vec<String> = sizes.iter().map(|s| s.to_string()).collect();
        eprintln!(
            "enccfg: a {provider} key is {} bytes, not {}{}",
            allowed.join(", "),
            args.bytes,
            if provider == "secretbox" {
                " (aescbc and aesgcm also take 16 or 24: --provider aesgcm)"
            } else {
                ""
            }
        );
        return ExitCode::from(2);
    }
    let mut key = vec![0u8; args.bytes];
    if let Err(error) = getrandom::fill(&mut key) {
        eprintln!("enccfg: the operating system's random source failed ({error}); no key was made");
        return ExitCode::from(2);
    }
    let line = format!("{}\n", encode_key(&key));
    key.iter_mut().for_each(|b| *b = 0);
    match write_stdout(&line) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
