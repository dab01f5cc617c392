//! The one diagnostic type every stage reports, and the text positions it carries.

/// A byte range in the analysed text (half-open: `start..end`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> Self {
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let (start, end) = (clamp(start), clamp(end));
        TextRange {
            start,
            end: end.max(start),
        }
    }

    pub fn empty(at: usize) -> Self {
        TextRange::new(at, at)
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Which step of the pipeline found the problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Syntax,
    Decode,
    Validate,
    Load,
    Lint,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Syntax => "syntax",
            Stage::Decode => "decode",
            Stage::Validate => "validate",
            Stage::Load => "load",
            Stage::Lint => "lint",
        }
    }
}

/// `Error` means kube-apiserver refuses the file (with the chosen version and flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The two error types kube-apiserver's encryption validation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldErrorType {
    Required,
    Invalid,
}

impl FieldErrorType {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldErrorType::Required => "Required",
            FieldErrorType::Invalid => "Invalid",
        }
    }
}

/// kube-apiserver's field path (`resources[0].providers[1].kms.name`) and error type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub path: String,
    pub error_type: FieldErrorType,
}

/// A 1-based position: `column` counts Unicode scalar values, `utf16_column` UTF-16 code units
/// (what a browser's `selectionStart` counts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
    pub utf16_column: u32,
    /// UTF-16 offset from the start of the text.
    pub utf16_offset: u32,
}

/// How sure a fix is to keep what the user meant (ordered: asking for `Unsafe` includes `Safe`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    DisplayOnly,
    Unsafe,
    Safe,
}

/// Replace `range` of the original text with `insert`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub insert: String,
}

/// A repair: text edits on the original file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// One finding. Messages stand alone and never contain key material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub stage: Stage,
    pub severity: Severity,
    pub message: String,
    pub range: TextRange,
    /// Filled by the facade from `range`.
    pub start: Position,
    pub end: Position,
    pub field: Option<FieldError>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub(crate) fn field(mut self, path: impl Into<String>, error_type: FieldErrorType) -> Self {
        self.field = Some(FieldError {
            path: path.into(),
            error_type,
        });
        self
    }

    pub(crate) fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
