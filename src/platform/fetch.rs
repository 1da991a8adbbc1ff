//! Fetching a text from the app's own origin (the published dataset).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The body of a successful response, or `None` (offline and not cached, an error status).
pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
