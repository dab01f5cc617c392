//! Diagnostics → what the overlay draws on each line: wavy underlines at the exact character
//! columns of each span, and one gutter marker per line with the messages for its tooltip.

use enccfg_core::{Diagnostic, Severity};

use super::highlight::Token;

/// One diagnostic's underline on one line: characters `from..to` (0-based; `to` may pass the
/// line end, meaning "to the end").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Squiggle {
    pub from: usize,
    pub to: usize,
    pub severity: Severity,
    pub code: &'static str,
}

/// The marker in the gutter of a line where diagnostics start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GutterMark {
    /// The worst severity starting on the line.
    pub severity: Severity,
    /// `error EC0218: message` lines, for the tooltip.
    pub title: String,
}

/// Everything drawn on one line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineMarks {
    pub squiggles: Vec<Squiggle>,
    pub gutter: Option<GutterMark>,
}

/// The marks of all lines (1-based line numbers), built once per analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// In line order, one entry per marked line (a sorted list: the page's only other map
    /// type is Yew's, and each new `BTreeMap` type adds its own copy of the tree code).
    lines: Vec<(u32, LineMarks)>,
}

impl Marks {
    pub fn new(diagnostics: &[Diagnostic]) -> Marks {
        // Each diagnostic's marks, tagged with their line; sorted (stably) and grouped below.
        let mut squiggles: Vec<(u32, Squiggle)> = Vec::new();
        let mut gutters: Vec<(u32, &Diagnostic)> = Vec::with_capacity(diagnostics.len());
        for d in diagnostics {
            let (start, end) = (d.start, d.end);
            let last = end.line.max(start.line);
            for line in start.line..=last {
                let from = if line == start.line {
                    (start.column as usize).saturating_sub(1)
                } else {
                    0
                };
                let mut to = if line == last && end.line >= start.line {
                    (end.column as usize).saturating_sub(1)
                } else {
                    usize::MAX
                };
                if to <= from {
                    to = from + 1; // an empty span still gets one character of underline
                }
                if line != start.line && line == last && end.column == 1 {
                    break; // a span ending at a line start does not reach into that line
                }
                squiggles.push((
                    line,
                    Squiggle {
                        from,
                        to,
                        severity: d.severity,
                        code: d.code,
                    },
                ));
            }
            gutters.push((start.line, d));
        }
        enccfg_core::order::sort_by_key(&mut squiggles, |(line, _)| u64::from(*line));
        enccfg_core::order::sort_by_key(&mut gutters, |(line, _)| u64::from(*line));
        let mut lines: Vec<(u32, LineMarks)> = Vec::new();
        for (line, squiggle) in squiggles {
            line_marks(&mut lines, line).squiggles.push(squiggle);
        }
        for (line, d) in gutters {
            let entry = line_marks(&mut lines, line);
            let text = format!("{} {}: {}", d.severity.as_str(), d.code, d.message);
            entry.gutter = Some(match entry.gutter.take() {
                None => GutterMark {
                    severity: d.severity,
                    title: text,
                },
                Some(mark) => GutterMark {
                    severity: mark.severity.min(d.severity),
                    title: format!("{}\n{text}", mark.title),
                },
            });
        }
        Marks { lines }
    }

    /// The marks of line `line` (1-based).
    pub fn line(&self, line: u32) -> Option<&LineMarks> {
        let at = self.lines.binary_search_by_key(&line, |(l, _)| *l).ok()?;
        Some(&self.lines[at].1)
    }
}

/// The marks of `line` in `lines` (sorted by line), added when missing. Squiggles come in line
/// order, so a new line goes at the end; a diagnostic's first line always has its squiggle, so
/// gutters find their line.
fn line_marks(lines: &mut Vec<(u32, LineMarks)>, line: u32) -> &mut LineMarks {
    let at = match lines.binary_search_by_key(&line, |(l, _)| *l) {
        Ok(at) => at,
        Err(at) => {
            lines.insert(at, (line, LineMarks::default()));
            at
        }
    };
    &mut lines[at].1
}

/// A stretch of a line drawn the same way: its tokens (relative to the line) and the squiggles
/// covering all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub from: usize,
    pub to: usize,
    /// Worst severity and codes of the squiggles over this run (`None`: not underlined).
    pub squiggle: Option<(Severity, Vec<&'static str>)>,
    /// The tokens inside, clipped to the run.
    pub tokens: Vec<Token>,
    /// The run lies past the line's last character (an underline at the line end); draw it
    /// as one space.
    pub past_end: bool,
}

/// Splits a line of `len` characters at every squiggle boundary.
pub fn line_runs(len: usize, tokens: &[Token], squiggles: &[Squiggle]) -> Vec<Run> {
    let reach = squiggles.iter().map(|s| s.from + 1).max().unwrap_or(0);
    let width = len.max(reach.min(len + 1));
    let mut cuts: Vec<usize> = vec![0, width];
    for s in squiggles {
        cuts.push(s.from.min(width));
        cuts.push(s.to.min(width));
    }
    enccfg_core::order::sort_by_key(&mut cuts, |&c| c as u64);
    cuts.dedup();
    let mut runs: Vec<Run> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let over: Vec<&Squiggle> = squiggles
            .iter()
            .filter(|s| s.from < to && s.to.min(width) > from)
            .collect();
        let squiggle = (!over.is_empty()).then(|| {
            let worst = over
                .iter()
                .map(|s| s.severity)
                .min()
                .unwrap_or(Severity::Info);
            let mut codes: Vec<&'static str> = over.iter().map(|s| s.code).collect();
            codes.dedup();
            (worst, codes)
        });
        if let Some(prev) = runs.last_mut() {
            if prev.squiggle == squiggle && to <= len {
                prev.to = to;
                continue;
            }
        }
        runs.push(Run {
            from,
            to,
            squiggle,
            tokens: Vec::new(),
            past_end: from >= len,
        });
    }
    for run in &mut runs {
        run.tokens = tokens
            .iter()
            .filter(|t| t.from < run.to && t.to > run.from)
            .map(|t| Token {
                from: t.from.max(run.from),
                to: t.to.min(run.to),
                class: t.class,
            })
            .collect();
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor_model::highlight;
    use enccfg_core::{analyze, Options};

    fn marks_of(text: &str) -> (Vec<Diagnostic>, Marks) {
        let analysis = analyze(text, &Options::default());
        let marks = Marks::new(&analysis.diagnostics);
        (analysis.diagnostics, marks)
    }

    #[test]
    fn squiggles_sit_at_the_exact_columns_of_each_span() {
        let example = crate::examples::find("docs-published").unwrap().text;
        let (diagnostics, marks) = marks_of(example);
        let lines: Vec<&str> = example.lines().collect();
        for d in diagnostics.iter().filter(|d| d.start.line == d.end.line) {
            let line = marks.line(d.start.line).unwrap();
            let s = line.squiggles.iter().find(|s| s.code == d.code).unwrap();
            let text: String = lines[d.start.line as usize - 1]
                .chars()
                .skip(s.from)
                .take(s.to - s.from)
                .collect();
            let expected = &example[d.range.start()..d.range.end()];
            if !expected.is_empty() {
                assert_eq!(text, expected, "{}", d.code);
            }
            assert!(line.gutter.is_some() || d.start.line != d.end.line);
        }
        let key = diagnostics.iter().find(|d| d.code == "EC0218").unwrap();
        let gutter = marks.line(key.start.line).unwrap().gutter.clone().unwrap();
        assert_eq!(gutter.severity, Severity::Error);
        assert!(
            gutter.title.starts_with("error EC0218: "),
            "{}",
            gutter.title
        );
    }

    #[test]
    fn wide_characters_do_not_shift_the_underline() {
        let text = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [\"秘密😀\", Secrets]\n    providers:\n      - identity: {}\n";
        let (diagnostics, marks) = marks_of(text);
        let d = diagnostics.iter().find(|d| d.code == "EC0205").unwrap();
        let s = marks
            .line(4)
            .unwrap()
            .squiggles
            .iter()
            .find(|s| s.code == "EC0205")
            .unwrap();
        let line: Vec<char> = text.lines().nth(3).unwrap().chars().collect();
        assert_eq!(line[s.from..s.to].iter().collect::<String>(), "Secrets");
        assert_eq!(d.start.column as usize - 1, s.from);
    }

    #[test]
    fn several_diagnostics_on_one_line_share_a_marker_with_all_messages() {
        let d = |code, sev, col: u32, msg: &str| {
            let mut analysis = analyze("a: [\n", &Options::default());
            let mut x = analysis.diagnostics.remove(0);
            x.code = code;
            x.severity = sev;
            x.message = msg.into();
            x.start.line = 2;
            x.start.column = col;
            x.end = x.start;
            x.end.column = col + 2;
            x
        };
        let marks = Marks::new(&[
            d("EC1", Severity::Warning, 1, "w"),
            d("EC2", Severity::Error, 5, "e"),
        ]);
        let mark = marks.line(2).unwrap().gutter.clone().unwrap();
        assert_eq!(mark.severity, Severity::Error);
        assert_eq!(mark.title, "warning EC1: w\nerror EC2: e");
    }

    #[test]
    fn diagnostics_out_of_line_order_land_on_their_lines_in_list_order() {
        let at = |code, line: u32, col: u32| {
            let mut analysis = analyze("a: [\n", &Options::default());
            let mut x = analysis.diagnostics.remove(0);
            x.code = code;
            x.message = code.into();
            x.start.line = line;
            x.start.column = col;
            x.end = x.start;
            x.end.column = col + 1;
            x
        };
        let marks = Marks::new(&[at("EC9", 9, 4), at("EC2", 2, 1), at("EC7", 9, 1)]);
        let codes = |line| -> Vec<&str> {
            marks
                .line(line)
                .map_or(vec![], |m| m.squiggles.iter().map(|s| s.code).collect())
        };
        assert_eq!(codes(9), ["EC9", "EC7"]);
        assert_eq!(codes(2), ["EC2"]);
        assert!(marks.line(5).is_none() && marks.line(1).is_none() && marks.line(10).is_none());
        let title = marks.line(9).unwrap().gutter.clone().unwrap().title;
        assert_eq!(title, "error EC9: EC9\nerror EC7: EC7");
    }

    #[test]
    fn multi_line_spans_underline_each_line_they_cross() {
        let mut analysis = analyze("a: [\n", &Options::default());
        let mut d = analysis.diagnostics.remove(0);
        d.start.line = 1;
        d.start.column = 3;
        d.end.line = 3;
        d.end.column = 2;
        let marks = Marks::new(&[d]);
        assert_eq!(
            (
                marks.line(1).unwrap().squiggles[0].from,
                marks.line(1).unwrap().squiggles[0].to
            ),
            (2, usize::MAX)
        );
        assert_eq!(marks.line(2).unwrap().squiggles[0].from, 0);
        assert_eq!(marks.line(3).unwrap().squiggles[0].to, 1);
        assert!(marks.line(2).unwrap().gutter.is_none());
    }

    #[test]
    fn runs_split_at_squiggles_and_clip_tokens() {
        let line = "  secret: abc";
        let tokens = highlight(line);
        let squiggle = Squiggle {
            from: 10,
            to: 13,
            severity: Severity::Error,
            code: "EC0217",
        };
        let runs = line_runs(13, &tokens, &[squiggle]);
        assert_eq!(runs.len(), 2);
        assert_eq!(
            (runs[0].from, runs[0].to, runs[0].squiggle.is_none()),
            (0, 10, true)
        );
        assert_eq!((runs[1].from, runs[1].to), (10, 13));
        assert_eq!(runs[1].squiggle, Some((Severity::Error, vec!["EC0217"])));
        assert_eq!(runs[0].tokens.len(), 2);
    }

    #[test]
    fn an_underline_at_the_line_end_gets_one_extra_cell() {
        let squiggle = Squiggle {
            from: 4,
            to: 5,
            severity: Severity::Error,
            code: "EC0001",
        };
        let runs = line_runs(4, &[], &[squiggle]);
        assert_eq!(runs.len(), 2);
        assert!(runs[1].past_end && runs[1].squiggle.is_some());
        let empty = line_runs(
            0,
            &[],
            &[Squiggle {
                from: 0,
                to: 1,
                severity: Severity::Info,
                code: "X",
            }],
        );
        assert_eq!(empty.len(), 1);
        assert!(empty[0].past_end);
        assert_eq!(line_runs(3, &[], &[]).len(), 1);
    }
}
