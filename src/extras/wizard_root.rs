//! The rotation and migration wizard: a variant picker (contract hook `wizard-variant`), what
//! the variant needs (a new key from WebCrypto, made here and kept only in memory; a KMS v2
//! name and endpoint), and the core's plan for the editor's file and version, step by step.

use enccfg_core::plan::{
    dated_key_name, encode_key, key_names, key_sizes, plan, rotated_provider, KmsTarget, NewKey,
    Variant, WizardInput,
};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::protocol::PanelInput;
use super::wizard_step::WizardStep;
use super::Emitter;
use crate::services::random;

#[derive(Properties, PartialEq)]
pub struct WizardRootProps {
    pub input: PanelInput,
    pub emitter: Emitter,
}

/// A new key of `size` bytes from WebCrypto, as base64 (or why there is none).
fn fresh_secret(size: usize) -> Result<String, String> {
    let mut bytes = vec![0u8; size];
    random::fill(&mut bytes)?;
    let secret = encode_key(&bytes);
    bytes.iter_mut().for_each(|b| *b = 0);
    Ok(secret)
}

fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .get(..10)
        .unwrap_or("")
        .to_string()
}

/// The key settings of the variants that need one.
#[derive(Clone, PartialEq)]
struct KeyChoice {
    /// For `enable`; `rotate-key` uses the provider it rotates.
    provider: String,
    size: usize,
    /// The secret made for this provider and size (`Err`: why none could be made).
    secret: Result<String, String>,
}

#[function_component(WizardRoot)]
pub fn wizard_root(props: &WizardRootProps) -> Html {
    let variant = use_state(|| Variant::RotateKey);
    let key = use_state(|| KeyChoice {
        provider: "secretbox".into(),
        size: 32,
        secret: fresh_secret(32),
    });
    let kms_name = use_state(|| "kms-v2".to_string());
    let kms_endpoint = use_state(|| "unix:///var/run/kms-plugin/kms.sock".to_string());

    let rotated = rotated_provider(&props.input.text, &props.input.options);
    let key_provider = match *variant {
        Variant::RotateKey => rotated.unwrap_or("secretbox").to_string(),
        _ => key.provider.clone(),
    };
    let sizes = key_sizes(&key_provider);
    // A size the provider does not take (after a provider change) falls back to 32.
    let size = if sizes.contains(&key.size) {
        key.size
    } else {
        32
    };

    let result = {
        let deps = (
            props.input.clone(),
            *variant,
            (*key).clone(),
            key_provider.clone(),
            size,
            (*kms_name).clone(),
            (*kms_endpoint).clone(),
        );
        use_memo(
            deps,
            |(input, variant, key, provider, size, name, endpoint)| {
                let new_key = match (&key.secret, variant.needs_key()) {
                    (Ok(secret), true) if key.size == *size => Some(NewKey {
                        provider: provider.clone(),
                        name: dated_key_name(&today(), &key_names(&input.text)),
                        secret: secret.clone(),
                    }),
                    (Err(why), true) => return Err(why.clone()),
                    _ => None,
                };
                plan(&WizardInput {
                    text: &input.text,
                    options: input.options,
                    variant: *variant,
                    key: new_key,
                    kms: Some(KmsTarget {
                        name: name.clone(),
                        endpoint: endpoint.clone(),
                    }),
                })
            },
        )
    };

    let on_variant = {
        let variant = variant.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(v) = Variant::parse(&select.value()) {
                variant.set(v);
            }
        })
    };
    let remake = {
        let key = key.clone();
        move |provider: String, size: usize| {
            key.set(KeyChoice {
                secret: fresh_secret(size),
                provider,
                size,
            })
        }
    };
    let on_provider = {
        let remake = remake.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let provider = select.value();
            let size = key_sizes(&provider).first().copied().unwrap_or(32);
            remake(provider, size);
        })
    };
    let on_size = {
        let (remake, provider) = (remake.clone(), key.provider.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            remake(provider.clone(), select.value().parse().unwrap_or(32));
        })
    };
    let on_new_key = {
        let (remake, provider) = (remake.clone(), key.provider.clone());
        Callback::from(move |_| remake(provider.clone(), size))
    };
    // A size change for the rotated provider needs a key of that size.
    if variant.needs_key() && key.size != size {
        remake(key.provider.clone(), size);
    }
    let text_input = |state: UseStateHandle<String>| {
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.set(input.value());
        })
    };

    let key_settings = variant.needs_key().then(|| html! {
        <div class="wizard-settings">
            if *variant == Variant::Enable {
                <label>{ "Provider " }
                    <select onchange={on_provider}>
                        { for ["secretbox", "aesgcm", "aescbc"].iter().map(|p| html! {
                            <option value={*p} selected={key.provider == *p}>{ *p }</option>
                        }) }
                    </select>
                </label>
            }
            if sizes.len() > 1 {
                <label>{ "Key size " }
                    <select onchange={on_size}>
                        { for sizes.iter().map(|s| html! {
                            <option value={s.to_string()} selected={*s == size}>{ format!("{s} bytes") }</option>
                        }) }
                    </select>
                </label>
            }
            <button type="button" onclick={on_new_key}>{ "Make another key" }</button>
            <span class="note">{ "The new key is made in this page (WebCrypto) and kept only here: never stored or shared." }</span>
        </div>
    });
    let kms_settings = variant.needs_kms().then(|| html! {
        <div class="wizard-settings">
            <label>{ "KMS v2 name " }
                <input type="text" value={(*kms_name).clone()} oninput={text_input(kms_name.clone())} />
            </label>
            <label>{ "Endpoint " }
                <input type="text" value={(*kms_endpoint).clone()} oninput={text_input(kms_endpoint.clone())} />
            </label>
        </div>
    });

    html! {
        <section class="tool-panel wizard-panel" aria-labelledby="wizard-title">
            <h2 id="wizard-title">{ "Rotation and migration wizard" }</h2>
            <p class="note">{ format!(
                "Steps for the editor's file and Kubernetes 1.{}{}. Each step keeps every server able to read what any server writes.",
                props.input.options.minor,
                if props.input.options.reload { " with automatic reload" } else { "" }
            ) }</p>
            <label>{ "What to do " }
                <select data-testid="wizard-variant" onchange={on_variant}>
                    { for Variant::ALL.iter().map(|v| html! {
                        <option value={v.as_str()} selected={*v == *variant}>{ v.title() }</option>
                    }) }
                </select>
            </label>
            { key_settings.unwrap_or_default() }
            { kms_settings.unwrap_or_default() }
            { match result.as_ref() {
                Ok(plan) => html! {
                    <>
                        <p class="wizard-summary">{ &plan.summary }</p>
                        <ol class="wizard-steps">
                            { for plan.steps.iter().map(|s| html! { <WizardStep step={s.clone()} /> }) }
                        </ol>
                    </>
                },
                Err(why) => html! { <p class="note error" role="status">{ why }</p> },
            } }
        </section>
    }
}
