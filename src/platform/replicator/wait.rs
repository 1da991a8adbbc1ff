//! Between passes: wait for the server to say something changed (a long poll of `_changes`
//! on each database), for this phone to change something (`wake`), for the network to
//! come back, or for a time to pass — whichever is first. The client ends its own long
//! polls: a server (or a proxy) that ignores `timeout` must not keep the phone waiting.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Function, Promise};
use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use super::since_param;
use crate::platform::couch::{Couch, abort_all};

/// How long the server is asked to hold a long poll; the client gives it a little more.
const LONGPOLL_MS: i32 = 25_000;

thread_local! {
    static WAKE: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// A wake that came while a pass was running: the next wait returns at once.
    static WOKEN: Cell<bool> = const { Cell::new(false) };
    static ONLINE_HEARD: Cell<bool> = const { Cell::new(false) };
}

/// Ends the current wait (or the next one): something here changed, or "sync now".
pub fn wake() {
    match WAKE.with(|w| w.borrow_mut().take()) {
        Some(resolve) => drop(resolve.call0(&JsValue::NULL)),
        None => WOKEN.with(|w| w.set(true)),
    }
}

/// Forgets a wake no wait has taken yet (a new run of the loop starts with a pass anyway).
pub fn forget_wake() {
    WOKEN.with(|w| w.set(false));
}

/// Waits at most `max_ms` for a change on any of `polls` (database, sequence caught up
/// to) or a wake. A long poll that fails (offline) just waits out the time.
pub async fn wait_for_change(couch: &Couch, polls: &[(String, Value)], max_ms: i32) {
    if WOKEN.with(|w| w.replace(false)) {
        return;
    }
    hear_online();
    let racers = Array::new();
    racers.push(&Promise::new(&mut |resolve, _| {
        WAKE.with(|w| *w.borrow_mut() = Some(resolve));
    }));
    racers.push(&timer(max_ms));
    for (db, since) in polls {
        racers.push(&long_poll(couch.clone(), db.clone(), since.clone()));
    }
    let _ = JsFuture::from(Promise::race(&racers)).await;
    WAKE.with(|w| w.borrow_mut().take());
    // Only long polls are in flight while waiting: end the ones still open.
    abort_all();
}

fn timer(ms: i32) -> Promise {
    Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    })
}

/// Resolves when the server reports a change after `since`; never, if it fails.
fn long_poll(couch: Couch, db: String, since: Value) -> Promise {
    future_to_promise(async move {
        let path = format!(
            "_changes?feed=longpoll&style=all_docs&limit=1&timeout={LONGPOLL_MS}&since={}",
            since_param(&since)
        );
        let answer = couch.get_within(&db, &path, LONGPOLL_MS + 5_000).await;
        let changed = answer.as_ref().is_ok_and(|a| {
            a.get("results")
                .and_then(Value::as_array)
                .is_some_and(|r| !r.is_empty())
        });
        if !changed {
            // Nothing new, or no answer: leave the timer (or a wake) to end the wait.
            let _ = JsFuture::from(Promise::new(&mut |_, _| {})).await;
        }
        Ok(JsValue::UNDEFINED)
    })
}

/// The network coming back ends a wait (the phone was offline: try at once).
fn hear_online() {
    if ONLINE_HEARD.with(|h| h.replace(true)) {
        return;
    }
    if let Some(w) = web_sys::window() {
        let on_online = Closure::<dyn Fn()>::new(wake);
        let _ = w.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget();
    }
}
