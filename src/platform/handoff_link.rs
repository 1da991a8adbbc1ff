//! Hand-off links in the browser: the message compressed with the browser's own
//! CompressionStream (deflate-raw: no compression code in the wasm), framed by
//! `format::handoff`, and read back from `location.hash`. Where the browser has no
//! CompressionStream the body goes uncompressed: a longer link, still a working one.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::format::handoff::{self, Kind, LinkError, MAX_BODY, Message};

#[wasm_bindgen]
extern "C" {
    // CompressionStream and DecompressionStream: web-sys has them only behind its
    // unstable-API flag, and a constructor each is all this needs.
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
    #[wasm_bindgen(js_name = ReadableStream)]
    type Stream;
    #[wasm_bindgen(method, js_class = "ReadableStream", js_name = pipeThrough)]
    fn pipe_through(this: &Stream, via: &JsValue) -> web_sys::ReadableStream;
}

const FORMAT: &str = "deflate-raw";

/// Bytes through a (de)compressor, read whole.
async fn through(bytes: &[u8], via: JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let out = blob.stream().unchecked_into::<Stream>().pipe_through(&via);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&out))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The full link for a message, for this origin.
pub async fn make_link(message: &Message) -> String {
    let json = message.to_json();
    let compressed = match Compressor::new(FORMAT) {
        Ok(c) => through(&json, c.into()).await.ok(),
        Err(_) => None,
    };
    // A short body can come out of deflate longer than it went in: send the smaller.
    let fragment = match compressed.filter(|c| c.len() < json.len()) {
        Some(bytes) => handoff::frame(message.kind(), true, &bytes),
        None => handoff::frame(message.kind(), false, &json),
    };
    handoff::link(&origin(), message.kind(), &fragment)
}

/// What a fragment (with or without its `#`) carries, and its body decompressed.
pub async fn read_fragment(fragment: &str) -> Result<(Kind, Vec<u8>), LinkError> {
    let frame = handoff::unframe(fragment)?;
    let body = if frame.compressed {
        let via = Decompressor::new(FORMAT).map_err(|_| LinkError::Unsupported)?;
        through(&frame.body, via.into())
            .await
            .map_err(|_| LinkError::Damaged)?
    } else {
        frame.body
    };
    if body.len() > MAX_BODY {
        return Err(LinkError::TooLarge);
    }
    Ok((frame.kind, body))
}

/// A link read by the wrong program: the same fragment on the page for its kind.
pub fn forward_to(kind: Kind) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("{}{hash}", kind.path()));
    }
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
