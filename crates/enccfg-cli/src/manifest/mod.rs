//! `check --from-manifest`: reads kube-apiserver's static Pod, takes the flags that concern the
//! encryption configuration (`--encryption-provider-config`, its automatic reload,
//! `--feature-gates`) and the version from the image tag, finds the file the flag names on the
//! node through the Pod's volume mounts, and reports what in the Pod stops kube-apiserver or
//! leaves encryption at rest off.

mod flags;
mod gates;
mod mounts;
mod pod;

use enccfg_core::{Options, Severity};

use mounts::Resolution;
use pod::{ApiserverPod, Located};

const CONFIG_FLAG: &str = "encryption-provider-config";
const RELOAD_FLAG: &str = "encryption-provider-config-automatic-reload";
const GATES_FLAG: &str = "feature-gates";

/// Every kind of manifest finding, with its severity and what it means (SARIF rule texts and
/// the docs).
pub const KINDS: &[(&str, Severity, &str)] = &[
    (
        "encryption-config-flag-missing",
        Severity::Warning,
        "kube-apiserver runs without --encryption-provider-config: encryption at rest is off",
    ),
    (
        "encryption-config-not-mounted",
        Severity::Error,
        "the configuration path is not inside any volume mount, so it does not exist in the container",
    ),
    (
        "encryption-config-volume-missing",
        Severity::Error,
        "the volume mount that covers the configuration names a volume the Pod does not define",
    ),
    (
        "encryption-config-not-host-path",
        Severity::Warning,
        "the configuration comes from a volume that is not a hostPath, so it cannot be read on the node",
    ),
    (
        "encryption-config-missing-on-node",
        Severity::Error,
        "the file the configuration path maps to does not exist on the node",
    ),
    (
        "flag-value-invalid",
        Severity::Error,
        "a flag's value is one kube-apiserver refuses at start",
    ),
    (
        "stray-argument",
        Severity::Error,
        "an argument that is no flag's value: kube-apiserver takes no positional arguments",
    ),
    (
        "kubernetes-version-unknown",
        Severity::Info,
        "the image tag does not give a Kubernetes version enccfg models",
    ),
];

/// One thing the manifest says about the encryption configuration.
#[derive(Debug)]
pub struct Finding {
    /// One of [`KINDS`].
    pub kind: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub start: (u32, u32),
    pub end: (u32, u32),
}

/// The configuration file kube-apiserver reads.
#[derive(Debug)]
pub struct ConfigFile {
    /// As the flag names it, inside the container.
    pub in_container: String,
    /// The same file on the node.
    pub on_node: String,
}

/// What `--from-manifest` found in the manifest.
pub struct ManifestReport {
    pub path: String,
    pub text: String,
    pub findings: Vec<Finding>,
    /// The file to check, when the Pod lets kube-apiserver read one that exists.
    pub config: Option<ConfigFile>,
    /// The options the Pod gives kube-apiserver (version, reload, feature gates).
    pub options: Options,
}

impl ManifestReport {
    /// Nothing in the Pod stops kube-apiserver.
    pub fn accepted(&self) -> bool {
        self.findings.iter().all(|f| f.severity != Severity::Error)
    }

    pub fn fails(&self, deny_warnings: bool) -> bool {
        !self.accepted()
            || (deny_warnings
                && self
                    .findings
                    .iter()
                    .any(|f| f.severity == Severity::Warning))
    }
}

/// Reads the manifest at `path`. `fallback` gives what the Pod does not say (the version when
/// the image tag has none, the KMSv1 gate when `--feature-gates` does not set it). An error is
/// a manifest that cannot be read as kube-apiserver's static Pod.
pub fn inspect(path: &str, fallback: Options) -> Result<ManifestReport, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "`{path}` is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let pod = pod::parse(&text).map_err(|e| match e.at {
        Some((line, column)) => format!("{path}:{line}:{column}: {}", e.message),
        None => format!("{path}: {}", e.message),
    })?;
    let mut found = Findings(Vec::new());
    let options = options_of(&pod, fallback, &mut found);
    let config = config_file(&pod, &mut found)?;
    Ok(ManifestReport {
        path: path.to_string(),
        text,
        findings: found.0,
        config,
        options,
    })
}

struct Findings(Vec<Finding>);

impl Findings {
    fn add(
        &mut self,
        kind: &'static str,
        span: ((u32, u32), (u32, u32)),
        message: String,
        help: Option<String>,
    ) {
        let severity = KINDS
            .iter()
            .find(|(k, ..)| *k == kind)
            .map_or(Severity::Error, |(_, s, _)| *s);
        self.0.push(Finding {
            kind,
            severity,
            message,
            help,
            start: span.0,
            end: span.1,
        });
    }
}

fn span_of<T>(located: &Located<T>) -> ((u32, u32), (u32, u32)) {
    (located.start, located.end)
}

/// Version from the image tag, reload and gates from the flags.
fn options_of(pod: &ApiserverPod, fallback: Options, found: &mut Findings) -> Options {
    let mut options = Options {
        reload: false,
        ..fallback
    };
    let image = pod.image.as_ref();
    match image.and_then(|i| pod::image_tag(&i.value).map(|t| (i, t))) {
        Some((_, tag)) if Options::parse_version(tag).is_some() => {
            options.minor = Options::parse_version(tag).unwrap_or(fallback.minor);
        }
        tagged => found.add(
            "kubernetes-version-unknown",
            span_of(image.unwrap_or(&pod.container)),
            match tagged {
                Some((_, tag)) => format!(
                    "the image tag `{tag}` does not name a Kubernetes version enccfg models (1.{}–1.{}): checked as 1.{}",
                    enccfg_core::OLDEST_MINOR,
                    enccfg_core::NEWEST_MINOR,
                    fallback.effective_minor()
                ),
                None => format!(
                    "the image has no tag to read the Kubernetes version from: checked as 1.{}",
                    fallback.effective_minor()
                ),
            },
            Some("pass --kubernetes-version to check against another version".into()),
        ),
    }
    for o in flags::occurrences(&pod.argv, RELOAD_FLAG, true) {
        match o.value.as_deref().map(flags::parse_bool) {
            None => options.reload = true,
            Some(Some(on)) => options.reload = on,
            Some(None) => found.add(
                "flag-value-invalid",
                o.span(),
                format!(
                    "`--{RELOAD_FLAG}` takes true or false, not `{}`: kube-apiserver exits at start",
                    o.value.as_deref().unwrap_or_default()
                ),
                None,
            ),
        }
        let index = pod.argv.iter().position(|a| std::ptr::eq(a, o.at));
        if let Some(next) = index
            .and_then(|i| pod.argv.get(i + 1))
            .filter(|n| o.value.is_none() && !n.value.starts_with('-'))
        {
            found.add(
                "stray-argument",
                span_of(next),
                format!(
                    "`{}` is not the value of `--{RELOAD_FLAG}` (a boolean flag takes its value as `--{RELOAD_FLAG}={}`): kube-apiserver takes no positional arguments and exits at start",
                    next.value, next.value
                ),
                Some(format!("write `--{RELOAD_FLAG}={}`", next.value)),
            );
        }
    }
    for o in flags::occurrences(&pod.argv, GATES_FLAG, false) {
        let problem = match &o.value {
            None => Err(format!("flag needs an argument: --{GATES_FLAG}")),
            Some(value) => gates::apply(&mut options, value),
        };
        if let Err(problem) = problem {
            found.add(
                "flag-value-invalid",
                o.span(),
                format!("`--{GATES_FLAG}`: {problem}: kube-apiserver exits at start"),
                None,
            );
        }
    }
    options
}

/// The configuration file on the node, or the finding that says why there is none to check.
fn config_file(pod: &ApiserverPod, found: &mut Findings) -> Result<Option<ConfigFile>, String> {
    let occurrences = flags::occurrences(&pod.argv, CONFIG_FLAG, false);
    let Some(flag) = occurrences.last() else {
        found.add(
            "encryption-config-flag-missing",
            span_of(&pod.container),
            format!(
                "container `{}` runs kube-apiserver without `--{CONFIG_FLAG}`: encryption at rest is off, and Secrets are stored in etcd as plain text",
                pod.container.value
            ),
            Some(format!("write an EncryptionConfiguration, mount it with a hostPath volume and pass `--{CONFIG_FLAG}=<its path in the container>`")),
        );
        return Ok(None);
    };
    let path = match flag.value.as_deref() {
        None => {
            found.add(
                "flag-value-invalid",
                flag.span(),
                format!("flag needs an argument: --{CONFIG_FLAG}: kube-apiserver exits at start"),
                None,
            );
            return Ok(None);
        }
        Some("") => {
            found.add(
                "encryption-config-flag-missing",
                flag.span(),
                format!("`--{CONFIG_FLAG}` is empty: encryption at rest is off"),
                None,
            );
            return Ok(None);
        }
        Some(path) => path,
    };
    let container = &pod.container.value;
    match mounts::resolve(path, pod.working_dir.as_deref(), &pod.mounts, &pod.volumes) {
        Resolution::Host {
            path: on_node,
            mount,
            volume,
        } => match std::fs::metadata(&on_node) {
            Ok(meta) if meta.is_file() => Ok(Some(ConfigFile {
                in_container: path.to_string(),
                on_node,
            })),
            Ok(_) => {
                found.add(
                    "encryption-config-missing-on-node",
                    flag.span(),
                    format!("`{path}` is {on_node} on the node (volume `{}`), which is a directory, not a file: kube-apiserver exits at start", volume.name),
                    None,
                );
                Ok(None)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                found.add(
                    "encryption-config-missing-on-node",
                    flag.span(),
                    format!("`{path}` is {on_node} on the node (volume `{}` mounted at {}), and that file does not exist: kube-apiserver exits at start", volume.name, mount.mount_path.value),
                    Some("create the file on every control-plane node, and run `enccfg check --from-manifest` on the node itself (the paths are the node's)".into()),
                );
                Ok(None)
            }
            Err(e) => Err(format!(
                "cannot read `{on_node}` (`{path}` in the container): {e}"
            )),
        },
        Resolution::NotMounted => {
            found.add(
                "encryption-config-not-mounted",
                flag.span(),
                format!("`--{CONFIG_FLAG}` names {path}, which no volume mount of container `{container}` covers: the file does not exist inside the container, so kube-apiserver exits at start and the Pod crash-loops"),
                Some(format!("mount the directory that holds it: a `volumeMounts` item (mountPath: {}, readOnly: true) and a `hostPath` volume with the directory on the node", parent(path))),
            );
            Ok(None)
        }
        Resolution::VolumeMissing { mount } => {
            found.add(
                "encryption-config-volume-missing",
                span_of(&mount.mount_path),
                format!("the volume mount at {} (which holds {path}) names volume `{}`, which the Pod does not define: kubelet does not start the Pod", mount.mount_path.value, mount.name),
                Some(format!("add a `hostPath` volume named `{}` under spec.volumes", mount.name)),
            );
            Ok(None)
        }
        Resolution::NotHostPath { mount, volume } => {
            let source = match &volume.source {
                pod::VolumeSource::Other(kind) => kind.as_str(),
                pod::VolumeSource::HostPath(_) => "hostPath",
            };
            found.add(
                "encryption-config-not-host-path",
                span_of(&mount.mount_path),
                format!("{path} comes from volume `{}` (a `{source}` volume), not from a file of the node: enccfg cannot read it here", volume.name),
                Some("check that file itself with `enccfg check FILE`".into()),
            );
            Ok(None)
        }
    }
}

/// The directory of a path (`/etc/kubernetes/enc/enc.yaml` → `/etc/kubernetes/enc`).
fn parent(path: &str) -> &str {
    match path.rsplit_once('/') {
        Some(("", _)) | None => "/",
        Some((dir, _)) => dir,
    }
}
