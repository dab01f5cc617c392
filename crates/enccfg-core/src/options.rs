//! What the user tells us about the target kube-apiserver (version and flags), and the one
//! table that says what each Kubernetes version reads and checks (facts §5, §11).

/// The oldest and newest Kubernetes minor versions whose behaviour we model.
pub const OLDEST_MINOR: u32 = 27;
pub const NEWEST_MINOR: u32 = 37;

/// What one Kubernetes minor version does with the file. Every version-dependent rule reads
/// this table (through [`Options`]); nothing else compares version numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    pub minor: u32,
    /// Unknown fields and duplicate keys are decode errors (1.31+, commit b0c3a41fa).
    pub strict_decoding: bool,
    /// The `KMSv1` gate's default, or `None` where the gate does not exist (1.27: KMS v1
    /// always loads).
    pub kmsv1_gate: Option<bool>,
    /// The `KMSv2` gate's default where it can still be set (beta in 1.27–1.28; GA and locked
    /// from 1.29, removed in 1.32).
    pub kmsv2_gate: Option<bool>,
    /// KMS health checks are also registered on `/livez` (until 1.28).
    pub kms_checks_on_livez: bool,
}

const fn version(minor: u32) -> Version {
    Version {
        minor,
        strict_decoding: minor >= 31,
        kmsv1_gate: match minor {
            27 => None,
            28 => Some(true),
            _ => Some(false),
        },
        kmsv2_gate: if minor <= 28 { Some(true) } else { None },
        kms_checks_on_livez: minor <= 28,
    }
}

/// Every supported version, oldest first. 1.37 reads the file exactly as 1.36 does (facts §5).
pub const VERSIONS: [Version; 11] = [
    version(27),
    version(28),
    version(29),
    version(30),
    version(31),
    version(32),
    version(33),
    version(34),
    version(35),
    version(36),
    version(37),
];

/// The target kube-apiserver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Kubernetes minor version (`37` for 1.37), clamped to `OLDEST_MINOR..=NEWEST_MINOR`.
    pub minor: u32,
    /// `--encryption-provider-config-automatic-reload`.
    pub reload: bool,
    /// `--feature-gates=KMSv1=…`; `None` means the version's default.
    pub kmsv1_gate: Option<bool>,
    /// `--feature-gates=KMSv2=…` (1.27–1.28 only); `None` means the version's default.
    pub kmsv2_gate: Option<bool>,
    /// Not kube-apiserver's: read the text as a template (Jinja, Go/Helm, Salt) and check it
    /// with typed stand-ins for its expressions (see `analyze_template`).
    pub template: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            minor: NEWEST_MINOR,
            reload: false,
            kmsv1_gate: None,
            kmsv2_gate: None,
            template: false,
        }
    }
}

impl Options {
    /// The minor version actually modelled.
    pub fn effective_minor(&self) -> u32 {
        self.minor.clamp(OLDEST_MINOR, NEWEST_MINOR)
    }

    /// The table row of the modelled version.
    pub fn version(&self) -> Version {
        version(self.effective_minor())
    }

    /// Whether KMS v1 providers load: the user's choice of the `KMSv1` gate, else the
    /// version's default (on in 1.28, off from 1.29). The gate only exists from 1.28, so
    /// KMS v1 always loads in 1.27 whatever `kmsv1_gate` says.
    pub fn kmsv1_enabled(&self) -> bool {
        match self.version().kmsv1_gate {
            None => true,
            Some(default) => self.kmsv1_gate.unwrap_or(default),
        }
    }

    /// Whether KMS v2 providers load: only 1.27–1.28 let `--feature-gates=KMSv2=false` turn
    /// them off.
    pub fn kmsv2_enabled(&self) -> bool {
        match self.version().kmsv2_gate {
            None => true,
            Some(default) => self.kmsv2_gate.unwrap_or(default),
        }
    }

    /// Strict decoding (unknown fields and duplicate keys are errors) arrived in 1.31.
    pub fn strict_decoding(&self) -> bool {
        self.version().strict_decoding
    }

    /// KMS health checks were on `/livez` too before 1.29.
    pub fn kms_checks_on_livez(&self) -> bool {
        self.version().kms_checks_on_livez
    }

    /// Parses `"1.37"` (or `"37"`) into a supported minor version.
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

    /// Applies kube-apiserver's `--feature-gates` value (`KMSv1=true,KMSv2=false`): the gates
    /// we model are set, others are ignored. An error names what kube-apiserver would refuse
    /// (a value that is not a boolean, or a gate this version locks or does not have).
    pub fn set_feature_gates(&mut self, value: &str) -> Result<(), String> {
        for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let Some((name, setting)) = item.split_once('=') else {
                return Err(format!("missing bool value for {item}"));
            };
            let (name, setting) = (name.trim(), setting.trim());
            // Go's `strconv.ParseBool`.
            let on = match setting {
                "1" | "t" | "T" | "true" | "True" | "TRUE" => true,
                "0" | "f" | "F" | "false" | "False" | "FALSE" => false,
                _ => {
                    return Err(format!(
                        "invalid value of {name}={setting}: want true or false"
                    ))
                }
            };
            let row = self.version();
            match name {
                "KMSv1" if row.kmsv1_gate.is_some() => self.kmsv1_gate = Some(on),
                "KMSv2" if row.kmsv2_gate.is_some() => self.kmsv2_gate = Some(on),
                "KMSv2" if on && row.minor <= 31 => {}
                "KMSv1" | "KMSv2" => {
                    return Err(format!(
                        "1.{} has no settable {name} gate (it is locked or removed there)",
                        row.minor
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// The first minor version with a `KMSv1` feature gate.
pub const KMSV1_GATE_MINOR: u32 = 28;

/// The KMSv1 gate's default for a minor version (KMS v1 loads in 1.27, which has no gate).
pub fn kmsv1_default(minor: u32) -> bool {
    version(minor.clamp(OLDEST_MINOR, NEWEST_MINOR))
        .kmsv1_gate
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_text_is_parsed_and_bounded() {
        assert_eq!(Options::parse_version("1.37"), Some(37));
        assert_eq!(Options::parse_version("1.27.3"), Some(27));
        assert_eq!(Options::parse_version("v1.30.2"), Some(30));
        assert_eq!(Options::parse_version("1.26"), None);
        assert_eq!(Options::parse_version("1.38"), None);
        assert_eq!(Options::parse_version("banana"), None);
    }

    #[test]
    fn the_table_covers_every_version_in_order() {
        let minors: Vec<u32> = VERSIONS.iter().map(|v| v.minor).collect();
        assert_eq!(minors, (OLDEST_MINOR..=NEWEST_MINOR).collect::<Vec<_>>());
        assert_eq!(Options::default().version(), version(37));
        assert_eq!(
            version(36),
            Version {
                minor: 36,
                ..version(37)
            }
        );
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

    #[test]
    fn kmsv2_gate_exists_only_in_1_27_and_1_28() {
        for (minor, has) in [(27, true), (28, true), (29, false), (37, false)] {
            let o = Options {
                minor,
                kmsv2_gate: Some(false),
                ..Options::default()
            };
            assert_eq!(o.kmsv2_enabled(), !has, "1.{minor}");
        }
    }

    #[test]
    fn feature_gates_flag_is_read_like_kube_apiserver() {
        let mut o = Options {
            minor: 28,
            ..Options::default()
        };
        o.set_feature_gates("KMSv1=false, KMSv2=False,AllAlpha=true")
            .unwrap();
        assert!(o.set_feature_gates("KMSv1=fAlse").is_err());
        assert_eq!((o.kmsv1_gate, o.kmsv2_gate), (Some(false), Some(false)));
        assert!(o.set_feature_gates("KMSv1").is_err());
        assert!(o.set_feature_gates("KMSv1=maybe").is_err());
        let mut newest = Options::default();
        newest.set_feature_gates("KMSv1=true").unwrap();
        assert_eq!(newest.kmsv1_gate, Some(true));
        assert!(newest.set_feature_gates("KMSv2=false").is_err());
        assert!(
            newest.set_feature_gates("KMSv2=true").is_err(),
            "removed in 1.32"
        );
        let mut locked = Options {
            minor: 30,
            ..Options::default()
        };
        assert!(
            locked.set_feature_gates("KMSv2=true").is_ok(),
            "locked to true"
        );
        assert!(locked.set_feature_gates("KMSv2=false").is_err());
    }
}
