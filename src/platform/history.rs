//! The browser's address bar and history, for `state::location`: the current URL, moving
//! to another one without a page load, and the two ways a person moves by themselves
//! (back/forward, and tapping a link this program can show).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::JsValue;
use web_sys::{Element, FocusOptions, HtmlAnchorElement, HtmlElement, MouseEvent};

use super::window_events::on_window;

/// The path and query (with its `?`, or empty) of the page.
pub fn current() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let part = |read: fn(&web_sys::Location) -> Result<String, JsValue>| {
        location
            .as_ref()
            .and_then(|l| read(l).ok())
            .unwrap_or_default()
    };
    (
        part(web_sys::Location::pathname),
        part(web_sys::Location::search),
    )
}

/// The fragment of the page, with its `#`, or empty.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Shows `url` in the address bar: a new history entry, or in place of the current one.
pub fn set(url: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    };
}

/// A full page load of `url` (another program's page).
pub fn load(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard and screen-reader focus to the page's first heading (or its main region)
/// without scrolling: after a page changes without a load, focus would stay on the link
/// tapped (now gone from the page), and a screen reader would not announce the new page.
pub fn focus_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let find = |selector| document.query_selector(selector).ok().flatten();
    let Some(target) = find("main h1, main h2")
        .or_else(|| find("main"))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    focus_without_scrolling(&target);
}

/// Moves focus to the first element `selectors` finds (a dialog's heading), as
/// `focus_page` does.
pub fn focus_first(selectors: &str) {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selectors).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(target) = found {
        focus_without_scrolling(&target);
    }
}

fn focus_without_scrolling(target: &HtmlElement) {
    if !target.has_attribute("tabindex") {
        // Focusable from script only, not a stop for the Tab key.
        let _ = target.set_attribute("tabindex", "-1");
    }
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = target.focus_with_options(&options);
}

/// Calls `changed` when the person goes back or forward.
pub fn on_back_forward(changed: impl Fn() + 'static) {
    on_window("popstate", move |_| changed());
}

/// Calls `changed` when the fragment changes without a page load (a link to this same
/// page with another fragment, typed, tapped or opened from another app), for as long as
/// the component calling this is on screen.
pub fn on_hash_change(changed: impl Fn() + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::hashchange, move |_| changed());
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// Offers every plain tap on a same-origin link to `show` (with the link's path, query and
/// fragment); where it returns true the page does not load. A tap that opens a new tab or
/// window, a download, a link marked `rel="external"` or one already handled is left
/// to the browser, and so is a link to a place on this same page (`#work`).
pub fn on_link_tap(show: impl Fn(&str) -> bool + 'static) {
    on_window("click", move |event| {
        let Some(event) = event.dyn_ref::<MouseEvent>() else {
            return;
        };
        let plain = !event.default_prevented()
            && event.button() == 0
            && !(event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key());
        if !plain {
            return;
        }
        let Some(link) = tapped_link(event) else {
            return;
        };
        let here = web_sys::window().and_then(|w| w.location().origin().ok());
        let ours = here.is_some_and(|o| o == link.origin())
            && link.target().is_empty()
            && !link.has_attribute("download")
            && !link.rel().split_whitespace().any(|r| r == "external");
        let (path, search) = current();
        let same_page = link.pathname() == path && link.search() == search;
        if same_page && !link.hash().is_empty() {
            return;
        }
        let url = format!("{}{}{}", link.pathname(), link.search(), link.hash());
        if ours && show(&url) {
            event.prevent_default();
        }
    });
}

fn tapped_link(event: &MouseEvent) -> Option<HtmlAnchorElement> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest("a[href]").ok()??.dyn_into().ok()
}

/// The page's origin (`https://host`), for links that leave the phone (a card shared, the
/// poster's QR code).
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
