//! The analysis a first visit shows: the file a new visitor sees (`DEFAULT_EXAMPLE`) with the
//! default settings, analysed when the page was built (`build.rs`, with the same core as the
//! engine module) and kept as `enccfg_core::wire` bytes. The page paints it without loading
//! the analysis engine, which waits for the first edit (`engine`).

use enccfg_core::{wire, Analysis, Export};

use crate::state::Request;

const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/first-analysis.bin"));

/// Whether the built-in analysis is the one `text` and `request` ask for.
pub fn covers(text: &str, request: Request) -> bool {
    text == crate::DEFAULT_EXAMPLE && request == Request::default()
}

/// The built-in analysis, when it is the one `text` and `request` ask for.
pub fn of(text: &str, request: Request) -> Option<(Analysis, Export)> {
    covers(text, request)
        .then(|| wire::from_bytes(BYTES))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::analyse_with_export;

    #[test]
    fn the_built_in_analysis_is_the_engines() {
        let request = Request::default();
        let built_in = of(crate::DEFAULT_EXAMPLE, request).expect("the bytes decode");
        assert_eq!(
            built_in,
            analyse_with_export(crate::DEFAULT_EXAMPLE, request)
        );
        // It is what the page shows a new visitor: the first example, with its own options.
        let first = &crate::examples::EXAMPLES[0];
        assert_eq!(first.text, crate::DEFAULT_EXAMPLE);
        assert_eq!(first.options(), request.options);
    }

    #[test]
    fn a_new_visitor_and_an_embed_start_with_it() {
        use crate::url_params::UrlParams;
        for query in [
            "",
            "?embed=1",
            "?theme=dark&panel=health",
            "?example=kms-v2",
        ] {
            let start = crate::startup::plan(&UrlParams::parse(query), None, None);
            let request = Request {
                options: start.options,
                ..Request::default()
            };
            assert!(covers(&start.text, request), "{query}");
        }
        let other = crate::startup::plan(&UrlParams::parse("?k8s=1.30"), None, None);
        assert!(!covers(
            &other.text,
            Request {
                options: other.options,
                ..Request::default()
            }
        ));
    }

    #[test]
    fn other_texts_and_settings_wait_for_the_engine() {
        let unsafe_fixes = Request {
            include_unsafe: true,
            ..Request::default()
        };
        assert_eq!(of(crate::DEFAULT_EXAMPLE, unsafe_fixes), None);
        assert_eq!(of("apiVersion: v1\n", Request::default()), None);
    }
}
