//! Reading a file the user picked or dropped: its name and bytes (`None` when the browser
//! refuses to read it).

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::File;

pub fn read(file: File, done: impl FnOnce(String, Option<Vec<u8>>) + 'static) {
    spawn_local(async move {
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .ok()
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        done(file.name(), bytes);
    });
}
