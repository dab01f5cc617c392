//! Rules on an entry's resource names: E1 (required), E2 (duplicates, overlaps), E3 (per name).

use rustc_hash::FxHashMap as HashMap;

use super::lower_case::go_lower_char;
use super::Validator;
use crate::decode::model::{Entry, ResourceName};
use crate::diagnostic::FieldErrorType;
use crate::field_path::FieldPath;
use crate::registry;

/// `ParseGroupResource`: split at the first `.`; no dot means the core group.
pub(crate) fn parse_group_resource(name: &str) -> (&str, &str) {
    name.split_once('.').unwrap_or((name, ""))
}

pub(crate) fn validate_entry_resources(v: &mut Validator, entry: &Entry, path: &FieldPath<'_>) {
    let names = entry.resources_list();
    if names.is_empty() {
        let range = entry
            .resources
            .as_ref()
            .map_or(entry.head, |f| f.best_range());
        v.report(
            &registry::ENTRY_RESOURCES_REQUIRED,
            range,
            path.to_string(),
            FieldErrorType::Required,
            "this entry lists no resources: at least one name is required".into(),
        )
        .help =
            Some("list resource names such as `secrets`, `configmaps`, `*.apps` or `*.*`".into());
    }
    overlap_and_duplicates(v, names, path);
    for (j, name) in names.iter().enumerate() {
        per_name(v, name, &path.index(j));
    }
}

/// E2: at most one duplicate error and one overlap error, on the list path, for the same pairs
/// kube-apiserver's double loop over (i, j) would find first, including its quirk: after the
/// first duplicate pair, equal pairs are checked for overlap too. Linear, not quadratic.
fn overlap_and_duplicates(v: &mut Validator, names: &[ResourceName], path: &FieldPath<'_>) {
    if names.len() < 2 {
        return;
    }
    let parsed: Vec<(&str, &str)> = names
        .iter()
        .map(|n| parse_group_resource(&n.name))
        .collect();
    let duplicate = first_duplicate(&parsed);
    let overlap = first_overlap(&parsed, duplicate);
    if let Some((first, repeat)) = duplicate.and_then(|(i, j)| names.get(i).zip(names.get(j))) {
        v.report(
            &registry::DUPLICATE_RESOURCE,
            repeat.range,
            path.to_string(),
            FieldErrorType::Invalid,
            format!(
                "`{}` and `{}` name the same resource; each resource may be listed once per entry",
                first.name, repeat.name
            ),
        )
        .help = Some(
            "remove the repeated name (`secrets` and `secrets.` are the same resource)".into(),
        );
    }
    if let Some(((i, first), (_, second))) = overlap.and_then(|(i, j)| {
        names
            .get(i)
            .map(|a| (i, a))
            .zip(names.get(j).map(|b| (j, b)))
    }) {
        let first_is_wildcard = parsed.get(i).is_some_and(|(resource, _)| *resource == "*");
        let (wide, narrow) = if first_is_wildcard {
            (first, second)
        } else {
            (second, first)
        };
        v.report(
            &registry::OVERLAPPING_RESOURCES,
            wide.range,
            path.to_string(),
            FieldErrorType::Invalid,
            format!(
                "`{}` overlaps `{}` in the same list, so one of them would be masked",
                wide.name, narrow.name
            ),
        )
        .help = Some("keep the wildcard alone, or move the specific name to its own entry before the wildcard's entry".into());
    }
}

/// The first (i, j) in loop order with equal names: the first name that has a twin, and that
/// twin's first other position.
fn first_duplicate(parsed: &[(&str, &str)]) -> Option<(usize, usize)> {
    let mut first_seen: HashMap<(&str, &str), usize> = HashMap::default();
    let mut best: Option<(usize, usize)> = None;
    for (j, name) in parsed.iter().enumerate() {
        match first_seen.get(name) {
            Some(&i) => {
                // The first repeat of each name gives its pair; keep the smallest `i`.
                if best.is_none_or(|(bi, _)| i < bi) {
                    best = Some((i, j));
                }
            }
            None => {
                first_seen.insert(*name, j);
            }
        }
    }
    best
}

/// The first (i, j) in loop order, other than the first duplicate pair, where `*.*` is `i`,
/// or both share a group and one of them is that group's `*`.
fn first_overlap(parsed: &[(&str, &str)], skip: Option<(usize, usize)>) -> Option<(usize, usize)> {
    // Per group: every position, and the positions of `*`, in order.
    let mut groups: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::default();
    for (k, (resource, group)) in parsed.iter().enumerate() {
        let entry = groups.entry(group).or_default();
        entry.0.push(k);
        if *resource == "*" {
            entry.1.push(k);
        }
    }
    let all: Vec<usize> = (0..parsed.len()).collect();
    for (i, (resource, group)) in parsed.iter().enumerate() {
        let Some((members, stars)) = groups.get(group) else {
            continue;
        };
        let candidates: &[usize] = if (*resource, *group) == ("*", "*") {
            &all
        } else if *resource == "*" {
            members
        } else {
            stars
        };
        let partner = candidates
            .iter()
            .copied()
            .find(|&j| j != i && Some((i, j)) != skip);
        if let Some(j) = partner {
            return Some((i, j));
        }
    }
    None
}

/// E3a–E3f: the first that matches wins.
fn per_name(v: &mut Validator, name: &ResourceName, path: &FieldPath<'_>) {
    let text = name.name.as_str();
    let (resource, group) = parse_group_resource(text);
    let (code, message, help): (_, String, String) = if has_capital(text) {
        (
            &registry::RESOURCE_UPPERCASE,
            format!("resource name `{text}` contains capital letters"),
            format!("resource names are lower case: `{}`", go_to_lower(text)),
        )
    } else if text == "*" {
        (
            &registry::BARE_STAR,
            "`*` alone is not a resource name".into(),
            "write `*.` for every core-group resource or `*.*` for every resource".into(),
        )
    } else if matches!(
        text,
        "apiserveripinfo" | "serviceipallocations" | "servicenodeportallocations"
    ) {
        (
            &registry::RESOURCE_NOT_ENCRYPTABLE,
            format!("`{text}` has no REST API and cannot be encrypted"),
            "remove it from the list".into(),
        )
    } else if group == "events.k8s.io" {
        (
            &registry::EVENTS_K8S_IO,
            format!("`{text}`: events.k8s.io objects are stored as core `events`"),
            "list `events` instead".into(),
        )
    } else if group == "extensions" {
        (
            &registry::EXTENSIONS_GROUP,
            format!("`{text}`: the extensions group has been removed"),
            "use the resource's current group, e.g. `deployments.apps`".into(),
        )
    } else if group == "*" && resource != "*" {
        (
            &registry::STAR_GROUP,
            format!("`{text}`: one resource across every group is not supported"),
            "name the resource with its group, or use `*.*`".into(),
        )
    } else {
        return;
    };
    v.report(
        code,
        name.range,
        path.to_string(),
        FieldErrorType::Invalid,
        message,
    )
    .help = Some(help);
}

/// Go's `strings.ToLower(s) != s`.
fn has_capital(text: &str) -> bool {
    text.chars().any(|c| go_lower_char(c) != c)
}

/// Go's `strings.ToLower`: each character by its simple lower-case mapping. Rust's
/// `str::to_lowercase` differs in two places: a final `Σ` becomes `ς` (Go: `σ`), and `İ`
/// becomes `i` plus a combining dot (Go: `i`). It would also bring its tables into the page.
pub(crate) fn go_to_lower(text: &str) -> String {
    text.chars().map(go_lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_go_strings_to_lower() {
        // Simple mappings, character by character: no final sigma, no combining dot.
        assert_eq!(go_to_lower("ΟΔΟΣ"), "οδοσ");
        assert_eq!(go_to_lower("İSTANBUL"), "istanbul");
        assert_eq!(go_to_lower("Secrets.APPS"), "secrets.apps");
        // ǅ (title case) has a lower-case form; ℂ (upper case) has none, so Go keeps it.
        assert!(has_capital("ǅ") && go_to_lower("ǅ") == "ǆ");
        assert!(!has_capital("ℂ") && !has_capital("secrets") && !has_capital("σς"));
    }

    /// kube-apiserver's `validateResourceOverlap` loop, pair for pair.
    type Pair = Option<(usize, usize)>;

    fn quadratic(parsed: &[(&str, &str)]) -> (Pair, Pair) {
        let (mut duplicate, mut overlap) = (None, None);
        for (i, r1) in parsed.iter().enumerate() {
            for (j, r2) in parsed.iter().enumerate() {
                if i == j {
                    continue;
                }
                if r1 == r2 && duplicate.is_none() {
                    duplicate = Some((i, j));
                    continue;
                }
                if overlap.is_none()
                    && (*r1 == ("*", "*") || (r1.1 == r2.1 && (r1.0 == "*" || r2.0 == "*")))
                {
                    overlap = Some((i, j));
                }
            }
        }
        (duplicate, overlap)
    }

    #[test]
    fn linear_pairs_match_the_double_loop_exhaustively() {
        let alphabet = [
            "secrets", "secrets.", "*.", "*", "*.*", "pods", "*.apps", "d.apps", "x.*", "*.*.*",
        ];
        let mut lists: Vec<Vec<&str>> = vec![vec![]];
        for _ in 0..4 {
            let longer: Vec<Vec<&str>> = lists
                .iter()
                .filter(|l| l.len() == lists.last().map_or(0, Vec::len))
                .flat_map(|l| {
                    alphabet.iter().map(move |n| {
                        let mut l = l.clone();
                        l.push(n);
                        l
                    })
                })
                .collect();
            lists.extend(longer);
        }
        assert!(lists.len() > 10_000);
        for list in lists {
            let parsed: Vec<(&str, &str)> = list.iter().map(|n| parse_group_resource(n)).collect();
            let duplicate = first_duplicate(&parsed);
            let overlap = first_overlap(&parsed, duplicate);
            assert_eq!((duplicate, overlap), quadratic(&parsed), "{list:?}");
        }
    }
}
