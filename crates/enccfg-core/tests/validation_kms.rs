//! Facts §3 and §4.6–§4.7: the K-rules on defaulted `kms` providers (name required, colon,
//! duplicate with its one-sided rule and reload, timeout, endpoint, cachesize, apiVersion),
//! each fired and not fired, with paths, types and order.

mod common;

use common::*;

const REQ: &str = "Required";
const INV: &str = "Invalid";

const NAME_REQ: &str = "EC0219";
const NAME_COLON: &str = "EC0220";
const NAME_DUP: &str = "EC0221";
const TIMEOUT: &str = "EC0222";
const ENDPOINT_REQ: &str = "EC0223";
const ENDPOINT_URL: &str = "EC0224";
const ENDPOINT_SCHEME: &str = "EC0225";
const CACHE_V2: &str = "EC0226";
const CACHE_ZERO: &str = "EC0227";
const API_VERSION: &str = "EC0228";

/// `resources[0].providers[j].kms.<field>`.
fn f(j: usize, field: &str) -> String {
    format!("resources[0].providers[{j}].kms.{field}")
}

const EP: &str = "endpoint: \"unix:///tmp/kms.sock\"";

#[test]
fn defaulting_makes_an_empty_kms_a_v1_provider() {
    // `kms: {}` is v1 with cachesize 1000 and timeout 3s: only name and endpoint fail.
    for o in [newest(), opts(27), reload()] {
        expect(
            &one(&["kms: {}".into()]),
            &o,
            &[
                (NAME_REQ, &f(0, "name"), REQ),
                (ENDPOINT_REQ, &f(0, "endpoint"), INV),
            ],
        );
    }
    // apiVersion "" is defaulted to v1 too: a colon in the name is then allowed.
    valid(
        &one(&[kms(&format!("apiVersion: \"\", name: \"a:b\", {EP}"))]),
        &newest(),
    );
}

#[test]
fn k_name_required() {
    let o = newest();
    for name in ["", "name: \"\",", "name: ~,", "name: ,"] {
        for version in ["v1", "v2"] {
            let text = one(&[kms(&format!("apiVersion: {version}, {name} {EP}"))]);
            expect(&text, &o, &[(NAME_REQ, &f(0, "name"), REQ)]);
        }
    }
    valid(&one(&[kms2("a")]), &o);
    valid(&one(&[kms1("a")]), &o);
}

#[test]
fn k_name_colon_for_non_v1_only() {
    let o = newest();
    expect(
        &one(&[kms2("a:b")]),
        &o,
        &[(NAME_COLON, &f(0, "name"), INV)],
    );
    expect(
        &one(&[kms(&format!("apiVersion: v3, name: \"x:\", {EP}"))]),
        &o,
        &[
            (NAME_COLON, &f(0, "name"), INV),
            (API_VERSION, &f(0, "apiVersion"), INV),
        ],
    );
    // v1 (explicit or defaulted) may contain `:`.
    valid(&one(&[kms1("a:b")]), &o);
    valid(&one(&[kms(&format!("name: \"a:b\", {EP}"))]), &o);
    valid(&one(&[kms2("a-b_c.d")]), &o);
}

#[test]
fn k_name_duplicate_v2_against_any_earlier_kms() {
    let o = newest();
    // Two v2 in one entry.
    expect(
        &one(&[kms2("foo"), kms2("foo")]),
        &o,
        &[(NAME_DUP, &f(1, "name"), INV)],
    );
    // Across entries.
    expect(
        &doc(&[
            entry(&["secrets"], &[kms2("foo")]),
            entry(&["configmaps"], &[kms2("foo")]),
        ]),
        &o,
        &[(NAME_DUP, "resources[1].providers[0].kms.name", INV)],
    );
    // Different names, or a non-kms provider in between with the same key name.
    valid(&one(&[kms2("foo"), kms2("bar")]), &o);
    valid(
        &one(&[local("aesgcm", &[key("foo", &key32())]), kms2("foo")]),
        &o,
    );
}

#[test]
fn k_name_duplicate_is_one_sided_without_reload() {
    let o = newest();
    // v2 foo then v1 foo: valid (a v1 provider is never checked).
    valid(&one(&[kms2("foo"), kms1("foo")]), &o);
    // v1 foo then v2 foo: the v2 one fails.
    expect(
        &one(&[kms1("foo"), kms2("foo")]),
        &o,
        &[(NAME_DUP, &f(1, "name"), INV)],
    );
    // Two v1 providers named foo: valid without reload.
    valid(&one(&[kms1("foo"), kms1("foo")]), &o);
    // A defaulted (v1) provider behaves as v1.
    valid(&one(&[kms2("foo"), kms(&format!("name: foo, {EP}"))]), &o);
}

#[test]
fn k_name_duplicate_with_reload_checks_v1_too() {
    let o = reload();
    expect(
        &one(&[kms2("foo"), kms1("foo")]),
        &o,
        &[(NAME_DUP, &f(1, "name"), INV)],
    );
    expect(
        &one(&[kms1("foo"), kms2("foo")]),
        &o,
        &[(NAME_DUP, &f(1, "name"), INV)],
    );
    expect(
        &doc(&[
            entry(&["secrets"], &[kms1("foo")]),
            entry(&["configmaps"], &[kms1("foo")]),
        ]),
        &o,
        &[(NAME_DUP, "resources[1].providers[0].kms.name", INV)],
    );
    valid(&one(&[kms1("foo"), kms1("bar")]), &o);
    // Three of a kind: one error on each later provider.
    expect(
        &one(&[kms1("foo"), kms1("foo"), kms2("foo")]),
        &o,
        &[
            (NAME_DUP, &f(1, "name"), INV),
            (NAME_DUP, &f(2, "name"), INV),
        ],
    );
}

#[test]
fn k_name_duplicate_remembers_empty_and_invalid_names() {
    let o = newest();
    let no_name = kms(&format!("apiVersion: v2, {EP}"));
    expect(
        &one(&[no_name.clone(), no_name.clone()]),
        &o,
        &[
            (NAME_REQ, &f(0, "name"), REQ),
            (NAME_REQ, &f(1, "name"), REQ),
            (NAME_DUP, &f(1, "name"), INV),
        ],
    );
    expect(
        &one(&[kms2("a:b"), kms2("a:b")]),
        &o,
        &[
            (NAME_COLON, &f(0, "name"), INV),
            (NAME_COLON, &f(1, "name"), INV),
            (NAME_DUP, &f(1, "name"), INV),
        ],
    );
    // The kms of a several-kinds element is checked first, so its name counts.
    expect(
        &one(&[format!("{{identity: {{}}, {}}}", kms2("foo")), kms2("foo")]),
        &o,
        &[
            ("EC0213", "resources[0].providers[0]", INV),
            (NAME_DUP, &f(1, "name"), INV),
        ],
    );
    // A v1 provider with no name and reload off is not a duplicate of an earlier empty name.
    let v1_no_name = kms(EP);
    expect(
        &one(&[v1_no_name.clone(), v1_no_name.clone()]),
        &o,
        &[
            (NAME_REQ, &f(0, "name"), REQ),
            (NAME_REQ, &f(1, "name"), REQ),
        ],
    );
    expect(
        &one(&[v1_no_name.clone(), v1_no_name]),
        &reload(),
        &[
            (NAME_REQ, &f(0, "name"), REQ),
            (NAME_REQ, &f(1, "name"), REQ),
            (NAME_DUP, &f(1, "name"), INV),
        ],
    );
}

#[test]
fn k_timeout_must_be_positive() {
    let o = newest();
    for timeout in [
        "\"0s\"",
        "\"-1m\"",
        "\"0\"",
        "0s",
        "-1ns",
        "\"-0.5s\"",
        "\"0.0000000001s\"",
    ] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: a, {EP}, timeout: {timeout}"
        ))]);
        expect(&text, &o, &[(TIMEOUT, &f(0, "timeout"), INV)]);
    }
    for timeout in ["\"3s\"", "100ms", "1ns", "\"1h\"", "~", "\"1.5s\"", "1m30s"] {
        valid(
            &one(&[kms(&format!(
                "apiVersion: v2, name: a, {EP}, timeout: {timeout}"
            ))]),
            &o,
        );
    }
    // Missing: defaulted to 3s.
    valid(&one(&[kms2("a")]), &o);
}

#[test]
fn k_endpoint_missing_or_empty_is_invalid_not_required() {
    let o = newest();
    for endpoint in ["", "endpoint: \"\",", "endpoint: ~,", "endpoint: ,"] {
        let text = one(&[kms(&format!("apiVersion: v2, {endpoint} name: a"))]);
        expect(&text, &o, &[(ENDPOINT_REQ, &f(0, "endpoint"), INV)]);
    }
}

#[test]
fn k_endpoint_url_parse_failure() {
    let o = newest();
    for endpoint in [
        "unix:///a%zz",
        "unix:///tmp/kms\n.sock",
        "unix:///tmp/\u{7f}",
        "unix:///tmp/kms.sock%",
        "unix://host:port/x",
        "://kms",
        ":/x",
        "unix://[::1/x",
        "1kms:sock/x",
        "unix://a b/x",
        "unix://a{b}/x",
        "unix://us er@host/x",
        "unix://a%2x/x",
    ] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: a, endpoint: {}",
            quote(endpoint)
        ))]);
        expect(&text, &o, &[(ENDPOINT_URL, &f(0, "endpoint"), INV)]);
    }
}

#[test]
fn k_endpoint_scheme_must_be_unix() {
    let o = newest();
    for endpoint in [
        "https://kms.example.com",
        "tcp://127.0.0.1:1234",
        "/var/run/kms.sock",
        "var/run/kms.sock",
        "unixx:///x",
        "grpc:///x",
        "unix+tcp:///x",
        "kms:sock/x",
        "a:b",
    ] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: a, endpoint: {}",
            quote(endpoint)
        ))]);
        expect(&text, &o, &[(ENDPOINT_SCHEME, &f(0, "endpoint"), INV)]);
    }
    for endpoint in [
        "unix:///var/run/kms.sock",
        "UNIX:///x",
        "Unix:///x",
        "unix:///@foo",
        "unix:/path",
        "unix://host",
        "unix:relative/path",
        "unix:///x?query=1#frag",
        "unix:///a%20b",
        "unix:///tmp/kms.sock#\u{1}",
    ] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: a, endpoint: {}",
            quote(endpoint)
        ))]);
        valid(&text, &o);
    }
}

#[test]
fn k_cachesize_not_supported_for_non_v1() {
    let o = newest();
    for size in ["100", "-1", "1000", "0"] {
        let text = one(&[kms(&format!(
            "apiVersion: v2, name: a, {EP}, cachesize: {size}"
        ))]);
        expect(&text, &o, &[(CACHE_V2, &f(0, "cachesize"), INV)]);
    }
    // Unsupported apiVersion: cachesize error, then apiVersion error.
    let text = one(&[kms(&format!("apiVersion: v3, name: a, {EP}, cachesize: 5"))]);
    expect(
        &text,
        &o,
        &[
            (CACHE_V2, &f(0, "cachesize"), INV),
            (API_VERSION, &f(0, "apiVersion"), INV),
        ],
    );
    // v2 without cachesize (or with a null one) is fine.
    valid(
        &one(&[kms(&format!("apiVersion: v2, name: a, {EP}, cachesize: ~"))]),
        &o,
    );
    valid(&one(&[kms2("a")]), &o);
}

#[test]
fn k_cachesize_zero_for_v1() {
    let o = newest();
    for version in ["apiVersion: v1,", ""] {
        let text = one(&[kms(&format!("{version} name: a, {EP}, cachesize: 0"))]);
        expect(&text, &o, &[(CACHE_ZERO, &f(0, "cachesize"), INV)]);
    }
    for size in ["-1", "1", "1000", "2147483647", "-2147483648", "~"] {
        valid(
            &one(&[kms(&format!(
                "apiVersion: v1, name: a, {EP}, cachesize: {size}"
            ))]),
            &o,
        );
    }
}

#[test]
fn k_api_version_only_v1_and_v2() {
    let o = newest();
    for version in ["v3", "V2", "V1", "v2beta1", "\"v2 \"", "kms/v2"] {
        let text = one(&[kms(&format!("apiVersion: {version}, name: a, {EP}"))]);
        expect(&text, &o, &[(API_VERSION, &f(0, "apiVersion"), INV)]);
    }
    for version in ["v1", "v2", "\"\"", "~"] {
        valid(
            &one(&[kms(&format!("apiVersion: {version}, name: a, {EP}"))]),
            &o,
        );
    }
}

#[test]
fn k_rules_order_within_one_provider() {
    let o = newest();
    let text = one(&[
        kms2("a:b"),
        kms("apiVersion: v3, name: \"a:b\", cachesize: 0, timeout: \"0s\", endpoint: \"tcp://x\""),
    ]);
    expect(
        &text,
        &o,
        &[
            (NAME_COLON, &f(0, "name"), INV),
            (NAME_COLON, &f(1, "name"), INV),
            (NAME_DUP, &f(1, "name"), INV),
            (TIMEOUT, &f(1, "timeout"), INV),
            (ENDPOINT_SCHEME, &f(1, "endpoint"), INV),
            (CACHE_V2, &f(1, "cachesize"), INV),
            (API_VERSION, &f(1, "apiVersion"), INV),
        ],
    );
    let text = one(&[kms(EP), kms("name: \"\", cachesize: 0, timeout: \"-1s\"")]);
    expect(
        &text,
        &reload(),
        &[
            (NAME_REQ, &f(0, "name"), REQ),
            (NAME_REQ, &f(1, "name"), REQ),
            (NAME_DUP, &f(1, "name"), INV),
            (TIMEOUT, &f(1, "timeout"), INV),
            (ENDPOINT_REQ, &f(1, "endpoint"), INV),
            (CACHE_ZERO, &f(1, "cachesize"), INV),
        ],
    );
}

#[test]
fn reload_changes_only_the_duplicate_rule() {
    let texts = [
        one(&["kms: {}".into(), kms2("a:b")]),
        one(&[kms1("x"), kms2("y"), kms("apiVersion: v3, cachesize: 0")]),
        doc(&[entry(&["Secrets", "*"], &["{}".into()])]),
    ];
    for text in &texts {
        assert_eq!(check(text, &newest()), check(text, &reload()), "{text}");
    }
}
