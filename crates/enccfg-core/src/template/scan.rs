//! Finding template tags (`{{ … }}`, `{% … %}`, `{# … #}`) and telling the template language.

use crate::diagnostic::TextRange;

/// What a tag does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TagKind {
    /// `{{ x }}` that produces text.
    Expression,
    /// `{% … %}`, `{# … #}`, and Go's `{{ if }}`, `{{ end }}`, `{{/* */}}`: produce no value.
    Control,
}

/// One tag: where it is, its kind, and the text between its delimiters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub range: TextRange,
    pub kind: TagKind,
    pub inner: String,
}

/// The template language a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Jinja,
    GoTemplate,
    Salt,
}

impl Style {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Style::Jinja => "Jinja",
            Style::GoTemplate => "Go template/Helm",
            Style::Salt => "Salt",
        }
    }
}

/// Go template actions that produce no value.
const GO_CONTROL: &[&str] = &[
    "if", "else", "end", "range", "with", "define", "block", "break", "continue",
];
/// Words that start a Go template action but not a Jinja expression.
const GO_WORDS: &[&str] = &[
    "include", "template", "toYaml", "b64enc", "quote", "required", "default", "tpl",
];

/// The first word of an expression, without whitespace-trim dashes.
fn first_word(inner: &str) -> &str {
    let t = inner
        .trim()
        .trim_start_matches('-')
        .trim_end_matches('-')
        .trim();
    t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("")
}

fn is_go(inner: &str) -> bool {
    let t = inner.trim().trim_start_matches('-').trim();
    t.starts_with('.')
        || t.starts_with('$')
        || t.starts_with("/*")
        || GO_CONTROL.contains(&first_word(inner))
        || GO_WORDS.contains(&first_word(inner))
}

/// Every tag in `text`, in order (at most 10,000; an unclosed tag ends the scan).
pub(crate) fn tags(text: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < 10_000 {
        let Some(open) = text.get(at..).and_then(|rest| rest.find('{')) else {
            break;
        };
        let start = at + open;
        let close = match text.get(start + 1..start + 2) {
            Some("{") => "}}",
            Some("%") => "%}",
            Some("#") => "#}",
            _ => {
                at = start + 1;
                continue;
            }
        };
        let Some(len) = text.get(start + 2..).and_then(|rest| rest.find(close)) else {
            break;
        };
        let end = start + 2 + len + 2;
        let inner = text.get(start + 2..start + 2 + len).unwrap_or_default();
        let kind = if close == "}}" && !is_go_control(inner) {
            TagKind::Expression
        } else {
            TagKind::Control
        };
        out.push(Tag {
            range: TextRange::new(start, end),
            kind,
            inner: inner.to_string(),
        });
        at = end;
    }
    out
}

fn is_go_control(inner: &str) -> bool {
    let t = inner.trim().trim_start_matches('-').trim();
    t.starts_with("/*") || GO_CONTROL.contains(&first_word(inner))
}

/// The style of the tags found.
pub(crate) fn style(tags: &[Tag]) -> Style {
    let salt = tags.iter().any(|t| {
        let i = t.inner.trim_start_matches('-').trim_start();
        i.contains("salt[")
            || i.contains("pillar[")
            || i.contains("grains[")
            || i.contains("pillar.get")
            || (i.starts_with("from ") && i.contains(" import "))
    });
    let jinja_only = tags
        .iter()
        .any(|t| t.kind == TagKind::Control && !t.inner.is_empty() && !is_go(&t.inner))
        || tags
            .iter()
            .any(|t| t.inner.contains('|') && !is_go(&t.inner));
    if salt {
        Style::Salt
    } else if !jinja_only && tags.iter().any(|t| is_go(&t.inner)) {
        Style::GoTemplate
    } else {
        Style::Jinja
    }
}

/// Whether `text` is a template: its style and its first tag.
pub(crate) fn detect(text: &str) -> Option<(Style, TextRange)> {
    if !text.contains("{{") && !text.contains("{%") && !text.contains("{#") {
        return None;
    }
    let found = tags(text);
    let first = found.first()?.range;
    Some((style(&found), first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_style_is_told_apart() {
        let jinja = "secret: {{ kube_encrypt_token | b64encode }}\n- {{ algorithm }}:\n";
        assert_eq!(detect(jinja).map(|d| d.0), Some(Style::Jinja));
        let helm = "{{- if .Values.encryption.enabled }}\nsecret: {{ .Values.key | b64enc }}\n{{- end }}\n";
        assert_eq!(detect(helm).map(|d| d.0), Some(Style::GoTemplate));
        let salt = "{% from \"map.jinja\" import k8s with context %}\nsecret: {{ k8s.key }}\n";
        assert_eq!(detect(salt).map(|d| d.0), Some(Style::Salt));
        let pillar = "secret: {{ salt['pillar.get']('k8s:key') }}\n";
        assert_eq!(detect(pillar).map(|d| d.0), Some(Style::Salt));
    }

    #[test]
    fn plain_yaml_is_no_template_and_tags_are_classified() {
        assert!(detect("resources: [{a: b}]\n").is_none());
        let t = tags("{{- if .Values.x }}\n{{ .Values.y }}\n{{ end }}\n{% for r in rs %}");
        let kinds: Vec<_> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TagKind::Control,
                TagKind::Expression,
                TagKind::Control,
                TagKind::Control
            ]
        );
    }
}
