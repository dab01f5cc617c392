//! `.pre-commit-hooks.yaml` (read by the pre-commit framework) parses, and each hook names an
//! entry that exists and checks files; the `repo: local` form in docs/cli.md does too.

use std::path::{Path, PathBuf};
use std::process::Command;

use saphyr::{LoadableYamlNode, Yaml};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The hooks of a YAML list: (id, entry, language, files).
fn hooks(list: &Yaml<'_>) -> Vec<[String; 4]> {
    let field = |hook: &Yaml<'_>, key: &str| {
        hook.as_mapping_get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("hook without `{key}`"))
            .to_string()
    };
    list.as_sequence()
        .expect("a list of hooks")
        .iter()
        .map(|h| {
            [
                field(h, "id"),
                field(h, "entry"),
                field(h, "language"),
                field(h, "files"),
            ]
        })
        .collect()
}

/// A valid file whose name the hooks' default `files:` pattern matches.
fn sample(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("enccfg-precommit-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("encryption-config.yaml");
    std::fs::write(
        &file,
        "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys:\n            - name: k\n              secret: PvmipwYroqm/VNrIC1Lnh/OmtjBEzSKdDkRKt3x9FnM=\n",
    )
    .unwrap();
    file
}

/// Runs a `system` hook's entry as pre-commit would (its words, then the file), with the
/// `enccfg` this test run built.
fn run_system_entry(entry: &str, file: &Path) -> i32 {
    let mut words = entry.split_whitespace();
    assert_eq!(
        words.next(),
        Some("enccfg"),
        "the installed binary is `enccfg`"
    );
    Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(words)
        .arg(file)
        .status()
        .unwrap()
        .code()
        .unwrap()
}

#[test]
fn the_hooks_file_names_entries_that_exist_and_check_files() {
    let text = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    let docs = Yaml::load_from_str(&text).unwrap();
    let hooks = hooks(&docs[0]);
    let ids: Vec<&str> = hooks.iter().map(|h| h[0].as_str()).collect();
    assert_eq!(ids, ["enccfg-check", "enccfg-check-system"]);
    let file = sample("hooks");
    for [id, entry, language, files] in &hooks {
        assert!(files.contains("encryption"), "{id}: {files}");
        match language.as_str() {
            "script" => {
                // pre-commit runs a script entry from the hook repository's root.
                let script = repo().join(entry);
                let mode = std::fs::metadata(&script)
                    .unwrap_or_else(|e| panic!("{id}: {entry}: {e}"))
                    .permissions();
                assert!(
                    std::os::unix::fs::PermissionsExt::mode(&mode) & 0o111 != 0,
                    "{entry} is not executable"
                );
                let body = std::fs::read_to_string(&script).unwrap();
                let manifest = "crates/enccfg-cli/Cargo.toml";
                assert!(body.contains(manifest) && repo().join(manifest).is_file());
                assert!(body.contains("--bin enccfg -- check \"$@\""), "{body}");
            }
            "system" => assert_eq!(run_system_entry(entry, &file), 0, "{id}"),
            other => panic!("{id}: unexpected language {other}"),
        }
    }
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}

#[test]
fn the_local_hook_in_the_docs_runs_enccfg_check() {
    let docs = std::fs::read_to_string(repo().join("docs/cli.md")).unwrap();
    let block = docs
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split_once("```").map(|(yaml, _)| yaml))
        .find(|yaml| yaml.contains("repo: local"))
        .expect("a ```yaml block with `repo: local` in docs/cli.md");
    let config = Yaml::load_from_str(block).unwrap();
    let repos = config[0].as_mapping_get("repos").unwrap();
    let local = &repos.as_sequence().unwrap()[0];
    assert_eq!(
        local.as_mapping_get("repo").and_then(|r| r.as_str()),
        Some("local")
    );
    let hooks = hooks(local.as_mapping_get("hooks").unwrap());
    let file = sample("docs");
    for [id, entry, language, _] in &hooks {
        assert_eq!(language, "system", "{id}");
        assert_eq!(run_system_entry(entry, &file), 0, "{id}");
    }
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}
