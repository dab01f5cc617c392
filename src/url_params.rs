//! The page's URL contract, parsed: query parameters (`embed`, `example`, `k8s`, `reload`,
//! `theme`, `panel`) and the `#s=` share fragment. Pure; unknown or bad values are ignored.

use enccfg_core::Options;

/// Light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The page's panels; below 900 px (and in embeds) they are tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Editor,
    Diagnostics,
    Ordering,
    Health,
    Export,
    /// The tools, loaded on first use (`src/extras/`): shown only when this build offers them.
    Compare,
    Wizard,
    Explain,
    Deploy,
}

impl Panel {
    pub fn parse(text: &str) -> Option<Panel> {
        match text {
            "editor" => Some(Panel::Editor),
            "diagnostics" => Some(Panel::Diagnostics),
            "ordering" => Some(Panel::Ordering),
            "health" => Some(Panel::Health),
            "export" => Some(Panel::Export),
            "compare" => Some(Panel::Compare),
            "wizard" => Some(Panel::Wizard),
            "explain" => Some(Panel::Explain),
            "deploy" => Some(Panel::Deploy),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Editor => "editor",
            Panel::Diagnostics => "diagnostics",
            Panel::Ordering => "ordering",
            Panel::Health => "health",
            Panel::Export => "export",
            Panel::Compare => "compare",
            Panel::Wizard => "wizard",
            Panel::Explain => "explain",
            Panel::Deploy => "deploy",
        }
    }

    /// A tool (a panel of the lazily loaded module) rather than a view of the analysis.
    pub fn is_tool(self) -> bool {
        matches!(
            self,
            Panel::Compare | Panel::Wizard | Panel::Explain | Panel::Deploy
        )
    }
}

/// What the query string asks for. `None` means "not given (or not understood)".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlParams {
    pub embed: bool,
    pub example: Option<String>,
    pub minor: Option<u32>,
    pub reload: Option<bool>,
    pub kmsv1: Option<bool>,
    pub theme: Option<Theme>,
    pub panel: Option<Panel>,
}

impl UrlParams {
    /// Parses `location.search` (with or without the leading `?`).
    pub fn parse(search: &str) -> UrlParams {
        let mut params = UrlParams::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "embed" => params.embed = matches!(value.as_str(), "1" | "true" | "on" | ""),
                "example" if !value.is_empty() => params.example = Some(value),
                "k8s" => params.minor = Options::parse_version(&value),
                "reload" => params.reload = parse_switch(&value),
                "kmsv1" => params.kmsv1 = parse_switch(&value),
                "theme" => params.theme = Theme::parse(&value),
                "panel" => params.panel = Panel::parse(&value),
                _ => {}
            }
        }
        params
    }

    /// `base` with the options the URL names.
    pub fn apply_options(&self, base: Options) -> Options {
        let mut options = base;
        if let Some(minor) = self.minor {
            options.minor = minor;
            options.kmsv1_gate = None;
        }
        if let Some(reload) = self.reload {
            options.reload = reload;
        }
        if let Some(gate) = self.kmsv1 {
            options.kmsv1_gate = Some(gate);
        }
        options
    }

    /// Whether the URL sets any option.
    pub fn has_options(&self) -> bool {
        self.minor.is_some() || self.reload.is_some() || self.kmsv1.is_some()
    }
}

/// `on`/`off` (also `true`/`false`, `1`/`0`).
pub fn parse_switch(text: &str) -> Option<bool> {
    match text {
        "on" | "true" | "1" => Some(true),
        "off" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Applies `k8s=1.30`, `reload=on`, `kmsv1=on` words (an example's `# options:` line) to `base`.
pub fn parse_options_words<'a>(words: impl Iterator<Item = &'a str>, base: Options) -> Options {
    let query: Vec<&str> = words.collect();
    UrlParams::parse(&query.join("&")).apply_options(base)
}

/// The share payload in a `location.hash` like `#s=<payload>` (other fragments: `None`).
pub fn share_fragment(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#').strip_prefix("s=")
}

/// The link that opens `payload` in the full playground at `base` (origin + path, no query).
pub fn share_link(base: &str, payload: &str) -> String {
    format!("{base}#s={payload}")
}

/// Decodes `%XX` escapes and `+` (invalid escapes are kept as written).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .filter(|h| bytes[i] == b'%' && h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_parameters_are_parsed() {
        let p = UrlParams::parse(
            "?embed=1&example=rotation&k8s=1.29&reload=on&theme=dark&panel=health",
        );
        assert_eq!(
            p,
            UrlParams {
                embed: true,
                example: Some("rotation".into()),
                minor: Some(29),
                reload: Some(true),
                kmsv1: None,
                theme: Some(Theme::Dark),
                panel: Some(Panel::Health),
            }
        );
        let options = p.apply_options(Options::default());
        assert_eq!((options.minor, options.reload), (29, true));
    }

    #[test]
    fn bad_values_are_ignored() {
        let p =
            UrlParams::parse("k8s=1.2&reload=maybe&theme=pink&panel=x&embed=0&unknown=1&example=");
        assert_eq!(p, UrlParams::default());
        assert_eq!(p.apply_options(Options::default()), Options::default());
        assert!(!p.has_options());
        assert_eq!(UrlParams::parse(""), UrlParams::default());
    }

    #[test]
    fn options_words_and_switches() {
        let o = parse_options_words(
            "k8s=1.28 reload=off kmsv1=off".split(' '),
            Options::default(),
        );
        assert_eq!((o.minor, o.reload, o.kmsv1_gate), (28, false, Some(false)));
        assert_eq!(parse_switch("true"), Some(true));
        assert_eq!(parse_switch("0"), Some(false));
    }

    #[test]
    fn share_fragments_and_links() {
        assert_eq!(share_fragment("#s=1.abc"), Some("1.abc"));
        assert_eq!(share_fragment("#top"), None);
        assert_eq!(share_fragment(""), None);
        assert_eq!(
            share_link("https://x.org/tools/playground/", "1.abc"),
            "https://x.org/tools/playground/#s=1.abc"
        );
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }
}
