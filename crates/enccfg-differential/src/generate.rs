//! Structured generation: an EncryptionConfiguration (mostly plausible, sometimes wrong in the
//! ways people get it wrong) as a small tree, rendered as block YAML, flow YAML or JSON.

use crate::rng::Rng;

/// A generated document.
#[derive(Clone, Debug)]
pub enum G {
    Map(Vec<(String, G)>),
    Seq(Vec<G>),
    Str(String),
    /// Written as is: numbers, booleans, null.
    Raw(String),
}

const RESOURCES: &[&str] = &[
    "secrets",
    "secrets",
    "configmaps",
    "events",
    "*.apps",
    "*.",
    "*.*",
    "deployments.apps",
    "Secrets",
    "*",
    "foos.*",
    "events.events.k8s.io",
    "*.extensions",
    "secrets.",
    "serviceipallocations",
    "pandas.awesome.bears.example",
    "",
];

fn key(rng: &mut Rng, clean: bool) -> G {
    let len = if clean {
        32
    } else {
        *rng.pick(&[16, 24, 32, 32, 32, 25, 28, 0])
    };
    let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
    let mut secret = base64(&bytes);
    match if clean { 99 } else { rng.below(12) } {
        0 => secret = secret.replace('+', "-").replace('/', "_"),
        1 => secret = secret.trim_end_matches('=').to_string(),
        2 => secret.push_str("!!"),
        _ => {}
    }
    let mut fields = vec![("name".to_string(), G::Str(format!("key{}", rng.below(3))))];
    if clean || !rng.chance(5) {
        fields.push(("secret".into(), G::Str(secret)));
    }
    if rng.chance(5) {
        fields.reverse();
    }
    G::Map(fields)
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
        for _ in chunk.len()..3 {
            out.push('=');
        }
    }
    out
}

fn kms(rng: &mut Rng, clean: bool) -> G {
    let mut fields = Vec::new();
    if clean {
        fields.push(("apiVersion".to_string(), G::Str("v2".into())));
        fields.push((
            "name".into(),
            G::Str(format!("kms-{}", rng.next() % 1_000_000)),
        ));
        fields.push(("endpoint".into(), G::Str("unix:///var/run/kms.sock".into())));
        if rng.chance(30) {
            fields.push(("timeout".into(), G::Str("3s".into())));
        }
        if rng.chance(20) {
            fields.reverse();
        }
        return G::Map(fields);
    }
    match rng.below(10) {
        0..=5 => fields.push(("apiVersion".to_string(), G::Str("v2".into()))),
        6 => fields.push(("apiVersion".into(), G::Str("v1".into()))),
        7 => fields.push((
            "apiVersion".into(),
            G::Str(rng.pick(&["v3", "V2", ""]).to_string()),
        )),
        _ => {}
    }
    if !rng.chance(8) {
        let name = rng
            .pick(&["kms", "kms", "other", "a:b", "vault-kms"])
            .to_string();
        fields.push(("name".into(), G::Str(name)));
    }
    if !rng.chance(8) {
        let endpoint = rng
            .pick(&[
                "unix:///var/run/kms.sock",
                "unix:///var/run/kms.sock",
                "unix:///@kms",
                "tcp://localhost:80",
                "/var/run/kms.sock",
                "unix:///tmp/%zz",
                "unix:///x?y",
            ])
            .to_string();
        fields.push(("endpoint".into(), G::Str(endpoint)));
    }
    match rng.below(12) {
        0 => fields.push((
            "cachesize".into(),
            G::Raw(
                rng.pick(&[
                    "1000",
                    "0",
                    "-1",
                    "1e3",
                    "1000.0",
                    "2147483648",
                    "0x10",
                    "010",
                ])
                .to_string(),
            ),
        )),
        1 => fields.push(("cachesize".into(), G::Str("100".into()))),
        2 => fields.push((
            "timeout".into(),
            G::Str(
                rng.pick(&["3s", "0s", "-1m", "1m30s", "5", "3 s"])
                    .to_string(),
            ),
        )),
        3 => fields.push(("timeout".into(), G::Raw("5".into()))),
        4 => fields.push(("cachesise".into(), G::Raw("10".into()))),
        _ => {}
    }
    G::Map(fields)
}

fn provider(rng: &mut Rng, clean: bool) -> G {
    let kind = *rng.pick(&[
        "identity",
        "aescbc",
        "aesgcm",
        "secretbox",
        "kms",
        "kms",
        "kms",
        "aescbc",
    ]);
    let body = match kind {
        "identity" => {
            if !clean && rng.chance(10) {
                G::Raw("null".into())
            } else {
                G::Map(Vec::new())
            }
        }
        "kms" => kms(rng, clean),
        _ => {
            let n = if clean {
                1 + rng.below(2)
            } else {
                rng.below(3)
            };
            G::Map(vec![(
                "keys".into(),
                G::Seq((0..n).map(|_| key(rng, clean)).collect()),
            )])
        }
    };
    let mut fields = vec![(kind.to_string(), body)];
    if !clean && rng.chance(4) {
        fields.push(("identity".into(), G::Map(Vec::new())));
    }
    G::Map(fields)
}

fn entry(rng: &mut Rng, clean: bool) -> G {
    let names = (0..1 + rng.below(3))
        .map(|_| {
            G::Str(if clean {
                format!("r{}.g{}.example.com", rng.next() % 1_000_000, rng.below(3))
            } else {
                rng.pick(RESOURCES).to_string()
            })
        })
        .collect();
    let providers = (0..rng.below(3) + 1)
        .map(|_| provider(rng, clean))
        .collect();
    let mut fields = vec![
        ("resources".to_string(), G::Seq(names)),
        ("providers".to_string(), G::Seq(providers)),
    ];
    if !clean && rng.chance(5) {
        fields.remove(rng.below(2));
    }
    G::Map(fields)
}

/// A whole configuration; `clean` ones are valid before mutation.
pub fn config(rng: &mut Rng, clean: bool) -> G {
    let (api, kind) = match if clean { 99 } else { rng.below(20) } {
        0 => ("v1", "EncryptionConfig"),
        1 => ("apiserver.config.k8s.io/v1beta1", "EncryptionConfiguration"),
        2 => ("apiserver.config.k8s.io/v1", "EncryptionConfigurations"),
        3 => ("apiserver.config.k8s.io/v1", "AdmissionConfiguration"),
        _ => ("apiserver.config.k8s.io/v1", "EncryptionConfiguration"),
    };
    let (api_key, kind_key) = match if clean { 99 } else { rng.below(25) } {
        0 => ("apiversion", "kind"),
        1 => ("apiVersion", "Kind"),
        2 => ("APIVERSION", "KIND"),
        _ => ("apiVersion", "kind"),
    };
    let entries = (0..1 + rng.below(3)).map(|_| entry(rng, clean)).collect();
    let mut fields = vec![
        (api_key.to_string(), G::Str(api.into())),
        (kind_key.to_string(), G::Str(kind.into())),
        ("resources".to_string(), G::Seq(entries)),
    ];
    if !clean && rng.chance(5) {
        fields.remove(rng.below(3));
    }
    if rng.chance(10) {
        let i = rng.below(fields.len());
        let j = rng.below(fields.len());
        fields.swap(i, j);
    }
    G::Map(fields)
}

/// How a generated document is written.
#[derive(Clone, Copy, Debug)]
pub enum Style {
    Block,
    Flow,
    Json,
}

pub fn render(g: &G, style: Style, rng: &mut Rng) -> String {
    let mut out = String::new();
    match style {
        Style::Block => block(g, 0, rng, &mut out),
        Style::Flow => {
            flow(g, rng, &mut out, 0);
            out.push('\n');
        }
        Style::Json => {
            json(g, &mut out, 0);
            out.push('\n');
        }
    }
    out
}

/// A string as a YAML scalar: plain when that reads back as the same string, else quoted.
fn yaml_scalar(s: &str, rng: &mut Rng, flow_context: bool) -> String {
    let plain_ok = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:".contains(c))
        && !s.starts_with(['-', '.', ':'])
        && !s.contains(": ")
        && (!flow_context || !s.contains(':'))
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        )
        && !s.starts_with(|c: char| c.is_ascii_digit());
    match rng.below(10) {
        _ if !plain_ok && rng.chance(50) => format!("{s:?}"),
        _ if !plain_ok && !s.contains('\'') => format!("'{s}'"),
        _ if !plain_ok => format!("{s:?}"),
        0 => format!("{s:?}"),
        1 if !s.contains('\'') => format!("'{s}'"),
        _ => s.to_string(),
    }
}

fn scalar_text(g: &G, rng: &mut Rng, flow_context: bool) -> Option<String> {
    match g {
        G::Str(s) => Some(yaml_scalar(s, rng, flow_context)),
        G::Raw(r) => Some(r.clone()),
        G::Map(m) if m.is_empty() => Some("{}".into()),
        G::Seq(s) if s.is_empty() => Some("[]".into()),
        _ => None,
    }
}

fn block(g: &G, indent: usize, rng: &mut Rng, out: &mut String) {
    let pad = " ".repeat(indent);
    match g {
        G::Map(pairs) => {
            for (k, v) in pairs {
                out.push_str(&pad);
                out.push_str(&yaml_scalar(k, rng, false));
                out.push(':');
                if let Some(text) = scalar_text(v, rng, false) {
                    out.push(' ');
                    out.push_str(&text);
                    out.push('\n');
                } else if rng.chance(12) {
                    out.push(' ');
                    flow(v, rng, out, indent + 2);
                    out.push('\n');
                } else {
                    out.push('\n');
                    let inner = match v {
                        G::Seq(_) if rng.chance(40) => indent,
                        _ => indent + 2,
                    };
                    block(v, inner, rng, out);
                }
            }
        }
        G::Seq(items) => {
            for item in items {
                out.push_str(&pad);
                out.push_str("- ");
                match item {
                    G::Map(pairs) if !pairs.is_empty() => {
                        let mut first = String::new();
                        block(item, indent + 2, rng, &mut first);
                        out.push_str(first.trim_start_matches(' '));
                    }
                    _ => match scalar_text(item, rng, false) {
                        Some(text) => {
                            out.push_str(&text);
                            out.push('\n');
                        }
                        None => {
                            flow(item, rng, out, indent + 2);
                            out.push('\n');
                        }
                    },
                }
            }
        }
        _ => {
            out.push_str(&pad);
            out.push_str(&scalar_text(g, rng, false).unwrap_or_default());
            out.push('\n');
        }
    }
}

/// A separator inside a flow collection: usually a space, sometimes a line break with an
/// indentation that may sit left of the key (go-yaml does not care).
fn flow_gap(rng: &mut Rng, indent: usize, out: &mut String) {
    if rng.chance(15) {
        out.push('\n');
        out.push_str(&" ".repeat(rng.below(indent + 3)));
    } else {
        out.push(' ');
    }
}

fn flow(g: &G, rng: &mut Rng, out: &mut String, indent: usize) {
    match g {
        G::Map(pairs) => {
            out.push('{');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                flow_gap(rng, indent, out);
                out.push_str(&yaml_scalar(k, rng, true));
                out.push_str(": ");
                flow(v, rng, out, indent + 2);
            }
            out.push('}');
        }
        G::Seq(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    flow_gap(rng, indent, out);
                }
                flow(v, rng, out, indent + 2);
            }
            out.push(']');
        }
        _ => out.push_str(&scalar_text(g, rng, true).unwrap_or_default()),
    }
}

fn json(g: &G, out: &mut String, indent: usize) {
    let newline = |out: &mut String, indent: usize| {
        out.push('\n');
        out.push_str(&" ".repeat(indent));
    };
    match g {
        G::Map(pairs) => {
            out.push('{');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent + 2);
                out.push_str(&format!("{k:?}: "));
                json(v, out, indent + 2);
            }
            if !pairs.is_empty() {
                newline(out, indent);
            }
            out.push('}');
        }
        G::Seq(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                json(v, out, indent + 2);
            }
            out.push(']');
        }
        G::Str(s) => out.push_str(&format!("{s:?}")),
        G::Raw(r) => out.push_str(r),
    }
}
