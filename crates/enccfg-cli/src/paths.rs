//! The inputs of `check`: files, directories (searched for `*.yaml`, `*.yml` and `*.json` in a
//! stable sorted order) and `-` for standard input.

use std::path::{Path, PathBuf};

/// One input to check.
#[derive(Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// What `input::read` takes (`-` for standard input).
    pub fn arg(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(path) => path.to_string_lossy().into_owned(),
        }
    }
}

/// The extensions a directory search picks up (compared without regard to case).
const EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

/// Expands the command line's paths: no path means standard input; a file is taken whatever
/// its name; a directory gives its configuration files, recursively, sorted by name, skipping
/// hidden entries (names starting with `.`) and not following links to directories. A file
/// named twice is checked once. An error names the path that could not be read.
pub fn expand(args: &[String]) -> Result<Vec<Input>, String> {
    if args.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            if inputs.contains(&Input::Stdin) {
                return Err("`-` (standard input) can be given only once".into());
            }
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(arg);
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read `{arg}`: {e}"))?;
        if meta.is_dir() {
            let before = inputs.len();
            walk(path, &mut inputs)?;
            if inputs.len() == before {
                return Err(format!(
                    "no *.yaml, *.yml or *.json file under `{arg}` (hidden directories are skipped)"
                ));
            }
        } else {
            inputs.push(Input::File(path.to_path_buf()));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    inputs.retain(|i| match i {
        Input::Stdin => true,
        Input::File(p) => seen.insert(p.clone()),
    });
    Ok(inputs)
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> Result<(), String> {
    let unreadable = |e: std::io::Error| format!("cannot read `{}`: {e}", dir.display());
    let mut entries = std::fs::read_dir(dir)
        .map_err(unreadable)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(unreadable)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if wanted(&path) && (kind.is_file() || path.is_file()) {
            out.push(Input::File(path));
        }
    }
    Ok(())
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|w| e.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("enccfg-paths-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn directories_give_their_config_files_sorted_and_recursively() {
        let dir = scratch("walk");
        for file in [
            "b.yaml",
            "a.JSON",
            "notes.txt",
            "sub/z.yml",
            "sub/a.yaml",
            ".hidden/x.yaml",
            "a0/c.yaml",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let root = dir.to_string_lossy().into_owned();
        let found: Vec<String> = expand(std::slice::from_ref(&root))
            .unwrap()
            .iter()
            .map(|i| i.arg().strip_prefix(&root).unwrap().to_string())
            .collect();
        assert_eq!(
            found,
            [
                "/a.JSON",
                "/a0/c.yaml",
                "/b.yaml",
                "/sub/a.yaml",
                "/sub/z.yml"
            ]
        );
        // A file named on the command line is taken whatever its name, and only once.
        let notes = dir.join("notes.txt").to_string_lossy().into_owned();
        let twice = expand(&[notes.clone(), "-".into(), notes.clone()]).unwrap();
        assert_eq!(twice, [Input::File(notes.into()), Input::Stdin]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn missing_paths_empty_directories_and_two_stdins_are_errors() {
        assert_eq!(expand(&[]).unwrap(), [Input::Stdin]);
        let missing = expand(&["/nonexistent/enccfg.yaml".into()]).unwrap_err();
        assert!(
            missing.starts_with("cannot read `/nonexistent/enccfg.yaml`: "),
            "{missing}"
        );
        let dir = scratch("empty");
        let empty = expand(&[dir.to_string_lossy().into_owned()]).unwrap_err();
        assert!(
            empty.starts_with("no *.yaml, *.yml or *.json file under"),
            "{empty}"
        );
        assert!(expand(&["-".into(), "-".into()]).is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
