//! What the page opens with, decided from the URL and the saved draft (pure, tested natively):
//! a share link beats `?example=`, which beats the draft, which beats the default example. A
//! link or example that differs from the draft asks before the draft is replaced; a broken link
//! says so and leaves the draft alone.

use enccfg_core::report::quote;
use enccfg_core::Options;

use crate::examples;
use crate::share::{ShareError, Snapshot};
use crate::url_params::UrlParams;

/// A message above the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            error: false,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            error: true,
            text: text.into(),
        }
    }
}

/// The opening state of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    pub text: String,
    pub options: Options,
    /// The example shown, if the text is one.
    pub example: Option<&'static str>,
    pub notice: Option<Notice>,
    /// A different saved draft exists: ask before replacing it (autosave waits for the answer).
    pub ask_about_draft: Option<Snapshot>,
}

/// Decides the opening state. `shared` is the `#s=` link's state (or why it could not be read),
/// `draft` the saved draft (ignored in embeds, which never touch the draft).
pub fn plan(
    params: &UrlParams,
    shared: Option<Result<Snapshot, ShareError>>,
    draft: Option<Snapshot>,
) -> Start {
    let draft = draft.filter(|_| !params.embed);
    let fallback = || -> Start {
        if let Some(d) = &draft {
            return Start {
                text: d.yaml.clone(),
                options: params.apply_options(d.options),
                example: None,
                notice: Some(Notice::info(if d.redacted {
                    "Restored your draft from this browser. Its keys were not saved: they show as REDACTED placeholders."
                } else {
                    "Restored your draft from this browser."
                })),
                ask_about_draft: None,
            };
        }
        let example = &examples::EXAMPLES[0];
        Start {
            text: example.text.to_string(),
            options: params.apply_options(example.options()),
            example: Some(example.id),
            notice: None,
            ask_about_draft: None,
        }
    };
    let ask = |text: &str| draft.clone().filter(|d| d.yaml != text);

    if let Some(shared) = shared {
        return match shared {
            Ok(shared) => Start {
                ask_about_draft: ask(&shared.yaml),
                notice: Some(Notice::info(if shared.redacted {
                    "Opened a shared file. Its keys were replaced by REDACTED placeholders of the same length."
                } else {
                    "Opened a shared file. It includes the sharer's keys."
                })),
                text: shared.yaml,
                options: shared.options,
                example: None,
            },
            Err(error) => Start {
                notice: Some(Notice::error(error.to_string())),
                ..fallback()
            },
        };
    }
    if let Some(id) = &params.example {
        return match examples::find(id) {
            Some(example) => Start {
                text: example.text.to_string(),
                options: params.apply_options(example.options()),
                example: Some(example.id),
                notice: None,
                ask_about_draft: ask(example.text),
            },
            None => Start {
                notice: Some(Notice::error(format!(
                    "There is no example called {}; showing {} instead.",
                    quote(id),
                    if draft.is_some() {
                        "your draft"
                    } else {
                        "the default example"
                    }
                ))),
                ..fallback()
            },
        };
    }
    fallback()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Snapshot {
        Snapshot {
            yaml: text.into(),
            options: Options {
                reload: true,
                ..Options::default()
            },
            redacted: true,
        }
    }

    fn link(text: &str) -> Option<Result<Snapshot, ShareError>> {
        Some(Ok(Snapshot {
            yaml: text.into(),
            options: Options {
                minor: 30,
                ..Options::default()
            },
            redacted: false,
        }))
    }

    #[test]
    fn a_new_visitor_gets_the_first_example() {
        let start = plan(&UrlParams::default(), None, None);
        assert_eq!(start.text, crate::DEFAULT_EXAMPLE);
        assert_eq!(start.example, Some("kms-v2"));
        assert_eq!(start.notice, None);
    }

    #[test]
    fn a_returning_visitor_gets_the_draft_and_is_told_keys_were_not_kept() {
        let start = plan(&UrlParams::default(), None, Some(draft("mine")));
        assert_eq!((start.text.as_str(), start.options.reload), ("mine", true));
        assert!(start.notice.unwrap().text.contains("REDACTED"));
    }

    #[test]
    fn a_share_link_opens_and_asks_about_a_different_draft() {
        let start = plan(&UrlParams::default(), link("shared"), Some(draft("mine")));
        assert_eq!((start.text.as_str(), start.options.minor), ("shared", 30));
        assert_eq!(start.ask_about_draft.unwrap().yaml, "mine");
        let same = plan(&UrlParams::default(), link("shared"), Some(draft("shared")));
        assert_eq!(same.ask_about_draft, None);
        let fresh = plan(&UrlParams::default(), link("shared"), None);
        assert_eq!(
            (fresh.text.as_str(), fresh.ask_about_draft),
            ("shared", None)
        );
    }

    #[test]
    fn a_broken_link_keeps_the_draft_and_says_why() {
        let damaged = Err(ShareError::Malformed("not base64url"));
        let start = plan(&UrlParams::default(), Some(damaged), Some(draft("mine")));
        assert_eq!(start.text, "mine");
        assert_eq!(start.ask_about_draft, None);
        let notice = start.notice.unwrap();
        assert!(notice.error && notice.text.contains("damaged"));
        let newer = plan(
            &UrlParams::default(),
            Some(Err(ShareError::UnknownVersion("9".into()))),
            None,
        );
        assert!(newer.notice.unwrap().text.contains("format \"9\""));
        assert_eq!(newer.text, crate::DEFAULT_EXAMPLE);
    }

    #[test]
    fn examples_and_options_come_from_the_query() {
        let params = UrlParams::parse("example=kms-v2-reload&k8s=1.29");
        let start = plan(&params, None, None);
        assert_eq!(start.example, Some("kms-v2-reload"));
        assert!(start.options.reload, "the example's own options");
        assert_eq!(start.options.minor, 29);
        let unknown = plan(&UrlParams::parse("example=nope"), None, None);
        assert!(unknown.notice.unwrap().error);
        assert_eq!(unknown.example, Some("kms-v2"));
    }

    #[test]
    fn embeds_ignore_the_draft() {
        let params = UrlParams::parse("embed=1");
        let start = plan(&params, None, Some(draft("mine")));
        assert_eq!(start.text, crate::DEFAULT_EXAMPLE);
        let shared = plan(&params, link("shared"), Some(draft("mine")));
        assert_eq!(
            (shared.text.as_str(), shared.ask_about_draft),
            ("shared", None)
        );
    }
}
