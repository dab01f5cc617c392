//! The playground's state and its reducer (tested natively, no browser needed). It is pure but
//! for where its analyses come from (`engine`: the linked core, or in the page the engine's
//! module, which may not have loaded yet).

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
    /// The analysis waits for the engine's module to load (`Action::EngineReady` redoes it).
    pub awaiting_engine: bool,
    /// Nothing has been analysed yet: `analysis` is a placeholder, not to be shown.
    pub unanalysed: bool,
    /// Why the engine's module could not load (or answer), while an analysis waits for it.
    pub engine_failure: Option<Rc<str>>,
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Request {
    pub options: Options,
    pub include_unsafe: bool,
    pub canonical: bool,
}

/// The analysis of `source` and its export, with the core linked in: what the engine's module
/// computes (`analyse_for_page` in `src/bin/engine.rs`), for the page's thread or its worker.
/// The reducer asks for it through `engine::analyse`.
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
    /// New settings (options or export settings) whose analysis the worker computes: the text
    /// is marked pending until `Analysed` arrives.
    RequestPending(Request),
    /// An analysis from the worker: applied when it is of the current text and settings (the
    /// last request wins), dropped otherwise.
    Analysed(Rc<Analysed>),
    /// The engine's module has loaded: what waited for it is analysed now.
    EngineReady,
    /// The engine's module could not load (or answer), for this reason.
    EngineFailed(Rc<str>),
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
        let unanalysed = Playground {
            source: source.into(),
            options,
            analysis: Rc::new(Analysis {
                accepted: false,
                diagnostics: Vec::new(),
                options,
                secret_ranges: Vec::new(),
                views: None,
            }),
            pending: true,
            awaiting_engine: true,
            unanalysed: true,
            engine_failure: None,
            last_views: None,
            down_plugins: Vec::new(),
            include_unsafe: false,
            canonical: false,
            export: Rc::new(Export {
                fixed: source.into(),
                output: source.into(),
                canonical_refused: false,
                diff: String::new(),
                applied: Vec::new(),
                skipped_unsafe: 0,
                accepted: false,
                remaining: 0,
            }),
            example: None,
            dirty: false,
        };
        unanalysed.reanalysed(unanalysed.request())
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

    /// The state analysed as `request` asks (its settings taken), or waiting for the engine.
    fn reanalysed(&self, request: Request) -> Playground {
        match crate::engine::analyse(&self.source, request) {
            Some((analysis, export)) => self.with_analysis(request, analysis, export),
            None => Playground {
                options: request.options,
                include_unsafe: request.include_unsafe,
                canonical: request.canonical,
                pending: true,
                awaiting_engine: true,
                ..self.clone()
            },
        }
    }

    /// The state with `analysis` (and its `export`) of the current text, made as `request`
    /// asked.
    fn with_analysis(&self, request: Request, analysis: Analysis, export: Export) -> Playground {
        Playground {
            options: request.options,
            include_unsafe: request.include_unsafe,
            canonical: request.canonical,
            export: Rc::new(export),
            last_views: analysis
                .views
                .clone()
                .map(Rc::new)
                .or_else(|| self.last_views.clone()),
            analysis: Rc::new(analysis),
            pending: false,
            awaiting_engine: false,
            unanalysed: false,
            engine_failure: None,
            ..self.clone()
        }
    }

    /// The current settings with `options`.
    fn with_options(&self, options: Options) -> Request {
        Request {
            options,
            ..self.request()
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
            Action::Analyze => self.reanalysed(self.request()),
            Action::SetOptions(options) => Playground {
                dirty: true,
                ..self.reanalysed(self.with_options(options))
            },
            Action::RequestPending(request) => Playground {
                options: request.options,
                include_unsafe: request.include_unsafe,
                canonical: request.canonical,
                pending: true,
                dirty: self.dirty || request.options != self.options,
                ..self.clone()
            },
            Action::EngineReady if self.awaiting_engine => self.reanalysed(self.request()),
            Action::EngineReady => self.clone(),
            Action::EngineFailed(why) => Playground {
                engine_failure: self.awaiting_engine.then_some(why),
                ..self.clone()
            },
            Action::Analysed(result) => {
                // Settings changed since it was asked for: their own request is on its way.
                if result.text != self.source || result.request != self.request() {
                    return self.clone();
                }
                // The worker's result is usually held only here: moved, not copied.
                let Analysed {
                    request,
                    analysis,
                    export,
                    ..
                } = Rc::try_unwrap(result).unwrap_or_else(|shared| (*shared).clone());
                self.with_analysis(request, analysis, export)
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
            .reanalysed(self.with_options(options)),
            Action::LoadExample(id) => match crate::examples::find(id) {
                Some(e) => Playground {
                    source: e.text.into(),
                    example: Some(e.id),
                    dirty: true,
                    last_views: None,
                    ..self.clone()
                }
                .reanalysed(self.with_options(e.options())),
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
            Action::SetIncludeUnsafe(include_unsafe) => self.reanalysed(Request {
                include_unsafe,
                ..self.request()
            }),
            Action::SetCanonical(canonical) => self.reanalysed(Request {
                canonical,
                ..self.request()
            }),
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
        let waiting = start.apply(Action::RequestPending(Request {
            options: reload,
            ..start.request()
        }));
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
    fn export_settings_for_the_worker_wait_and_older_answers_are_dropped() {
        let start = Playground::new("a: [", Options::default());
        let edited = start.apply(Action::Edit(crate::DEFAULT_EXAMPLE.into()));
        let asked = edited.request();
        let canonical = Request {
            canonical: true,
            ..asked
        };
        let toggled = edited.apply(Action::RequestPending(canonical));
        assert!(toggled.pending && toggled.canonical);
        let text = toggled.source.clone();
        let old = toggled.apply(worker_answer(&text, asked));
        assert!(old.pending, "the answer for the old setting is dropped");
        let done = toggled.apply(worker_answer(&text, canonical));
        assert!(!done.pending && done.canonical);
        assert_eq!(*done.export, analyse_with_export(&text, canonical).1);
    }

    #[test]
    fn a_first_analysis_without_the_engine_waits_for_it() {
        let start = crate::engine::test_support::unloaded(|| {
            Playground::new(crate::DEFAULT_EXAMPLE, Options::default())
        });
        assert!(start.unanalysed && start.awaiting_engine && start.pending);
        assert!(start.analysis.diagnostics.is_empty() && start.last_views.is_none());
        let failed = start.apply(Action::EngineFailed("offline".into()));
        assert_eq!(failed.engine_failure.as_deref(), Some("offline"));
        let ready = failed.apply(Action::EngineReady);
        assert!(!ready.unanalysed && !ready.awaiting_engine && !ready.pending);
        assert_eq!(ready.engine_failure, None);
        assert!(ready.analysis.accepted && ready.last_views.is_some());
        // Once nothing waits, the engine's news changes nothing.
        assert_eq!(ready.apply(Action::EngineReady), ready);
        assert_eq!(ready.apply(Action::EngineFailed("x".into())), ready);
    }

    #[test]
    fn edits_and_settings_made_before_the_engine_loads_are_analysed_when_it_does() {
        let start = Playground::new("a: [", Options::default());
        let reload = Options {
            reload: true,
            ..Options::default()
        };
        let waiting = crate::engine::test_support::unloaded(|| {
            start
                .apply(Action::Edit(crate::DEFAULT_EXAMPLE.into()))
                .apply(Action::Analyze)
                .apply(Action::SetOptions(reload))
                .apply(Action::SetIncludeUnsafe(true))
        });
        assert!(waiting.awaiting_engine && waiting.pending && !waiting.unanalysed);
        assert_eq!(waiting.analysis, start.analysis, "the old findings stay");
        assert!(waiting.options.reload && waiting.include_unsafe);
        assert_eq!(
            waiting.text_with_fix(&enccfg_core::Fix {
                title: String::new(),
                edits: Vec::new(),
                applicability: Applicability::Safe,
            }),
            None
        );
        let ready = waiting.apply(Action::EngineReady);
        assert!(!ready.pending && ready.analysis.accepted);
        assert_eq!(ready.analysis.options, reload);
        assert_eq!(
            *ready.export,
            analyse_with_export(crate::DEFAULT_EXAMPLE, ready.request()).1
        );
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
