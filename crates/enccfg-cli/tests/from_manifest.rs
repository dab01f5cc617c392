//! `enccfg check --from-manifest` on static Pod manifests written here: the flags in both
//! forms, the version from the image tag, feature gates, directory and file mounts, and what
//! stops kube-apiserver (a path no volume mounts, a file missing on the node) or leaves
//! encryption off (no flag).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// Accepted by every version: one secretbox provider with a random key.
const CONFIG: &str = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: PNiTsrsV3+0XVek3cesxKKgdQ9174ZlZwWVEs2YPeEs=
";

/// Two KMS v1 providers with one name: refused from 1.29 unless `KMSv1=true`, and refused
/// with automatic reload (names must then be unique).
const KMS_V1: &str = "apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms: {name: a, endpoint: 'unix:///var/run/kms/a.sock'}
      - kms: {name: a, endpoint: 'unix:///var/run/kms/b.sock'}
";

/// A node: a scratch directory standing for its root.
struct Node(PathBuf);

impl Node {
    fn new(name: &str) -> Node {
        let dir = std::env::temp_dir().join(format!("enccfg-node-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Node(dir)
    }

    /// The node path of `path` (written without its leading `/`).
    fn path(&self, path: &str) -> String {
        self.0.join(path).to_string_lossy().into_owned()
    }

    fn write(&self, path: &str, text: &str) -> String {
        let full = self.0.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, text).unwrap();
        full.to_string_lossy().into_owned()
    }

    /// A kube-apiserver static Pod with `flags` after two ordinary ones, the `enc` volume
    /// mounted at `mount_path` from the node's `host_path`.
    fn manifest(&self, image: &str, flags: &[&str], mount_path: &str, host_path: &str) -> String {
        let flags: String = flags.iter().map(|f| format!("    - {f}\n")).collect();
        let text = format!(
            "apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - name: kube-apiserver
    image: {image}
    command:
    - kube-apiserver
    - --advertise-address=10.0.0.1
{flags}    - --secure-port=6443
    volumeMounts:
    - name: k8s-certs
      mountPath: /etc/kubernetes/pki
      readOnly: true
    - name: enc
      mountPath: {mount_path}
      readOnly: true
  volumes:
  - name: k8s-certs
    hostPath: {{path: /etc/kubernetes/pki, type: DirectoryOrCreate}}
  - name: enc
    hostPath: {{path: {host_path}, type: DirectoryOrCreate}}
"
        );
        self.write("etc/kubernetes/manifests/kube-apiserver.yaml", &text)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn enccfg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(args)
        .output()
        .expect("run enccfg")
}

fn check_json(manifest: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json", "--from-manifest", manifest];
    args.extend_from_slice(extra);
    let out = enccfg(&args);
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), v)
}

fn kinds(v: &Value) -> Vec<String> {
    v["manifest"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_flag_in_its_equals_form_through_a_directory_mount_with_the_image_version() {
    let node = Node::new("equals");
    let on_node = node.write("srv/enc/config.yaml", CONFIG);
    let manifest = node.manifest(
        "registry.k8s.io/kube-apiserver:v1.30.2",
        &["--encryption-provider-config=/etc/kubernetes/enc/config.yaml"],
        "/etc/kubernetes/enc",
        &node.path("srv/enc"),
    );
    let (code, v) = check_json(&manifest, &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["accepted"], true);
    let m = &v["manifest"];
    assert_eq!(m["kubernetes_version"], "1.30");
    assert_eq!(m["reload"], false);
    assert_eq!(
        m["config"]["in_container"],
        "/etc/kubernetes/enc/config.yaml"
    );
    assert_eq!(m["config"]["on_node"], on_node);
    assert_eq!(m["findings"], serde_json::json!([]));
    assert_eq!(v["files"][0]["path"], on_node);
    assert_eq!(v["files"][0]["accepted"], true);

    let text = String::from_utf8(enccfg(&["check", "--from-manifest", &manifest]).stdout).unwrap();
    assert!(
        text.contains(&format!("kube-apiserver 1.30 reads /etc/kubernetes/enc/config.yaml ({on_node} on this node), automatic reload off")),
        "{text}"
    );
    assert!(
        text.contains(&format!("kube-apiserver 1.30 would start with {on_node}")),
        "{text}"
    );
    assert!(
        text.ends_with("accepted: kube-apiserver would start with this Pod and the file it names (0 errors, 0 other findings)\n"),
        "{text}"
    );
}

#[test]
fn the_flag_in_its_space_form_through_a_file_mount_and_reload_and_gates_from_the_pod() {
    let node = Node::new("space");
    node.write("etc/kubernetes/enc.yaml", KMS_V1);
    let pod = |image: &str, extra: &[&str]| {
        let mut flags = vec!["--encryption-provider-config", "/etc/kubernetes/enc.yaml"];
        flags.extend_from_slice(extra);
        node.manifest(
            image,
            &flags,
            "/etc/kubernetes/enc.yaml",
            &node.path("etc/kubernetes/enc.yaml"),
        )
    };
    // The distinct codes of the errors.
    let codes = |v: &Value| -> Vec<String> {
        let mut codes: Vec<String> = v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        codes.dedup();
        codes
    };
    // 1.28 loads KMS v1 by default: accepted.
    let (code, v) = check_json(&pod("registry.k8s.io/kube-apiserver:v1.28.4", &[]), &[]);
    assert_eq!(
        (code, v["manifest"]["kubernetes_version"].as_str()),
        (0, Some("1.28")),
        "{v}"
    );
    // 1.29 does not, unless the Pod turns the gate on (in either form of the flag).
    let (code, v) = check_json(&pod("registry.k8s.io/kube-apiserver:v1.29.0", &[]), &[]);
    assert_eq!((code, codes(&v)), (1, vec!["EC0302".to_string()]));
    let (code, v) = check_json(
        &pod(
            "registry.k8s.io/kube-apiserver:v1.29.0",
            &["--feature-gates", "AllAlpha=false,KMSv1=true"],
        ),
        &[],
    );
    assert_eq!(
        (code, v["manifest"]["kmsv1_gate"].as_bool()),
        (0, Some(true)),
        "{v}"
    );
    // The boolean reload flag, written alone, turns reload on: duplicate names then refuse.
    let (code, v) = check_json(
        &pod(
            "registry.k8s.io/kube-apiserver:v1.28.4",
            &["--encryption-provider-config-automatic-reload"],
        ),
        &[],
    );
    assert_eq!(
        (code, v["manifest"]["reload"].as_bool()),
        (1, Some(true)),
        "{v}"
    );
    assert_eq!(codes(&v), ["EC0221"]);
    // `--reload=false` wins over the command line's --reload: the Pod decides.
    let (code, _) = check_json(
        &pod(
            "registry.k8s.io/kube-apiserver:v1.28.4",
            &["--encryption-provider-config-automatic-reload=false"],
        ),
        &["--reload"],
    );
    assert_eq!(code, 0);
}

#[test]
fn a_path_no_volume_mounts_is_a_crash_looping_apiserver_with_its_position() {
    let node = Node::new("unmounted");
    node.write("srv/enc/config.yaml", CONFIG);
    let manifest = node.manifest(
        "registry.k8s.io/kube-apiserver:v1.30.2",
        &["--encryption-provider-config=/etc/kubernetes/encryption/config.yaml"],
        "/etc/kubernetes/enc",
        &node.path("srv/enc"),
    );
    let (code, v) = check_json(&manifest, &[]);
    assert_eq!(code, 1);
    assert_eq!(v["accepted"], false);
    assert_eq!(kinds(&v), ["encryption-config-not-mounted"]);
    let finding = &v["manifest"]["findings"][0];
    assert_eq!(finding["severity"], "error");
    // The flag is the 13th line of the manifest, after `    - `.
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(13), Some(7))
    );
    assert_eq!(v["files"], serde_json::json!([]));
    let text = String::from_utf8(enccfg(&["check", "--from-manifest", &manifest]).stdout).unwrap();
    assert!(
        text.contains("error[encryption-config-not-mounted]: "),
        "{text}"
    );
    assert!(text.contains(&format!("--> {manifest}:13:7")), "{text}");
    assert!(text.contains("crash-loops"), "{text}");
    let github = String::from_utf8(
        enccfg(&["check", "--format", "github", "--from-manifest", &manifest]).stdout,
    )
    .unwrap();
    assert!(github.starts_with("::error file="), "{github}");
    assert!(github.contains(",line=13,col=7,"), "{github}");
    assert!(
        github.contains("title=encryption-config-not-mounted encryption-config-not-mounted::"),
        "{github}"
    );
}

#[test]
fn a_missing_flag_means_encryption_at_rest_is_off() {
    let node = Node::new("noflag");
    let manifest = node.manifest(
        "registry.k8s.io/kube-apiserver:v1.31.0",
        &[],
        "/etc/kubernetes/enc",
        &node.path("srv/enc"),
    );
    let (code, v) = check_json(&manifest, &[]);
    assert_eq!(code, 0, "kube-apiserver starts: {v}");
    assert_eq!(kinds(&v), ["encryption-config-flag-missing"]);
    assert_eq!(v["manifest"]["findings"][0]["severity"], "warning");
    assert!(v["manifest"]["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("encryption at rest is off"));
    assert_eq!(v["manifest"]["config"], Value::Null);
    let (code, _) = check_json(&manifest, &["--deny-warnings"]);
    assert_eq!(code, 1);
    let text = String::from_utf8(enccfg(&["check", "--from-manifest", &manifest]).stdout).unwrap();
    assert!(text.ends_with("accepted: kube-apiserver would start, but reads no encryption configuration (0 errors, 1 other finding)\n"), "{text}");
}

#[test]
fn a_file_missing_on_the_node_and_an_image_without_a_version_are_reported() {
    let node = Node::new("missingfile");
    std::fs::create_dir_all(node.path("srv/enc")).unwrap();
    let manifest = node.manifest(
        "my.registry:5000/kube-apiserver:latest",
        &["--encryption-provider-config=/etc/kubernetes/enc/config.yaml"],
        "/etc/kubernetes/enc",
        &node.path("srv/enc"),
    );
    let (code, v) = check_json(&manifest, &["--kubernetes-version", "1.29"]);
    assert_eq!(code, 1);
    assert_eq!(
        kinds(&v),
        [
            "kubernetes-version-unknown",
            "encryption-config-missing-on-node"
        ]
    );
    assert_eq!(v["manifest"]["kubernetes_version"], "1.29");
    let message = v["manifest"]["findings"][1]["message"].as_str().unwrap();
    assert!(
        message.contains(&node.path("srv/enc/config.yaml")),
        "{message}"
    );
}

#[test]
fn what_is_not_an_apiserver_manifest_is_a_usage_error() {
    let node = Node::new("usage");
    let missing = node.path("nope.yaml");
    let out = enccfg(&["check", "--from-manifest", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains(&format!("`{missing}`")));
    let web = node.write(
        "web.yaml",
        "kind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n",
    );
    let out = enccfg(&["check", "--from-manifest", &web]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no container of this Pod runs kube-apiserver"));
    // A manifest and files at once: clap refuses the combination.
    assert_eq!(
        enccfg(&["check", "--from-manifest", &web, &web])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_missing_volume_a_secret_volume_bad_gates_and_a_stray_argument_are_findings() {
    let node = Node::new("kinds");
    let pod = |flags: &str, volumes: &str| {
        node.write(
            "kube-apiserver.yaml",
            &format!(
                "kind: Pod
spec:
  containers:
  - name: kube-apiserver
    image: registry.k8s.io/kube-apiserver:v1.32.1
    command: [kube-apiserver, --encryption-provider-config=/enc/config.yaml{flags}]
    volumeMounts:
    - {{name: enc, mountPath: /enc}}
  volumes:
{volumes}"
            ),
        )
    };
    let secret = "  - {name: enc, secret: {secretName: encryption}}\n";
    let (code, v) = check_json(&pod("", secret), &[]);
    assert_eq!(
        (code, kinds(&v)),
        (0, vec!["encryption-config-not-host-path".to_string()])
    );
    let (code, v) = check_json(&pod("", "  - {name: other, emptyDir: {}}\n"), &[]);
    assert_eq!(
        (code, kinds(&v)),
        (1, vec!["encryption-config-volume-missing".to_string()])
    );
    let (code, v) = check_json(&pod(", --feature-gates=KMSv1", secret), &[]);
    assert_eq!(code, 1);
    assert!(kinds(&v).contains(&"flag-value-invalid".to_string()), "{v}");
    let (code, v) = check_json(
        &pod(
            ", --encryption-provider-config-automatic-reload, 'true'",
            secret,
        ),
        &[],
    );
    assert_eq!(code, 1);
    assert!(kinds(&v).contains(&"stray-argument".to_string()), "{v}");
    assert_eq!(v["manifest"]["reload"], true);
}
