//! Telling the app's other tabs which documents changed (a BroadcastChannel carries the
//! ids; each tab reads the new revisions from the store itself). Documents that arrive by
//! sync are also told to this page's own listeners, and this page's own writes to whoever
//! watches them (the sync, to send them).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "cs-docs";

thread_local! {
    /// One channel per page for sending and hearing: a channel does not hear itself, but
    /// it would hear a second one of the same page.
    static CHANNEL_OF_PAGE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
    static LISTENERS: RefCell<Vec<Handler>> = const { RefCell::new(Vec::new()) };
    static WRITE_WATCHERS: RefCell<Vec<Rc<dyn Fn()>>> = const { RefCell::new(Vec::new()) };
}

type Handler = Rc<dyn Fn(Vec<String>)>;

fn channel() -> Option<BroadcastChannel> {
    CHANNEL_OF_PAGE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = BroadcastChannel::new(CHANNEL).ok();
        }
        c.clone()
    })
}

/// Tells the other tabs (and whoever watches this page's writes) that this page wrote
/// new revisions of these documents.
pub fn announce(ids: &[String]) {
    post(ids);
    let watchers = WRITE_WATCHERS.with(|w| w.borrow().clone());
    for watcher in watchers {
        watcher();
    }
}

/// Documents that came from elsewhere (a sync) and are stored: every tab, this one
/// included, reads them again.
pub fn announce_arrived(ids: &[String]) {
    post(ids);
    let listeners = LISTENERS.with(|l| l.borrow().clone());
    for listener in listeners {
        listener(ids.to_vec());
    }
}

/// Calls `watch` after each write this page makes.
pub fn watch_own_writes(watch: impl Fn() + 'static) {
    WRITE_WATCHERS.with(|w| w.borrow_mut().push(Rc::new(watch)));
}

fn post(ids: &[String]) {
    if let Some(channel) = channel() {
        let list: js_sys::Array = ids
            .iter()
            .map(|id| js_sys::JsString::from(id.as_str()))
            .collect();
        let _ = channel.post_message(&list);
    }
}

/// Calls `handle` with the ids another tab announces, or a sync on this page stored, for
/// as long as the page lives.
pub fn listen(handle: impl Fn(Vec<String>) + 'static) {
    let handle: Handler = Rc::new(handle);
    LISTENERS.with(|l| l.borrow_mut().push(handle.clone()));
    hear_other_tabs(move |ids| handle(ids));
}

/// Calls `handle` with the ids other tabs announce (not this page's own), for as long as
/// the page lives.
pub fn hear_other_tabs(handle: impl Fn(Vec<String>) + 'static) {
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
