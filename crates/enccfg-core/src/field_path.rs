//! Field paths such as `resources[0].providers[1].kms.name`, built lazily: decoding and
//! validation visit every node but name a field only when they report on it, so a path is a
//! chain of borrowed steps that costs nothing to extend and is formatted only when displayed.

use std::fmt;

/// A field path: the root, or a named field or list index under a parent path.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FieldPath<'a> {
    /// The document itself (displays as nothing).
    Root,
    /// `parent.name` (just `name` under the root).
    Field(&'a FieldPath<'a>, &'a str),
    /// `parent[index]`.
    Index(&'a FieldPath<'a>, usize),
}

impl<'a> FieldPath<'a> {
    /// The field `name` under this path.
    pub(crate) fn field(&'a self, name: &'a str) -> FieldPath<'a> {
        FieldPath::Field(self, name)
    }

    /// The list element `index` under this path.
    pub(crate) fn index(&'a self, index: usize) -> FieldPath<'a> {
        FieldPath::Index(self, index)
    }
}

impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Root => Ok(()),
            FieldPath::Field(FieldPath::Root, name) => f.write_str(name),
            FieldPath::Field(parent, name) => write!(f, "{parent}.{name}"),
            FieldPath::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FieldPath;

    #[test]
    fn paths_display_as_kube_apiserver_writes_them() {
        let root = FieldPath::Root;
        assert_eq!(root.to_string(), "");
        let resources = root.field("resources");
        let entry = resources.index(0);
        let providers = entry.field("providers");
        let provider = providers.index(12);
        let kms = provider.field("kms");
        assert_eq!(
            kms.field("name").to_string(),
            "resources[0].providers[12].kms.name"
        );
        assert_eq!(root.field("kind").to_string(), "kind");
    }
}
