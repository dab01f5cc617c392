//! The playground's state and its pure reducer (tested natively, no browser needed).

use std::rc::Rc;

use enccfg_core::{analyze, Analysis, Options};

/// Everything the page shows is derived from these fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub source: Rc<str>,
    pub options: Options,
    pub analysis: Rc<Analysis>,
    /// The analysis is older than `source` (an edit is waiting for the debounce).
    pub pending: bool,
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor text changed; analysis follows with `Analyze` after the debounce.
    Edit(String),
    /// Re-run the analysis on the current text.
    Analyze,
    SetOptions(Options),
}

impl Playground {
    pub fn new(source: &str, options: Options) -> Self {
        Playground {
            source: source.into(),
            options,
            analysis: Rc::new(analyze(source, &options)),
            pending: false,
        }
    }

    /// Pure: the state after `action`.
    pub fn apply(&self, action: Action) -> Playground {
        match action {
            Action::Edit(text) => Playground {
                source: text.into(),
                pending: true,
                ..self.clone()
            },
            Action::Analyze => Playground::new(&self.source, self.options),
            Action::SetOptions(options) => Playground::new(&self.source, options),
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
}
