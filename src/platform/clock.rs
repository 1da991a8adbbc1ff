//! The one clock of the app: milliseconds since the epoch, as the domain counts time.

use crate::domain::Millis;

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A named moment on the page's performance timeline, for the benchmark to read
/// (`performance.getEntriesByName`); costs nothing noticeable otherwise.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Resolves in a later task (a zero timeout): what follows is not part of the current
/// one, such as a page's first render.
pub async fn next_task() {
    sleep(0).await;
}

/// Resolves after `ms` milliseconds (a timer of the page; 0 if there is no window).
pub async fn sleep(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms));
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}

/// A random number (not for secrets: the PIN's salt comes from `crypto`), for ids that
/// only need to differ between phones.
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * 4_294_967_296.0) as u32
}

/// Calls `then` once after `ms` milliseconds (never, if there is no window).
pub fn after(ms: i32, then: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(then);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&callback),
            ms,
        );
    }
}
