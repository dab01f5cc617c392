//! The explainer: a pasted kube-apiserver error or a value read from etcd, related to a file.
//! It says what the text means (from the table in `messages.rs`, or the value's prefix read by
//! `stored.rs`), which rule and provider of the file would read that data, whether the file
//! can still read it, and, when it cannot and the file deployed before is given, that the
//! change between the two removed it.

use super::loaded::{local_keys, Loaded};
use super::messages::{self, Concern, KnownMessage};
use super::stored::{self, StoredForm};
use crate::options::Options;
use crate::views::{lookup, Ordering, Precedence, ProviderRef, RuleRow};

/// What a pasted text means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The text was recognised (a known message or a stored value).
    pub matched: bool,
    /// `stored-value`, `message` or `unknown`.
    pub form: &'static str,
    /// One line.
    pub title: String,
    /// What it means and what to do, in paragraphs.
    pub meaning: Vec<String>,
    /// The matched messages' ids (`no-matching-prefix`, …), most specific first.
    pub messages: Vec<&'static str>,
    /// Where upstream each matched message comes from.
    pub sources: Vec<&'static str>,
    /// The provider the data belongs to, as the views name it (`aescbc:key1`, `kms:name`,
    /// `identity`), when one applies.
    pub provider: Option<String>,
    /// The resource named by an etcd key in the text (`secrets`, `deployments.apps`).
    pub resource: Option<String>,
    /// What the given file does with it, in sentences.
    pub file: Vec<String>,
    /// Whether the given file can still read the data (`None`: no file, or it does not apply).
    pub readable: Option<bool>,
}

/// Every key and KMS name of a file (to read prefixes whose names contain `:`).
fn names(loaded: &Loaded<'_>) -> Vec<String> {
    let Some(config) = &loaded.config else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in config.resources_list() {
        for provider in entry.providers_list() {
            out.extend(
                local_keys(provider)
                    .iter()
                    .filter_map(|k| k.name.as_ref().map(|f| f.value.clone())),
            );
            if let Some(kms) = &provider.kms {
                out.push(kms.value.name_text().to_string());
            }
        }
    }
    out
}

/// Does provider `p` read values of `form`?
fn reads(p: &ProviderRef, form: &StoredForm) -> bool {
    match form {
        StoredForm::Encrypted { prefix, .. } => p.prefix.as_deref() == Some(prefix.as_str()),
        _ => p.kind == "identity",
    }
}

fn chain(row: &RuleRow) -> String {
    row.read
        .iter()
        .map(|p| format!("`{}`", p.label))
        .collect::<Vec<_>>()
        .join(", ")
}

fn rule_name(row: &RuleRow) -> String {
    if row.precedence == Precedence::Unlisted {
        "no rule (identity)".into()
    } else {
        format!("rule `{}`", row.resource)
    }
}

/// The row that applies to `resource`.
fn row_for<'o>(ordering: &'o Ordering, resource: &str) -> Option<&'o RuleRow> {
    ordering.rows.get(lookup(ordering, resource).row)
}

/// Rules of `ordering` that read `form`, with the reading provider.
fn readers<'o>(ordering: &'o Ordering, form: &StoredForm) -> Vec<(&'o RuleRow, &'o ProviderRef)> {
    ordering
        .rows
        .iter()
        .filter(|r| r.precedence != Precedence::Unlisted)
        .filter_map(|r| r.read.iter().find(|p| reads(p, form)).map(|p| (r, p)))
        .collect()
}

fn stored_meaning(form: &StoredForm) -> (String, String) {
    match form {
        StoredForm::Encrypted {
            provider: "kms",
            version,
            name,
            prefix,
        } => (
            format!("encrypted through the KMS {version} provider `{name}`"),
            format!(
                "kube-apiserver wrote this value through the KMS {version} provider named `{name}` (prefix `{prefix}`): only a `kms` provider with `apiVersion: {version}` and that exact name reads it, and its plugin must still be able to decrypt the data key, so neither the name nor the key in the KMS may go away while such data is stored"
            ),
        ),
        StoredForm::Encrypted {
            provider,
            name,
            prefix,
            ..
        } => (
            format!("encrypted by {provider} with the key `{name}`"),
            format!(
                "kube-apiserver wrote this value with the {provider} provider and the key named `{name}` (prefix `{prefix}`): a {provider} provider with a key of that name and the same secret reads it; the key is chosen by the name in the prefix, so the name must not change while such data is stored"
            ),
        ),
        StoredForm::PlainJson | StoredForm::PlainProtobuf => (
            "stored unencrypted".into(),
            "this value is plaintext (JSON, or protobuf behind the `k8s\\0` magic): `identity` wrote it, or it was written before encryption was enabled; only a rule with `identity: {}` among its providers (or no rule at all) reads it, and a rewrite under an encrypting writer encrypts it".into(),
        ),
    }
}

/// Sentences about a stored value and the file `current` (and `previous`, deployed before).
fn relate_stored(
    form: &StoredForm,
    resource: Option<&str>,
    current: &Loaded<'_>,
    previous: Option<&Loaded<'_>>,
    out: &mut Explanation,
) {
    let Some(ordering) = current.ordering() else {
        out.file
            .push("the file does not decode, so nothing can be said about who reads this".into());
        return;
    };
    let label = form.label();
    let readable = match resource.and_then(|r| Some((r, row_for(ordering, r)?))) {
        Some((resource, row)) => {
            let reader = row.read.iter().enumerate().find(|(_, p)| reads(p, form));
            match reader {
                Some((i, p)) => {
                    let line = if p.range == Default::default() {
                        String::new()
                    } else {
                        format!(" (line {})", current.line(p.range))
                    };
                    let stale = if i > 0 && p.label != row.write.label {
                        format!(
                            "; it is not the writer (`{}`), so kube-apiserver counts the value as stale and a rewrite moves it there",
                            row.write.label
                        )
                    } else {
                        String::new()
                    };
                    out.file.push(format!(
                        "{} applies to `{resource}` and reads this value with `{}`{line}{stale}",
                        rule_name(row),
                        p.label
                    ));
                    true
                }
                None => {
                    out.file.push(format!(
                        "{} applies to `{resource}`; it reads with {} and none of them reads `{label}`: reading the object fails",
                        rule_name(row),
                        chain(row)
                    ));
                    false
                }
            }
        }
        None => {
            let found = readers(ordering, form);
            for (row, p) in &found {
                out.file.push(format!(
                    "{} reads it with `{}` (line {})",
                    rule_name(row),
                    p.label,
                    current.line(p.range)
                ));
            }
            if matches!(form, StoredForm::PlainJson | StoredForm::PlainProtobuf) {
                out.file
                    .push("resources that no rule covers are read as plaintext too".into());
                true
            } else {
                if found.is_empty() {
                    out.file.push(format!(
                        "no rule of this file reads `{label}`: objects stored under it cannot be read"
                    ));
                } else {
                    out.file.push(
                        "which rule applies depends on the resource: paste the etcd key (`/registry/…`) with the value to narrow it".into(),
                    );
                }
                !found.is_empty()
            }
        }
    };
    out.readable = Some(readable);
    if readable {
        return;
    }
    // Why not: a renamed key, or a change from the previous file.
    if let StoredForm::Encrypted { provider, name, .. } = form {
        let siblings: Vec<String> = ordering
            .rows
            .iter()
            .flat_map(|r| &r.read)
            .filter(|p| p.kind == *provider && p.key.as_deref() != Some(name.as_str()))
            .map(|p| format!("`{}`", p.label))
            .fold(Vec::new(), |mut acc, l| {
                if !acc.contains(&l) {
                    acc.push(l);
                }
                acc
            });
        if !siblings.is_empty() {
            out.file.push(format!(
                "the file has {} but not `{label}`: if `{name}` was renamed, stored values still name `{name}`; put it back under its old name",
                siblings.join(", ")
            ));
        }
    }
    match previous.and_then(|p| Some((p, p.ordering()?))) {
        Some((previous, before)) => {
            let had = match resource {
                Some(resource) => row_for(before, resource)
                    .and_then(|row| row.read.iter().find(|p| reads(p, form)).map(|p| (row, p))),
                None => readers(before, form).into_iter().next(),
            };
            match had {
                Some((row, p)) => out.file.push(format!(
                    "the file deployed before read it ({}, `{}` at line {}): the change from that file to this one removed it; put it back (after the writer) until every object was rewritten",
                    rule_name(row),
                    p.label,
                    previous.line(p.range)
                )),
                None => out.file.push(
                    "the file deployed before could not read it either: it was removed earlier".into(),
                ),
            }
        }
        None => out.file.push(
            "compare with the file deployed before (Compare, or `enccfg compare OLD NEW`) to find the change that removed it".into(),
        ),
    }
}

/// KMS providers of a file, with their endpoints as the plugin client dials them.
fn kms_lines(current: &Loaded<'_>, out: &mut Explanation, versions: &[&str]) {
    let Some(config) = &current.config else {
        return;
    };
    let (mut found, mut labels) = (Vec::new(), Vec::new());
    for entry in config.resources_list() {
        for provider in entry.providers_list() {
            let Some(kms) = &provider.kms else { continue };
            let kms = &kms.value;
            if !versions.contains(&kms.defaults.api_version.as_str()) {
                continue;
            }
            let endpoint = kms.endpoint_text();
            let dialed = dialed_path(endpoint);
            let note = match &dialed {
                Some(path) if !endpoint.starts_with("unix:///") => {
                    format!(" — kube-apiserver dials `{path}`, not what the text suggests")
                }
                Some(_) => String::new(),
                None => " — no socket path: the client cannot be set up".into(),
            };
            found.push(format!(
                "KMS {} provider `{}` (line {}): endpoint `{endpoint}`{note}, timeout {}",
                kms.defaults.api_version,
                kms.name_text(),
                current.line(provider.range),
                crate::canonical::go_duration(kms.defaults.timeout_nanos)
            ));
            labels.push(format!("kms:{}", kms.name_text()));
        }
    }
    labels.dedup();
    if let [only] = labels.as_slice() {
        out.provider = Some(only.clone());
    }
    if found.is_empty() {
        out.file
            .push("the file has no KMS provider of that version".into());
    }
    out.file.extend(found);
}

/// The socket path kube-apiserver's KMS client dials for `endpoint` (k8s.io/kms
/// `ParseEndpoint` keeps only the URL's path; `unix:///@name` is an abstract socket).
pub fn dialed_path(endpoint: &str) -> Option<String> {
    let rest = endpoint
        .get(..5)
        .filter(|s| s.eq_ignore_ascii_case("unix:"))
        .and_then(|_| endpoint.get(5..))?;
    let path = match rest.strip_prefix("//") {
        Some(authority_and_path) => match authority_and_path.find('/') {
            Some(i) => authority_and_path.get(i..).unwrap_or(""),
            None => "",
        },
        None => rest,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    if path.is_empty() {
        return None;
    }
    Some(match path.strip_prefix("/@") {
        Some(abstract_name) => format!("@{abstract_name}"),
        None => path.to_string(),
    })
}

fn relate_message(
    primary: &KnownMessage,
    resource: Option<&str>,
    current: &Loaded<'_>,
    out: &mut Explanation,
) {
    let ordering = current.ordering();
    match primary.concern {
        Concern::Prefix | Concern::Identity => match (resource, ordering) {
            (Some(resource), Some(ordering)) => {
                let Some(row) = row_for(ordering, resource) else {
                    return;
                };
                out.file.push(format!(
                    "{} applies to `{resource}`; it reads with {}: the failing value was written by none of them",
                    rule_name(row),
                    chain(row)
                ));
                out.readable = Some(false);
            }
            (None, Some(_)) => out.file.push(
                "which rule applies depends on the resource: paste the whole line, with the etcd key (`/registry/…`), or the stored value itself".into(),
            ),
            _ => {}
        },
        Concern::Aes | Concern::Aescbc | Concern::Aesgcm | Concern::Secretbox => {
            let kinds: &[&str] = match primary.concern {
                Concern::Aescbc => &["aescbc"],
                Concern::Aesgcm => &["aesgcm"],
                Concern::Secretbox => &["secretbox"],
                _ => &["aescbc", "aesgcm"],
            };
            let Some(ordering) = ordering else { return };
            let rows: Vec<&RuleRow> = match resource {
                Some(resource) => row_for(ordering, resource).into_iter().collect(),
                None => ordering.rows.iter().collect(),
            };
            for row in rows {
                let keys: Vec<String> = row
                    .read
                    .iter()
                    .filter(|p| kinds.contains(&p.kind))
                    .map(|p| format!("`{}`", p.label))
                    .collect();
                if !keys.is_empty() {
                    out.file.push(format!(
                        "{} has {}: the stored value names a key, and it must be one of these with the secret it was written with",
                        rule_name(row),
                        keys.join(", ")
                    ));
                }
            }
            if out.file.is_empty() {
                out.file.push(format!(
                    "the file has no {} provider: it cannot read such data at all",
                    kinds.join(" or ")
                ));
            }
        }
        Concern::Kms => kms_lines(current, out, &["v1", "v2"]),
        Concern::KmsV1 => kms_lines(current, out, &["v1"]),
        Concern::KmsV2 => kms_lines(current, out, &["v2"]),
        Concern::File | Concern::Wrapper => {
            let analysis = &current.analysis;
            match analysis.errors().next() {
                Some(first) => out.file.push(format!(
                    "the file given is refused by kube-apiserver 1.{} ({} errors); the first, line {}: {}",
                    analysis.options.effective_minor(),
                    analysis.errors().count(),
                    first.start.line,
                    first.message
                )),
                None => out.file.push(format!(
                    "the file given is accepted by kube-apiserver 1.{} with these options",
                    analysis.options.effective_minor()
                )),
            }
        }
    }
}

/// Explains `text` (a log line, an error, or a stored value), relating it to the file `config`
/// when given, and to `previous` (the file deployed before) to say which change removed a key.
pub fn explain(
    text: &str,
    config: Option<&str>,
    previous: Option<&str>,
    options: &Options,
) -> Explanation {
    let current = config.map(|c| Loaded::new(c, options));
    let before = previous.map(|p| Loaded::new(p, options));
    let mut known_names: Vec<String> = current.iter().chain(&before).flat_map(names).collect();
    known_names.dedup();
    let resource = text.find("/registry/").and_then(|at| {
        let key: String = text
            .get(at..)
            .unwrap_or("")
            .chars()
            .take_while(|c| !c.is_whitespace() && !"\"'`,".contains(*c))
            .collect();
        stored::resource_of_key(&key)
    });
    let mut out = Explanation {
        matched: false,
        form: "unknown",
        title: String::new(),
        meaning: Vec::new(),
        messages: Vec::new(),
        sources: Vec::new(),
        provider: None,
        resource: resource.clone(),
        file: Vec::new(),
        readable: None,
    };
    let found = messages::matching(text);
    let stored_value = stored::recognise(text, &known_names);

    if let Some(value) = stored_value.filter(|_| found.is_empty()) {
        let resource = value
            .etcd_key
            .as_deref()
            .and_then(stored::resource_of_key)
            .or(resource);
        let (title, meaning) = stored_meaning(&value.form);
        out.matched = true;
        out.form = "stored-value";
        out.title = title;
        out.meaning.push(meaning);
        out.provider = Some(value.form.label());
        out.resource = resource.clone();
        if let Some(current) = &current {
            relate_stored(
                &value.form,
                resource.as_deref(),
                current,
                before.as_ref(),
                &mut out,
            );
        }
        return out;
    }
    if let Some(primary) = found
        .iter()
        .find(|m| m.concern != Concern::Wrapper)
        .or(found.first())
    {
        out.matched = true;
        out.form = "message";
        out.title = primary.title.to_string();
        for m in &found {
            out.messages.push(m.id);
            out.sources.push(m.source);
            out.meaning.push(format!(
                "{}: {}. {}.",
                m.title,
                m.meaning,
                capitalised(m.action)
            ));
        }
        if let Some(current) = &current {
            relate_message(primary, resource.as_deref(), current, &mut out);
        }
        return out;
    }
    out.title = "not a message or stored value this explainer knows".into();
    out.meaning.push(format!(
        "paste a kube-apiserver log line or error about encryption, or the start of a value read from etcd (`k8s:enc:…`, JSON, protobuf, a hex dump); known messages: {}",
        messages::MESSAGES
            .iter()
            .map(|m| m.title)
            .collect::<Vec<_>>()
            .join("; ")
    ));
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_dial_their_path_only() {
        assert_eq!(
            dialed_path("unix:///var/run/kms.sock").as_deref(),
            Some("/var/run/kms.sock")
        );
        assert_eq!(
            dialed_path("unix://var/run/kms.sock").as_deref(),
            Some("/run/kms.sock")
        );
        assert_eq!(dialed_path("unix:///@kms").as_deref(), Some("@kms"));
        assert_eq!(dialed_path("unix://kms.sock"), None);
        assert_eq!(dialed_path("https://x/y"), None);
    }
}
