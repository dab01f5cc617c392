//! What `check` found, for every format: one entry per file checked, the findings about
//! kube-apiserver's static Pod with `--from-manifest`, and whether the whole check fails.

use enccfg_core::{Analysis, Diagnostic, Severity};

use crate::manifest::{Finding, ManifestReport};

/// One checked file.
pub struct FileReport {
    /// As the user named it (`<stdin>` for standard input).
    pub path: String,
    /// The text the positions refer to (not UTF-8 bytes are replaced, as the analysis saw them).
    pub text: String,
    /// Its analysis, without the findings `--select`/`--ignore` leave out.
    pub analysis: Analysis,
}

impl FileReport {
    pub fn warnings(&self) -> usize {
        self.analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Refused by kube-apiserver, or warned about under `--deny-warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        !self.analysis.accepted || (deny_warnings && self.warnings() > 0)
    }
}

/// Everything one run of `check` reports.
pub struct Report {
    pub files: Vec<FileReport>,
    pub manifest: Option<ManifestReport>,
    pub deny_warnings: bool,
    /// The command line named one file (or standard input): the formats keep their one-file
    /// shapes. Several paths, a directory or a manifest give the listing shapes.
    pub one_file: bool,
}

impl Report {
    /// The exit code's question: does anything fail the check?
    pub fn fails(&self) -> bool {
        self.files.iter().any(|f| f.fails(self.deny_warnings))
            || self
                .manifest
                .as_ref()
                .is_some_and(|m| m.fails(self.deny_warnings))
    }

    /// Would kube-apiserver start (every file accepted, and nothing in the Pod stops it)?
    pub fn accepted(&self) -> bool {
        self.files.iter().all(|f| f.analysis.accepted)
            && self.manifest.as_ref().is_none_or(|m| m.accepted())
    }

    /// The one file of a one-file report (see [`Report::one_file`]).
    pub fn single(&self) -> Option<&FileReport> {
        match (self.files.as_slice(), &self.manifest) {
            ([file], None) if self.one_file => Some(file),
            _ => None,
        }
    }

    /// Every finding as the line-oriented formats (github, junit, sarif) show it, grouped by
    /// file: the manifest first, then the files in the order they were checked.
    pub fn entries(&self) -> Vec<(&str, Vec<Entry<'_>>)> {
        let mut out = Vec::new();
        if let Some(m) = &self.manifest {
            out.push((
                m.path.as_str(),
                m.findings.iter().map(Entry::from).collect(),
            ));
        }
        for f in &self.files {
            out.push((
                f.path.as_str(),
                f.analysis.diagnostics.iter().map(Entry::from).collect(),
            ));
        }
        out
    }
}

/// One finding, in the terms every line-oriented format needs.
pub struct Entry<'a> {
    /// `EC0218`, or the kind of a manifest finding (`encryption-config-not-mounted`).
    pub id: &'a str,
    /// `key-secret-wrong-length`; the kind again for manifest findings.
    pub name: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    /// kube-apiserver's field path and error type (`resources[0]… (Invalid)`).
    pub field: Option<String>,
    pub help: Option<&'a str>,
    /// 1-based line and column (in characters); the end is exclusive.
    pub start: (u32, u32),
    pub end: (u32, u32),
}

impl<'a> From<&'a Diagnostic> for Entry<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        Entry {
            id: d.code,
            name: d.name,
            severity: d.severity,
            message: &d.message,
            field: d
                .field
                .as_ref()
                .map(|f| format!("{} ({})", f.path, f.error_type.as_str())),
            help: d.help.as_deref(),
            start: (d.start.line, d.start.column),
            end: (d.end.line, d.end.column),
        }
    }
}

impl<'a> From<&'a Finding> for Entry<'a> {
    fn from(f: &'a Finding) -> Self {
        Entry {
            id: f.kind,
            name: f.kind,
            severity: f.severity,
            message: &f.message,
            field: None,
            help: f.help.as_deref(),
            start: f.start,
            end: f.end,
        }
    }
}

impl Entry<'_> {
    /// Whether this finding fails the check: an error, or a warning under `--deny-warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        match self.severity {
            Severity::Error => true,
            Severity::Warning => deny_warnings,
            Severity::Info => false,
        }
    }

    /// The message with its field path and help, one per line (for formats without fields).
    pub fn full_text(&self) -> String {
        let mut text = self.message.to_string();
        if let Some(field) = &self.field {
            text.push_str(&format!("\nfield: {field}"));
        }
        if let Some(help) = self.help {
            text.push_str(&format!("\nhelp: {help}"));
        }
        text
    }
}
