//! "Erase all my data": the sync server's sign-in, every key this app wrote, the record and
//! photo databases, the caches and the service worker, so nothing of this visit stays
//! behind.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::couch::Couch;
use super::local_storage::{keys_with_prefix, read_raw, remove_raw};
use crate::format::collections::KEY_PREFIX;
use crate::format::replication::config::{SYNC_KEY, stored_server};

/// Ends the sync server's session (`DELETE /_session`: CouchDB's cookie goes) where sync
/// was ever set up on this phone — whoever is signed in, and a cookie an offline sign-out
/// left behind. `false`: the server could not be reached (its session then ends by itself
/// after its timeout); `true` also when there is no server.
pub async fn end_server_session() -> bool {
    let Some(server) = read_raw(SYNC_KEY)
        .ok()
        .flatten()
        .and_then(|stored| stored_server(&stored))
    else {
        return true;
    };
    Couch::new(&server).sign_out().await.is_ok()
}

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
