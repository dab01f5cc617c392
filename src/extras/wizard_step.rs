//! One step of the wizard (contract hook `wizard-step`): what to do and why, the diff, what to
//! do on every control-plane node and how to apply it, the commands (`wizard-step-command`) and
//! the whole file after the step (`wizard-step-yaml`), with copy and download.

use enccfg_core::plan::Step;
use yew::prelude::*;

use super::command_block::CommandBlock;
use crate::services::{clipboard, download};

#[derive(Properties, PartialEq)]
pub struct WizardStepProps {
    pub step: Step,
}

#[function_component(WizardStep)]
pub fn wizard_step(props: &WizardStepProps) -> Html {
    let step = &props.step;
    let on_copy = {
        let yaml = step.yaml.clone();
        Callback::from(move |_| {
            let yaml = yaml.clone();
            wasm_bindgen_futures::spawn_local(async move {
                clipboard::copy(&yaml, None).await;
            });
        })
    };
    let on_download = {
        let (yaml, number) = (step.yaml.clone(), step.number);
        Callback::from(move |_| {
            download::save(
                &format!("encryption-config-step-{number}.yaml"),
                &yaml,
                "application/yaml",
            );
        })
    };
    html! {
        <li data-testid="wizard-step" data-step={step.number.to_string()} class="wizard-step">
            <h3>{ format!("Step {}: {}", step.number, step.title) }</h3>
            <p>{ &step.what }</p>
            if !step.accepted {
                <p class="note error">{ "kube-apiserver would refuse this step's file with the chosen options: check the findings before using it." }</p>
            }
            if !step.diff.is_empty() {
                <pre class="diff" aria-label="Change to the file">{ &step.diff }</pre>
            }
            if let Some(node) = &step.on_every_node {
                <p><strong>{ "On every control-plane node: " }</strong>{ node }</p>
            }
            if let Some(apply) = &step.apply {
                <p><strong>{ "Apply: " }</strong>{ apply }</p>
            }
            { for step.commands.iter().map(|c| html! {
                <CommandBlock label={c.label.clone()} text={c.text.clone()} />
            }) }
            { for step.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
            <details>
                <summary>{ "The file after this step" }</summary>
                <pre data-testid="wizard-step-yaml">{ &step.yaml }</pre>
                <p>
                    <button type="button" onclick={on_copy}>{ "Copy" }</button>
                    { " " }
                    <button type="button" onclick={on_download}>{ "Download" }</button>
                </p>
            </details>
        </li>
    }
}
