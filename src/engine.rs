//! Where the page's analyses come from. In the page's build (feature `lazy-engine`) the analysis
//! engine is a module of its own, loaded on first use (`services::engine`): until it has loaded,
//! only the first visit's analysis, made at build time, is at hand (`first_analysis`), and
//! `analyse` answers `None` (and starts the load). Without the feature (native tests, the tools'
//! and the engine's own modules) the core is linked in and always answers.

use enccfg_core::{Analysis, Export};

use crate::state::Request;

/// The analysis of `text` and its export, as `request` asks; `None` while the engine loads.
#[cfg(not(feature = "lazy-engine"))]
pub fn analyse(text: &str, request: Request) -> Option<(Analysis, Export)> {
    #[cfg(test)]
    if test_support::UNLOADED.get() {
        return None;
    }
    Some(crate::state::analyse_with_export(text, request))
}

/// The engine once it has loaded; before, the built-in analysis when it is the one asked for,
/// else `None` and the engine's load started.
#[cfg(feature = "lazy-engine")]
pub fn analyse(text: &str, request: Request) -> Option<(Analysis, Export)> {
    use crate::services::engine;
    let answer =
        engine::analyse(text, request).or_else(|| crate::first_analysis::of(text, request));
    if answer.is_none() {
        engine::warm();
    }
    answer
}

/// Resolves once the engine can answer: `Err` with why it could not load.
pub async fn ready() -> Result<(), String> {
    #[cfg(feature = "lazy-engine")]
    return crate::services::engine::ready().await;
    #[cfg(not(feature = "lazy-engine"))]
    Ok(())
}

/// Calls `listener` when the engine has loaded (`Ok`) or failed to (`Err`, with why); the page
/// then asks again for what waited. One listener; a later call replaces it.
pub fn listen(listener: impl Fn(Result<(), String>) + 'static) {
    #[cfg(feature = "lazy-engine")]
    crate::services::engine::listen(listener);
    #[cfg(not(feature = "lazy-engine"))]
    drop(listener);
}

/// In tests: the engine as the page sees it before its module has loaded.
#[cfg(test)]
pub mod test_support {
    use std::cell::Cell;

    thread_local! {
        pub(super) static UNLOADED: Cell<bool> = const { Cell::new(false) };
    }

    /// Runs `f` with `analyse` answering `None`, as it does while the engine loads.
    pub fn unloaded<T>(f: impl FnOnce() -> T) -> T {
        UNLOADED.set(true);
        let result = f();
        UNLOADED.set(false);
        result
    }
}
