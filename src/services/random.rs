//! Random bytes from the browser's WebCrypto (`crypto.getRandomValues`), for new keys. There is
//! no fallback: where WebCrypto is missing, the caller says so and makes no key.

use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

const MISSING: &str = "this browser offers no crypto.getRandomValues, so no key was made (a weaker random source would not be safe); run `enccfg keygen` or `head -c 32 /dev/urandom | base64` instead";

/// Fills `buf` from `crypto.getRandomValues`, or says why it cannot.
pub fn fill(buf: &mut [u8]) -> Result<(), String> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .filter(JsValue::is_object)
        .ok_or(MISSING)?;
    let get_random_values: Function = Reflect::get(&crypto, &JsValue::from_str("getRandomValues"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(MISSING)?;
    let len = u32::try_from(buf.len()).map_err(|_| "too many bytes asked for")?;
    let array = Uint8Array::new_with_length(len);
    get_random_values
        .call1(&crypto, &array)
        .map_err(|_| "crypto.getRandomValues refused; no key was made".to_string())?;
    array.copy_to(buf);
    array.fill(0, 0, len);
    Ok(())
}
