//! Listening to the window's events for the page's whole life (online/offline, the install
//! prompt, back/forward, link taps, other tabs' storage writes).

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Calls `handler` with every `kind` event the window sees, for as long as the page lives.
pub fn on_window(kind: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    }
    // Listens for the page's whole life.
    closure.forget();
}
