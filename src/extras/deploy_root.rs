//! The Deploy panel: the core's snippets (`enccfg_core::deploy`) for the editor's file and
//! options — kube-apiserver flags, static Pod mounts, kubeadm, k3s, RKE2 and the check that
//! Secrets are stored encrypted — each with a Copy button (contract hook `deploy-snippet`).

use enccfg_core::deploy;
use yew::prelude::*;

use super::deploy_snippet::DeploySnippet;
use super::protocol::PanelInput;
use super::Emitter;

#[derive(Properties, PartialEq)]
pub struct DeployRootProps {
    pub input: PanelInput,
    pub emitter: Emitter,
}

#[function_component(DeployRoot)]
pub fn deploy_root(props: &DeployRootProps) -> Html {
    let snippets = use_memo(props.input.clone(), |input| {
        deploy::snippets(&input.text, &input.options)
    });
    html! {
        <section class="tool-panel deploy-panel" aria-labelledby="deploy-title">
            <h2 id="deploy-title">{ "Deploy this file" }</h2>
            <p class="note">{ "What to set for the chosen Kubernetes version and flags. The snippets name the file's path, never its keys." }</p>
            { for snippets.iter().map(|s| html! { <DeploySnippet snippet={s.clone()} /> }) }
        </section>
    }
}
