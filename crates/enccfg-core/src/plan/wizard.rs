//! The rotation and migration wizard: for the user's own file and Kubernetes version, the
//! steps of one variant (rotate a local key, enable or disable encryption, move to KMS v2,
//! KMS v1 to v2, KMS v2 key rotation). Each step gives the file after it (a text edit of the
//! user's file, so comments stay), its diff, what to do on every control-plane node, how to
//! apply it (restart, or wait for the automatic reload and the metric to watch), and the
//! commands to run. Every step's file is checked: the order keeps every server able to read
//! what any server writes (facts §7.4, §11.4).

use super::keys::{key_item, key_sizes};
use super::loaded::Loaded;
use super::rewrite;
use super::seq_edit::{self, NewItem};
use crate::canonical::scalar;
use crate::decode::model::ProviderKind;
use crate::diagnostic::Edit;
use crate::fix::{edits, unified_diff};
use crate::options::{Options, KMSV1_GATE_MINOR};
use crate::syntax::Node;

/// The wizard's variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    RotateKey,
    Enable,
    Disable,
    LocalToKmsV2,
    KmsV1ToV2,
    KmsV2KeyRotation,
}

impl Variant {
    pub const ALL: [Variant; 6] = [
        Variant::RotateKey,
        Variant::Enable,
        Variant::Disable,
        Variant::LocalToKmsV2,
        Variant::KmsV1ToV2,
        Variant::KmsV2KeyRotation,
    ];

    /// The contract's value (`rotate-key`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::RotateKey => "rotate-key",
            Variant::Enable => "enable",
            Variant::Disable => "disable",
            Variant::LocalToKmsV2 => "local-to-kms-v2",
            Variant::KmsV1ToV2 => "kms-v1-to-v2",
            Variant::KmsV2KeyRotation => "kms-v2-key-rotation",
        }
    }

    pub fn parse(text: &str) -> Option<Variant> {
        Variant::ALL.into_iter().find(|v| v.as_str() == text)
    }

    /// In words, for a picker.
    pub fn title(self) -> &'static str {
        match self {
            Variant::RotateKey => "Rotate a local key (aescbc, aesgcm, secretbox)",
            Variant::Enable => "Enable encryption (identity → a provider)",
            Variant::Disable => "Disable encryption (decrypt everything)",
            Variant::LocalToKmsV2 => "Move from a local key to KMS v2",
            Variant::KmsV1ToV2 => "Move from KMS v1 to KMS v2",
            Variant::KmsV2KeyRotation => "Rotate the KMS v2 key (in the plugin)",
        }
    }

    /// Whether the variant needs a new local key from the caller.
    pub fn needs_key(self) -> bool {
        matches!(self, Variant::RotateKey | Variant::Enable)
    }

    /// Whether the variant needs a KMS v2 name and endpoint from the caller.
    pub fn needs_kms(self) -> bool {
        matches!(self, Variant::LocalToKmsV2 | Variant::KmsV1ToV2)
    }
}

/// A new local key made by the caller (random bytes, base64).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewKey {
    /// For `enable`: the provider to enable (`secretbox`, `aesgcm`, `aescbc`); `rotate-key`
    /// uses the provider it rotates.
    pub provider: String,
    pub name: String,
    pub secret: String,
}

/// The KMS v2 provider to move to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KmsTarget {
    pub name: String,
    pub endpoint: String,
}

/// What the wizard plans for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WizardInput<'a> {
    pub text: &'a str,
    /// The target kube-apiserver; `minor` chooses the commands (1.37 has StorageVersionMigration).
    pub options: Options,
    pub variant: Variant,
    pub key: Option<NewKey>,
    pub kms: Option<KmsTarget>,
}

/// A command to run, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub label: String,
    pub text: String,
}

/// One step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// 1-based.
    pub number: usize,
    pub title: String,
    /// What this step does and why now.
    pub what: String,
    /// The file after this step.
    pub yaml: String,
    /// From the file before this step (empty when the step does not change the file).
    pub diff: String,
    /// kube-apiserver (with the plan's options) accepts `yaml`.
    pub accepted: bool,
    /// What to do on every control-plane node (steps that change the file).
    pub on_every_node: Option<String>,
    /// How the change takes effect: restart, or automatic reload and what to watch.
    pub apply: Option<String>,
    pub commands: Vec<Command>,
    pub notes: Vec<String>,
}

/// The steps of one variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub variant: Variant,
    /// What the plan does, for the file it was made for.
    pub summary: String,
    /// The options every step was checked with (kms-v1-to-v2 turns the KMSv1 gate on).
    pub options: Options,
    pub steps: Vec<Step>,
}

/// Where the docs keep the file; commands use it as an example path.
const FILE_PATH: &str = "/etc/kubernetes/enc/enc.yaml";

/// Quoted for a flow collection when a plain scalar would end early there.
fn flow_scalar(s: &str) -> String {
    let plain = scalar(s);
    if plain.starts_with('"') || !s.contains([',', '[', ']', '{', '}', '?', '#']) {
        return plain;
    }
    let mut quoted = String::from('"');
    for c in s.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn identity_item() -> NewItem {
    NewItem {
        block: vec!["identity: {}".into()],
        flow: "{identity: {}}".into(),
    }
}

fn local_item(kind: &str, name: &str, secret: &str) -> NewItem {
    let key = key_item(name, secret);
    let mut block = vec![format!("{kind}:"), "  keys:".into()];
    let mut lines = key.block.iter();
    block.extend(lines.next().map(|first| format!("    - {first}")));
    block.extend(lines.map(|line| format!("      {line}")));
    NewItem {
        block,
        flow: format!("{{{kind}: {{keys: [{}]}}}}", key.flow),
    }
}

fn kms_v2_item(target: &KmsTarget) -> NewItem {
    NewItem {
        block: vec![
            "kms:".into(),
            "  apiVersion: v2".into(),
            format!("  name: {}", scalar(&target.name)),
            format!("  endpoint: {}", scalar(&target.endpoint)),
            "  timeout: 3s".into(),
        ],
        flow: format!(
            "{{kms: {{apiVersion: v2, name: {}, endpoint: {}, timeout: 3s}}}}",
            flow_scalar(&target.name),
            flow_scalar(&target.endpoint)
        ),
    }
}

/// What the writer of an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writer {
    Identity,
    Local(ProviderKind),
    KmsV1,
    KmsV2,
}

fn writer_of(loaded: &Loaded<'_>, entry: usize) -> Option<Writer> {
    let provider = loaded.provider(entry, 0)?;
    let (kind, _) = provider.first_kind()?;
    Some(match kind {
        ProviderKind::Identity => Writer::Identity,
        ProviderKind::Kms => {
            let version = &provider.kms.as_ref()?.value.defaults.api_version;
            if version == "v1" {
                Writer::KmsV1
            } else {
                Writer::KmsV2
            }
        }
        other => Writer::Local(other),
    })
}

/// The first entry whose writer fits `wanted`.
fn entry_where(loaded: &Loaded<'_>, wanted: impl Fn(Writer) -> bool) -> Option<usize> {
    let count = loaded.config.as_ref()?.resources_list().len();
    (0..count).find(|&e| writer_of(loaded, e).is_some_and(&wanted))
}

fn providers_seq<'l>(loaded: &'l Loaded<'_>, entry: usize) -> Result<&'l Node, String> {
    let field = loaded
        .config
        .as_ref()
        .and_then(|c| c.resources_list().get(entry))
        .and_then(|e| e.providers.as_ref())
        .ok_or("the entry lost its providers")?;
    let root = loaded.root.as_ref().ok_or("the file does not parse")?;
    seq_edit::sequence_at(root, field.value_range)
        .ok_or_else(|| "its `providers:` is not a list this wizard can edit".into())
}

fn keys_seq<'l>(loaded: &'l Loaded<'_>, entry: usize) -> Result<&'l Node, String> {
    let provider = loaded
        .provider(entry, 0)
        .ok_or("the entry lost its writer")?;
    let body = [&provider.aescbc, &provider.aesgcm, &provider.secretbox]
        .into_iter()
        .flatten()
        .next()
        .ok_or("the writer is not a local key provider")?;
    let keys = body
        .value
        .keys
        .as_ref()
        .ok_or("the writer has no `keys:` list")?;
    let root = loaded.root.as_ref().ok_or("the file does not parse")?;
    seq_edit::sequence_at(root, keys.value_range)
        .ok_or_else(|| "its `keys:` is not a list this wizard can edit".into())
}

fn cannot_edit() -> String {
    "the layout of this file is one the wizard cannot edit safely (try Export → canonical form first)".into()
}

/// Builds the steps, checking each file.
struct Builder {
    options: Options,
    minor: u32,
    current: String,
    steps: Vec<Step>,
}

impl Builder {
    fn loaded(&self) -> Loaded<'_> {
        Loaded::new(&self.current, &self.options)
    }

    fn apply_text(&self) -> (String, Vec<Command>) {
        let minor = self.minor;
        let mut commands = vec![Command {
            label: "install the file, readable only by kube-apiserver's user (on each node)".into(),
            text: format!("install -m 600 -o root -g root encryption-config.yaml {FILE_PATH}"),
        }];
        if !self.options.reload {
            commands.push(Command {
                label: "restart kube-apiserver (kubeadm static pod; one node at a time)".into(),
                text: "mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/ && sleep 20 && mv /tmp/kube-apiserver.yaml /etc/kubernetes/manifests/".into(),
            });
            commands.push(Command {
                label: "wait until this server is ready before the next node".into(),
                text: "kubectl --server https://<node-address>:6443 get --raw='/readyz?verbose'"
                    .into(),
            });
            return (
                "Restart kube-apiserver on every control-plane node, one node at a time, and wait until each is ready before the next: it reads the file only at start.".into(),
                commands,
            );
        }
        let metric = match minor {
            34.. => {
                commands.push(Command {
                    label: "the file's hash (on each node)".into(),
                    text: format!("sha256sum {FILE_PATH}"),
                });
                commands.push(Command {
                    label: "the hash each server loaded: hash=\"sha256:<the same hex>\"".into(),
                    text: "kubectl --server https://<node-address>:6443 get --raw /metrics | grep apiserver_encryption_config_controller_last_config_info".into(),
                });
                "`apiserver_encryption_config_controller_last_config_info{hash=\"sha256:…\"}` shows the new file's SHA-256 on every server, and `apiserver_encryption_config_controller_automatic_reloads_total{status=\"success\"}` grew (a `status=\"failure\"` increase means the server refused the file and kept the old one)"
            }
            30..=33 => {
                commands.push(Command {
                    label: "reloads on this server (status=\"success\" must grow)".into(),
                    text: "kubectl --server https://<node-address>:6443 get --raw /metrics | grep apiserver_encryption_config_controller_automatic_reload".into(),
                });
                "`apiserver_encryption_config_controller_automatic_reloads_total{status=\"success\"}` grew on every server (`status=\"failure\"` means it refused the file and kept the old one)"
            }
            28..=29 => {
                commands.push(Command {
                    label: "reloads on this server".into(),
                    text: "kubectl --server https://<node-address>:6443 get --raw /metrics | grep apiserver_encryption_config_controller_automatic_reload".into(),
                });
                "`apiserver_encryption_config_controller_automatic_reload_success_total` grew on every server (`…_failures_total` means it refused the file)"
            }
            _ => "kube-apiserver's log on every server says the new configuration was loaded (1.27 has no reload metric)",
        };
        let poll = if minor >= 29 {
            "polls the file every minute"
        } else {
            "watches the file"
        };
        (
            format!(
                "No restart: with automatic reload each kube-apiserver {poll}, loads a changed file, and keeps the old configuration if the new one is refused. Before the next step, check that {metric}. (`kubectl get --raw` asks whichever server the load balancer picks: ask each by its own address.)"
            ),
            commands,
        )
    }

    fn file_step(
        &mut self,
        title: &str,
        what: String,
        next: String,
        node: &str,
        mut notes: Vec<String>,
    ) {
        let diff = unified_diff(&self.current, &next, "encryption-config.yaml");
        let accepted = crate::analysis::analyze(&next, &self.options).accepted;
        let (apply, commands) = self.apply_text();
        notes.retain(|n| !n.is_empty());
        self.current = next;
        self.steps.push(Step {
            number: self.steps.len() + 1,
            title: title.into(),
            what,
            yaml: self.current.clone(),
            diff,
            accepted,
            on_every_node: Some(format!(
                "Put this file on every control-plane node (the path --encryption-provider-config names) and apply it on all of them before the next step. {node}"
            )),
            apply: Some(apply),
            commands,
            notes,
        });
    }

    fn action_step(
        &mut self,
        title: &str,
        what: String,
        commands: Vec<Command>,
        notes: Vec<String>,
    ) {
        let accepted = crate::analysis::analyze(&self.current, &self.options).accepted;
        self.steps.push(Step {
            number: self.steps.len() + 1,
            title: title.into(),
            what,
            yaml: self.current.clone(),
            diff: String::new(),
            accepted,
            on_every_node: None,
            apply: None,
            commands,
            notes,
        });
    }

    /// The rewrite step for the resources of `entry`.
    fn rewrite_step(&mut self, entry: usize, why: &str) {
        let names: Vec<String> = self
            .loaded()
            .config
            .as_ref()
            .and_then(|c| c.resources_list().get(entry))
            .map(|e| e.resources_list().iter().map(|n| n.name.clone()).collect())
            .unwrap_or_default();
        let (commands, notes) = rewrite::commands(&names, self.minor);
        let list = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        self.action_step(
            "Rewrite every stored object",
            format!(
                "Nothing rewrites stored data by itself: each object stays as it was written until it is written again. Once every server has the previous step's file, rewrite every object of {list}, {why}. This is the step people miss; do not go on until it finished for every resource and namespace."
            ),
            commands,
            notes,
        );
    }

    /// Edits on a fresh load of the current text.
    fn edited(
        &self,
        make: impl FnOnce(&Loaded<'_>) -> Result<Vec<Edit>, String>,
    ) -> Result<String, String> {
        let loaded = self.loaded();
        let edits = make(&loaded)?;
        Ok(edits::apply(&self.current, &edits))
    }
}

fn insert_provider(
    loaded: &Loaded<'_>,
    entry: usize,
    index: usize,
    item: &NewItem,
) -> Result<Vec<Edit>, String> {
    let seq = providers_seq(loaded, entry)?;
    let insertion = seq_edit::insert(loaded.text, seq, index, item).ok_or_else(cannot_edit)?;
    Ok(vec![insertion.edit])
}

fn move_provider_first(
    loaded: &Loaded<'_>,
    entry: usize,
    from: usize,
) -> Result<Vec<Edit>, String> {
    let seq = providers_seq(loaded, entry)?;
    seq_edit::move_to_front(loaded.text, seq, from).ok_or_else(cannot_edit)
}

fn remove_providers(
    loaded: &Loaded<'_>,
    entry: usize,
    which: &[usize],
) -> Result<Vec<Edit>, String> {
    let seq = providers_seq(loaded, entry)?;
    let mut out = Vec::new();
    for &i in which {
        out.extend(seq_edit::remove(loaded.text, seq, i).ok_or_else(cannot_edit)?);
    }
    Ok(out)
}

fn provider_count(loaded: &Loaded<'_>, entry: usize) -> usize {
    loaded
        .config
        .as_ref()
        .and_then(|c| c.resources_list().get(entry))
        .map_or(0, |e| e.providers_list().len())
}

fn entry_words(loaded: &Loaded<'_>, entry: usize) -> String {
    let names: Vec<String> = loaded
        .config
        .as_ref()
        .and_then(|c| c.resources_list().get(entry))
        .map(|e| {
            e.resources_list()
                .iter()
                .map(|n| format!("`{}`", n.name))
                .collect()
        })
        .unwrap_or_default();
    format!("the rule for {} (entry {})", names.join(", "), entry + 1)
}

const READ_FIRST: &str = "Every kube-apiserver must be able to read with the new provider or key before any of them writes with it: a server that writes with something the others do not know makes those objects unreadable on them.";
const BOTH_READ: &str = "While servers differ, some write with the new provider or key and some with the old one; both files read both, so this is safe.";
const AFTER_REWRITE: &str = "Only after the rewrite finished on all data: objects still under what this step removes would become unreadable.";

/// The KMS names a file uses.
fn kms_names(loaded: &Loaded<'_>) -> Vec<String> {
    let Some(config) = &loaded.config else {
        return Vec::new();
    };
    config
        .resources_list()
        .iter()
        .flat_map(|e| e.providers_list())
        .filter_map(|p| p.kms.as_ref().map(|k| k.value.name_text().to_string()))
        .collect()
}

fn check_kms_target(loaded: &Loaded<'_>, target: &KmsTarget) -> Result<(), String> {
    if target.name.is_empty() || target.name.contains(':') {
        return Err("the KMS v2 name must be non-empty and must not contain `:`".into());
    }
    if kms_names(loaded).contains(&target.name) {
        return Err(format!(
            "the file already has a KMS provider named `{}`: KMS v2 names must be unique, and stored data names its provider, so pick a new name",
            target.name
        ));
    }
    if !target.endpoint.to_ascii_lowercase().starts_with("unix:") {
        return Err("the KMS endpoint must be a unix socket: `unix:///path/to/socket`".into());
    }
    Ok(())
}

fn plugin_step(b: &mut Builder, target: &KmsTarget) {
    let path = super::explain::dialed_path(&target.endpoint).unwrap_or_default();
    b.action_step(
        "Run the KMS v2 plugin on every control-plane node",
        format!(
            "Deploy the plugin for your KMS on every control-plane node, listening on `{}`, before any file names it. kube-apiserver starts even when the plugin is down, but cannot read or write data through it.",
            target.endpoint
        ),
        vec![Command {
            label: "the socket exists (on each node)".into(),
            text: format!("test -S {path} && echo plugin socket present"),
        }],
        vec![],
    );
}

/// The local provider `rotate-key` would rotate in `text` (`aescbc`, `aesgcm`, `secretbox`), so
/// that the caller can make a key of a size it takes.
pub fn rotated_provider(text: &str, options: &Options) -> Option<&'static str> {
    let loaded = Loaded::new(text, options);
    let entry = entry_where(&loaded, |w| matches!(w, Writer::Local(_)))?;
    match writer_of(&loaded, entry)? {
        Writer::Local(kind) => Some(kind.as_str()),
        _ => None,
    }
}

/// Plans `input.variant` for `input.text`.
pub fn plan(input: &WizardInput<'_>) -> Result<Plan, String> {
    let mut options = input.options;
    let minor = options.minor;
    if input.variant == Variant::KmsV1ToV2 && options.effective_minor() >= KMSV1_GATE_MINOR {
        options.kmsv1_gate = Some(true);
    }
    let start = Loaded::new(input.text, &options);
    if start.json {
        return Err("this file is JSON (it starts with `{`): write it as YAML (Export, canonical form) for the wizard to edit it".into());
    }
    if start.config.is_none() {
        return Err("the file does not decode: fix the errors shown first (every step keeps the file accepted)".into());
    }
    if let Some(first) = start.analysis.errors().next() {
        return Err(format!(
            "kube-apiserver would refuse the file as it is (line {}: {}): fix it first, since every step keeps the file accepted",
            first.start.line, first.message
        ));
    }
    let mut b = Builder {
        options,
        minor,
        current: input.text.to_string(),
        steps: Vec::new(),
    };
    let summary = match input.variant {
        Variant::RotateKey => rotate_key(&mut b, &start, input.key.as_ref())?,
        Variant::Enable => enable(&mut b, &start, input.key.as_ref())?,
        Variant::Disable => disable(&mut b, &start)?,
        Variant::LocalToKmsV2 => local_to_kms(&mut b, &start, input.kms.as_ref())?,
        Variant::KmsV1ToV2 => kms_v1_to_v2(&mut b, &start, input.kms.as_ref())?,
        Variant::KmsV2KeyRotation => kms_v2_rotation(&mut b, &start)?,
    };
    Ok(Plan {
        variant: input.variant,
        summary,
        options,
        steps: b.steps,
    })
}

fn key_or_err(key: Option<&NewKey>) -> Result<&NewKey, String> {
    key.ok_or_else(|| "this variant needs a new key: generate one first".into())
}

fn check_key(kind: &str, key: &NewKey) -> Result<(), String> {
    use base64::Engine;
    let len = base64::engine::general_purpose::STANDARD
        .decode(&key.secret)
        .map_err(|_| "the new key is not standard base64".to_string())?
        .len();
    if !key_sizes(kind).contains(&len) {
        return Err(format!(
            "a {kind} key must be {} bytes; the new key has {len}",
            key_sizes(kind)
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    if key.name.is_empty() {
        return Err("the new key needs a name".into());
    }
    Ok(())
}

fn rotate_key(b: &mut Builder, start: &Loaded<'_>, key: Option<&NewKey>) -> Result<String, String> {
    let entry = entry_where(start, |w| matches!(w, Writer::Local(_))).ok_or(
        "no rule of this file is written with an aescbc, aesgcm or secretbox key, so there is no local key to rotate (for KMS v2, pick kms-v2-key-rotation)",
    )?;
    let Some(Writer::Local(kind)) = writer_of(start, entry) else {
        return Err("no local writer".into());
    };
    let kind = kind.as_str();
    let key = key_or_err(key)?;
    check_key(kind, key)?;
    let old_name = start
        .provider(entry, 0)
        .and_then(|p| super::loaded::local_keys(p).first())
        .and_then(|k| k.name.as_ref().map(|f| f.value.clone()))
        .unwrap_or_default();
    if super::loaded::local_keys(start.provider(entry, 0).ok_or("no writer")?)
        .iter()
        .any(|k| k.name.as_ref().is_some_and(|f| f.value == key.name))
    {
        return Err(format!(
            "the {kind} provider already has a key named `{}`: a new key needs a new name",
            key.name
        ));
    }
    let where_ = entry_words(start, entry);
    let next = b.edited(|l| {
        let seq = keys_seq(l, entry)?;
        let ins = seq_edit::insert(l.text, seq, 1, &key_item(&key.name, &key.secret))
            .ok_or_else(cannot_edit)?;
        Ok(vec![ins.edit])
    })?;
    b.file_step(
        "Add the new key as a read key",
        format!(
            "Add `{}` as the second key of the {kind} provider of {where_}: every server can then read data written with it, while `{old_name}` still writes.",
            key.name
        ),
        next,
        READ_FIRST,
        vec![
            "The key was generated for you (in the page with WebCrypto, or by `enccfg keygen`); to make one on a node instead: `head -c 32 /dev/urandom | base64`. Back it up somewhere safe before the next step: data written with it is lost without it.".into(),
        ],
    );
    let next = b.edited(|l| {
        let seq = keys_seq(l, entry)?;
        seq_edit::move_to_front(l.text, seq, 1).ok_or_else(cannot_edit)
    })?;
    b.file_step(
        "Make the new key the writer",
        format!(
            "Move `{}` first: from now on new writes use it; `{old_name}` still reads older data.",
            key.name
        ),
        next,
        BOTH_READ,
        vec![],
    );
    b.rewrite_step(
        entry,
        &format!("so that no object stays under `{old_name}`"),
    );
    let next = b.edited(|l| {
        let seq = keys_seq(l, entry)?;
        seq_edit::remove(l.text, seq, 1).ok_or_else(cannot_edit)
    })?;
    let older: Vec<String> = Loaded::new(&next, &b.options)
        .provider(entry, 0)
        .map(|p| {
            super::loaded::local_keys(p)
                .iter()
                .skip(1)
                .filter_map(|k| k.name.as_ref().map(|f| format!("`{}`", f.value)))
                .collect()
        })
        .unwrap_or_default();
    let note = if older.is_empty() {
        String::new()
    } else {
        format!(
            "Older keys {} remain: once the rewrite above finished, nothing is stored under them either, and they can go too.",
            older.join(", ")
        )
    };
    b.file_step(
        "Remove the old key",
        format!("Remove `{old_name}`."),
        next,
        AFTER_REWRITE,
        vec![note],
    );
    Ok(format!(
        "Rotate the {kind} key of {where_} from `{old_name}` to `{}` without losing access to any object.",
        key.name
    ))
}

fn enable(b: &mut Builder, start: &Loaded<'_>, key: Option<&NewKey>) -> Result<String, String> {
    let entry = entry_where(start, |w| w == Writer::Identity).ok_or(
        "every rule of this file already encrypts what it writes: there is nothing to enable (load an example with `identity: {}` first, or pick another variant)",
    )?;
    let key = key_or_err(key)?;
    let kind = match key.provider.as_str() {
        "aescbc" | "aesgcm" | "secretbox" => key.provider.as_str(),
        other => return Err(format!("cannot enable `{other}`: pick secretbox, aesgcm or aescbc (or local-to-kms-v2 afterwards)")),
    };
    check_key(kind, key)?;
    let where_ = entry_words(start, entry);
    let item = local_item(kind, &key.name, &key.secret);
    let next = b.edited(|l| insert_provider(l, entry, 1, &item))?;
    b.file_step(
        "Add the encrypting provider after identity",
        format!("Add {kind} with the key `{}` after `identity` in {where_}: every server can then read data it encrypts, while new writes stay plaintext.", key.name),
        next,
        READ_FIRST,
        vec!["Back the new key up somewhere safe: data written with it is lost without it.".into()],
    );
    let next = b.edited(|l| move_provider_first(l, entry, 1))?;
    b.file_step(
        "Make it the writer",
        format!("Move {kind} first: new writes are encrypted; `identity` still reads the objects stored in plaintext."),
        next,
        BOTH_READ,
        vec![],
    );
    b.rewrite_step(entry, "so that every object is stored encrypted");
    let next = b.edited(|l| {
        let loaded_identity: Vec<usize> = l
            .config
            .as_ref()
            .and_then(|c| c.resources_list().get(entry))
            .map(|e| {
                e.providers_list()
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.identity.is_some())
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default();
        remove_providers(l, entry, &loaded_identity)
    })?;
    b.file_step(
        "Remove identity",
        "Remove `identity`: nothing is stored in plaintext any more, and a plaintext value would now be an error worth seeing.".into(),
        next,
        AFTER_REWRITE,
        vec![],
    );
    Ok(format!("Encrypt {where_} with {kind}, keeping every object readable on every server at every step."))
}

fn disable(b: &mut Builder, start: &Loaded<'_>) -> Result<String, String> {
    let entry = entry_where(start, |w| w != Writer::Identity)
        .ok_or("no rule of this file encrypts what it writes: there is nothing to disable")?;
    let where_ = entry_words(start, entry);
    let identity_at = |l: &Loaded<'_>| {
        l.config
            .as_ref()
            .and_then(|c| c.resources_list().get(entry))
            .and_then(|e| e.providers_list().iter().position(|p| p.identity.is_some()))
    };
    if identity_at(start).is_none() {
        let count = provider_count(start, entry);
        let next = b.edited(|l| insert_provider(l, entry, count, &identity_item()))?;
        b.file_step(
            "Add identity last",
            format!("Add `identity: {{}}` at the end of {where_}: every server can then read plaintext, while new writes are still encrypted."),
            next,
            READ_FIRST,
            vec![],
        );
    }
    let at = identity_at(&b.loaded()).ok_or("identity went missing")?;
    let next = b.edited(|l| move_provider_first(l, entry, at))?;
    b.file_step(
        "Make identity the writer",
        "Move `identity` first: new writes are stored in plaintext; the encrypting providers still read the encrypted objects.".into(),
        next,
        BOTH_READ,
        vec![],
    );
    b.rewrite_step(entry, "so that every object is stored in plaintext");
    let next = b.edited(|l| {
        let encrypting: Vec<usize> = l
            .config
            .as_ref()
            .and_then(|c| c.resources_list().get(entry))
            .map(|e| {
                e.providers_list()
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.identity.is_none())
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default();
        remove_providers(l, entry, &encrypting)
    })?;
    b.file_step(
        "Remove the encrypting providers",
        "Remove every encrypting provider of the rule: nothing is stored encrypted any more.".into(),
        next,
        AFTER_REWRITE,
        vec!["Afterwards the rule only says `identity`; you may drop it (or the whole --encryption-provider-config flag, with a restart) once no resource needs encryption.".into()],
    );
    Ok(format!("Decrypt everything {where_} covers, keeping every object readable on every server at every step."))
}

fn local_to_kms(
    b: &mut Builder,
    start: &Loaded<'_>,
    kms: Option<&KmsTarget>,
) -> Result<String, String> {
    let entry = entry_where(start, |w| matches!(w, Writer::Local(_)))
        .ok_or("no rule of this file is written with an aescbc, aesgcm or secretbox key: there is no local key to move away from")?;
    let target = kms.ok_or("this variant needs the KMS v2 provider's name and endpoint")?;
    check_kms_target(start, target)?;
    let where_ = entry_words(start, entry);
    plugin_step(b, target);
    let next = b.edited(|l| insert_provider(l, entry, 1, &kms_v2_item(target)))?;
    b.file_step(
        "Add the KMS v2 provider as a reader",
        format!("Add the KMS v2 provider `{}` second in {where_}: every server can then read data written through it.", target.name),
        next,
        READ_FIRST,
        vec![],
    );
    let next = b.edited(|l| move_provider_first(l, entry, 1))?;
    b.file_step(
        "Make KMS v2 the writer",
        format!("Move `{}` first: new writes go through the KMS; the local key still reads older data.", target.name),
        next,
        BOTH_READ,
        vec!["The KMS v2 name is part of every stored value's prefix (`k8s:enc:kms:v2:<name>:`): never change it once data is written.".into()],
    );
    b.rewrite_step(entry, "so that no object stays under the local key");
    let next = b.edited(|l| remove_providers(l, entry, &[1]))?;
    b.file_step(
        "Remove the local key provider",
        "Remove the former local-key provider: its key no longer protects anything and should not stay on the nodes.".into(),
        next,
        AFTER_REWRITE,
        vec![],
    );
    Ok(format!(
        "Move {where_} from a local key to the KMS v2 provider `{}`.",
        target.name
    ))
}

fn kms_v1_to_v2(
    b: &mut Builder,
    start: &Loaded<'_>,
    kms: Option<&KmsTarget>,
) -> Result<String, String> {
    let entry = entry_where(start, |w| w == Writer::KmsV1)
        .ok_or("no rule of this file is written by a KMS v1 provider: there is nothing to move")?;
    let target = kms.ok_or("this variant needs the KMS v2 provider's name and endpoint")?;
    check_kms_target(start, target)?;
    let where_ = entry_words(start, entry);
    if b.options.effective_minor() >= 29 {
        b.action_step(
            "Keep KMS v1 switched on while you migrate",
            "From 1.29 the KMSv1 feature gate is off by default and kube-apiserver refuses a file with a KMS v1 provider. Start every kube-apiserver with the gate on until the last step; every step here was checked with it on.".into(),
            vec![Command {
                label: "kube-apiserver flag (on each node)".into(),
                text: "--feature-gates=KMSv1=true".into(),
            }],
            vec![],
        );
    }
    plugin_step(b, target);
    let next = b.edited(|l| insert_provider(l, entry, 1, &kms_v2_item(target)))?;
    b.file_step(
        "Add the KMS v2 provider as a reader",
        format!("Add the KMS v2 provider `{}` second in {where_}, with its own name (stored data names its provider, so the v1 name cannot be reused).", target.name),
        next,
        READ_FIRST,
        vec![],
    );
    let next = b.edited(|l| move_provider_first(l, entry, 1))?;
    b.file_step(
        "Make KMS v2 the writer",
        format!(
            "Move `{}` first: new writes use KMS v2; KMS v1 still reads older data.",
            target.name
        ),
        next,
        BOTH_READ,
        vec![],
    );
    b.rewrite_step(entry, "so that no object stays under KMS v1");
    let next = b.edited(|l| remove_providers(l, entry, &[1]))?;
    b.file_step(
        "Remove the KMS v1 provider",
        "Remove the KMS v1 provider.".into(),
        next,
        AFTER_REWRITE,
        vec!["Then drop --feature-gates=KMSv1=true (if no other KMS v1 provider is left) and retire the v1 plugin.".into()],
    );
    Ok(format!(
        "Move {where_} from KMS v1 to the KMS v2 provider `{}`.",
        target.name
    ))
}

fn kms_v2_rotation(b: &mut Builder, start: &Loaded<'_>) -> Result<String, String> {
    let entry = entry_where(start, |w| w == Writer::KmsV2).ok_or(
        "no rule of this file is written by a KMS v2 provider: there is no KMS v2 key to rotate",
    )?;
    let where_ = entry_words(start, entry);
    let name = start
        .provider(entry, 0)
        .and_then(|p| p.kms.as_ref())
        .map(|k| k.value.name_text().to_string())
        .unwrap_or_default();
    let metrics = "kubectl --server https://<node-address>:6443 get --raw /metrics | grep -E 'apiserver_envelope_encryption_key_id_hash_(total|status_last_timestamp_seconds)'";
    b.action_step(
        "Rotate the key encryption key in the KMS",
        format!("Create a new key version in your KMS and make the plugin behind `{name}` use it. The file does not change and nothing restarts: the plugin's Status call returns the new key_id, kube-apiserver asks about every minute, and a changed key_id starts a new data-key seed."),
        vec![Command { label: "key ID hashes each server has seen".into(), text: metrics.into() }],
        vec!["Rotate the key encryption key at least every 90 days (Kubernetes docs).".into()],
    );
    b.action_step(
        "Wait until every server writes with the new key",
        "Wait 3 + N + M minutes: a server may go on writing with its last good seed for up to 3 minutes, N is how long the plugin takes to notice the new key, and M (at least 5 minutes) is a margin. The new key ID hash appears on every server.".into(),
        vec![Command { label: "when each server last saw each key ID".into(), text: metrics.into() }],
        vec![],
    );
    b.rewrite_step(
        entry,
        "so that no object stays under the old key encryption key",
    );
    b.action_step(
        "Retire the old key encryption key",
        "Only after the rewrite: disable (do not delete yet) the old key version in the KMS. An object still under it would fail with \"failed to decrypt DEK\"; re-enable it if that happens.".into(),
        vec![],
        vec![],
    );
    Ok(format!("Rotate the key encryption key behind the KMS v2 provider `{name}` of {where_}; the file stays as it is."))
}
