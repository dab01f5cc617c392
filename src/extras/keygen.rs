//! The toolbar's key generator, run in the lazily loaded module so that the first visit carries
//! only the button: WebCrypto bytes (`services::random`), today's date, and the pure insertion
//! of `new_key`, answered to the page as JSON (`KeyReply`).

use enccfg_core::plan::KeyPosition;

use crate::json::Json;
use crate::new_key;
use crate::services::random;

/// What the page gets back: the new text and the UTF-16 range to select, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyReply {
    Inserted {
        text: String,
        from: u32,
        to: u32,
        summary: String,
    },
    Refused(String),
}

impl KeyReply {
    pub fn encode(&self) -> String {
        let s = |v: &str| Json::String(v.to_string());
        match self {
            KeyReply::Inserted {
                text,
                from,
                to,
                summary,
            } => Json::Object(vec![
                ("text".into(), s(text)),
                ("from".into(), Json::Number(from.to_string())),
                ("to".into(), Json::Number(to.to_string())),
                ("summary".into(), s(summary)),
            ]),
            KeyReply::Refused(why) => Json::Object(vec![("error".into(), s(why))]),
        }
        .encode()
    }

    pub fn decode(text: &str) -> KeyReply {
        let Ok(value) = crate::json::parse(text) else {
            return KeyReply::Refused("the key generator answered nonsense".into());
        };
        let field = |k: &str| value.get(k).and_then(Json::as_str).map(str::to_string);
        let offset = |k: &str| {
            value
                .get(k)
                .and_then(Json::as_i64)
                .and_then(|n| u32::try_from(n).ok())
        };
        match (
            field("text"),
            offset("from"),
            offset("to"),
            field("summary"),
        ) {
            (Some(text), Some(from), Some(to), Some(summary)) => KeyReply::Inserted {
                text,
                from,
                to,
                summary,
            },
            _ => KeyReply::Refused(field("error").unwrap_or_else(|| "no key was made".into())),
        }
    }
}

/// Inserts a new key into `text` (caret: UTF-16 offset, or none), at `position`
/// (`write`/`read-only`).
pub fn generate(text: &str, caret: Option<u32>, position: &str) -> KeyReply {
    let position = if position == "read-only" {
        KeyPosition::ReadOnly
    } else {
        KeyPosition::Write
    };
    let today = String::from(js_sys::Date::new_0().to_iso_string());
    let date = today.get(..10).unwrap_or("");
    match new_key::generate(text, caret, date, position, random::fill) {
        Ok(g) => KeyReply::Inserted {
            text: g.text,
            from: g.selection.0,
            to: g.selection.1,
            summary: g.summary,
        },
        Err(why) => KeyReply::Refused(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_survive_the_trip() {
        let inserted = KeyReply::Inserted {
            text: "a\n\"b\"".into(),
            from: 3,
            to: 40,
            summary: "added".into(),
        };
        assert_eq!(KeyReply::decode(&inserted.encode()), inserted);
        let refused = KeyReply::Refused("no crypto".into());
        assert_eq!(KeyReply::decode(&refused.encode()), refused);
        assert!(matches!(KeyReply::decode("{"), KeyReply::Refused(_)));
    }
}
