//! kube-apiserver's command line as its flag parser (spf13/pflag) reads it: `--flag=value` and
//! `--flag value`, a boolean flag alone meaning true, the last occurrence winning, and `--`
//! ending the flags.

use super::pod::Located;

/// One occurrence of a flag.
#[derive(Debug)]
pub struct Occurrence<'a> {
    /// The value (`None`: a flag written alone, as booleans are).
    pub value: Option<String>,
    /// The argument that names the flag.
    pub at: &'a Located<String>,
    /// The next argument, when it holds the value (`--flag value`).
    pub value_at: Option<&'a Located<String>>,
}

impl Occurrence<'_> {
    /// The span to point at: the flag and its value.
    pub fn span(&self) -> ((u32, u32), (u32, u32)) {
        (self.at.start, self.value_at.unwrap_or(self.at).end)
    }
}

/// Every occurrence of `--name` in `argv`, in order. `boolean` flags never take the next
/// argument as their value (pflag's rule); other flags do when they have no `=`.
pub fn occurrences<'a>(
    argv: &'a [Located<String>],
    name: &str,
    boolean: bool,
) -> Vec<Occurrence<'a>> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(arg) = argv.get(i) {
        i += 1;
        if arg.value == "--" {
            break;
        }
        let Some(flag) = arg.value.strip_prefix("--") else {
            continue;
        };
        let (flag_name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        if flag_name != name {
            // Another flag: assume it takes the next argument when that is not a flag.
            if inline.is_none() && argv.get(i).is_some_and(|next| !next.value.starts_with('-')) {
                i += 1;
            }
            continue;
        }
        if inline.is_some() || boolean {
            found.push(Occurrence {
                value: inline,
                at: arg,
                value_at: None,
            });
        } else {
            let next = argv.get(i);
            i += usize::from(next.is_some());
            found.push(Occurrence {
                value: next.map(|n| n.value.clone()),
                at: arg,
                value_at: next,
            });
        }
    }
    found
}

/// Go's `strconv.ParseBool`, which pflag uses for boolean flags.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<Located<String>> {
        args.iter()
            .enumerate()
            .map(|(i, a)| Located {
                value: a.to_string(),
                start: (i as u32 + 1, 1),
                end: (i as u32 + 1, a.len() as u32 + 1),
            })
            .collect()
    }

    #[test]
    fn both_forms_are_read_and_the_last_occurrence_comes_last() {
        let args = argv(&[
            "--v",
            "2",
            "--encryption-provider-config",
            "/a.yaml",
            "--secure-port=6443",
            "--encryption-provider-config=/b.yaml",
        ]);
        let found = occurrences(&args, "encryption-provider-config", false);
        let values: Vec<_> = found.iter().map(|o| o.value.as_deref()).collect();
        assert_eq!(values, [Some("/a.yaml"), Some("/b.yaml")]);
        assert_eq!(found[0].span(), ((3, 1), (4, 8)));
        assert_eq!(found[1].span(), ((6, 1), (6, 37)));
    }

    #[test]
    fn a_boolean_flag_alone_does_not_take_the_next_argument() {
        let args = argv(&["--encryption-provider-config-automatic-reload", "true"]);
        let found = occurrences(&args, "encryption-provider-config-automatic-reload", true);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, None);
        assert!(found[0].value_at.is_none());
    }

    #[test]
    fn a_value_is_not_mistaken_for_a_flag_and_double_dash_ends_the_flags() {
        let args = argv(&[
            "--tls-cert-file",
            "--encryption-provider-config=/not-a-flag",
            "--",
            "--encryption-provider-config=/after-dash-dash",
        ]);
        // `--tls-cert-file`'s next argument starts with `-`, so it is read as a flag.
        let found = occurrences(&args, "encryption-provider-config", false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value.as_deref(), Some("/not-a-flag"));
    }

    #[test]
    fn booleans_are_parsed_as_go_does() {
        assert_eq!(parse_bool("True"), Some(true));
        assert_eq!(parse_bool("0"), Some(false));
        assert_eq!(parse_bool("yes"), None);
        assert_eq!(parse_bool("tRUE"), None);
    }
}
