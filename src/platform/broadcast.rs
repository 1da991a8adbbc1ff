//! Telling the app's other tabs which documents changed (a BroadcastChannel carries the
//! ids; each tab reads the new revisions from the store itself).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "cs-docs";

thread_local! {
    /// One channel per page for sending and hearing: a channel does not hear itself, but
    /// it would hear a second one of the same page.
    static CHANNEL_OF_PAGE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

fn channel() -> Option<BroadcastChannel> {
    CHANNEL_OF_PAGE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = BroadcastChannel::new(CHANNEL).ok();
        }
        c.clone()
    })
}

/// Tells the other tabs these documents have new revisions.
pub fn announce(ids: &[String]) {
    if let Some(channel) = channel() {
        let list: js_sys::Array = ids
            .iter()
            .map(|id| js_sys::JsString::from(id.as_str()))
            .collect();
        let _ = channel.post_message(&list);
    }
}

/// Calls `handle` with the ids another tab announces, for as long as the page lives.
pub fn listen(handle: impl Fn(Vec<String>) + 'static) {
    let Some(channel) = channel() else {
        return;
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let ids = js_sys::Array::from(&event.data())
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        handle(ids);
    });
    // Each kind of record listens; `onmessage` would keep only the last.
    let _ =
        channel.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // The listener lives as long as the page (the channel is kept in CHANNEL_OF_PAGE).
    on_message.forget();
}
