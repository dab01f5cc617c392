//! The playground's state and its pure reducer (tested natively, no browser needed).

use std::rc::Rc;

use enccfg_core::views::Views;
use enccfg_core::{analyze, Analysis, Applicability, Export, Fix, Form, Options};

/// Everything the page shows is derived from these fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub source: Rc<str>,
    pub options: Options,
    pub analysis: Rc<Analysis>,
    /// The analysis is older than `source` (an edit is waiting for the debounce).
    pub pending: bool,
    /// The views of the last text that decoded; shown (marked stale) while the text does not.
    pub last_views: Option<Rc<Views>>,
    /// KMS plugins (by name) the user marked as down, each once.
    pub down_plugins: Vec<String>,
    /// Export settings and the fixed text they give.
    pub include_unsafe: bool,
    pub canonical: bool,
    pub export: Rc<Export>,
    /// The built-in example shown, until the first edit.
    pub example: Option<&'static str>,
    /// The user changed text or options since the last `Load`: worth autosaving.
    pub dirty: bool,
}

/// What one analysis of a text is asked with: its options and the export settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub options: Options,
    pub include_unsafe: bool,
    pub canonical: bool,
}

/// The analysis of `source` and its export: what the page's worker computes for a big text
/// (`analyse_for_page` in `src/bin/extras.rs`) and the reducer computes itself for a small one.
pub fn analyse_with_export(source: &str, request: Request) -> (Analysis, Export) {
    let analysis = analyze(source, &request.options);
    let export = export_of(source, &analysis, request.include_unsafe, request.canonical);
    (analysis, export)
}

/// An analysis computed elsewhere (the worker) for `text` as asked by `request`.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    pub text: Rc<str>,
    pub request: Request,
    pub analysis: Analysis,
    pub export: Export,
}

/// The Export panel's content for `source` (whose analysis is `analysis`): the core's export
/// engine, started from the analysis the page already has.
fn export_of(source: &str, analysis: &Analysis, include_unsafe: bool, canonical: bool) -> Export {
    let applicability = if include_unsafe {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let form = if canonical {
        Form::Canonical
    } else {
        Form::AsWritten
    };
    enccfg_core::export(
        source,
        analysis,
        applicability,
        form,
        "encryption-config.yaml",
    )
}

/// Texts up to this size are analysed on the keystroke itself: their analysis takes well under
/// a millisecond or two, so the findings are painted in the same frame as the character.
pub const ANALYSE_AT_ONCE_BYTES: usize = 32 * 1024;

/// How long typing must pause before the text is analysed again: not at all for small texts,
/// else 120 ms, longer for big files (whose analysis takes long enough to interrupt typing),
/// and under the contract's 300 ms.
pub fn debounce_ms(text_len: usize) -> u32 {
    if text_len <= ANALYSE_AT_ONCE_BYTES {
        return 0;
    }
    120 + (text_len / 1_000).min(160) as u32
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor text changed; analysis follows with `Analyze` after the debounce (the editor
    /// keeps the same `Rc`, so a big text is not copied again).
    Edit(Rc<str>),
    /// Re-run the analysis on the current text.
    Analyze,
    SetOptions(Options),
    /// New options whose analysis the worker computes: the text is marked pending until
    /// `Analysed` arrives.
    SetOptionsPending(Options),
    /// An analysis from the worker: applied when it is of the current text and settings (the
    /// last request wins), dropped otherwise.
    Analysed(Rc<Analysed>),
    /// Mark a KMS plugin up (`true`) or down.
    SetPlugin(String, bool),
    SetIncludeUnsafe(bool),
    SetCanonical(bool),
    /// Replace text and options without it counting as the user's edit (a share link, the
    /// saved draft, a message from an embedding page).
    Load {
        text: String,
        options: Options,
        example: Option<&'static str>,
    },
    /// The user picked a built-in example: its text and the options it is meant for.
    LoadExample(&'static str),
    /// The user chose to keep what is shown as their draft.
    KeepAsDraft,
}

impl Playground {
    pub fn new(source: &str, options: Options) -> Self {
        let analysis = analyze(source, &options);
        Playground {
            source: source.into(),
            options,
            export: Rc::new(export_of(source, &analysis, false, false)),
            last_views: analysis.views.clone().map(Rc::new),
            analysis: Rc::new(analysis),
            pending: false,
            down_plugins: Vec::new(),
            include_unsafe: false,
            canonical: false,
            example: None,
            dirty: false,
        }
    }

    /// The editor text with `fix` (one diagnostic's) applied; `None` while an edit waits for
    /// its analysis, since the fix's offsets belong to the analysed text, not the one shown.
    pub fn text_with_fix(&self, fix: &Fix) -> Option<String> {
        (!self.pending).then(|| enccfg_core::fix::apply_fix(&self.source, fix))
    }

    /// What an analysis of the current text must be asked with.
    pub fn request(&self) -> Request {
        Request {
            options: self.options,
            include_unsafe: self.include_unsafe,
            canonical: self.canonical,
        }
    }

    /// The views are from an older text (the current one does not decode).
    pub fn views_stale(&self) -> bool {
        self.analysis.views.is_none() && self.last_views.is_some()
    }

    fn reanalysed(&self, options: Options) -> Playground {
        let request = Request {
            options,
            ..self.request()
        };
        let (analysis, export) = analyse_with_export(&self.source, request);
        self.with_analysis(options, analysis, export)
    }

    /// The state with `analysis` (and its `export`) of the current text, made with `options`.
    fn with_analysis(&self, options: Options, analysis: Analysis, export: Export) -> Playground {
        Playground {
            options,
            export: Rc::new(export),
            last_views: analysis
                .views
                .clone()
                .map(Rc::new)
                .or_else(|| self.last_views.clone()),
            analysis: Rc::new(analysis),
            pending: false,
            ..self.clone()
        }
    }

    /// The export rebuilt for new settings from the analysis at hand (no new analysis).
    fn with_export(&self, include_unsafe: bool, canonical: bool) -> Playground {
        Playground {
            include_unsafe,
            canonical,
            export: Rc::new(export_of(
                &self.source,
                &self.analysis,
                include_unsafe,
                canonical,
            )),
            ..self.clone()
        }
    }

    /// Pure: the state after `action`.
    pub fn apply(&self, action: Action) -> Playground {
        match action {
            Action::Edit(text) => Playground {
                source: text,
                pending: true,
                example: None,
                dirty: true,
                ..self.clone()
            },
            Action::Analyze => self.reanalysed(self.options),
            Action::SetOptions(options) => Playground {
                dirty: true,
                ..self.reanalysed(options)
            },
            Action::SetOptionsPending(options) => Playground {
                options,
                pending: true,
                dirty: true,
                ..self.clone()
            },
            Action::Analysed(result) => {
                if result.text != self.source || result.request.options != self.options {
                    return self.clone();
                }
                // The worker's result is usually held only here: moved, not copied.
                let Analysed {
                    request,
                    analysis,
                    export,
                    ..
                } = Rc::try_unwrap(result).unwrap_or_else(|shared| (*shared).clone());
                let next = self.with_analysis(request.options, analysis, export);
                // Export settings changed while the worker ran: only the export is redone.
                if request == self.request() {
                    next
                } else {
                    next.with_export(self.include_unsafe, self.canonical)
                }
            }
            Action::Load {
                text,
                options,
                example,
            } => Playground {
                source: text.into(),
                example,
                dirty: false,
                last_views: None,
                ..self.clone()
            }
            .reanalysed(options),
            Action::LoadExample(id) => match crate::examples::find(id) {
                Some(e) => Playground {
                    source: e.text.into(),
                    example: Some(e.id),
                    dirty: true,
                    last_views: None,
                    ..self.clone()
                }
                .reanalysed(e.options()),
                None => self.clone(),
            },
            Action::KeepAsDraft => Playground {
                dirty: true,
                ..self.clone()
            },
            Action::SetPlugin(name, up) => {
                let mut down_plugins = self.down_plugins.clone();
                down_plugins.retain(|n| *n != name);
                if !up {
                    down_plugins.push(name);
                }
                Playground {
                    down_plugins,
                    ..self.clone()
                }
            }
            Action::SetIncludeUnsafe(include_unsafe) => {
                self.with_export(include_unsafe, self.canonical)
            }
            Action::SetCanonical(canonical) => self.with_export(self.include_unsafe, canonical),
        }
    }
}

impl yew::Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_waits_for_analyze() {
        let start = Playground::new("a: [", Options::default());
        assert!(!start.analysis.accepted);
        let edited = start.apply(Action::Edit("a: 1\n".into()));
        assert!(edited.pending);
        assert_eq!(edited.analysis, start.analysis);
        let analysed = edited.apply(Action::Analyze);
        assert!(!analysed.pending);
        assert!(analysed
            .analysis
            .diagnostics
            .iter()
            .all(|d| d.code != "EC0001"));
    }

    /// What the worker would answer for `text` asked with `request`.
    fn worker_answer(text: &Rc<str>, request: Request) -> Action {
        let (analysis, export) = analyse_with_export(text, request);
        Action::Analysed(Rc::new(Analysed {
            text: text.clone(),
            request,
            analysis,
            export,
        }))
    }

    #[test]
    fn a_worker_answer_for_the_current_text_is_applied_and_a_stale_one_dropped() {
        let start = Playground::new("a: [", Options::default());
        let first = start.apply(Action::Edit(crate::DEFAULT_EXAMPLE.into()));
        let first_text = first.source.clone();
        let request = first.request();
        // The user typed on while the worker analysed the first text.
        let second = first.apply(Action::Edit(
            format!("{}\n# more", crate::DEFAULT_EXAMPLE).into(),
        ));
        let stale = second.apply(worker_answer(&first_text, request));
        assert!(stale.pending, "an answer for an older text is dropped");
        assert_eq!(stale.analysis, start.analysis);

        let fresh = second.apply(worker_answer(&second.source.clone(), request));
        assert!(!fresh.pending);
        assert!(fresh.analysis.accepted);
        assert_eq!(*fresh.analysis, analyze(&second.source, &request.options));
        assert!(fresh.last_views.is_some());
        assert_eq!(fresh.export.output, second.source.to_string());
    }

    #[test]
    fn options_for_the_worker_wait_and_answers_for_other_options_are_dropped() {
        let start = Playground::new(crate::DEFAULT_EXAMPLE, Options::default());
        let reload = Options {
            reload: true,
            ..Options::default()
        };
        let waiting = start.apply(Action::SetOptionsPending(reload));
        assert!(waiting.pending && waiting.dirty);
        assert_eq!(waiting.options, reload);
        assert_eq!(waiting.analysis.options, Options::default());
        let text = waiting.source.clone();
        let old = waiting.apply(worker_answer(&text, start.request()));
        assert!(old.pending, "an answer with the old options is dropped");
        let new = waiting.apply(worker_answer(&text, waiting.request()));
        assert!(!new.pending);
        assert_eq!(new.analysis.options, reload);
    }

    #[test]
    fn an_answer_made_before_an_export_setting_changed_is_applied_with_the_new_setting() {
        let start = Playground::new("a: [", Options::default());
        let edited = start.apply(Action::Edit(crate::DEFAULT_EXAMPLE.into()));
        let asked = edited.request();
        let toggled = edited.apply(Action::SetCanonical(!asked.canonical));
        let text = toggled.source.clone();
        let done = toggled.apply(worker_answer(&text, asked));
        assert!(!done.pending);
        assert_eq!(done.canonical, !asked.canonical);
        let expected = analyse_with_export(&text, done.request()).1;
        assert_eq!(*done.export, expected);
    }

    #[test]
    fn changing_options_reanalyses() {
        let start = Playground::new("a: 1\n", Options::default());
        let options = Options {
            reload: true,
            ..Options::default()
        };
        let next = start.apply(Action::SetOptions(options));
        assert_eq!(next.analysis.options, options);
    }

    #[test]
    fn views_survive_a_broken_edit_and_are_marked_stale() {
        let start = Playground::new(crate::DEFAULT_EXAMPLE, Options::default());
        assert!(start.last_views.is_some() && !start.views_stale());
        let broken = start
            .apply(Action::Edit("resources: [".into()))
            .apply(Action::Analyze);
        assert!(broken.views_stale());
        assert_eq!(broken.last_views, start.last_views);
        let fixed = broken
            .apply(Action::Edit(crate::DEFAULT_EXAMPLE.into()))
            .apply(Action::Analyze);
        assert!(!fixed.views_stale());
    }

    #[test]
    fn export_follows_the_text_and_the_unsafe_switch() {
        let text = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [Secrets]\n    providers:\n      - identity: {}\n      - kms: {apiVersion: v2, name: a, endpoint: 'unix:///a.sock'}\n";
        let start = Playground::new(text, Options::default());
        assert!(start.export.output.contains("[secrets]"));
        assert!(start.export.diff.contains("+  - resources: [secrets]"));
        assert_eq!(start.export.skipped_unsafe, 1);
        let with_unsafe = start.apply(Action::SetIncludeUnsafe(true));
        assert!(
            with_unsafe
                .export
                .output
                .trim_end()
                .ends_with("- identity: {}"),
            "{}",
            with_unsafe.export.output
        );
        let canonical = with_unsafe.apply(Action::SetCanonical(true));
        assert!(canonical.export.output.contains("- secrets"));
        assert!(
            canonical.export.fixed.contains("[secrets]"),
            "apply keeps the user's layout"
        );
    }

    #[test]
    fn loading_is_not_an_edit_but_picking_an_example_is() {
        let start = Playground::new("a: 1\n", Options::default());
        assert!(!start.dirty);
        let loaded = start.apply(Action::Load {
            text: "b: 2\n".into(),
            options: Options {
                reload: true,
                ..Options::default()
            },
            example: None,
        });
        assert_eq!(&*loaded.source, "b: 2\n");
        assert!(loaded.options.reload && !loaded.dirty && !loaded.pending);
        assert_eq!(loaded.analysis.options, loaded.options);

        let picked = loaded.apply(Action::LoadExample("kms-v2-reload"));
        assert_eq!(picked.example, Some("kms-v2-reload"));
        assert!(picked.dirty && picked.options.reload && picked.analysis.accepted);
        let edited = picked.apply(Action::Edit("c: 3\n".into()));
        assert_eq!(edited.example, None);
        assert_eq!(loaded.apply(Action::LoadExample("nope")), loaded);
        assert!(loaded.apply(Action::KeepAsDraft).dirty);
    }

    #[test]
    fn the_debounce_grows_with_the_file() {
        assert_eq!(debounce_ms(crate::DEFAULT_EXAMPLE.len()), 0);
        assert_eq!(debounce_ms(ANALYSE_AT_ONCE_BYTES), 0);
        assert_eq!(debounce_ms(ANALYSE_AT_ONCE_BYTES + 1), 152);
        assert_eq!(debounce_ms(100_000), 220);
        assert_eq!(debounce_ms(10_000_000), 280);
    }

    #[test]
    fn plugins_toggle_down_and_up() {
        let start = Playground::new(crate::DEFAULT_EXAMPLE, Options::default());
        let down = start.apply(Action::SetPlugin("myKmsPluginFoo".into(), false));
        assert_eq!(down.down_plugins, ["myKmsPluginFoo"]);
        let twice = down.apply(Action::SetPlugin("myKmsPluginFoo".into(), false));
        assert_eq!(twice.down_plugins, ["myKmsPluginFoo"]);
        assert!(down
            .apply(Action::SetPlugin("myKmsPluginFoo".into(), true))
            .down_plugins
            .is_empty());
    }
}
