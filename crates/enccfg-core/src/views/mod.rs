//! Views: what the file does at run time, for the page and `enccfg describe` — which provider
//! writes and which read each resource (facts §7.1–§7.2), and which KMS health checks exist in
//! each reload mode and how they answer (facts §8, §9).

mod health;
mod ordering;

pub use health::{CheckStatus, Health, HealthCheck, HealthMode, KmsPlugin, ModeOutcome, Outcome};
pub use ordering::{lookup, Lookup, Ordering, Precedence, ProviderRef, RuleRow};

use crate::decode::model::Config;
use crate::options::Options;

/// Both views of one decoded file.
#[derive(Clone, Debug, PartialEq)]
pub struct Views {
    pub ordering: Ordering,
    pub health: Health,
}

pub(crate) fn build(config: &Config, options: &Options) -> Views {
    Views {
        ordering: ordering::build(config),
        health: health::build(config, options),
    }
}
