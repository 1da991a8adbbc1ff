//! One tab at a time (the Web Locks API): the tabs of one phone share its replication ids
//! and checkpoints, so only the tab holding the lock syncs; the others wait for it, and
//! take over when that tab closes (the browser releases a closed page's locks).

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A held lock, released when dropped. Where the browser has no Web Locks, every tab
/// "holds" it (as before there were locks).
pub struct TabLock {
    release: Option<Function>,
}

impl Drop for TabLock {
    fn drop(&mut self) {
        if let Some(release) = &self.release {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Takes the lock `name`: waiting for it with `wait`, else `None` if another tab holds it.
pub async fn take(name: &str, wait: bool) -> Option<TabLock> {
    let Some((locks, request)) = lock_manager() else {
        return Some(TabLock { release: None });
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::from_bool(!wait));
    // The lock is held while the promise the callback returns is pending; its resolve
    // function comes back here as the way to release it.
    let granted = Promise::new(&mut |granted, _| {
        let hold = Closure::once_into_js(move |lock: JsValue| -> Promise {
            if lock.is_null() {
                // Not available, and not waited for: nothing is held.
                let _ = granted.call1(&JsValue::NULL, &JsValue::NULL);
                return Promise::resolve(&JsValue::NULL);
            }
            Promise::new(&mut |release, _| {
                let _ = granted.call1(&JsValue::NULL, &release);
            })
        });
        let _ = request.call3(&locks, &name.into(), &options, &hold);
    });
    let release = JsFuture::from(granted)
        .await
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some(TabLock {
        release: Some(release),
    })
}

/// `navigator.locks` and its `request`, if this browser has them.
fn lock_manager() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    let request = Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((locks, request))
}
