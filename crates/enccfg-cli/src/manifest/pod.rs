//! Reads kube-apiserver's static Pod manifest (YAML) into what `--from-manifest` needs: the
//! container that runs kube-apiserver, its image, its arguments, its volume mounts and the
//! Pod's volumes, each with its position in the manifest.

use saphyr::{LoadableYamlNode, MarkedYaml};

/// A value and where it is written (1-based line and column, in characters; end exclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub start: (u32, u32),
    pub end: (u32, u32),
}

/// One `volumeMounts` item of the container.
#[derive(Debug, PartialEq, Eq)]
pub struct Mount {
    pub name: String,
    pub mount_path: Located<String>,
    pub sub_path: Option<String>,
}

/// Where one of the Pod's volumes comes from.
#[derive(Debug, PartialEq, Eq)]
pub enum VolumeSource {
    /// A file or directory of the node.
    HostPath(String),
    /// Any other volume type (`secret`, `configMap`, `emptyDir`, …): its field name.
    Other(String),
}

/// One `volumes` item of the Pod.
#[derive(Debug, PartialEq, Eq)]
pub struct Volume {
    pub name: String,
    pub source: VolumeSource,
}

/// The kube-apiserver container of a static Pod.
#[derive(Debug)]
pub struct ApiserverPod {
    /// The container's `name` (where findings about the container as a whole point).
    pub container: Located<String>,
    pub image: Option<Located<String>>,
    /// Its arguments: `command` after the program, then `args`.
    pub argv: Vec<Located<String>>,
    pub working_dir: Option<String>,
    pub mounts: Vec<Mount>,
    pub volumes: Vec<Volume>,
}

/// Why a manifest cannot be read as kube-apiserver's static Pod.
#[derive(Debug, PartialEq, Eq)]
pub struct NotAPod {
    /// Line and column, when one place is to blame.
    pub at: Option<(u32, u32)>,
    pub message: String,
}

impl NotAPod {
    fn new(message: &str) -> Self {
        NotAPod {
            at: None,
            message: message.to_string(),
        }
    }
}

/// Parses `text`, or says why it is not a Pod with a kube-apiserver container.
pub fn parse(text: &str) -> Result<ApiserverPod, NotAPod> {
    let docs = MarkedYaml::load_from_str(text).map_err(|e| NotAPod {
        at: Some((
            u32::try_from(e.marker().line()).unwrap_or(u32::MAX),
            u32::try_from(e.marker().col() + 1).unwrap_or(u32::MAX),
        )),
        message: format!("invalid YAML: {}", e.info()),
    })?;
    let Some(root) = docs.first() else {
        return Err(NotAPod::new("the manifest is empty"));
    };
    if let Some(kind) = str_at(root, "kind").filter(|k| k.value != "Pod") {
        return Err(NotAPod {
            at: Some(kind.start),
            message: format!(
                "`kind: {}`: --from-manifest reads kube-apiserver's static Pod (`kind: Pod`)",
                kind.value
            ),
        });
    }
    let spec = root.data.as_mapping_get("spec");
    let containers = spec
        .and_then(|s| s.data.as_mapping_get("containers"))
        .and_then(|c| c.data.as_sequence())
        .ok_or_else(|| NotAPod::new("the manifest has no `spec.containers` list: is it a Pod?"))?;
    let container = pick_apiserver(containers).ok_or_else(|| NotAPod::new(
        "no container of this Pod runs kube-apiserver (looked for a `kube-apiserver` command, a container named `kube-apiserver` and a kube-apiserver image)",
    ))?;
    let mut argv = strings(container.data.as_mapping_get("command"));
    if !argv.is_empty() {
        argv.remove(0);
    }
    argv.extend(strings(container.data.as_mapping_get("args")));
    let name = str_at(container, "name").unwrap_or_else(|| Located {
        value: String::new(),
        start: start_of(container),
        end: start_of(container),
    });
    Ok(ApiserverPod {
        container: name,
        image: str_at(container, "image"),
        argv,
        working_dir: str_at(container, "workingDir").map(|w| w.value),
        mounts: items(container.data.as_mapping_get("volumeMounts"))
            .filter_map(|m| {
                Some(Mount {
                    name: str_at(m, "name")?.value,
                    mount_path: str_at(m, "mountPath")?,
                    sub_path: str_at(m, "subPath")
                        .map(|s| s.value)
                        .filter(|s| !s.is_empty()),
                })
            })
            .collect(),
        volumes: items(spec.and_then(|s| s.data.as_mapping_get("volumes")))
            .filter_map(volume)
            .collect(),
    })
}

/// The container that runs kube-apiserver: by its command, else its name, else its image.
fn pick_apiserver<'a, 'i>(containers: &'a [MarkedYaml<'i>]) -> Option<&'a MarkedYaml<'i>> {
    let runs = |c: &&MarkedYaml<'_>| {
        strings(c.data.as_mapping_get("command"))
            .first()
            .is_some_and(|program| basename(&program.value) == "kube-apiserver")
    };
    let named =
        |c: &&MarkedYaml<'_>| str_at(c, "name").is_some_and(|n| n.value == "kube-apiserver");
    let image = |c: &&MarkedYaml<'_>| {
        str_at(c, "image").is_some_and(|i| image_name(&i.value).starts_with("kube-apiserver"))
    };
    containers
        .iter()
        .find(runs)
        .or_else(|| containers.iter().find(named))
        .or_else(|| containers.iter().find(image))
}

fn volume(node: &MarkedYaml<'_>) -> Option<Volume> {
    let name = str_at(node, "name")?.value;
    let mapping = node.data.as_mapping()?;
    let source = match node
        .data
        .as_mapping_get("hostPath")
        .and_then(|h| h.data.as_mapping_get("path"))
        .and_then(|p| p.data.as_str())
    {
        Some(path) => VolumeSource::HostPath(path.to_string()),
        None => VolumeSource::Other(
            mapping
                .iter()
                .filter_map(|(k, _)| k.data.as_str())
                .find(|k| *k != "name")
                .unwrap_or("(none)")
                .to_string(),
        ),
    };
    Some(Volume { name, source })
}

/// The last path segment of a program (`/usr/local/bin/kube-apiserver` → `kube-apiserver`).
fn basename(program: &str) -> &str {
    program.rsplit('/').next().unwrap_or(program)
}

/// An image reference without registry, tag and digest
/// (`registry.k8s.io/kube-apiserver:v1.30.2` → `kube-apiserver`).
pub fn image_name(image: &str) -> &str {
    let last = image.rsplit('/').next().unwrap_or(image);
    let last = last.split('@').next().unwrap_or(last);
    last.split(':').next().unwrap_or(last)
}

/// An image reference's tag (`registry.k8s.io/kube-apiserver:v1.30.2@sha256:…` → `v1.30.2`).
pub fn image_tag(image: &str) -> Option<&str> {
    let last = image.rsplit('/').next().unwrap_or(image);
    let last = last.split('@').next().unwrap_or(last);
    last.split_once(':').map(|(_, tag)| tag)
}

fn items<'a, 'i>(node: Option<&'a MarkedYaml<'i>>) -> impl Iterator<Item = &'a MarkedYaml<'i>> {
    node.and_then(|n| n.data.as_sequence())
        .into_iter()
        .flatten()
}

/// The string items of a list (numbers and booleans as written are not arguments kubelet
/// would accept, so they are skipped).
fn strings(node: Option<&MarkedYaml<'_>>) -> Vec<Located<String>> {
    items(node).filter_map(located_str).collect()
}

fn str_at(node: &MarkedYaml<'_>, key: &str) -> Option<Located<String>> {
    node.data.as_mapping_get(key).and_then(located_str)
}

fn located_str(node: &MarkedYaml<'_>) -> Option<Located<String>> {
    Some(Located {
        value: node.data.as_str()?.to_string(),
        start: start_of(node),
        end: (
            u32::try_from(node.span.end.line()).unwrap_or(u32::MAX),
            u32::try_from(node.span.end.col() + 1).unwrap_or(u32::MAX),
        ),
    })
}

fn start_of(node: &MarkedYaml<'_>) -> (u32, u32) {
    (
        u32::try_from(node.span.start.line()).unwrap_or(u32::MAX),
        u32::try_from(node.span.start.col() + 1).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
spec:
  containers:
    - name: sidecar
      image: busybox
      command: [sleep, infinity]
    - name: apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --encryption-provider-config=/etc/kubernetes/enc/config.yaml
      args: [\"--v=2\"]
      volumeMounts:
        - name: enc
          mountPath: /etc/kubernetes/enc
          readOnly: true
  volumes:
    - name: enc
      hostPath: {path: /srv/enc, type: DirectoryOrCreate}
    - name: tokens
      secret: {secretName: t}
";

    #[test]
    fn the_container_running_kube_apiserver_is_read_with_positions() {
        let pod = parse(POD).unwrap();
        assert_eq!(pod.container.value, "apiserver");
        assert_eq!(pod.container.start, (10, 13));
        let argv: Vec<&str> = pod.argv.iter().map(|a| a.value.as_str()).collect();
        assert_eq!(
            argv,
            [
                "--encryption-provider-config=/etc/kubernetes/enc/config.yaml",
                "--v=2"
            ]
        );
        assert_eq!(pod.argv[0].start, (14, 11));
        assert_eq!(pod.mounts[0].mount_path.value, "/etc/kubernetes/enc");
        assert_eq!(
            pod.volumes[0].source,
            VolumeSource::HostPath("/srv/enc".into())
        );
        assert_eq!(pod.volumes[1].source, VolumeSource::Other("secret".into()));
    }

    #[test]
    fn image_references_give_name_and_tag() {
        for (image, name, tag) in [
            (
                "registry.k8s.io/kube-apiserver:v1.30.2",
                "kube-apiserver",
                Some("v1.30.2"),
            ),
            (
                "my.registry:5000/k8s/kube-apiserver-amd64:v1.29.0@sha256:abc",
                "kube-apiserver-amd64",
                Some("v1.29.0"),
            ),
            ("kube-apiserver@sha256:abc", "kube-apiserver", None),
            ("kube-apiserver", "kube-apiserver", None),
        ] {
            assert_eq!(image_name(image), name, "{image}");
            assert_eq!(image_tag(image), tag, "{image}");
        }
    }

    #[test]
    fn what_is_not_an_apiserver_pod_is_said_so() {
        assert_eq!(
            parse("").unwrap_err(),
            NotAPod::new("the manifest is empty")
        );
        let deployment = parse("kind: Deployment\nspec: {}\n").unwrap_err();
        assert_eq!(deployment.at, Some((1, 7)));
        assert!(deployment.message.starts_with("`kind: Deployment`"));
        let broken = parse("a: [\n").unwrap_err();
        assert!(broken.message.contains("invalid YAML") && broken.at.is_some());
        assert!(
            parse("kind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx\n")
                .unwrap_err()
                .message
                .contains("no container of this Pod runs kube-apiserver")
        );
    }
}
