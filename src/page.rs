//! The page around the file, as a pure reducer (tested natively, like `state`): the panel shown
//! as a tab, the theme, the keyboard help, the notice and the replace-draft question, the share
//! link, autosave's status, and the ordering lookup. The session performs the browser IO the
//! actions stand for (storage, clipboard, focus) and dispatches what came of it.

use std::rc::Rc;

use enccfg_core::Severity;

use crate::share::{Snapshot, LONG_LINK};
use crate::startup::{Notice, Start};
use crate::url_params::{Panel, Theme, UrlParams};

/// The share link and what happened to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShareLink {
    /// Empty until the user asks for a link, and again once the state it describes changes.
    pub url: String,
    pub include_keys: bool,
    /// What happened on the last Share (copying, copied, copy it yourself).
    pub status: Option<String>,
    /// The link is longer than chat apps take: its length.
    pub too_long: Option<usize>,
}

/// What autosave is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autosave {
    /// In an embed, which never saves.
    Off,
    /// The replace-draft question is open: nothing is saved until it is answered.
    WaitingForAnswer,
    /// Nothing changed since the page opened.
    Ready,
    Saved,
    /// The browser refuses storage here (private mode, a sandboxed frame).
    Refused,
}

/// What the autosave effect does for the current state (see [`autosave_step`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutosaveStep {
    /// Show this status; save nothing.
    Show(Autosave),
    /// Save the draft now, then show [`Autosave::Saved`] or [`Autosave::Refused`].
    Save,
    /// An edit waits for its analysis: save once it has one.
    Wait,
}

/// Whether to save the draft now: never in embeds or while the replace-draft question is open,
/// not before the user changed anything, and not while an edit waits for its analysis.
pub fn autosave_step(embed: bool, asking: bool, dirty: bool, pending: bool) -> AutosaveStep {
    match (embed, asking, dirty, pending) {
        (true, ..) => AutosaveStep::Show(Autosave::Off),
        (_, true, ..) => AutosaveStep::Show(Autosave::WaitingForAnswer),
        (_, _, false, _) => AutosaveStep::Show(Autosave::Ready),
        (_, _, true, true) => AutosaveStep::Wait,
        (_, _, true, false) => AutosaveStep::Save,
    }
}

/// Which severities the findings list shows (all, until the user unticks one). Rows it does
/// not show stay in the page, hidden, so `data-testid="diagnostic"` stays one per diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeverityFilter {
    pub error: bool,
    pub warning: bool,
    pub info: bool,
}

impl Default for SeverityFilter {
    fn default() -> Self {
        SeverityFilter {
            error: true,
            warning: true,
            info: true,
        }
    }
}

impl SeverityFilter {
    /// Whether rows of `severity` (`error`, `warning`, `info`) are shown.
    pub fn shows(self, severity: &str) -> bool {
        match severity {
            "error" => self.error,
            "warning" => self.warning,
            _ => self.info,
        }
    }

    pub fn with(mut self, severity: Severity, shown: bool) -> Self {
        match severity {
            Severity::Error => self.error = shown,
            Severity::Warning => self.warning = shown,
            Severity::Info => self.info = shown,
        }
        self
    }
}

/// Page state that is not the playground's.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    /// The panel shown when panels are tabs (narrow screens, embeds).
    pub active: Panel,
    pub theme: Theme,
    pub help_open: bool,
    pub notice: Option<Notice>,
    /// The saved draft the user may go back to (the question is on screen).
    pub asking: Option<Snapshot>,
    /// Autosave stores keys too.
    pub keep_keys: bool,
    pub autosave: Autosave,
    pub share: ShareLink,
    /// The Ordering panel's "which rule applies to …?" question.
    pub lookup: String,
    /// The findings list's severity filter.
    pub severities: SeverityFilter,
}

/// What the user (or the session, reporting IO) can do to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAction {
    ShowPanel(Panel),
    SetTheme(Theme),
    OpenHelp,
    CloseHelp,
    DismissNotice,
    /// The answer to the draft question: keep the file that was opened.
    KeepOpened,
    /// The answer to the draft question: go back to the draft (the session loads it).
    RestoreDraft,
    SetKeepKeys(bool),
    Autosave(Autosave),
    Lookup(String),
    SetIncludeKeys(bool),
    /// A share link for the current state was made; copying it is under way.
    Shared(String),
    /// This browser cannot compress a link (it has no `CompressionStream`).
    ShareUnavailable,
    /// Keys could not be taken out of the link or file: the engine that finds them did not
    /// load (why).
    ShareUnredactable(String),
    /// Copying `url` to the clipboard ended (`copied`: the browser allowed it).
    Copied {
        url: String,
        copied: bool,
    },
    /// The text or the options changed: a link made before describes another state.
    StateChanged,
    /// Show (or hide) the findings of one severity.
    ShowSeverity(Severity, bool),
}

/// Whether the page offers `panel`: every view, and the tools this build has (not in embeds,
/// which leave the tools out).
pub fn offered(panel: Panel, embed: bool) -> bool {
    !panel.is_tool() || (!embed && crate::extras::TOOLS.iter().any(|(p, _)| *p == panel))
}

impl PageState {
    /// The page as it opens: `start` from the URL and the saved draft, the query parameters,
    /// the theme and the keep-keys choice read from storage.
    pub fn open(start: &Start, params: &UrlParams, theme: Theme, keep_keys: bool) -> PageState {
        PageState {
            active: match (
                params.panel.filter(|p| offered(*p, params.embed)),
                params.embed,
            ) {
                (Some(Panel::Editor) | None, true) => Panel::Diagnostics,
                (Some(panel), _) => panel,
                (None, false) => Panel::Editor,
            },
            theme,
            help_open: false,
            notice: start.notice.clone(),
            asking: start.ask_about_draft.clone(),
            keep_keys,
            autosave: Autosave::Off,
            share: ShareLink::default(),
            lookup: String::new(),
            severities: SeverityFilter::default(),
        }
    }

    /// Pure: the page after `action`.
    pub fn apply(&self, action: PageAction) -> PageState {
        let mut next = self.clone();
        match action {
            PageAction::ShowPanel(panel) => next.active = panel,
            PageAction::SetTheme(theme) => next.theme = theme,
            PageAction::OpenHelp => next.help_open = true,
            PageAction::CloseHelp => next.help_open = false,
            PageAction::DismissNotice => next.notice = None,
            PageAction::KeepOpened => {
                next.asking = None;
                next.notice = None;
            }
            PageAction::RestoreDraft => {
                if next.asking.take().is_some() {
                    next.notice = Some(Notice::info("Back to your saved draft."));
                }
            }
            PageAction::SetKeepKeys(keep) => next.keep_keys = keep,
            PageAction::Autosave(status) => next.autosave = status,
            PageAction::Lookup(query) => next.lookup = query,
            PageAction::SetIncludeKeys(include_keys) => {
                next.share = ShareLink {
                    include_keys,
                    ..ShareLink::default()
                }
            }
            PageAction::Shared(url) => {
                next.share = ShareLink {
                    too_long: (url.len() > LONG_LINK).then_some(url.len()),
                    status: Some("Copying the link…".into()),
                    url,
                    include_keys: self.share.include_keys,
                }
            }
            PageAction::ShareUnredactable(why) => {
                next.share = ShareLink {
                    status: Some(format!("Nothing was shared: the checker, which finds the keys to leave out, could not load ({why}). Reload the page to try again.")),
                    include_keys: self.share.include_keys,
                    ..ShareLink::default()
                }
            }
            PageAction::ShareUnavailable => {
                next.share = ShareLink {
                    status: Some("This browser cannot compress a share link (it has no CompressionStream): download the file instead.".into()),
                    include_keys: self.share.include_keys,
                    ..ShareLink::default()
                }
            }
            PageAction::Copied { url, copied } => {
                if next.share.url == url {
                    next.share.status = Some(if copied {
                        "Link copied to the clipboard.".into()
                    } else {
                        "Copy the link above: this page may not use the clipboard here.".into()
                    });
                }
            }
            PageAction::StateChanged => {
                next.share = ShareLink {
                    include_keys: self.share.include_keys,
                    ..ShareLink::default()
                }
            }
            PageAction::ShowSeverity(severity, shown) => {
                next.severities = self.severities.with(severity, shown)
            }
        }
        next
    }

    /// The autosave line of the Share panel; `None` in embeds (the panel leaves it out).
    pub fn autosave_line(&self) -> Option<String> {
        let keys = if self.keep_keys {
            "keys included"
        } else {
            "keys replaced by placeholders"
        };
        Some(match self.autosave {
            Autosave::Off => return None,
            Autosave::WaitingForAnswer => {
                "Autosave waits for your answer about the saved draft.".to_string()
            }
            Autosave::Ready => format!("Your edits are saved in this browser as you type ({keys})."),
            Autosave::Saved => format!("Draft saved in this browser ({keys})."),
            Autosave::Refused => "This browser refuses storage here (private mode or a sandboxed frame), so your draft is not saved.".to_string(),
        })
    }
}

impl yew::Reducible for PageState {
    type Action = PageAction;

    /// An action that changes nothing keeps the same `Rc`, so the page does not re-render.
    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enccfg_core::Options;
    use yew::Reducible;

    fn start(ask: bool) -> Start {
        Start {
            text: "a: 1\n".into(),
            options: Options::default(),
            example: None,
            notice: Some(Notice::info("Opened a shared file.")),
            ask_about_draft: ask.then(|| Snapshot {
                yaml: "draft: 1\n".into(),
                options: Options::default(),
                redacted: false,
            }),
        }
    }

    fn page() -> PageState {
        PageState::open(&start(true), &UrlParams::default(), Theme::Dark, false)
    }

    #[test]
    fn the_page_opens_on_the_asked_panel_and_embeds_never_on_the_editor() {
        let open = |embed, panel| {
            let params = UrlParams {
                embed,
                panel,
                ..UrlParams::default()
            };
            PageState::open(&start(false), &params, Theme::Auto, false).active
        };
        assert_eq!(open(false, None), Panel::Editor);
        assert_eq!(open(false, Some(Panel::Health)), Panel::Health);
        assert_eq!(open(true, None), Panel::Diagnostics);
        assert_eq!(open(true, Some(Panel::Editor)), Panel::Diagnostics);
        assert_eq!(open(true, Some(Panel::Export)), Panel::Export);
        // A tool this build does not offer (or any tool in an embed) opens the default panel.
        for tool in [Panel::Compare, Panel::Wizard, Panel::Explain, Panel::Deploy] {
            let offered_here = crate::extras::TOOLS.iter().any(|(p, _)| *p == tool);
            assert_eq!(
                open(false, Some(tool)),
                if offered_here { tool } else { Panel::Editor }
            );
            assert_eq!(open(true, Some(tool)), Panel::Diagnostics);
        }
        let page = page();
        assert_eq!(
            (page.theme, page.keep_keys, page.help_open),
            (Theme::Dark, false, false)
        );
        assert!(page.asking.is_some() && page.notice.is_some());
    }

    #[test]
    fn tabs_theme_help_and_lookup_are_plain_settings() {
        let page = page()
            .apply(PageAction::ShowPanel(Panel::Ordering))
            .apply(PageAction::SetTheme(Theme::Light))
            .apply(PageAction::OpenHelp)
            .apply(PageAction::Lookup("deployments.apps".into()));
        assert_eq!(
            (page.active, page.theme, page.help_open),
            (Panel::Ordering, Theme::Light, true)
        );
        assert_eq!(page.lookup, "deployments.apps");
        assert!(!page.apply(PageAction::CloseHelp).help_open);
    }

    #[test]
    fn the_draft_question_is_answered_once() {
        let kept = page().apply(PageAction::KeepOpened);
        assert_eq!((kept.asking.is_none(), kept.notice.is_none()), (true, true));
        let back = page().apply(PageAction::RestoreDraft);
        assert!(back.asking.is_none());
        assert_eq!(back.notice, Some(Notice::info("Back to your saved draft.")));
        // Without a question on screen, "back" changes nothing (a second click, say).
        let dismissed = kept.apply(PageAction::RestoreDraft);
        assert_eq!(dismissed, kept);
        assert_eq!(page().apply(PageAction::DismissNotice).notice, None);
    }

    #[test]
    fn a_share_link_reports_its_copy_and_goes_when_the_state_changes() {
        let long = format!("https://example.org/#s=1.{}", "x".repeat(LONG_LINK));
        let shared = page()
            .apply(PageAction::SetIncludeKeys(true))
            .apply(PageAction::Shared(long.clone()));
        assert_eq!(shared.share.url, long);
        assert_eq!(shared.share.too_long, Some(long.len()));
        assert_eq!(shared.share.status.as_deref(), Some("Copying the link…"));
        let copied = shared.apply(PageAction::Copied {
            url: long.clone(),
            copied: false,
        });
        assert!(copied
            .share
            .status
            .unwrap()
            .starts_with("Copy the link above"));

        for (action, says) in [
            (
                PageAction::ShareUnredactable("offline".into()),
                "could not load (offline)",
            ),
            (PageAction::ShareUnavailable, "download the file"),
        ] {
            let refused = shared.apply(action);
            assert!(refused.share.url.is_empty());
            assert!(refused.share.status.unwrap().contains(says), "{says}");
        }

        let changed = shared.apply(PageAction::StateChanged);
        assert_eq!(
            changed.share,
            ShareLink {
                include_keys: true,
                ..ShareLink::default()
            }
        );
        // A copy that ends after the state changed does not bring the old link's status back.
        let late = changed.apply(PageAction::Copied {
            url: long,
            copied: true,
        });
        assert_eq!(late, changed);
        let short = page().apply(PageAction::Shared("https://example.org/#s=1.x".into()));
        assert_eq!(short.share.too_long, None);
        // Including keys (or not) changes what a link would carry: the old one goes.
        assert!(short
            .apply(PageAction::SetIncludeKeys(true))
            .share
            .url
            .is_empty());
    }

    #[test]
    fn autosave_saves_only_settled_edits_outside_embeds_and_questions() {
        use AutosaveStep::*;
        assert_eq!(autosave_step(true, false, true, false), Show(Autosave::Off));
        assert_eq!(
            autosave_step(false, true, true, false),
            Show(Autosave::WaitingForAnswer)
        );
        assert_eq!(
            autosave_step(false, false, false, false),
            Show(Autosave::Ready)
        );
        assert_eq!(autosave_step(false, false, true, true), Wait);
        assert_eq!(autosave_step(false, false, true, false), Save);

        let page = page().apply(PageAction::Autosave(Autosave::Saved));
        assert_eq!(
            page.autosave_line().unwrap(),
            "Draft saved in this browser (keys replaced by placeholders)."
        );
        let keeping = page.apply(PageAction::SetKeepKeys(true));
        assert_eq!(
            keeping.autosave_line().unwrap(),
            "Draft saved in this browser (keys included)."
        );
        assert_eq!(
            keeping
                .apply(PageAction::Autosave(Autosave::Off))
                .autosave_line(),
            None
        );
        assert!(keeping
            .apply(PageAction::Autosave(Autosave::Refused))
            .autosave_line()
            .unwrap()
            .contains("refuses storage"));
    }

    #[test]
    fn the_severity_filter_shows_everything_until_a_severity_is_unticked() {
        let page = page();
        assert!(["error", "warning", "info"]
            .iter()
            .all(|s| page.severities.shows(s)));
        let no_info = page.apply(PageAction::ShowSeverity(Severity::Info, false));
        assert_eq!(
            no_info.severities,
            SeverityFilter {
                info: false,
                ..SeverityFilter::default()
            }
        );
        assert!(!no_info.severities.shows("info") && no_info.severities.shows("warning"));
        let only_errors = no_info.apply(PageAction::ShowSeverity(Severity::Warning, false));
        assert!(only_errors.severities.shows("error") && !only_errors.severities.shows("warning"));
        // Other page actions keep the filter.
        let kept = only_errors.apply(PageAction::StateChanged);
        assert_eq!(kept.severities, only_errors.severities);
        let back = only_errors
            .apply(PageAction::ShowSeverity(Severity::Info, true))
            .apply(PageAction::ShowSeverity(Severity::Warning, true));
        assert_eq!(back.severities, SeverityFilter::default());
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(page());
        let same = state.clone().reduce(PageAction::ShowPanel(Panel::Editor));
        assert!(Rc::ptr_eq(&state, &same));
        let other = state.clone().reduce(PageAction::ShowPanel(Panel::Export));
        assert!(!Rc::ptr_eq(&state, &other));
    }
}
