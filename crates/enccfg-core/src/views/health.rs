//! KMS health checks per reload mode (facts §8): which checks kube-apiserver registers, where
//! they are served, what each probes, and how they answer when plugins are up or down.

use rustc_hash::FxHashSet as HashSet;

use crate::decode::model::Config;
use crate::diagnostic::TextRange;
use crate::options::Options;

/// One KMS provider as the health checks see it (numbered in file order, v1 and v2 alike).
#[derive(Clone, Debug, PartialEq)]
pub struct KmsPlugin {
    /// N of `kms-provider-N`.
    pub number: usize,
    pub name: String,
    /// `v1` or `v2` (after defaulting).
    pub version: String,
    pub endpoint: String,
    pub entry: usize,
    pub index: usize,
    /// The provider's `kms` element in the file.
    pub range: TextRange,
}

/// One registered check.
#[derive(Clone, Debug, PartialEq)]
pub struct HealthCheck {
    /// `kms-provider-N` or `kms-providers`.
    pub name: String,
    /// For an individual check, the plugin it probes; `None` for the aggregate.
    pub plugin: Option<usize>,
    /// `/healthz/<name>`, `/readyz/<name>` (and `/livez/<name>` before 1.29).
    pub endpoints: Vec<String>,
    /// What the check does, in words.
    pub probes: String,
}

/// The checks of one reload mode.
#[derive(Clone, Debug, PartialEq)]
pub struct HealthMode {
    pub reload: bool,
    /// The options select this mode.
    pub selected: bool,
    pub checks: Vec<HealthCheck>,
    /// Why this form (individual or aggregate), in words.
    pub why: String,
}

/// Both modes for one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Health {
    pub plugins: Vec<KmsPlugin>,
    pub modes: [HealthMode; 2],
    /// KMS checks are also on `/livez` (before 1.29).
    pub on_livez: bool,
    /// Caching and cadence, in words.
    pub cadence: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStatus {
    Ok,
    Failing,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Ok => "ok",
            CheckStatus::Failing => "failing",
        }
    }
}

/// The answer of one check, or of an aggregate endpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub name: String,
    pub status: CheckStatus,
    /// What a failing check reports (empty when ok).
    pub report: String,
}

/// Every check and the aggregate endpoints of one mode, given which plugins are down.
#[derive(Clone, Debug, PartialEq)]
pub struct ModeOutcome {
    pub reload: bool,
    pub checks: Vec<Outcome>,
    /// `/healthz`, `/readyz`, and `/livez` where KMS counts there.
    pub endpoints: Vec<Outcome>,
    /// What happens next, in words (e.g. excluding a check, or a reload being held back).
    pub notes: Vec<String>,
}

pub(crate) fn build(config: &Config, options: &Options) -> Health {
    let mut plugins = Vec::new();
    let entries = config.resources_list();
    for (i, entry) in entries.iter().enumerate() {
        let providers = entry.providers_list();
        for (j, provider) in providers.iter().enumerate() {
            let Some(kms) = &provider.kms else { continue };
            plugins.push(KmsPlugin {
                number: plugins.len(),
                name: kms.value.name_text().to_string(),
                version: kms.value.defaults.api_version.clone(),
                endpoint: kms.value.endpoint_text().to_string(),
                entry: i,
                index: j,
                range: provider.range,
            });
        }
    }
    let on_livez = options.kms_checks_on_livez();
    let modes =
        [false, true].map(|reload| mode(&plugins, reload, options.reload == reload, on_livez));
    Health {
        plugins,
        modes,
        on_livez,
        cadence: "each probe reuses its last result for 20 s after a success and 3 s after a failure; a v1 probe encrypts and decrypts \"ping\", a v2 probe calls the plugin's Status (kube-apiserver also polls Status every minute while healthy, every 10 s while not)".into(),
    }
}

fn endpoints(name: &str, on_livez: bool) -> Vec<String> {
    let mut list = vec![format!("/healthz/{name}"), format!("/readyz/{name}")];
    if on_livez {
        list.push(format!("/livez/{name}"));
    }
    list
}

fn mode(plugins: &[KmsPlugin], reload: bool, selected: bool, on_livez: bool) -> HealthMode {
    let any_v1 = plugins.iter().any(|p| p.version == "v1");
    let any_v2 = plugins.iter().any(|p| p.version != "v1");
    let aggregate = reload || (any_v2 && !any_v1);
    let (checks, why) = if plugins.is_empty() && !reload {
        (
            Vec::new(),
            "no KMS provider, and automatic reload is off: no KMS health check is registered"
                .to_string(),
        )
    } else if aggregate {
        let why = if reload {
            if plugins.is_empty() {
                "automatic reload always registers the single `kms-providers` check; with no KMS provider it always passes".to_string()
            } else {
                "automatic reload always registers the single `kms-providers` check, whose contents are swapped on each reload".to_string()
            }
        } else {
            "only KMS v2 providers: kube-apiserver registers the single `kms-providers` check"
                .to_string()
        };
        let probes = if plugins.is_empty() {
            "nothing (passes)".to_string()
        } else {
            format!(
                "runs every KMS probe in turn ({}) and reports all failures",
                plugins
                    .iter()
                    .map(|p| format!("kms-provider-{} → {}", p.number, p.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        (
            vec![HealthCheck {
                name: "kms-providers".into(),
                plugin: None,
                endpoints: endpoints("kms-providers", on_livez),
                probes,
            }],
            why,
        )
    } else {
        let why = if any_v2 {
            "a KMS v1 provider is present, so every KMS provider, v2 included, gets its own `kms-provider-N` check".to_string()
        } else {
            "KMS v1 providers without reload: one `kms-provider-N` check per provider".to_string()
        };
        let checks = plugins
            .iter()
            .map(|p| {
                let name = format!("kms-provider-{}", p.number);
                HealthCheck {
                    endpoints: endpoints(&name, on_livez),
                    name,
                    plugin: Some(p.number),
                    probes: if p.version == "v1" {
                        format!(
                            "encrypts and decrypts \"ping\" through `{}` (KMS v1)",
                            p.name
                        )
                    } else {
                        format!("calls Status on `{}` (KMS v2)", p.name)
                    },
                }
            })
            .collect();
        (checks, why)
    };
    HealthMode {
        reload,
        selected,
        checks,
        why,
    }
}

impl Health {
    /// The status of every check and aggregate endpoint in both modes, when the plugins named in
    /// `down` do not answer.
    pub fn outcomes(&self, down: &[String]) -> [ModeOutcome; 2] {
        self.modes
            .each_ref()
            .map(|mode| self.mode_outcome(mode, down))
    }

    /// The KMS plugins' names, each once, in the order the file first names them.
    pub fn plugin_names(&self) -> Vec<&str> {
        let mut seen: HashSet<&str> = HashSet::default();
        self.plugins
            .iter()
            .map(|p| p.name.as_str())
            .filter(|name| seen.insert(name))
            .collect()
    }

    fn failure(&self, plugin: &KmsPlugin) -> String {
        let call = if plugin.version == "v1" {
            "encrypt"
        } else {
            "status"
        };
        format!(
            "kms-provider-{}: failed to perform {call} section of the healthz check for KMS Provider {}",
            plugin.number, plugin.name
        )
    }

    fn mode_outcome(&self, mode: &HealthMode, down: &[String]) -> ModeOutcome {
        let is_down = |p: &KmsPlugin| down.contains(&p.name);
        let checks: Vec<Outcome> = mode
            .checks
            .iter()
            .map(|check| {
                let failing: Vec<&KmsPlugin> = match check.plugin {
                    // Plugins are numbered by their place in `plugins`.
                    Some(n) => self
                        .plugins
                        .get(n)
                        .filter(|p| is_down(p))
                        .into_iter()
                        .collect(),
                    None => self.plugins.iter().filter(|p| is_down(p)).collect(),
                };
                Outcome {
                    name: check.name.clone(),
                    status: if failing.is_empty() {
                        CheckStatus::Ok
                    } else {
                        CheckStatus::Failing
                    },
                    report: failing
                        .iter()
                        .map(|p| self.failure(p))
                        .collect::<Vec<_>>()
                        .join("; "),
                }
            })
            .collect();
        let failing: Vec<&Outcome> = checks
            .iter()
            .filter(|c| c.status == CheckStatus::Failing)
            .collect();
        let aggregate = |path: &str| Outcome {
            name: path.to_string(),
            status: if failing.is_empty() {
                CheckStatus::Ok
            } else {
                CheckStatus::Failing
            },
            report: failing
                .iter()
                .map(|c| format!("[-]{} failed", c.name))
                .collect::<Vec<_>>()
                .join(", "),
        };
        let mut endpoints = vec![aggregate("/healthz"), aggregate("/readyz")];
        if self.on_livez {
            endpoints.push(aggregate("/livez"));
        } else {
            endpoints.push(Outcome {
                name: "/livez".into(),
                status: CheckStatus::Ok,
                report: String::new(),
            });
        }
        let mut notes = Vec::new();
        if !failing.is_empty() {
            if mode.checks.iter().any(|c| c.plugin.is_some()) {
                notes.push(format!(
                    "only the down plugin's own check fails; a probe can skip it with /readyz?exclude={}",
                    failing.first().map_or("", |f| f.name.as_str())
                ));
            } else {
                notes.push("the single `kms-providers` check fails as a whole; excluding it hides every plugin's health".into());
            }
            if !self.on_livez {
                notes.push(
                    "/livez is unaffected: KMS checks are not liveness checks from 1.29".into(),
                );
            }
        }
        if mode.reload {
            notes.push("with automatic reload, a changed file is applied only once its `kms-providers` check passes; while a plugin of the new file is down, the new file is not applied and the old one stays in force (retried with back-off and on the next 1-minute poll)".into());
        }
        ModeOutcome {
            reload: mode.reload,
            checks,
            endpoints,
            notes,
        }
    }
}
