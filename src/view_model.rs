//! Analysis → the rows and labels the components draw (pure, tested natively).

use std::rc::Rc;

use enccfg_core::{order, registry, Analysis, Applicability, Diagnostic, Fix, Severity, Stage};

use crate::page::SeverityFilter;

/// A row's fix button: what it says, and the fix itself (the row carries its own fix, so the
/// button applies exactly that one whatever order the rows are shown in).
#[derive(Clone, Debug, PartialEq)]
pub struct RowFix {
    pub title: String,
    /// `safe` or `unsafe`.
    pub safety: &'static str,
    pub fix: Rc<Fix>,
}

/// One line of the diagnostics list.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticRow {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub stage: &'static str,
    pub line: u32,
    pub column: u32,
    /// UTF-16 offsets of the span, for selecting it in the textarea.
    pub select_from: u32,
    pub select_to: u32,
    pub message: String,
    pub field: Option<String>,
    pub error_type: Option<&'static str>,
    pub help: Option<String>,
    /// The fix, when it has an applicable one.
    pub fix: Option<RowFix>,
    /// Our own advice (stage `lint`): shown apart from kube-apiserver's findings, never as
    /// deciding the verdict.
    pub advice: bool,
    /// For advice: where it comes from (the registry's source link).
    pub source_url: Option<&'static str>,
}

impl From<&Diagnostic> for DiagnosticRow {
    fn from(d: &Diagnostic) -> Self {
        DiagnosticRow {
            code: d.code,
            name: d.name,
            severity: d.severity.as_str(),
            stage: d.stage.as_str(),
            line: d.start.line,
            column: d.start.column,
            select_from: d.start.utf16_offset,
            select_to: d.end.utf16_offset,
            message: d.message.clone(),
            field: d.field.as_ref().map(|f| f.path.clone()),
            error_type: d.field.as_ref().map(|f| f.error_type.as_str()),
            help: d.help.clone(),
            fix: d
                .fix
                .as_ref()
                .filter(|f| !f.edits.is_empty())
                .and_then(|f| {
                    let safety = match f.applicability {
                        Applicability::Safe => "safe",
                        Applicability::Unsafe => "unsafe",
                        Applicability::DisplayOnly => return None,
                    };
                    Some(RowFix {
                        title: f.title.clone(),
                        safety,
                        fix: Rc::new(f.clone()),
                    })
                }),
            advice: d.stage == Stage::Lint,
            source_url: (d.stage == Stage::Lint)
                .then(|| registry::label(d.code).and_then(|c| c.source_url))
                .flatten(),
        }
    }
}

impl DiagnosticRow {
    /// The link text of a source: its host (`https://kubernetes.io/docs/…` → `kubernetes.io`).
    pub fn source_host(&self) -> Option<&'static str> {
        let url = self.source_url?;
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        rest.split('/').next()
    }
}

/// What the findings list shows around its rows: the count of each severity (for the filter's
/// labels), whether each group has a visible row (for the group headings), and how many rows
/// the filter hides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingsSummary {
    /// Errors, warnings and info notes, in that order.
    pub counts: [usize; 3],
    /// A visible row of kube-apiserver's findings (syntax to load).
    pub kube_shown: bool,
    /// A visible row of advice (lints).
    pub advice_shown: bool,
    pub hidden: usize,
}

pub fn findings_summary(rows: &[DiagnosticRow], filter: SeverityFilter) -> FindingsSummary {
    let mut summary = FindingsSummary::default();
    for row in rows {
        let slot = match row.severity {
            "error" => 0,
            "warning" => 1,
            _ => 2,
        };
        if let Some(count) = summary.counts.get_mut(slot) {
            *count += 1;
        }
        if !filter.shows(row.severity) {
            summary.hidden += 1;
        } else if row.advice {
            summary.advice_shown = true;
        } else {
            summary.kube_shown = true;
        }
    }
    summary
}

/// The diagnostics in source order (kube-apiserver's order kept among equal positions).
pub fn diagnostic_rows(analysis: &Analysis) -> Vec<DiagnosticRow> {
    let mut rows: Vec<DiagnosticRow> = analysis
        .diagnostics
        .iter()
        .map(DiagnosticRow::from)
        .collect();
    order::sort_by_key(&mut rows, |r| order::pair(r.line, r.column));
    rows
}

/// The verdict line.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub accepted: bool,
    pub headline: String,
    pub detail: String,
}

/// The verdict line for `analysis`; while an edit waits for the engine's module
/// (`awaiting_engine`), it says so instead of repeating the last verdict's words.
pub fn verdict(analysis: &Analysis, awaiting_engine: bool) -> Verdict {
    if awaiting_engine {
        return Verdict {
            accepted: analysis.accepted,
            headline: "Checking your edit…".into(),
            detail: "loading the checker".into(),
        };
    }
    let minor = analysis.options.effective_minor();
    let errors = analysis.errors().count();
    let others = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Error)
        .count();
    if analysis.accepted {
        Verdict {
            accepted: true,
            headline: format!("kube-apiserver 1.{minor} would start with this file"),
            detail: match others {
                0 => "no findings".into(),
                1 => "1 warning or note below".into(),
                n => format!("{n} warnings or notes below"),
            },
        }
    } else {
        Verdict {
            accepted: false,
            headline: format!("kube-apiserver 1.{minor} would refuse to start"),
            detail: match errors {
                1 => "1 error decides it".into(),
                n => format!("{n} errors decide it"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, Playground};
    use enccfg_core::{analyze, Options};

    #[test]
    fn rows_carry_positions_and_the_verdict_counts_errors() {
        let analysis = analyze("a:\n  - [\n", &Options::default());
        let rows = diagnostic_rows(&analysis);
        assert_eq!(rows[0].code, "EC0001");
        assert!(rows[0].line >= 2);
        let v = verdict(&analysis, false);
        let waiting = verdict(&analysis, true);
        assert_eq!(
            waiting.accepted, v.accepted,
            "the mark stays until the analysis arrives"
        );
        assert_eq!(
            (&*waiting.headline, &*waiting.detail),
            ("Checking your edit…", "loading the checker")
        );
        assert!(!v.accepted);
        assert_eq!(v.detail, "1 error decides it");
    }

    /// A refusal (EC0218, line 10) after an advice (identity first, EC0401, line 6).
    const ADVICE_THEN_ERROR: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - identity: {}\n      - secretbox:\n          keys:\n            - name: k\n              secret: YWsTHnxKp2NtxlunbDCgueNiav2B\n";

    #[test]
    fn rows_stay_in_source_order_and_advice_carries_its_source() {
        let rows = diagnostic_rows(&analyze(ADVICE_THEN_ERROR, &Options::default()));
        let order: Vec<(&str, u32, bool)> =
            rows.iter().map(|r| (r.code, r.line, r.advice)).collect();
        assert_eq!(order, [("EC0401", 6, true), ("EC0218", 10, false)]);
        assert_eq!(
            rows[0].source_url,
            registry::label("EC0401").and_then(|c| c.source_url)
        );
        assert_eq!(rows[0].source_host(), Some("kubernetes.io"));
        assert_eq!((rows[1].source_url, rows[1].source_host()), (None, None));
        assert_eq!(rows[0].severity, "warning", "advice is never an error");
    }

    #[test]
    fn the_summary_counts_severities_and_what_the_filter_hides() {
        let rows = diagnostic_rows(&analyze(ADVICE_THEN_ERROR, &Options::default()));
        let all = findings_summary(&rows, SeverityFilter::default());
        assert_eq!(
            all,
            FindingsSummary {
                counts: [1, 1, 0],
                kube_shown: true,
                advice_shown: true,
                hidden: 0
            }
        );
        let no_warnings = SeverityFilter::default().with(Severity::Warning, false);
        let summary = findings_summary(&rows, no_warnings);
        assert_eq!(summary.counts, [1, 1, 0], "counts ignore the filter");
        assert_eq!(
            (summary.kube_shown, summary.advice_shown, summary.hidden),
            (true, false, 1)
        );
        let only_info = SeverityFilter::default()
            .with(Severity::Error, false)
            .with(Severity::Warning, false);
        assert_eq!(findings_summary(&rows, only_info).hidden, 2);
    }

    /// Two fixable findings: capital letters first, `cachesize` on a KMS v2 provider second.
    const TWO_FIXES: &str = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [Secrets]\n    providers:\n      - kms:\n          apiVersion: v2\n          name: a\n          cachesize: 10\n          endpoint: unix:///var/run/kms.sock\n";

    #[test]
    fn each_rows_fix_button_applies_that_rows_fix() {
        let analysis = analyze(TWO_FIXES, &Options::default());
        let rows = diagnostic_rows(&analysis);
        let codes: Vec<&str> = rows.iter().map(|r| r.code).collect();
        assert_eq!(codes, ["EC0205", "EC0226"]);
        let state = Playground::new(TWO_FIXES, Options::default());
        let second = rows[1].fix.as_ref().unwrap();
        assert_eq!(second.safety, "safe");
        let fixed = state.text_with_fix(&second.fix).unwrap();
        assert!(!fixed.contains("cachesize"), "{fixed}");
        assert!(fixed.contains("[Secrets]"), "{fixed}");
        let first = state
            .text_with_fix(&rows[0].fix.as_ref().unwrap().fix)
            .unwrap();
        assert!(
            first.contains("[secrets]") && first.contains("cachesize"),
            "{first}"
        );
        // While an edit waits for its analysis, the fix's offsets belong to the older text.
        let typing = state.apply(Action::Edit(
            format!("# new first line\n{TWO_FIXES}").into(),
        ));
        assert_eq!(typing.text_with_fix(&second.fix), None);
    }
}

pub use panels::*;

/// View models of the Ordering and Health panels.
mod panels {
    use crate::editor_model::Lines;
    use enccfg_core::views::{lookup, Views};

    /// One resource rule, ready to draw.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct OrderingRow {
        pub resource: String,
        /// `aescbc:key1`, `kms:name`, `identity`.
        pub write: String,
        /// Comma-separated read chain in try order.
        pub read: String,
        pub read_steps: Vec<String>,
        pub prefix: String,
        pub notes: Vec<String>,
        pub plaintext_write: bool,
        /// UTF-16 span of the rule's name in the text the views came from (none when unlisted).
        pub select: Option<(u32, u32)>,
    }

    /// `lines` is the text the views came from (none: no spans).
    pub fn ordering_rows(views: &Views, lines: Option<&Lines>) -> Vec<OrderingRow> {
        views
            .ordering
            .rows
            .iter()
            .map(|row| {
                let mut notes = Vec::new();
                if row.resource == "(unlisted)" {
                    notes.push("resources no rule matches are stored unencrypted, and encrypted copies of them cannot be read".to_string());
                } else if row.writes_plaintext {
                    notes.push("new writes are stored unencrypted".to_string());
                }
                if row.reads_plaintext && !row.writes_plaintext {
                    notes.push("existing plaintext stays readable (identity in the chain)".to_string());
                }
                if !row.older_keys.is_empty() {
                    notes.push(format!("data under {} stays readable; rewrite it to move it to {}", row.older_keys.join(", "), row.write.label));
                }
                if row.entries.len() > 1 {
                    notes.push(format!(
                        "named in entries {}: their providers are concatenated",
                        row.entries.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", ")
                    ));
                }
                let read_steps: Vec<String> =
                    row.read.iter().map(|p| p.label.to_string()).collect();
                OrderingRow {
                    resource: row.resource.clone(),
                    write: row.write.label.to_string(),
                    read: read_steps.join(","),
                    read_steps,
                    prefix: row
                        .write
                        .prefix
                        .as_deref()
                        .unwrap_or("(plaintext, no prefix)")
                        .to_string(),
                    notes,
                    plaintext_write: row.writes_plaintext,
                    select: lines
                        .as_ref()
                        .filter(|_| row.resource != "(unlisted)")
                        .map(|l| l.utf16_span(row.range)),
                }
            })
            .collect()
    }

    /// The answer to "which rule applies to X?".
    pub fn lookup_answer(views: &Views, query: &str) -> Option<String> {
        if query.trim().is_empty() {
            return None;
        }
        let found = lookup(&views.ordering, query);
        let row = &views.ordering.rows[found.row];
        let mut answer = format!(
            "{} → rule `{}`: {}. Writes with {}, reads with {}.",
            query.trim(),
            row.resource,
            found.reason,
            row.write.label,
            row.read
                .iter()
                .map(|p| &*p.label)
                .collect::<Vec<_>>()
                .join(", ")
        );
        if !found.shadowed.is_empty() {
            answer.push_str(&format!(
                " Also matched, but lower precedence: {}.",
                found.shadowed.join(", ")
            ));
        }
        Some(answer)
    }

    /// One check in one reload mode.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct HealthRow {
        pub reload: &'static str,
        pub check: String,
        pub provider: Option<String>,
        pub status: &'static str,
        pub endpoints: Vec<String>,
        pub probes: String,
        pub report: String,
        pub select: Option<(u32, u32)>,
    }

    /// One reload mode's column.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct HealthColumn {
        pub reload: &'static str,
        pub selected: bool,
        pub why: String,
        pub rows: Vec<HealthRow>,
        /// `/healthz`, `/readyz`, `/livez` with status and report.
        pub aggregates: Vec<(String, &'static str, String)>,
        pub notes: Vec<String>,
    }

    pub fn health_columns(
        views: &Views,
        down: &[String],
        lines: Option<&Lines>,
    ) -> Vec<HealthColumn> {
        let outcomes = views.health.outcomes(down);
        views
            .health
            .modes
            .iter()
            .zip(outcomes.iter())
            .map(|(mode, outcome)| {
                let reload = if mode.reload { "on" } else { "off" };
                let rows = mode
                    .checks
                    .iter()
                    .zip(outcome.checks.iter())
                    .map(|(check, result)| {
                        let plugin = check.plugin.map(|n| &views.health.plugins[n]);
                        HealthRow {
                            reload,
                            check: check.name.clone(),
                            provider: plugin.map(|p| p.name.clone()),
                            status: result.status.as_str(),
                            endpoints: check.endpoints.clone(),
                            probes: check.probes.clone(),
                            report: result.report.clone(),
                            select: plugin
                                .zip(lines.as_ref())
                                .map(|(p, l)| l.utf16_span(p.range)),
                        }
                    })
                    .collect();
                HealthColumn {
                    reload,
                    selected: mode.selected,
                    why: mode.why.clone(),
                    rows,
                    aggregates: outcome
                        .endpoints
                        .iter()
                        .map(|e| (e.name.clone(), e.status.as_str(), e.report.clone()))
                        .collect(),
                    notes: outcome.notes.clone(),
                }
            })
            .collect()
    }

    /// The distinct KMS plugin names with their up/down state.
    pub fn plugin_toggles(views: &Views, down: &[String]) -> Vec<(String, bool)> {
        views
            .health
            .plugin_names()
            .into_iter()
            .map(|name| (name.to_string(), !down.iter().any(|d| d == name)))
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use enccfg_core::{analyze, Options};

        #[test]
        fn panels_follow_the_core_views() {
            let text = crate::DEFAULT_EXAMPLE;
            let analysis = analyze(text, &Options::default());
            let views = analysis.views.as_ref().unwrap();
            let rows = ordering_rows(views, Some(&Lines::new(text.into())));
            assert_eq!(rows[0].resource, "secrets");
            assert_eq!(rows[0].write, "kms:myKmsPluginFoo");
            assert_eq!(rows[0].read, "kms:myKmsPluginFoo,kms:myKmsPluginBar");
            let (from, to) = rows[0].select.unwrap();
            assert_eq!(&text[from as usize..to as usize], "secrets");

            let down = ["myKmsPluginBar".to_string()];
            let columns = health_columns(views, &down, Some(&Lines::new(text.into())));
            assert_eq!(columns[0].rows[0].check, "kms-providers");
            assert_eq!(columns[0].rows[0].status, "failing");
            assert!(columns[0].selected && !columns[1].selected);
            assert_eq!(
                plugin_toggles(views, &down),
                [
                    ("myKmsPluginFoo".to_string(), true),
                    ("myKmsPluginBar".to_string(), false)
                ]
            );
            assert!(lookup_answer(views, "configmaps")
                .unwrap()
                .contains("(unlisted)"));
        }
    }
}
