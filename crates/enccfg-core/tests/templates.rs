//! Templates as installers, charts and states publish them: detected when not in template
//! mode (EC0007 at the first expression), checked for structure in template mode with
//! positions in the original text.

use enccfg_core::{analyze, analyze_template, Analysis, Options, Stage};

/// An installer's Jinja/Ansible template: the resource list rendered with a filter, the
/// provider name from a variable, the secret from a filter.
const JINJA: &str = "---
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
{{ kube_encryption_resources | to_nice_yaml | indent(4, True) }}
    providers:
    - {{ kube_encryption_algorithm }}:
        keys:
        - name: key
          secret: {{ kube_encrypt_token | b64encode }}
    - identity: {}
";

/// A Helm chart's template: the document inside `{{- if }}`, values from `.Values`.
const HELM: &str = "{{- if .Values.encryption.enabled }}
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - secretbox:
          keys:
            - name: {{ .Values.encryption.keyName | quote }}
              secret: {{ .Values.encryption.key | b64enc | quote }}
      - identity: {}
{{- end }}
";

/// A Salt state's template: a `{% from ... import ... %}` header, pillar values, a loop.
const SALT: &str = "{% from \"kubernetes/map.jinja\" import k8s with context %}
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
{%- for resource in k8s.encrypted_resources %}
      - {{ resource }}
{%- endfor %}
    providers:
      - kms:
          apiVersion: v2
          name: {{ salt['pillar.get']('k8s:kms:name') }}
          endpoint: unix:///var/run/kmsplugin/socket.sock
      - identity: {}
";

fn errors(a: &Analysis) -> Vec<(&'static str, String)> {
    a.errors().map(|d| (d.code, d.message.clone())).collect()
}

fn template(text: &str) -> Analysis {
    analyze_template(text, &Options::default())
}

#[test]
fn each_style_is_named_at_its_first_expression_when_not_in_template_mode() {
    for (text, style, line) in [
        (JINJA, "Jinja", 6),
        (HELM, "Go template/Helm", 1),
        (SALT, "Salt", 1),
    ] {
        let a = analyze(text, &Options::default());
        let d = a
            .diagnostics
            .iter()
            .find(|d| d.code == "EC0007")
            .unwrap_or_else(|| panic!("{style}: no EC0007 in {:?}", a.diagnostics));
        assert!(d.message.contains(style), "{}", d.message);
        assert_eq!(
            (d.stage, d.start.line, d.start.column),
            (Stage::Syntax, line, 1)
        );
        assert!(
            a.diagnostics.iter().position(|x| x.code == "EC0007")
                < a.diagnostics
                    .iter()
                    .position(|x| x.stage != Stage::Syntax || x.code == "EC0001"),
            "the template finding comes before the YAML error: {:?}",
            a.diagnostics
        );
        assert!(!a.accepted, "kube-apiserver's verdict is unchanged");
    }
}

#[test]
fn correct_templates_get_no_error_in_template_mode() {
    for text in [JINJA, HELM, SALT] {
        let a = template(text);
        assert!(a.accepted, "{text}\n{:?}", errors(&a));
        assert!(
            a.diagnostics
                .iter()
                .all(|d| d.code != "EC0007" && d.stage != Stage::Syntax),
            "{:?}",
            a.diagnostics
        );
    }
}

#[test]
fn identity_first_in_a_template_is_found_at_its_place_in_the_original() {
    let text = JINJA.replace(
        "    - {{ kube_encryption_algorithm }}:\n        keys:\n        - name: key\n          secret: {{ kube_encrypt_token | b64encode }}\n    - identity: {}\n",
        "    - identity: {}\n    - {{ kube_encryption_algorithm }}:\n        keys:\n        - name: key\n          secret: {{ kube_encrypt_token | b64encode }}\n",
    );
    let a = template(&text);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == "EC0401")
        .unwrap_or_else(|| panic!("{:?}", a.diagnostics));
    assert_eq!((d.start.line, d.start.column), (8, 7));
    assert_eq!(
        &text[d.range.start as usize..d.range.end as usize],
        "identity"
    );
}

#[test]
fn an_outdented_provider_in_a_template_is_an_error_in_the_original_lines() {
    let text = HELM.replace("      - identity: {}\n", "  - identity: {}\n");
    let a = template(&text);
    assert!(!a.accepted);
    let lines: Vec<u32> = a.errors().map(|d| d.start.line).collect();
    assert!(
        lines.iter().all(|&l| (12..=13).contains(&l)),
        "errors point at the outdented provider: {:?}",
        a.diagnostics
    );
    let salt = SALT.replace("      - kms:\n", "    - kms:\n   ");
    assert!(!template(&salt).accepted);
}

#[test]
fn findings_on_made_up_values_are_not_reported() {
    // Two templated key names are the same stand-in kind but never a duplicate of the user's.
    let a = template(HELM);
    for code in ["EC0408", "EC0409", "EC0410", "EC0417", "EC0406"] {
        assert!(
            a.diagnostics.iter().all(|d| d.code != code),
            "{code}: {:?}",
            a.diagnostics
        );
    }
    // The resource list of the Jinja template is made up: whether it covers Secrets is unknown.
    assert!(template(JINJA)
        .diagnostics
        .iter()
        .all(|d| d.code != "EC0406"));
    // A lint on the user's own text is kept: identity after the writer.
    assert!(template(HELM)
        .diagnostics
        .iter()
        .any(|d| d.code == "EC0412"));
}

#[test]
fn a_file_without_tags_is_analysed_as_usual_in_template_mode() {
    let text = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n  providers:\n  - identity: {}\n";
    assert_eq!(template(text), analyze(text, &Options::default()));
}
