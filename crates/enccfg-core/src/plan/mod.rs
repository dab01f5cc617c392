//! Plans for the life of the keys, beside the checks: what a change between two files does to
//! stored data (`compare`), the steps of a rotation or migration (`wizard`, with the rewrite
//! commands per version in `rewrite`), what a run-time error or a stored value means for a
//! file (`explain`, over the message table in `messages` and the value forms in `stored`), and
//! new keys inserted as text edits (`keys`). All plain data and functions: the caller brings
//! the random bytes and the date.

pub mod compare;
pub mod explain;
pub mod keys;
mod loaded;
pub mod messages;
mod rewrite;
#[cfg(feature = "full-lints")]
pub(crate) use rewrite::SVM_GA_MINOR;
mod seq_edit;
pub mod stored;
pub mod wizard;

pub use compare::{compare, Comparison, Finding};
pub use explain::{explain, Explanation};
pub use keys::{
    dated_key_name, encode_key, insert_key, key_names, key_sizes, key_target, KeyInsertion,
    KeyPosition, KeyTarget,
};
pub use wizard::{
    plan, rotated_provider, Command, KmsTarget, NewKey, Plan, Step, Variant, WizardInput,
};
