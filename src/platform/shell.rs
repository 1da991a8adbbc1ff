//! The static shell of each page: plain HTML (a pre-rendered card, or "loading") painted
//! before the wasm arrives, and the element the app mounts into beside it.
//!
//! The app stays hidden by the `hidden` attribute of its own element until the shell goes,
//! and both changes are made to the elements themselves. An earlier version hid the app
//! with the selector `body:has(> #shell) > :not(#shell)`: WebKit (every iPhone browser)
//! did not re-evaluate it when the shell was removed, and every page went blank.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlElement;

/// The id of the element each page's HTML carries for the app (`<div id="app" hidden>`).
const APP_ID: &str = "app";

/// The element the app mounts into: the page's `#app` (or the body, for a page without
/// one: each build's pages, styles and wasm are cached and served together, so that is
/// never a page of this build).
pub fn app_root() -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a page has a document");
    document
        .get_element_by_id(APP_ID)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .or_else(|| document.body())
        .expect("a page has a body")
}

/// Removes the shell and shows the app. Waits two animation frames first, so that the
/// shell (a pre-rendered card) has been painted at least once even when the wasm arrived
/// before the first paint: the card's names and call buttons are then the page's first
/// and largest paint.
pub fn remove_static_shell() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let second = Closure::once_into_js(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(root) = document
            .get_element_by_id(APP_ID)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            root.set_hidden(false);
        }
        if let Some(shell) = document.get_element_by_id("shell") {
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

/// Calls `then` in a task of its own, after the current one (a zero timeout).
pub fn in_next_task(then: impl FnOnce() + 'static) {
    match web_sys::window() {
        Some(w) => {
            let _ = w.set_timeout_with_callback(Closure::once_into_js(then).unchecked_ref());
        }
        None => then(),
    }
}

/// Calls `then` in a task of its own once two frames have passed: after the app shows
/// (`remove_static_shell` waits two frames too) and its first layout has been done, so a
/// page drawn in two parts is laid out in two tasks, neither of them long.
pub fn after_first_frames(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return then();
    };
    let task = Closure::once_into_js(then);
    let second = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let first = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(second.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(first.unchecked_ref());
}

/// The document follows the settings: its language (for screen readers and fonts) and the
/// `elder` class that enlarges everything.
pub fn follow_settings(lang_tag: &str, elder_mode: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang_tag);
        let _ = root.class_list().toggle_with_force("elder", elder_mode);
    }
}
