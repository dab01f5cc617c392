//! EC0417 placeholder-value: a secret, key name, KMS name or endpoint that is a placeholder
//! (`${ENCRYPTION_KEY}`, `<BASE 64 ENCODED SECRET>`, `YOUR_KEY`, `changeme`, `{{ token }}`).
//! kube-apiserver's own error (a bad secret, an endpoint that is no URL) stays beside it.

use super::{keyed, kms_bodies, Context};
use crate::decode::model::Field;
use crate::diagnostic::Diagnostic;
use crate::placeholder::{classify, shown, Placeholder};

fn report(ctx: &Context<'_>, out: &mut Vec<Diagnostic>, what: &str, field: &Field<String>) {
    let Some(kind) = classify(&field.value) else {
        return;
    };
    let (meaning, help) = match kind {
        Placeholder::ShellVariable => (
            "an unexpanded shell variable",
            "run envsubst, or an unquoted heredoc (`<<EOF`, not `<<'EOF'`)",
        ),
        Placeholder::Template => (
            "an unrendered template expression",
            "render the template first, or check it as a template",
        ),
        Placeholder::Example => ("a placeholder", "replace it with the real value"),
    };
    let help = if what == "secret" {
        format!("{help}; generate a key with `head -c 32 /dev/urandom | base64`")
    } else {
        help.to_string()
    };
    out.push(
        ctx.report(
            field.best_range(),
            format!("`{}` ({what}) looks like {meaning}", shown(&field.value)),
        )
        .help(help),
    );
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for body in keyed(ctx.config) {
        for key in body.keys.value.keys_list() {
            if let Some(name) = &key.name {
                report(ctx, out, "key name", name);
            }
            if let Some(secret) = &key.secret {
                report(ctx, out, "secret", secret);
            }
        }
    }
    for kms in kms_bodies(ctx.config) {
        if let Some(name) = &kms.value.name {
            report(ctx, out, "KMS name", name);
        }
        if let Some(endpoint) = &kms.value.endpoint {
            report(ctx, out, "endpoint", endpoint);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, HEAD};

    fn file(secret: &str) -> String {
        format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - aescbc:\n      keys:\n      - name: key1\n        secret: {secret}\n")
    }

    #[test]
    fn each_published_placeholder_form_is_named() {
        for (secret, words) in [
            ("${ENCRYPTION_KEY}", "unexpanded shell variable"),
            ("$ENCRYPTION_KEY", "unexpanded shell variable"),
            ("<BASE 64 ENCODED SECRET>", "placeholder"),
            ("YOUR_KEY", "placeholder"),
            ("xxxxxxxx", "placeholder"),
            ("changeme", "placeholder"),
        ] {
            let found = run(&file(secret), "EC0417");
            assert_eq!(found.len(), 1, "{secret}");
            assert!(found[0].message.contains(words), "{}", found[0].message);
            assert!(
                found[0].message.contains(secret),
                "a placeholder may be quoted"
            );
            let errors = run(&file(secret), "EC0217").len() + run(&file(secret), "EC0218").len();
            assert_eq!(errors, 1, "{secret}: kube-apiserver's error stays");
        }
    }

    #[test]
    fn the_base64_help_names_the_variable_not_the_alphabet() {
        let found = run(&file("${ENCRYPTION_KEY}"), "EC0217");
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("unexpanded shell variable"), "{help}");
        assert!(!help.contains("URL-safe"), "{help}");
    }

    #[test]
    fn real_values_are_not_placeholders() {
        let text = format!("{HEAD}resources:\n- resources: [secrets]\n  providers:\n  - kms: {{apiVersion: v2, name: vault, endpoint: 'unix:///var/run/k.sock'}}\n  - aescbc:\n      keys: [{{name: key1, secret: AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=}}]\n");
        assert!(run(&text, "EC0417").is_empty());
    }
}
