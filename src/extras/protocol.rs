//! What the page and a lazily loaded panel say to each other, as JSON strings (two wasm modules
//! share no memory): the page's state going in, the panel's requests coming out.

use enccfg_core::Options;

use crate::json::{self, Json};
use crate::share::Snapshot;

/// The page's state a panel works from: the editor text and the options.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelInput {
    pub text: String,
    pub options: Options,
}

impl PanelInput {
    pub fn encode(&self) -> String {
        Snapshot {
            yaml: self.text.clone(),
            options: self.options,
            redacted: false,
        }
        .to_json()
        .encode()
    }

    pub fn decode(text: &str) -> Result<PanelInput, String> {
        let snapshot = Snapshot::from_json(&json::parse(text)?).ok_or("no `yaml` member")?;
        Ok(PanelInput {
            text: snapshot.yaml,
            options: snapshot.options,
        })
    }
}

/// A request from a panel to the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelEvent {
    /// Put this text in the editor (as an edit the user can undo).
    ReplaceText(String),
}

impl PanelEvent {
    pub fn encode(&self) -> String {
        match self {
            PanelEvent::ReplaceText(text) => Json::Object(vec![
                ("type".into(), Json::String("replace-text".into())),
                ("text".into(), Json::String(text.clone())),
            ])
            .encode(),
        }
    }

    pub fn decode(text: &str) -> Result<PanelEvent, String> {
        let value = json::parse(text)?;
        match value.get("type").and_then(Json::as_str) {
            Some("replace-text") => value
                .get("text")
                .and_then(Json::as_str)
                .map(|t| PanelEvent::ReplaceText(t.to_string()))
                .ok_or_else(|| "replace-text without text".into()),
            other => Err(format!("unknown panel event {other:?}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_and_events_survive_the_trip() {
        let input = PanelInput {
            text: "a: \"b\"\n\u{1F600}\n".into(),
            options: Options {
                minor: 28,
                reload: true,
                kmsv1_gate: Some(true),
                kmsv2_gate: Some(false),
                template: true,
            },
        };
        assert_eq!(PanelInput::decode(&input.encode()), Ok(input));
        let event = PanelEvent::ReplaceText("x\ny".into());
        assert_eq!(PanelEvent::decode(&event.encode()), Ok(event));
        assert!(PanelEvent::decode("{\"type\":\"launch\"}").is_err());
        assert!(PanelInput::decode("{").is_err());
    }
}
