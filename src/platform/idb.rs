//! IndexedDB's callbacks as futures, shared by the photo store and the document store.
//! Every failure comes back as the browser's error name and words, never a panic.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbRequest, IdbTransaction};

/// What the browser said went wrong: its error name (`QuotaExceededError`,
/// `VersionError`, `AbortError`…) and message.
#[derive(Clone, Debug, PartialEq)]
pub struct IdbFailure {
    pub name: String,
    pub message: String,
}

impl IdbFailure {
    pub fn new(name: &str, message: &str) -> Self {
        IdbFailure {
            name: name.into(),
            message: message.into(),
        }
    }

    pub fn from_js(e: &JsValue) -> Self {
        if let Some(e) = e.dyn_ref::<js_sys::Error>() {
            return IdbFailure::new(&String::from(e.name()), &String::from(e.message()));
        }
        if let Some(e) = e.dyn_ref::<web_sys::DomException>() {
            return IdbFailure::new(&e.name(), &e.message());
        }
        IdbFailure::new(
            "Error",
            &e.as_string().unwrap_or_else(|| "IndexedDB".into()),
        )
    }
}

/// The IndexedDB factory, or why there is none (private mode, a policy, an old browser).
pub fn factory() -> Result<IdbFactory, IdbFailure> {
    let unavailable = || IdbFailure::new("UnavailableError", "IndexedDB unavailable");
    web_sys::window()
        .ok_or_else(unavailable)?
        .indexed_db()
        .map_err(|e| IdbFailure::from_js(&e))?
        .ok_or_else(unavailable)
}

/// Resolves when `target`'s `ok` event fires, rejects on any of `fail`.
async fn settle(target: &web_sys::EventTarget, ok: &str, fail: &[&str]) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_cb = Closure::once_into_js(move || resolve.call0(&JsValue::NULL));
        let _ = target.add_event_listener_with_callback(ok, ok_cb.unchecked_ref());
        let reject = reject.clone();
        let fail_cb = Closure::<dyn Fn()>::new(move || {
            let _ = reject.call0(&JsValue::NULL);
        })
        .into_js_value();
        for name in fail {
            let _ = target.add_event_listener_with_callback(name, fail_cb.unchecked_ref());
        }
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// Waits for a request; its result, or its error.
pub async fn done(request: &IdbRequest) -> Result<JsValue, IdbFailure> {
    if settle(request, "success", &["error"]).await.is_err() {
        return Err(request
            .error()
            .ok()
            .flatten()
            .map(|e| IdbFailure::new(&e.name(), &e.message()))
            .unwrap_or_else(|| IdbFailure::new("Error", "IndexedDB request failed")));
    }
    request.result().map_err(|e| IdbFailure::from_js(&e))
}

/// Waits until a transaction has committed (or says why it aborted: quota, an abort).
pub async fn committed(tx: &IdbTransaction) -> Result<(), IdbFailure> {
    if settle(tx, "complete", &["error", "abort"]).await.is_err() {
        return Err(tx
            .error()
            .map(|e| IdbFailure::new(&e.name(), &e.message()))
            .unwrap_or_else(|| IdbFailure::new("AbortError", "transaction aborted")));
    }
    Ok(())
}

/// Opens `name` at `version`, running `upgrade` when the database is new or older; calls
/// `blocked` when another tab keeps an older version open.
pub async fn open(
    name: &str,
    version: u32,
    upgrade: impl FnOnce(&IdbDatabase, &IdbRequest) + 'static,
    blocked: impl FnOnce() + 'static,
) -> Result<IdbDatabase, IdbFailure> {
    let request = factory()?
        .open_with_u32(name, version)
        .map_err(|e| IdbFailure::from_js(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            upgrade(&db, &upgrading);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let on_blocked = Closure::once_into_js(blocked);
    request.set_onblocked(Some(on_blocked.unchecked_ref()));
    done(&request)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(|e| IdbFailure::from_js(&e))
}
