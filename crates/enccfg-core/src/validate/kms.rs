//! K-rules for a `kms` provider, in kube-apiserver's order: name, timeout, endpoint,
//! cachesize, apiVersion (on defaulted values).

use super::Validator;
use crate::decode::model::{Field, Kms};
use crate::diagnostic::FieldErrorType;
use crate::registry;

pub(crate) fn validate_kms(
    v: &mut Validator,
    kms: &Field<Kms>,
    path: &str,
    earlier_names: &[String],
) {
    let k = &kms.value;
    let api_version = k.defaults.api_version.as_str();
    let name = k.name_text();
    let name_range = k.name.as_ref().map_or(kms.key, |f| f.best_range());

    // 1. name
    if name.is_empty() {
        v.report(
            &registry::KMS_NAME_REQUIRED,
            name_range,
            format!("{path}.name"),
            FieldErrorType::Required,
            "the KMS provider has no name".into(),
        )
        .help = Some(
            "add a `name`; it is stored with every value this provider encrypts, so choose it once"
                .into(),
        );
    }
    if api_version != "v1" && name.contains(':') {
        v.report(
            &registry::KMS_NAME_COLON,
            name_range,
            format!("{path}.name"),
            FieldErrorType::Invalid,
            format!(
                "KMS provider name `{name}` contains `:`, which a {api_version} provider may not"
            ),
        )
        .help = Some("choose a name without `:` before any data is written with it".into());
    }
    if (v.reload || api_version != "v1") && earlier_names.iter().any(|n| n == name) {
        let why = if api_version == "v1" {
            "with automatic reload every KMS name must be unique"
        } else {
            "a KMS v2 provider's name must differ from every earlier KMS provider's"
        };
        v.report(
            &registry::KMS_NAME_DUPLICATE,
            name_range,
            format!("{path}.name"),
            FieldErrorType::Invalid,
            format!("KMS provider name `{name}` is already used by an earlier KMS provider: {why}"),
        )
        .help = Some("give each KMS provider its own name".into());
    }

    // 2. timeout
    if k.defaults.timeout_nanos <= 0 {
        let range = k.timeout.as_ref().map_or(kms.key, |f| f.best_range());
        v.report(
            &registry::KMS_TIMEOUT,
            range,
            format!("{path}.timeout"),
            FieldErrorType::Invalid,
            "the KMS timeout must be greater than zero".into(),
        )
        .help = Some(
            "use a positive duration such as \"3s\", or leave `timeout` out for the default 3s"
                .into(),
        );
    }

    // 3. endpoint
    let endpoint = k.endpoint_text();
    let endpoint_range = k.endpoint.as_ref().map_or(kms.key, |f| f.best_range());
    let endpoint_problem = if endpoint.is_empty() {
        Some((
            &registry::KMS_ENDPOINT_REQUIRED,
            "the KMS provider has no endpoint".to_string(),
            "add `endpoint: unix:///var/run/kms-plugin/socket.sock` (the plugin's socket)"
                .to_string(),
        ))
    } else {
        match go_url_scheme(endpoint) {
            Err(reason) => Some((
                &registry::KMS_ENDPOINT_INVALID,
                format!("the KMS endpoint is not a valid URL: {reason}"),
                "write it as `unix:///path/to/socket.sock`".to_string(),
            )),
            Ok(scheme) if scheme != "unix" => Some((
                &registry::KMS_ENDPOINT_SCHEME,
                if scheme.is_empty() {
                    "the KMS endpoint has no scheme; only `unix` is supported".to_string()
                } else {
                    format!("the KMS endpoint uses the `{scheme}` scheme; only `unix` is supported")
                },
                if endpoint.starts_with('/') {
                    format!("write `unix://{endpoint}`")
                } else {
                    "KMS plugins listen on a unix socket: `unix:///path/to/socket.sock`".to_string()
                },
            )),
            Ok(_) => None,
        }
    };
    if let Some((code, message, help)) = endpoint_problem {
        v.report(
            code,
            endpoint_range,
            format!("{path}.endpoint"),
            FieldErrorType::Invalid,
            message,
        )
        .help = Some(help);
    }

    // 4. cachesize
    let cachesize_range = k
        .cachesize
        .as_ref()
        .map_or(kms.key, |f| f.key.cover(f.value_range));
    if api_version != "v1" && k.cachesize.is_some() {
        v.report(
            &registry::KMS_CACHESIZE_V2,
            cachesize_range,
            format!("{path}.cachesize"),
            FieldErrorType::Invalid,
            format!("`cachesize` is not supported for a KMS {api_version} provider"),
        )
        .help = Some("remove the `cachesize` line; KMS v2 manages its own cache".into());
    }
    if api_version == "v1" && k.defaults.cachesize == Some(0) {
        v.report(
            &registry::KMS_CACHESIZE_ZERO,
            cachesize_range,
            format!("{path}.cachesize"),
            FieldErrorType::Invalid,
            "`cachesize` 0 is invalid: use a positive size, or a negative one to disable the cache"
                .into(),
        )
        .help = Some("remove the line for the default of 1000".into());
    }

    // 5. apiVersion
    if api_version != "v1" && api_version != "v2" {
        let range = k.api_version.as_ref().map_or(kms.key, |f| f.best_range());
        let help = if api_version.eq_ignore_ascii_case("v2") || api_version.starts_with("v2") {
            "write `apiVersion: v2` exactly (lower case)".to_string()
        } else {
            "use `apiVersion: v2`".to_string()
        };
        v.report(
            &registry::KMS_API_VERSION,
            range,
            format!("{path}.apiVersion"),
            FieldErrorType::Invalid,
            format!("KMS apiVersion `{api_version}` is not supported; only `v1` and `v2` are"),
        )
        .help = Some(help);
    }
}

/// The scheme Go's `url.Parse` finds (lower-cased), or the reason it fails.
pub(crate) fn go_url_scheme(raw: &str) -> Result<String, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("it contains a control character".into());
    }
    let (rest, fragment) = match raw.find('#') {
        Some(i) => (&raw[..i], Some(&raw[i + 1..])),
        None => (raw, None),
    };
    if let Some(fragment) = fragment {
        check_escapes(fragment)?;
    }
    let (scheme, rest) = split_scheme(rest)?;
    let rest = rest.split('?').next().unwrap_or("");
    if scheme.is_empty() {
        let first_segment = rest.split('/').next().unwrap_or("");
        if first_segment.contains(':') {
            return Err("the first path segment contains a colon".into());
        }
    }
    if let Some(after) = rest.strip_prefix("//") {
        let authority_end = after.find('/').unwrap_or(after.len());
        let (authority, path) = after.split_at(authority_end);
        check_authority(authority)?;
        check_escapes(path)?;
    } else if scheme.is_empty() || rest.starts_with('/') {
        check_escapes(rest)?;
    }
    Ok(scheme.to_ascii_lowercase())
}

fn split_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' => {}
            '0'..='9' | '+' | '-' | '.' if i > 0 => {}
            ':' if i == 0 => return Err("it starts with `:` (missing scheme)".into()),
            ':' => return Ok((&raw[..i], &raw[i + 1..])),
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

fn check_authority(authority: &str) -> Result<(), String> {
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let port = if let Some(inner) = host.strip_prefix('[') {
        let Some(close) = inner.find(']') else {
            return Err("an IPv6 host is missing its `]`".into());
        };
        &inner[close + 1..]
    } else {
        host.rfind(':').map_or("", |i| &host[i..])
    };
    if !port.is_empty() && !(port.starts_with(':') && port[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("invalid port `{port}` after the host"));
    }
    check_escapes(host)
}

fn check_escapes(part: &str) -> Result<(), String> {
    let bytes = part.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let ok = bytes.len() > i + 2
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit();
            if !ok {
                return Err("it has an invalid `%` escape".into());
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::go_url_scheme;

    #[test]
    fn schemes_as_go_parses_them() {
        assert_eq!(
            go_url_scheme("unix:///var/run/kms.sock").as_deref(),
            Ok("unix")
        );
        assert_eq!(go_url_scheme("UNIX:///x").as_deref(), Ok("unix"));
        assert_eq!(go_url_scheme("unix:///@foo").as_deref(), Ok("unix"));
        assert_eq!(go_url_scheme("unix:/path").as_deref(), Ok("unix"));
        assert_eq!(go_url_scheme("unix://host").as_deref(), Ok("unix"));
        assert_eq!(go_url_scheme("/var/run/kms.sock").as_deref(), Ok(""));
        assert_eq!(
            go_url_scheme("https://kms.example:443/x").as_deref(),
            Ok("https")
        );
        assert!(go_url_scheme("unix:///a\nb").is_err());
        assert!(go_url_scheme("unix:///a%zz").is_err());
        assert!(go_url_scheme("://x").is_err());
        assert!(go_url_scheme("unix://host:abc/x").is_err());
    }
}
