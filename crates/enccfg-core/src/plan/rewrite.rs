//! The rewrite step: commands that make kube-apiserver write every stored object of the
//! encrypted resources again, so that each is stored with the current writer. From 1.37 a
//! `StorageVersionMigration` (`storagemigration.k8s.io/v1`, GA and on by default; shape from
//! kubernetes/api `storagemigration/v1/types.go`: `spec.resource.{group,resource}`, conditions
//! `Running`/`Succeeded`/`Failed`) per resource; before, `kubectl get … -o json | kubectl
//! replace -f -` (facts §11.4).

use super::wizard::Command;
use crate::validate::parse_group_resource;

/// The first minor version whose StorageVersionMigration API is GA and on by default.
pub(crate) const SVM_GA_MINOR: u32 = 37;

/// A word safe in a shell command without quotes, else single-quoted.
fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// A DNS-1123 name for the migration of `resource` in `group`.
fn migration_name(resource: &str, group: &str) -> String {
    let raw = if group.is_empty() {
        format!("encryption-rewrite-{resource}")
    } else {
        format!("encryption-rewrite-{resource}.{group}")
    };
    let name: String = raw
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    name.chars()
        .take(253)
        .collect::<String>()
        .trim_end_matches(['-', '.'])
        .to_string()
}

fn migration_yaml(name_field: &str, resource: &str, group: &str) -> String {
    format!(
        "apiVersion: storagemigration.k8s.io/v1\nkind: StorageVersionMigration\nmetadata:\n  {name_field}\nspec:\n  resource:\n    group: \"{group}\"\n    resource: {resource}\n"
    )
}

/// `kubectl api-resources` limited to the group of a wildcard (`*.apps`, `*.`), or all (`*.*`).
fn api_resources(group: &str) -> String {
    let group_flag = match group {
        "*" => String::new(),
        "" => " --api-group=''".into(),
        g => format!(" --api-group={}", shell_word(g)),
    };
    format!("kubectl api-resources{group_flag} --verbs=list,update -o name")
}

/// Commands that rewrite every object of `resources` (rule names as written) on `minor`.
pub(crate) fn commands(resources: &[String], minor: u32) -> (Vec<Command>, Vec<String>) {
    let svm = minor >= SVM_GA_MINOR;
    let mut commands = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for name in resources {
        let (resource, group) = parse_group_resource(name.trim());
        if resource.is_empty() || seen.contains(&(resource.to_string(), group.to_string())) {
            continue;
        }
        seen.push((resource.to_string(), group.to_string()));
        let wildcard = resource == "*";
        match (svm, wildcard) {
            (false, false) => {
                let kubectl_name = if group.is_empty() {
                    resource.to_string()
                } else {
                    format!("{resource}.{group}")
                };
                commands.push(Command {
                    label: format!("rewrite every `{name}`"),
                    text: format!(
                        "kubectl get {} --all-namespaces -o json | kubectl replace -f -",
                        shell_word(&kubectl_name)
                    ),
                });
            }
            (false, true) => commands.push(Command {
                label: format!("rewrite every resource `{name}` covers"),
                text: format!(
                    "{} | while read -r r; do\n  kubectl get \"$r\" --all-namespaces -o json | kubectl replace -f -\ndone",
                    api_resources(group)
                ),
            }),
            (true, false) => {
                let migration = migration_name(resource, group);
                commands.push(Command {
                    label: format!("ask the control plane to rewrite every `{name}`"),
                    text: format!(
                        "kubectl create -f - <<'EOF'\n{}EOF",
                        migration_yaml(&format!("name: {migration}"), resource, group)
                    ),
                });
                commands.push(Command {
                    label: format!("wait until every `{name}` was rewritten"),
                    text: format!(
                        "kubectl wait --for=condition=Succeeded --timeout=1h storageversionmigration/{migration}"
                    ),
                });
            }
            (true, true) => {
                commands.push(Command {
                    label: format!("ask the control plane to rewrite every resource `{name}` covers"),
                    text: format!(
                        "{} | while read -r r; do\n  resource=${{r%%.*}}; group=${{r#\"$resource\"}}; group=${{group#.}}\n  kubectl create -f - <<EOF\n{}EOF\ndone",
                        api_resources(group),
                        migration_yaml("generateName: encryption-rewrite-", "${resource}", "${group}")
                    ),
                });
            }
        }
    }
    let mut notes = Vec::new();
    if svm {
        commands.push(Command {
            label: "see how each migration went".into(),
            text: "kubectl get storageversionmigrations -o custom-columns='NAME:.metadata.name,RESOURCE:.spec.resource.resource,GROUP:.spec.resource.group,SUCCEEDED:.status.conditions[?(@.type==\"Succeeded\")].status,FAILED:.status.conditions[?(@.type==\"Failed\")].status'".into(),
        });
        notes.push(format!(
            "1.{minor} has StorageVersionMigration (storagemigration.k8s.io/v1, GA in 1.37): each object asks the migration controller in kube-controller-manager to rewrite every object of one resource. Its status.conditions go Running, then Succeeded or Failed; after a failure, delete the migration and create it again."
        ));
    } else {
        notes.push("`kubectl replace` fails on objects changed between the get and the replace (\"the object has been modified; please apply your changes to the latest version\"): run the command again until it reports no error. It must cover every namespace (`--all-namespaces`); rewriting one namespace leaves the others under the old key.".into());
        notes.push(match minor {
            35..=36 => "StorageVersionMigration exists in this version only as beta (storagemigration.k8s.io/v1beta1) behind the StorageVersionMigrator feature gate, off by default; kubectl works on every version.".into(),
            30..=34 => "StorageVersionMigration exists in this version only as alpha (storagemigration.k8s.io/v1alpha1), off by default; kubectl works on every version.".into(),
            _ => "This version has no StorageVersionMigration API; kubectl works on every version.".into(),
        });
    }
    (commands, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_choose_the_rewrite() {
        let names = vec![
            "secrets".to_string(),
            "deployments.apps".to_string(),
            "secrets.".to_string(),
        ];
        let (old, old_notes) = commands(&names, 34);
        assert_eq!(old.len(), 2, "repeated names are rewritten once");
        assert_eq!(
            old[0].text,
            "kubectl get secrets --all-namespaces -o json | kubectl replace -f -"
        );
        assert!(old[1].text.starts_with("kubectl get deployments.apps "));
        assert!(old_notes[0].contains("the object has been modified"));
        let (new, _) = commands(&names, 37);
        assert!(new[0].text.contains("kind: StorageVersionMigration"));
        assert!(new[0].text.contains("group: \"\"\n    resource: secrets"));
        assert!(new[2]
            .text
            .contains("group: \"apps\"\n    resource: deployments"));
        assert!(new[3]
            .text
            .ends_with("storageversionmigration/encryption-rewrite-deployments.apps"));
    }

    #[test]
    fn wildcards_loop_over_the_api_resources() {
        let (cmds, _) = commands(&["*.".to_string(), "*.*".to_string()], 30);
        assert!(cmds[0]
            .text
            .starts_with("kubectl api-resources --api-group='' "));
        assert!(cmds[1]
            .text
            .starts_with("kubectl api-resources --verbs=list,update"));
        let (svm, _) = commands(&["*.apps".to_string()], 37);
        assert!(svm[0].text.contains("--api-group=apps") && svm[0].text.contains("generateName"));
        assert_eq!(shell_word("we ird"), "'we ird'");
    }
}
