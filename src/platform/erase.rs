//! "Erase all my data": every key this app wrote, the record and photo databases, the caches and the
//! service worker, so nothing of this visit stays behind.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::local_storage::{keys_with_prefix, remove_raw};
use crate::format::collections::KEY_PREFIX;

/// Removes every `cs.*` key, the caches and the service worker, then restarts the app.
pub async fn erase_everything() {
    let Some(window) = web_sys::window() else {
        return;
    };
    for key in keys_with_prefix(KEY_PREFIX) {
        let _ = remove_raw(&key);
    }
    super::photos::delete_all();
    super::doc_store::delete_all();
    if let Ok(caches) = window.caches()
        && let Ok(names) = JsFuture::from(caches.keys()).await
    {
        for name in js_sys::Array::from(&names)
            .iter()
            .filter_map(|n| n.as_string())
        {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
    // Unregister the worker too, so nothing of this visit stays behind.
    let navigator = window.navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false)
        && let Ok(list) = JsFuture::from(navigator.service_worker().get_registrations()).await
    {
        for reg in js_sys::Array::from(&list).iter() {
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>()
                && let Ok(p) = reg.unregister()
            {
                let _ = JsFuture::from(p).await;
            }
        }
    }
    let _ = window.location().replace("/");
}
