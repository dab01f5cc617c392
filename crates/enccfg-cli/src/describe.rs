//! `enccfg describe`: the ordering and health-check tables for a file, as text or JSON.

use enccfg_core::views::{ProviderRef, Views};
use enccfg_core::Analysis;
use serde_json::{json, Value};

fn labels(refs: &[ProviderRef]) -> String {
    refs.iter().map(|p| &*p.label).collect::<Vec<_>>().join(",")
}

pub fn text(analysis: &Analysis, views: &Views) -> String {
    let mut out = String::new();
    let minor = analysis.options.effective_minor();
    out.push_str(&format!(
        "kube-apiserver 1.{minor}: {}\n\n",
        if analysis.accepted {
            "would start with this file"
        } else {
            "would NOT start with this file (see `enccfg check`)"
        }
    ));
    out.push_str("Provider ordering (precedence order)\n");
    out.push_str(&format!(
        "  {:<32} {:<28} {:<40} {}\n",
        "resource", "writes with", "reads with (in order)", "new values start with"
    ));
    for row in &views.ordering.rows {
        out.push_str(&format!(
            "  {:<32} {:<28} {:<40} {}\n",
            row.resource,
            row.write.label,
            labels(&row.read),
            row.write.prefix.as_deref().unwrap_or("(plaintext)")
        ));
    }
    for (mode, label) in views.health.modes.iter().zip(["off", "on"]) {
        out.push_str(&format!(
            "\nKMS health checks, automatic reload {label}{}\n  {}\n",
            if mode.selected { " (selected)" } else { "" },
            mode.why
        ));
        for check in &mode.checks {
            let paths: Vec<&str> = check.endpoints.iter().map(String::as_str).collect();
            out.push_str(&format!(
                "  {:<16} {}  — {}\n",
                check.name,
                paths.join(" "),
                check.probes
            ));
        }
    }
    out.push_str(&format!("\n{}\n", views.health.cadence));
    out
}

pub fn json(analysis: &Analysis, views: &Views) -> String {
    let rows: Vec<Value> = views
        .ordering
        .rows
        .iter()
        .map(|r| {
            json!({
                "resource": r.resource,
                "entries": r.entries,
                "write": &*r.write.label,
                "write_prefix": r.write.prefix.as_deref(),
                "read": r.read.iter().map(|p| &*p.label).collect::<Vec<_>>(),
                "writes_plaintext": r.writes_plaintext,
                "reads_plaintext": r.reads_plaintext,
                "older_keys": r.older_keys.iter().map(|k| &**k).collect::<Vec<_>>(),
            })
        })
        .collect();
    let modes: Vec<Value> = views
        .health
        .modes
        .iter()
        .map(|m| {
            json!({
                "reload": m.reload,
                "selected": m.selected,
                "why": m.why,
                "checks": m.checks.iter().map(|c| json!({
                    "name": c.name,
                    "provider": c.plugin.map(|n| views.health.plugins[n].name.clone()),
                    "endpoints": c.endpoints,
                    "probes": c.probes,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = json!({ "accepted": analysis.accepted, "ordering": rows, "health": modes });
    format!("{value}\n")
}
