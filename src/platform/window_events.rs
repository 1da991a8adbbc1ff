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

/// Calls `handle` with the key of every localStorage change another tab makes.
pub fn on_storage_write(handle: impl Fn(&str) + 'static) {
    on_window("storage", move |event| {
        if let Some(key) = event
            .dyn_ref::<web_sys::StorageEvent>()
            .and_then(|e| e.key())
        {
            handle(&key);
        }
    });
}
