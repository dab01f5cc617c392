//! The page copies findings with the core's `report` module; the CLI renders its own. For one
//! file they must say the same: JSON and SARIF compared as values (key order aside).

use std::process::Command;

use enccfg_core::{analyze, report, Options};
use serde_json::Value;

const FILES: &[&str] = &[
    // Accepted, with advice.
    "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: key1\n              secret: QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=\n      - identity: {}\n",
    // Refused: validation errors with fields, a fix, a quote and a tab in messages.
    "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [Secrets]\n    providers:\n      - identity: {}\n      - aescbc:\n          keys:\n            - name: \"k\\\"1\"\n              secret: QUFB\n      - kms:\n          apiVersion: v2\n          name: my:kms\n          endpoint: unix:///tmp/kms.sock\n",
    // Does not parse.
    "resources: [\n",
];

fn cli(format: &str, path: &std::path::Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_enccfg"))
        .args(["check", "--format", format])
        .arg(path)
        .output()
        .expect("run enccfg");
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn core_report_and_cli_agree_for_one_file() {
    let dir = std::env::temp_dir().join(format!("enccfg-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, text) in FILES.iter().enumerate() {
        let path = dir.join(format!("file{i}.yaml"));
        std::fs::write(&path, text).unwrap();
        let analysis = analyze(text, &Options::default());
        let core_json: Value = serde_json::from_str(&report::json(&analysis)).unwrap();
        assert_eq!(core_json, cli("json", &path), "json of file {i}");
        let uri = path.to_str().unwrap();
        let core_sarif: Value =
            serde_json::from_str(&report::sarif(&analysis, uri, env!("CARGO_PKG_VERSION")))
                .unwrap();
        assert_eq!(core_sarif, cli("sarif", &path), "sarif of file {i}");
        let md = report::markdown(&analysis, "file.yaml");
        for d in &analysis.diagnostics {
            assert!(
                md.contains(d.code)
                    && md.contains(&format!("file.yaml:{}:{}", d.start.line, d.start.column))
            );
        }
        assert!(!md.contains("QUFBQUFB"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
