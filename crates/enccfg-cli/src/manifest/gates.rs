//! kube-apiserver's `--feature-gates` value (`KMSv1=true,OtherGate=false`) as the options the
//! check models: the `KMSv1` gate is taken, other gates are left alone. A malformed item is
//! what kube-apiserver refuses at start.

use enccfg_core::Options;

use super::flags::parse_bool;

/// Applies one `--feature-gates` value to `options` (occurrences add up, as in kube-apiserver's
/// map flag), or says which item kube-apiserver would refuse.
pub fn apply(options: &mut Options, value: &str) -> Result<(), String> {
    for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let Some((name, setting)) = item.split_once('=') else {
            return Err(format!("missing bool value for {item}"));
        };
        let (name, setting) = (name.trim(), setting.trim());
        let Some(on) = parse_bool(setting) else {
            return Err(format!(
                "invalid value of {name}={setting}: want true or false"
            ));
        };
        if name == "KMSv1" {
            options.kmsv1_gate = Some(on);
        }
    }
    Ok(())
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
