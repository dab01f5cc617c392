//! The fix builders of decode and validation codes, each named by its registry entry (which
//! also declares the fix's applicability). A builder returns a title and text edits on the
//! user's own file, or `None` when the layout does not allow a clean edit.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;

use super::edits::{self, replace};
use super::locate::{self, find, mapping_of_key};
use super::{FixContext, Proposal};
use crate::diagnostic::{Diagnostic, TextRange};
use crate::syntax::NodeKind;
use crate::validate::{go_to_lower, parse_group_resource};

/// EC0205: capitals in a resource name → lower case.
pub(crate) fn lowercase_resource(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let node = find(ctx.root, d.range)?.node;
    let lower = go_to_lower(ctx.text.get(node.range.start()..node.range.end())?);
    Some(Proposal::new(
        "lower-case the resource name",
        replace(node.range, lower),
    ))
}

/// EC0206: `*` → `*.`.
pub(crate) fn star_to_core_group(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let node = find(ctx.root, d.range)?.node;
    let source = ctx.text.get(node.range.start()..node.range.end())?;
    Some(Proposal::new(
        "write `*.` (every core-group resource)",
        replace(node.range, source.replacen('*', "*.", 1)),
    ))
}

/// EC0208: `*.events.k8s.io` → `events`, or removed when `events` is listed already.
pub(crate) fn core_events(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let found = find(ctx.root, d.range)?;
    let list = found.parent?;
    let already = locate::items(list).iter().any(|n| {
        n.scalar_text()
            .is_some_and(|t| parse_group_resource(t) == ("events", ""))
    });
    let edits = if already {
        edits::remove_item(ctx.text, locate::items(list), found.index)?
    } else {
        replace(found.node.range, "events")
    };
    Some(Proposal::new(
        "list the core `events` resource instead",
        edits,
    ))
}

/// EC0203: a repeated resource name → removed.
pub(crate) fn remove_repeated_resource(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let found = find(ctx.root, d.range)?;
    let list = found.parent?;
    Some(Proposal::new(
        "remove the repeated name",
        edits::remove_item(ctx.text, locate::items(list), found.index)?,
    ))
}

/// EC0226: `cachesize` on a KMS v2 provider → removed.
pub(crate) fn remove_v2_cachesize(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let (map, index) = locate::pairs_starting_at(ctx.root, TextRange::empty(d.range.start()))?;
    Some(Proposal::new(
        "remove `cachesize` (KMS v2 has no cache size)",
        edits::remove_pair(ctx.text, map.pairs(), index)?,
    ))
}

/// EC0228: `V2` → `v2` (any case of v1/v2).
pub(crate) fn lowercase_kms_api_version(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let node = find(ctx.root, d.range)?.node;
    let lower = node.scalar_text()?.to_ascii_lowercase();
    if lower != "v1" && lower != "v2" {
        return None;
    }
    Some(Proposal::new(
        format!("write `{lower}`"),
        replace(node.range, lower),
    ))
}

/// EC0217: URL-safe or unpadded base64 of a 16/24/32-byte key → standard padded base64.
pub(crate) fn standard_base64(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let node = find(ctx.root, d.range)?.node;
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
    Some(Proposal::new(
        "re-encode the secret as standard padded base64 (same key bytes)",
        replace(node.range, STANDARD.encode(bytes)),
    ))
}

/// EC0212: `- identity:` (null) → `- identity: {}`.
pub(crate) fn empty_identity(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let node = locate::find_mapping(ctx.root, d.range)?;
    let [(key, value)] = node.pairs() else {
        return None;
    };
    if key.scalar_text() != Some("identity") || !crate::decode::is_null_node(value) {
        return None;
    }
    let edits = if value.range.start == value.range.end {
        replace(TextRange::empty(key.range.end() + 1), " {}")
    } else {
        replace(value.range, "{}")
    };
    Some(Proposal::new(
        "write `identity: {}` (an empty value is null, not a provider)",
        edits,
    ))
}

/// EC0101: a missing `apiVersion` → added above the first key.
pub(crate) fn missing_api_version(ctx: &FixContext<'_>, _: &Diagnostic) -> Option<Proposal> {
    missing_header(ctx, false)
}

/// EC0102: a missing `kind` → added above the first key.
pub(crate) fn missing_kind(ctx: &FixContext<'_>, _: &Diagnostic) -> Option<Proposal> {
    missing_header(ctx, true)
}

/// `apiVersion`/`kind` inserted above the first key of a block mapping document, matching the
/// other half of the header when it is the legacy pair.
fn missing_header(ctx: &FixContext<'_>, kind: bool) -> Option<Proposal> {
    let NodeKind::Mapping(pairs) = &ctx.root.kind else {
        return None;
    };
    let first = &pairs.first()?.0;
    let before = ctx.text.get(..first.range.start())?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let indent = before.get(line_start..)?;
    if !indent.trim().is_empty() {
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
    Some(Proposal::new(
        format!("add `{line}`"),
        replace(TextRange::empty(line_start), format!("{indent}{line}\n")),
    ))
}

/// EC0213: `- aescbc: …\n  identity: {}` → `- aescbc: …\n- identity: {}` (block layout only).
pub(crate) fn split_providers(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let text = ctx.text;
    let (map, index) = mapping_of_key(ctx.root, d.range)?;
    let pairs = map.pairs();
    let first_key = &pairs.first()?.0;
    let key = &pairs.get(index)?.0;
    let dash_at = first_key.range.start().checked_sub(2)?;
    if text.get(dash_at..first_key.range.start()) != Some("- ") {
        return None;
    }
    let column = |at: usize| {
        let before = text.get(..at).unwrap_or_default();
        at - before.rfind('\n').map_or(0, |i| i + 1)
    };
    let start = key.range.start();
    if column(start) != column(first_key.range.start())
        || text.get(start.checked_sub(2)?..start) != Some("  ")
    {
        return None;
    }
    Some(Proposal::new(
        "put each provider in its own list element (the first one encrypts writes)",
        replace(TextRange::new(start - 2, start), "- "),
    ))
}

/// EC0220: a KMS v2 name with `:` → `:` replaced by `-`.
pub(crate) fn kms_name_without_colon(ctx: &FixContext<'_>, d: &Diagnostic) -> Option<Proposal> {
    let node = find(ctx.root, d.range)?.node;
    let renamed = node.scalar_text()?.replace(':', "-");
    Some(Proposal::new(
        format!("rename the provider to `{renamed}` (data already written under the old name becomes unreadable)"),
        replace(node.range, crate::canonical::scalar(&renamed)),
    ))
}
