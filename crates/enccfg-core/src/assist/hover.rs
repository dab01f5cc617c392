//! Hover documentation: the field whose key is at an offset, and what it means for the chosen
//! Kubernetes version and flags.

use super::lines::line_at;
use super::schema::{find, level_of, Field, Level};
use crate::diagnostic::TextRange;
use crate::options::Options;

/// The documentation of one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// The field's key as written (`cachesize`), the page's `data-field`.
    pub field: String,
    /// Its path without indices (`resources.providers.kms.cachesize`).
    pub path: String,
    /// Byte range of the key in the text.
    pub range: TextRange,
    pub ty: &'static str,
    pub required: &'static str,
    pub default: &'static str,
    pub allowed: &'static str,
    /// What kube-apiserver does with it.
    pub what: &'static str,
    /// Notes for the chosen version and flags.
    pub version_notes: Vec<String>,
}

/// The documentation of the field whose key covers byte `offset` (or ends right at it), or
/// `None` when there is no known field there.
pub fn hover(text: &str, offset: usize, options: &Options) -> Option<Hover> {
    let line = line_at(text, offset);
    let (name, from, to) = line.key.as_ref()?;
    let at = offset.checked_sub(line.start)?;
    if at < *from || at > *to {
        return None;
    }
    let level = level_of(&line.parents)?;
    let field = find(level, name)?;
    let mut path = line.parents.clone();
    path.push(name.clone());
    Some(Hover {
        field: name.clone(),
        path: path.join("."),
        range: TextRange::new(line.start + from, line.start + to),
        ty: field.ty,
        required: field.required,
        default: field.default,
        allowed: field.allowed,
        what: field.what,
        version_notes: notes(field, options),
    })
}

fn notes(field: &Field, options: &Options) -> Vec<String> {
    let minor = options.effective_minor();
    let mut notes = Vec::new();
    match (field.level, field.name) {
        (Level::Kms, "apiVersion") => notes.push(if options.kmsv1_enabled() {
            format!("1.{minor}: KMS v1 loads with these flags (deprecated; prefer v2).")
        } else {
            format!("1.{minor}: KMS v1 does not load (the KMSv1 feature gate is off); use v2.")
        }),
        (Level::Kms, "name") if options.reload => {
            notes.push("With automatic reload, v1 names must be unique across the file too.".into())
        }
        (Level::Kms, "cachesize") => notes.push(
            "From 1.27 the default 1000 applies to v1 only; setting it on v2 is an error.".into(),
        ),
        _ => {}
    }
    if options.strict_decoding() {
        notes.push(format!(
            "1.{minor} decodes strictly: unknown fields and duplicate keys are errors."
        ));
    } else {
        notes.push(format!(
            "1.{minor} ignores unknown fields and keeps the last of duplicate keys (strict from 1.31)."
        ));
    }
    notes
}
