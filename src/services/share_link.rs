//! Share-link payloads through the browser's own raw deflate (`CompressionStream` and
//! `DecompressionStream` with `deflate-raw`), so the page carries no compressor of its own.
//! Inflating stops at `share::MAX_TEXT_BYTES`, so a hostile link cannot exhaust memory.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::share::{ShareError, Snapshot, MAX_TEXT_BYTES};

#[wasm_bindgen(inline_js = "export function deflate_raw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
}
export async function inflate_raw(bytes, limit) {
  const reader = new Blob([bytes]).stream()
    .pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) { await reader.cancel(); throw new Error('too long'); }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn deflate_raw(bytes: &[u8]) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn inflate_raw(bytes: &[u8], limit: u32) -> Result<Promise, JsValue>;
}

async fn bytes_of(promise: Result<Promise, JsValue>) -> Result<Vec<u8>, JsValue> {
    let value = JsFuture::from(promise?).await?;
    Ok(Uint8Array::new(&value).to_vec())
}

/// The `#s=` payload of `snapshot`; `None` when this browser cannot compress.
pub async fn encode(snapshot: &Snapshot) -> Option<String> {
    let deflated = bytes_of(deflate_raw(&snapshot.link_json())).await.ok()?;
    Some(Snapshot::payload(&deflated))
}

/// The state a `#s=` payload carries.
pub async fn decode(payload: &str) -> Result<Snapshot, ShareError> {
    let deflated = Snapshot::deflated(payload)?;
    let limit = u32::try_from(MAX_TEXT_BYTES).unwrap_or(u32::MAX);
    let json = bytes_of(inflate_raw(&deflated, limit))
        .await
        .map_err(|_| ShareError::Malformed("cannot be decompressed"))?;
    Snapshot::from_link_json(json)
}
