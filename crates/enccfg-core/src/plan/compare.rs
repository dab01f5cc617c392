//! Compare mode: the file deployed now (or on another node) against a new one, resource rule by
//! resource rule, through the ordering view (writer, its key, read chain) of each. It says
//! where stored data becomes unreadable (a key or KMS name removed or renamed, a secret
//! changed, identity or a rule dropped), where new writes change (keys reordered, identity
//! first, encryption enabled), and what a mixed cluster does while servers run different files.

use super::loaded::{Loaded, SecretId};
use crate::diagnostic::{Severity, TextRange};
use crate::options::Options;
use crate::validate::parse_group_resource;
use crate::views::{lookup, Ordering, Precedence, ProviderRef, RuleRow};

/// One thing the change does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// A stable kebab name: `key-removed`, `kms-renamed`, `identity-first`, …
    pub kind: &'static str,
    /// `Error`: stored data may become unreadable.
    pub severity: Severity,
    /// The resource rule as written, or `(all)`.
    pub resource: String,
    pub message: String,
    /// 1-based lines of what the finding is about in each file.
    pub old_line: Option<u32>,
    pub new_line: Option<u32>,
}

/// The comparison of two files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Errors first, then warnings, then information.
    pub findings: Vec<Finding>,
    pub old_decoded: bool,
    pub new_decoded: bool,
    pub old_accepted: bool,
    pub new_accepted: bool,
}

impl Comparison {
    /// No finding puts stored data at risk.
    pub fn safe(&self) -> bool {
        self.findings.iter().all(|f| f.severity != Severity::Error)
    }
}

/// What stored data is, for deciding who can read it.
#[derive(Clone, Debug, PartialEq)]
enum Data {
    Plain,
    Local {
        kind: &'static str,
        name: String,
        /// The secrets it may have been written with.
        secrets: Vec<SecretId>,
    },
    Kms {
        version: String,
        name: String,
    },
}

/// Data under one provider/key of a file, for one resource.
#[derive(Clone, Debug)]
struct Stored {
    data: Data,
    label: String,
    /// Written by the current writer (so it certainly exists), not only readable.
    certain: bool,
    range: TextRange,
}

fn data_of(side: &Loaded<'_>, p: &ProviderRef, writer: bool) -> Data {
    match p.kind {
        "identity" => Data::Plain,
        "kms" => Data::Kms {
            version: p.kms_version.as_deref().unwrap_or_default().to_string(),
            name: p.key.as_deref().unwrap_or_default().to_string(),
        },
        kind => {
            let name = p.key.as_deref().unwrap_or_default().to_string();
            let secrets = if writer {
                side.first_secret(p.entry, p.index).into_iter().collect()
            } else {
                side.secrets_named(p.entry, p.index, &name)
            };
            Data::Local {
                kind,
                name,
                secrets,
            }
        }
    }
}

/// Where a provider/key is written (the key itself for local providers).
fn range_of(side: &Loaded<'_>, p: &ProviderRef) -> TextRange {
    match (p.kind, &p.key) {
        ("kms", _) | ("identity", _) | (_, None) => p.range,
        (_, Some(name)) => side.key_range(p.entry, p.index, name).unwrap_or(p.range),
    }
}

/// Everything that may be stored for `row`: what its writer wrote, and what its readers read.
fn stored(side: &Loaded<'_>, row: &RuleRow) -> Vec<Stored> {
    let mut out: Vec<Stored> = Vec::new();
    let writer = Stored {
        data: data_of(side, &row.write, true),
        label: row.write.label.to_string(),
        certain: true,
        range: if row.precedence == Precedence::Unlisted {
            TextRange::default()
        } else {
            range_of(side, &row.write)
        },
    };
    out.push(writer);
    for p in row.read.iter().skip(1) {
        let data = data_of(side, p, false);
        if out.iter().any(|s| *s.label == *p.label && s.data == data) {
            continue;
        }
        out.push(Stored {
            data,
            label: p.label.to_string(),
            certain: false,
            range: range_of(side, p),
        });
    }
    out
}

/// Can `row` of `side` read `data`?
fn readable(side: &Loaded<'_>, row: &RuleRow, data: &Data) -> bool {
    row.read.iter().any(|p| match data {
        Data::Plain => p.kind == "identity",
        Data::Kms { version, name } => {
            p.kind == "kms"
                && p.kms_version.as_deref() == Some(version.as_str())
                && p.key.as_deref() == Some(name.as_str())
        }
        Data::Local {
            kind,
            name,
            secrets,
        } => {
            p.kind == *kind
                && p.key.as_deref() == Some(name.as_str())
                && side
                    .secrets_named(p.entry, p.index, name)
                    .iter()
                    .any(|s| secrets.contains(s))
        }
    })
}

/// The row kube-apiserver uses for `resource`.
fn row_for<'o>(ordering: &'o Ordering, resource: &str) -> Option<&'o RuleRow> {
    ordering.rows.get(lookup(ordering, resource).row)
}

fn rule_id(name: &str) -> (String, String) {
    let (r, g) = parse_group_resource(name);
    (r.to_string(), g.to_string())
}

fn rule_words(row: &RuleRow) -> String {
    if row.precedence == Precedence::Unlisted {
        "no rule (kube-apiserver's identity: plaintext)".to_string()
    } else {
        format!("the rule `{}`", row.resource)
    }
}

/// Why `data` is unreadable under the new row, as a finding kind.
fn cause(
    data: &Data,
    certain: bool,
    old_row: &RuleRow,
    new_side: &Loaded<'_>,
    new_row: &RuleRow,
    new_rules: &[(String, String)],
) -> &'static str {
    if rule_id(&old_row.resource) != rule_id(&new_row.resource)
        && old_row.precedence != Precedence::Unlisted
    {
        return if new_rules.contains(&rule_id(&old_row.resource)) {
            "rule-changed"
        } else {
            "rule-removed"
        };
    }
    match data {
        Data::Plain if certain => "plaintext-unreadable",
        Data::Plain => "identity-removed",
        Data::Kms { version, name } => {
            let kms = || new_row.read.iter().filter(|p| p.kind == "kms");
            if kms().any(|p| {
                p.key.as_deref() == Some(name) && p.kms_version.as_deref() != Some(version)
            }) {
                "kms-version-changed"
            } else if kms().any(|p| !old_row.read.iter().any(|o| o.label == p.label)) {
                "kms-renamed"
            } else {
                "key-removed"
            }
        }
        Data::Local {
            kind,
            name,
            secrets,
        } => {
            let same_kind = || new_row.read.iter().filter(|p| p.kind == *kind);
            let renamed = same_kind().any(|p| {
                let key = p.key.as_deref().unwrap_or("");
                key != name
                    && new_side
                        .secrets_named(p.entry, p.index, key)
                        .iter()
                        .any(|s| secrets.contains(s))
            });
            if renamed {
                "key-renamed"
            } else if same_kind().any(|p| p.key.as_deref() == Some(name)) {
                "key-secret-changed"
            } else {
                "key-removed"
            }
        }
    }
}

fn unreadable_message(
    kind: &str,
    resource: &str,
    labels: &[String],
    certain: bool,
    new_row: &RuleRow,
) -> String {
    let list = labels
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let until = if certain {
        "until every object is rewritten with a key the new file has"
    } else {
        "if any object is still stored under it (not rewritten since it stopped writing)"
    };
    match kind {
        "rule-removed" => format!(
            "`{resource}` is no longer covered by its rule: the new file uses {} for it, which cannot read objects stored under {list}; they become unreadable {until}",
            rule_words(new_row)
        ),
        "rule-changed" => format!(
            "{} now takes precedence for `{resource}` and cannot read objects stored under {list}; they become unreadable {until}",
            rule_words(new_row)
        ),
        "plaintext-unreadable" => format!(
            "`{resource}` is stored in plaintext now and the new file has no `identity` for it: every existing object fails with \"no matching prefix found\" until it is rewritten; keep `identity: {{}}` last until then"
        ),
        "identity-removed" => format!(
            "the new file drops `identity` for `{resource}`: objects still stored in plaintext (written before encryption and not rewritten since) become unreadable"
        ),
        "kms-version-changed" => format!(
            "{list} changes KMS API version: stored objects name the version in their prefix (`k8s:enc:kms:v1:<name>:`), so only a provider of the old version reads them; keep it (after the new one) {until}, and give the new provider its own name"
        ),
        "kms-renamed" => format!(
            "the KMS provider {list} is renamed in the new file: stored objects carry the name in their prefix (`k8s:enc:kms:<version>:<name>:`), so those under the old name become unreadable {until}; a KMS name must never change once data is written"
        ),
        "key-renamed" => format!(
            "{list} has the same secret under another name in the new file: stored objects name their key in the prefix (`k8s:enc:<provider>:v1:<name>:`), so those under the old name become unreadable {until}; keep the old name"
        ),
        "key-secret-changed" => format!(
            "{list} has a different secret in the new file: objects written with the old secret under that name fail to decrypt (\"invalid padding on input\", \"cipher: message authentication failed\", or secretbox's \"output array was not large enough for encryption\") {until}; give a new key a new name"
        ),
        _ if certain => format!(
            "`{resource}` is written with {list} now, and the new file cannot read it: every object written with it becomes unreadable (\"no matching prefix found\") {until}; keep it as a read key (after the new writer) until the rewrite is done"
        ),
        _ => format!(
            "the new file drops {list}, which still reads `{resource}` in the deployed file: objects become unreadable {until}; remove it only after every object was rewritten"
        ),
    }
}

struct Sides<'a, 't> {
    old: &'a Loaded<'t>,
    new: &'a Loaded<'t>,
    old_ordering: &'a Ordering,
    new_ordering: &'a Ordering,
}

impl Sides<'_, '_> {
    fn old_line(&self, range: TextRange) -> Option<u32> {
        (range != TextRange::default()).then(|| self.old.line(range))
    }

    fn new_line(&self, range: TextRange) -> Option<u32> {
        (range != TextRange::default()).then(|| self.new.line(range))
    }
}

/// The findings for one resource rule (as written: `secrets`, `*.apps`, `*.*`).
fn compare_resource(
    s: &Sides<'_, '_>,
    resource: &str,
    new_rules: &[(String, String)],
    out: &mut Vec<Finding>,
) -> bool {
    let (Some(old_row), Some(new_row)) = (
        row_for(s.old_ordering, resource),
        row_for(s.new_ordering, resource),
    ) else {
        return false;
    };
    let start = out.len();
    let new_range = if new_row.precedence == Precedence::Unlisted {
        TextRange::default()
    } else {
        new_row.range
    };

    // Stored data the new file cannot read, grouped by cause.
    let mut unreadable: Vec<(&'static str, Vec<String>, bool, TextRange)> = Vec::new();
    for st in stored(s.old, old_row) {
        if readable(s.new, new_row, &st.data) {
            continue;
        }
        let kind = cause(&st.data, st.certain, old_row, s.new, new_row, new_rules);
        match unreadable.iter_mut().find(|(k, ..)| *k == kind) {
            Some((_, labels, certain, _)) => {
                labels.push(st.label);
                *certain |= st.certain;
            }
            None => unreadable.push((kind, vec![st.label], st.certain, st.range)),
        }
    }
    for (kind, labels, certain, range) in unreadable {
        out.push(Finding {
            kind,
            severity: if certain {
                Severity::Error
            } else {
                Severity::Warning
            },
            resource: resource.to_string(),
            message: unreadable_message(kind, resource, &labels, certain, new_row),
            old_line: s.old_line(range),
            new_line: s.new_line(new_range),
        });
    }

    // What new writes become.
    let old_writer = data_of(s.old, &old_row.write, true);
    let new_writer = data_of(s.new, &new_row.write, true);
    let (old_label, new_label) = (&old_row.write.label, &new_row.write.label);
    if old_writer != new_writer {
        let new_write_line = if new_row.precedence == Precedence::Unlisted {
            None
        } else {
            s.new_line(range_of(s.new, &new_row.write))
        };
        let old_write_line = if old_row.precedence == Precedence::Unlisted {
            None
        } else {
            s.old_line(range_of(s.old, &old_row.write))
        };
        let shared = readable(s.old, old_row, &new_writer);
        let mut push = |kind, severity, message| {
            out.push(Finding {
                kind,
                severity,
                resource: resource.to_string(),
                message,
                old_line: old_write_line,
                new_line: new_write_line,
            })
        };
        if !shared {
            let what = if new_writer == Data::Plain {
                "unencrypted (the deployed file has no `identity` for it)".to_string()
            } else {
                format!("with `{new_label}`")
            };
            push(
                "new-writer-unknown",
                Severity::Error,
                format!(
                    "servers still running the deployed file (or the other node's file) cannot read `{resource}` written {what} by servers running the new file: while both run (a rolling restart, or nodes out of sync), those reads fail; first add `{new_label}` as a read provider or key (not first) on every server and restart or reload them all, then make it first"
                ),
            );
        }
        if new_writer == Data::Plain && new_row.precedence == Precedence::Unlisted {
            push(
                "encryption-lost",
                Severity::Warning,
                format!("no rule of the new file covers `{resource}`: new writes are stored in plaintext (was `{old_label}`)"),
            );
        } else if new_writer == Data::Plain {
            push(
                "identity-first",
                Severity::Warning,
                format!(
                    "`identity` comes first for `{resource}` in the new file: new writes are stored in plaintext (was `{old_label}`); right only when you mean to decrypt everything"
                ),
            );
        } else if old_writer == Data::Plain {
            push(
                "encryption-enabled",
                Severity::Info,
                format!(
                    "new writes of `{resource}` are encrypted with `{new_label}`; objects stored before stay in plaintext until every object is rewritten"
                ),
            );
        } else if shared {
            let how = if old_row.write.entry == new_row.write.entry
                && old_row.write.index == new_row.write.index
                && old_row.write.kind == new_row.write.kind
            {
                "keys reordered: "
            } else {
                ""
            };
            push(
                "write-key-changed",
                Severity::Info,
                format!(
                    "{how}`{resource}` is now written with `{new_label}` (was `{old_label}`), which the deployed file already reads; rewrite every object so that none stays under `{old_label}`"
                ),
            );
        }
    }

    // A rule gone with nothing else to say about it.
    let rule_gone = old_row.precedence != Precedence::Unlisted
        && !new_rules.contains(&rule_id(&old_row.resource));
    if rule_gone && out.len() == start {
        out.push(Finding {
            kind: "rule-removed",
            severity: Severity::Info,
            resource: resource.to_string(),
            message: format!(
                "`{resource}` is no longer listed; {} applies now and reads and writes it the same way",
                rule_words(new_row)
            ),
            old_line: s.old_line(old_row.range),
            new_line: s.new_line(new_range),
        });
    }
    let chain = |row: &RuleRow| row.read.iter().map(|p| p.label.clone()).collect::<Vec<_>>();
    out.len() > start || chain(old_row) != chain(new_row)
}

fn side_name(old: bool) -> &'static str {
    if old {
        "the deployed file"
    } else {
        "the new file"
    }
}

/// The version whose decoder ignored unknown fields and repeated keys (strict from 1.31).
const LENIENT_MINOR: u32 = 30;

/// Says why a side cannot be used or would be refused.
fn verdict_findings(
    loaded: &Loaded<'_>,
    compared: &Loaded<'_>,
    old: bool,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    let first = loaded.analysis.errors().next();
    let at = |line: u32| {
        if old {
            (Some(line), None)
        } else {
            (None, Some(line))
        }
    };
    let minor = options.effective_minor();
    let Some(first) = first else { return };
    let (old_line, new_line) = at(first.start.line);
    let count = loaded.analysis.errors().count();
    let more = if count > 1 {
        format!(" ({count} errors)")
    } else {
        String::new()
    };
    if loaded.config.is_none() || loaded.ordering().is_none() {
        out.push(Finding {
            kind: "parse-failed",
            severity: Severity::Error,
            resource: "(all)".into(),
            message: format!(
                "{} does not decode (line {}: {}){more}: {}",
                side_name(old),
                first.start.line,
                first.message,
                if compared.ordering().is_some() {
                    "kube-apiserver refuses it; the rest of it is compared as 1.30 read it (unknown fields and repeated keys ignored)"
                } else {
                    "nothing in it can be compared, so no change can be called safe"
                }
            ),
            old_line,
            new_line,
        });
    } else if old {
        out.push(Finding {
            kind: "old-refused",
            severity: Severity::Warning,
            resource: "(all)".into(),
            message: format!(
                "kube-apiserver 1.{minor} with these options would not start with the deployed file (line {}: {}){more}: check that it is really the file in force",
                first.start.line, first.message
            ),
            old_line,
            new_line,
        });
    } else {
        out.push(Finding {
            kind: "new-refused",
            severity: Severity::Warning,
            resource: "(all)".into(),
            message: format!(
                "kube-apiserver 1.{minor} with these options would not start with the new file (line {}: {}){more}: a restarted server stays down; with automatic reload on, it keeps the deployed file",
                first.start.line, first.message
            ),
            old_line,
            new_line,
        });
    }
}

/// Compares the file deployed now (`old`) with a new one (`new`) for the kube-apiserver
/// described by `options`. Total: either side may be broken.
pub fn compare(old: &str, new: &str, options: &Options) -> Comparison {
    let old_side = Loaded::new(old, options);
    let new_side = Loaded::new(new, options);
    let mut findings = Vec::new();
    // A side that does not decode strictly (an unknown field, a repeated key) is still compared
    // as 1.30 read it, where those were ignored: what can be compared is.
    let lenient = Options {
        minor: LENIENT_MINOR,
        ..*options
    };
    let old_read = (old_side.config.is_none()).then(|| Loaded::new(old, &lenient));
    let new_read = (new_side.config.is_none()).then(|| Loaded::new(new, &lenient));
    let (old_cmp, new_cmp) = (
        old_read.as_ref().unwrap_or(&old_side),
        new_read.as_ref().unwrap_or(&new_side),
    );
    verdict_findings(&old_side, old_cmp, true, options, &mut findings);
    verdict_findings(&new_side, new_cmp, false, options, &mut findings);
    if let (Some(old_ordering), Some(new_ordering), true, true) = (
        old_cmp.ordering(),
        new_cmp.ordering(),
        old_cmp.config.is_some(),
        new_cmp.config.is_some(),
    ) {
        let sides = Sides {
            old: old_cmp,
            new: new_cmp,
            old_ordering,
            new_ordering,
        };
        let new_rules: Vec<(String, String)> = new_ordering
            .rows
            .iter()
            .filter(|r| r.precedence != Precedence::Unlisted)
            .map(|r| rule_id(&r.resource))
            .collect();
        // Every rule of either file, once, as written (the new file's spelling first).
        let mut resources: Vec<(String, (String, String))> = Vec::new();
        for row in new_ordering.rows.iter().chain(&old_ordering.rows) {
            if row.precedence == Precedence::Unlisted {
                continue;
            }
            let id = rule_id(&row.resource);
            if !resources.iter().any(|(_, seen)| *seen == id) {
                resources.push((row.resource.clone(), id));
            }
        }
        let mut differs = false;
        for (resource, _) in &resources {
            differs |= compare_resource(&sides, resource, &new_rules, &mut findings);
        }
        if differs {
            findings.push(Finding {
                kind: "nodes-differ",
                severity: Severity::Info,
                resource: "(all)".into(),
                message: "the files differ in what they write or read: while servers run different files (during a rollout, or when nodes are out of sync), each writes with its own first provider, and every server must be able to read what any other writes; every control-plane node needs the same file before the next change".into(),
                old_line: None,
                new_line: None,
            });
        }
    }
    findings.sort_by_key(|f| f.severity);
    Comparison {
        old_decoded: old_side.config.is_some(),
        new_decoded: new_side.config.is_some(),
        old_accepted: old_side.analysis.accepted,
        new_accepted: new_side.analysis.accepted,
        findings,
    }
}
