//! Target kube-apiserver: version, automatic reload, KMSv1 gate, and the KMSv2 gate where the
//! version has one (1.27-1.28); and template mode (the text is a Jinja, Helm or Salt template).

use enccfg_core::{kmsv1_default, Options, NEWEST_MINOR, OLDEST_MINOR};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub struct OptionsBarProps {
    pub options: Options,
    pub on_change: Callback<Options>,
}

pub fn options_bar(props: &OptionsBarProps) -> Html {
    let options = props.options;
    let on_version = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(minor) = Options::parse_version(&select.value()) {
                // A new version brings its own KMSv1 default.
                on_change.emit(Options {
                    minor,
                    kmsv1_gate: None,
                    kmsv2_gate: None,
                    ..options
                });
            }
        })
    };
    let on_reload = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_change.emit(Options {
                reload: input.checked(),
                ..options
            });
        })
    };
    let on_gate = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let checked = input.checked();
            let gate = (checked != kmsv1_default(options.effective_minor())).then_some(checked);
            on_change.emit(Options {
                kmsv1_gate: gate,
                ..options
            });
        })
    };
    let on_kmsv2 = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            // The gate is on by default wherever it exists.
            let gate = (!input.checked()).then_some(false);
            on_change.emit(Options {
                kmsv2_gate: gate,
                ..options
            });
        })
    };
    let on_template = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_change.emit(Options {
                template: input.checked(),
                ..options
            });
        })
    };
    let kmsv2 = options.version().kmsv2_gate.is_some().then(|| {
        html! {
            <label title="--feature-gates=KMSv2=true (1.27-1.28)">
                <input type="checkbox" data-testid="kmsv2-gate" checked={options.kmsv2_enabled()} onchange={on_kmsv2} />
                { " KMSv2 feature gate" }
            </label>
        }
    });
    let minor = options.effective_minor();
    html! {
        <form class="options" aria-label="Target kube-apiserver" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label>
                { "Kubernetes " }
                <select data-testid="k8s-version" onchange={on_version}>
                    { for (OLDEST_MINOR..=NEWEST_MINOR).rev().map(|m| html! {
                        <option value={format!("1.{m}")} selected={m == minor}>{ format!("1.{m}") }</option>
                    }) }
                </select>
            </label>
            <label title="--encryption-provider-config-automatic-reload">
                <input type="checkbox" data-testid="reload" checked={options.reload} onchange={on_reload} />
                { " automatic reload" }
            </label>
            <label title="--feature-gates=KMSv1=true">
                <input type="checkbox" data-testid="kmsv1-gate" checked={options.kmsv1_enabled()} onchange={on_gate} />
                { " KMSv1 feature gate" }
            </label>
            { for kmsv2 }
            <label title="Jinja, Helm or Salt: expressions are replaced by typed stand-ins">
                <input type="checkbox" data-testid="template-mode" checked={options.template} onchange={on_template} />
                { " template" }
            </label>
        </form>
    }
}
