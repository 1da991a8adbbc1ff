//! The static shell of `index.html`: plain HTML painted before the wasm arrives.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Removes the shell; the app, mounted beside it and hidden by CSS until now, shows.
/// Waits two animation frames first, so that the shell (a pre-rendered card) has been
/// painted at least once even when the wasm arrived before the first paint: the card's
/// names and call buttons are then the page's first and largest paint.
pub fn remove_static_shell() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let second = Closure::once_into_js(|| {
        if let Some(shell) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("shell"))
        {
            shell.remove();
        }
    });
    let first = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(second.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(first.unchecked_ref());
}
