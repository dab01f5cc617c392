//! What the user tells us about the target kube-apiserver: version and flags.

/// The oldest and newest Kubernetes minor versions whose behaviour we model.
pub const OLDEST_MINOR: u32 = 27;
pub const NEWEST_MINOR: u32 = 36;

/// The target kube-apiserver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Kubernetes minor version (`36` for 1.36), clamped to `OLDEST_MINOR..=NEWEST_MINOR`.
    pub minor: u32,
    /// `--encryption-provider-config-automatic-reload`.
    pub reload: bool,
    /// `--feature-gates=KMSv1=…`; `None` means the version's default.
    pub kmsv1_gate: Option<bool>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            minor: NEWEST_MINOR,
            reload: false,
            kmsv1_gate: None,
        }
    }
}

impl Options {
    /// The minor version actually modelled.
    pub fn effective_minor(&self) -> u32 {
        self.minor.clamp(OLDEST_MINOR, NEWEST_MINOR)
    }

    /// Whether KMS v1 providers load: the user's choice of the `KMSv1` gate, else the
    /// version's default (on in 1.28, off from 1.29). The gate only exists from 1.28, so
    /// KMS v1 always loads in 1.27 whatever `kmsv1_gate` says.
    pub fn kmsv1_enabled(&self) -> bool {
        let minor = self.effective_minor();
        if minor < KMSV1_GATE_MINOR {
            return true;
        }
        self.kmsv1_gate.unwrap_or_else(|| kmsv1_default(minor))
    }

    /// Strict decoding (unknown fields and duplicate keys are errors) arrived in 1.31.
    pub fn strict_decoding(&self) -> bool {
        self.effective_minor() >= 31
    }

    /// KMS health checks were on `/livez` too before 1.29.
    pub fn kms_checks_on_livez(&self) -> bool {
        self.effective_minor() < 29
    }

    /// Parses `"1.36"` (or `"36"`) into a supported minor version.
    pub fn parse_version(text: &str) -> Option<u32> {
        let text = text.trim();
        let text = text.strip_prefix('v').unwrap_or(text);
        let minor = text.strip_prefix("1.").unwrap_or(text);
        let minor = minor.strip_suffix(".x").unwrap_or(minor);
        let minor: u32 = minor.split('.').next()?.parse().ok()?;
        (OLDEST_MINOR..=NEWEST_MINOR)
            .contains(&minor)
            .then_some(minor)
    }
}

/// The first minor version with a `KMSv1` feature gate.
pub const KMSV1_GATE_MINOR: u32 = 28;

/// The KMSv1 gate's default for a minor version.
pub fn kmsv1_default(minor: u32) -> bool {
    minor < 29
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_text_is_parsed_and_bounded() {
        assert_eq!(Options::parse_version("1.36"), Some(36));
        assert_eq!(Options::parse_version("1.27.3"), Some(27));
        assert_eq!(Options::parse_version("v1.30.2"), Some(30));
        assert_eq!(Options::parse_version("1.26"), None);
        assert_eq!(Options::parse_version("banana"), None);
    }

    #[test]
    fn kmsv1_gate_defaults_follow_the_version() {
        let mut o = Options {
            minor: 28,
            ..Options::default()
        };
        assert!(o.kmsv1_enabled());
        o.minor = 29;
        assert!(!o.kmsv1_enabled());
        o.kmsv1_gate = Some(true);
        assert!(o.kmsv1_enabled());
        o.kmsv1_gate = Some(false);
        o.minor = 28;
        assert!(!o.kmsv1_enabled());
        o.minor = 27;
        assert!(o.kmsv1_enabled(), "no gate before 1.28");
    }
}
