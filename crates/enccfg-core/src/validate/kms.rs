//! K-rules for a `kms` provider, in kube-apiserver's order: name, timeout, endpoint,
//! cachesize, apiVersion (on defaulted values).

use rustc_hash::FxHashSet as HashSet;

use super::{go_url, Validator};
use crate::decode::model::{Field, Kms};
use crate::diagnostic::FieldErrorType;
use crate::field_path::FieldPath;
use crate::registry;

pub(crate) fn validate_kms(
    v: &mut Validator,
    kms: &Field<Box<Kms>>,
    path: &FieldPath<'_>,
    earlier_names: &HashSet<String>,
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
    if (v.reload || api_version != "v1") && earlier_names.contains(name) {
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
        match go_url::scheme(endpoint) {
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
