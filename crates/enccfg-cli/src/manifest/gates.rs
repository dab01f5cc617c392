//! kube-apiserver's `--feature-gates` value (`KMSv1=true,OtherGate=false`) from a manifest, as
//! the options the check models (the core's `Options::set_feature_gates`, which the CLI's own
//! `--feature-gates` flag uses too). A malformed item is what kube-apiserver refuses at start.

use enccfg_core::Options;

/// Applies one `--feature-gates` value to `options` (occurrences add up, as in kube-apiserver's
/// map flag), or says which item kube-apiserver would refuse.
pub fn apply(options: &mut Options, value: &str) -> Result<(), String> {
    options.set_feature_gates(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kmsv1_gate_is_taken_and_malformed_items_are_refused() {
        let mut options = Options::default();
        apply(&mut options, "AllAlpha=false, KMSv1=true").unwrap();
        assert_eq!(options.kmsv1_gate, Some(true));
        apply(&mut options, "KMSv1=False").unwrap();
        assert_eq!(options.kmsv1_gate, Some(false));
        assert_eq!(
            apply(&mut options, "KMSv1").unwrap_err(),
            "missing bool value for KMSv1"
        );
        assert!(apply(&mut options, "KMSv1=maybe")
            .unwrap_err()
            .contains("KMSv1=maybe"));
    }
}
