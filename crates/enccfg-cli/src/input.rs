//! Reading the input file (or standard input) as raw bytes.

use std::io::Read;

/// Reads `path` (`-` is standard input); returns the display name and the bytes.
pub fn read(path: &str) -> Result<(String, Vec<u8>), String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(("<stdin>".to_string(), bytes));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    Ok((path.to_string(), bytes))
}
