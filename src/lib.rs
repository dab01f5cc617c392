//! The playground app: a thin Yew shell over enccfg-core. It holds the text, the options and the
//! last analysis (`state`), turns the analysis into rows (`view_model`), and draws them
//! (`components`). It contains no rules.

mod app;
pub mod components;
pub mod editor_model;
pub mod engine;
pub mod examples;
pub mod extras;
#[cfg(any(test, feature = "lazy-engine"))]
pub mod first_analysis;
pub mod json;
pub mod leave_guard;
pub mod new_key;
pub mod page;
pub mod services;
pub mod session;
pub mod share;
pub mod startup;
pub mod state;
pub mod url_params;
pub mod view_model;

pub use app::{App, AppProps};

/// The file the editor starts with: the KMS v2 example from the Kubernetes docs.
pub const DEFAULT_EXAMPLE: &str = include_str!("../static/examples/kms-v2.yaml");
