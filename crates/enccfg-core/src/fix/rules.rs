//! One fix per diagnostic code that has an unambiguous repair. "Fix safety" for each is in
//! docs/fixes.md: `Safe` keeps the meaning (or is certainly intended); `Unsafe` is valid but
//! changes what is written or read.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;

use super::edits::{self, replace};
use super::locate::{self, find, item_containing, mapping_of_key};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::registry;
use crate::syntax::{Node, NodeKind};
use crate::validate::parse_group_resource;

fn fix(title: impl Into<String>, edits: Vec<Edit>, applicability: Applicability) -> Fix {
    Fix {
        title: title.into(),
        edits,
        applicability,
    }
}

/// A fix for `d`, if its code has one and the layout allows it.
pub(crate) fn for_diagnostic(text: &str, root: &Node, d: &Diagnostic) -> Option<Fix> {
    let code = d.code;
    if code == registry::RESOURCE_UPPERCASE.code {
        let node = find(root, d.range)?.node;
        let lower = text
            .get(node.range.start()..node.range.end())?
            .to_lowercase();
        return Some(fix(
            "lower-case the resource name",
            replace(node.range, lower),
            Applicability::Safe,
        ));
    }
    if code == registry::BARE_STAR.code {
        let node = find(root, d.range)?.node;
        let source = text.get(node.range.start()..node.range.end())?;
        return Some(fix(
            "write `*.` (every core-group resource)",
            replace(node.range, source.replacen('*', "*.", 1)),
            Applicability::Safe,
        ));
    }
    if code == registry::EVENTS_K8S_IO.code {
        let found = find(root, d.range)?;
        let list = found.parent?;
        let already = locate::items(list).iter().any(|n| {
            n.scalar_text()
                .is_some_and(|t| parse_group_resource(t) == ("events", ""))
        });
        let edits = if already {
            edits::remove_item(text, locate::items(list), found.index)?
        } else {
            replace(found.node.range, "events")
        };
        return Some(fix(
            "list the core `events` resource instead",
            edits,
            Applicability::Safe,
        ));
    }
    if code == registry::DUPLICATE_RESOURCE.code {
        let found = find(root, d.range)?;
        let list = found.parent?;
        return Some(fix(
            "remove the repeated name",
            edits::remove_item(text, locate::items(list), found.index)?,
            Applicability::Safe,
        ));
    }
    if code == registry::KMS_CACHESIZE_V2.code {
        let key_range = crate::diagnostic::TextRange {
            start: d.range.start,
            end: d.range.start,
        };
        let (map, index) = locate::pairs_starting_at(root, key_range)?;
        return Some(fix(
            "remove `cachesize` (KMS v2 has no cache size)",
            edits::remove_pair(text, map.pairs(), index)?,
            Applicability::Safe,
        ));
    }
    if code == registry::KMS_API_VERSION.code {
        let node = find(root, d.range)?.node;
        let value = node.scalar_text()?;
        let lower = value.to_ascii_lowercase();
        if lower != "v1" && lower != "v2" {
            return None;
        }
        return Some(fix(
            format!("write `{lower}`"),
            replace(node.range, lower),
            Applicability::Safe,
        ));
    }
    if code == registry::KEY_SECRET_NOT_BASE64.code {
        let node = find(root, d.range)?.node;
        let value = node.scalar_text()?;
        let bytes = URL_SAFE_NO_PAD
            .decode(
                value
                    .trim()
                    .trim_end_matches('=')
                    .replace('+', "-")
                    .replace('/', "_"),
            )
            .ok()?;
        if ![16, 24, 32].contains(&bytes.len()) {
            return None;
        }
        return Some(fix(
            "re-encode the secret as standard padded base64 (same key bytes)",
            replace(node.range, STANDARD.encode(bytes)),
            Applicability::Safe,
        ));
    }
    if code == registry::NO_PROVIDER.code {
        let node = locate::find_mapping(root, d.range)?;
        let [(key, value)] = node.pairs() else {
            return None;
        };
        if key.scalar_text() != Some("identity") || !crate::decode::is_null_node(value) {
            return None;
        }
        let edits = if value.range.start == value.range.end {
            replace(
                crate::diagnostic::TextRange::empty(key.range.end() + 1),
                " {}",
            )
        } else {
            replace(value.range, "{}")
        };
        return Some(fix(
            "write `identity: {}` (an empty value is null, not a provider)",
            edits,
            Applicability::Safe,
        ));
    }
    if code == registry::MISSING_API_VERSION.code || code == registry::MISSING_KIND.code {
        return missing_header(text, root, code == registry::MISSING_KIND.code);
    }
    if code == registry::SEVERAL_PROVIDERS.code {
        return split_providers(text, root, d);
    }
    if code == registry::IDENTITY_FIRST.code {
        let (list, index) = item_containing(root, d.range)?;
        return Some(fix(
            "move `identity` to the end (new writes get encrypted)",
            edits::move_item_to_end(text, locate::items(list), index)?,
            Applicability::Unsafe,
        ));
    }
    if code == registry::KMS_NAME_COLON.code {
        let node = find(root, d.range)?.node;
        let renamed = node.scalar_text()?.replace(':', "-");
        return Some(fix(format!("rename the provider to `{renamed}` (data already written under the old name becomes unreadable)"), replace(node.range, crate::export::scalar(&renamed)), Applicability::Unsafe));
    }
    None
}

/// `apiVersion`/`kind` inserted above the first key of a block mapping document.
fn missing_header(text: &str, root: &Node, kind: bool) -> Option<Fix> {
    let NodeKind::Mapping(pairs) = &root.kind else {
        return None;
    };
    let first = &pairs.first()?.0;
    let line_start = text[..first.range.start()].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..first.range.start()].trim().is_empty() {
        return None;
    }
    let value_of = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k.scalar_text() == Some(name))
            .and_then(|(_, v)| v.scalar_text())
    };
    let line = if kind {
        if value_of("apiVersion") == Some("v1") {
            "kind: EncryptionConfig"
        } else {
            "kind: EncryptionConfiguration"
        }
    } else if value_of("kind") == Some("EncryptionConfig") {
        "apiVersion: v1"
    } else {
        "apiVersion: apiserver.config.k8s.io/v1"
    };
    let indent = &text[line_start..first.range.start()];
    Some(fix(
        format!("add `{line}`"),
        replace(
            crate::diagnostic::TextRange::empty(line_start),
            format!("{indent}{line}\n"),
        ),
        Applicability::Safe,
    ))
}

/// `- aescbc: …\n  identity: {}` → `- aescbc: …\n- identity: {}` (block layout only).
fn split_providers(text: &str, root: &Node, d: &Diagnostic) -> Option<Fix> {
    let (map, index) = mapping_of_key(root, d.range)?;
    let pairs = map.pairs();
    let first_key = &pairs.first()?.0;
    let key = &pairs.get(index)?.0;
    let dash_at = first_key.range.start().checked_sub(2)?;
    if text.get(dash_at..first_key.range.start()) != Some("- ") {
        return None;
    }
    let column = |at: usize| at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    let start = key.range.start();
    if column(start) != column(first_key.range.start())
        || text.get(start.checked_sub(2)?..start) != Some("  ")
    {
        return None;
    }
    Some(fix(
        "put each provider in its own list element (the first one encrypts writes)",
        replace(crate::diagnostic::TextRange::new(start - 2, start), "- "),
        Applicability::Unsafe,
    ))
}
