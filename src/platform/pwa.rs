//! The installable, offline side: service-worker registration (release builds only) with
//! a "new version — reload" prompt instead of a silent takeover, the online/offline state,
//! the install prompt, and persistent storage with its usage.

use std::cell::RefCell;

use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window_events::on_window;

thread_local! {
    /// The deferred `beforeinstallprompt` event, kept until the user taps "install".
    static INSTALL_EVENT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

#[derive(Clone, Copy)]
pub struct PwaState {
    pub online: ReadSignal<bool>,
    pub update_ready: ReadSignal<bool>,
    pub can_install: ReadSignal<bool>,
}

/// Online state, install prompt and (in release builds) the entry point's service
/// worker (`format::entry_points::Program::worker`) with its update prompt.
pub fn start(worker: &'static str) -> PwaState {
    let navigator = web_sys::window().map(|w| w.navigator());
    let (online, set_online) = signal(navigator.as_ref().is_none_or(|n| n.on_line()));
    let (update_ready, set_update_ready) = signal(false);
    let (can_install, set_can_install) = signal(false);
    on_window("online", move |_| set_online.set(true));
    on_window("offline", move |_| set_online.set(false));
    on_window("beforeinstallprompt", move |event| {
        event.prevent_default();
        INSTALL_EVENT.with(|e| *e.borrow_mut() = Some(event.into()));
        set_can_install.set(true);
    });
    on_window("appinstalled", move |_| set_can_install.set(false));
    if !cfg!(debug_assertions) {
        register_worker(worker, set_update_ready);
    }
    request_persistence();
    PwaState {
        online,
        update_ready,
        can_install,
    }
}

fn worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on insecure origins and in some webviews: then the app simply runs online.
    Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker())
}

fn register_worker(worker: &str, set_update_ready: WriteSignal<bool>) {
    let Some(container) = worker_container() else {
        return;
    };
    let promise = container.register(worker);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        // An update is a new worker beside an active one *of this registration*. Whether
        // the page is controlled says nothing: the resident worker (scope `/`) controls
        // `/steward/` pages before the console's own worker first installs, and that
        // first install is no update (it offered "new version" on a fresh visit).
        if reg.waiting().is_some() && reg.active().is_some() {
            set_update_ready.set(true);
        }
        let reg_for_found = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg_for_found.installing() else {
                return;
            };
            let is_update = reg_for_found.active().is_some();
            let watched = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if is_update && watched.state() == web_sys::ServiceWorkerState::Installed {
                    set_update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// The user tapped "reload": let the waiting worker take over, then reload once it has.
pub fn apply_update() {
    let Some(container) = worker_container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = reg.waiting() {
            let _ = waiting.post_message(&"SKIP_WAITING".into());
        }
    });
}

/// Whether a page load can be answered now: the network is up, or a service worker is
/// active for this page (it activates only once it has cached the whole build, so every
/// program's page opens offline).
pub async fn can_load_page() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if window.navigator().on_line() {
        return true;
    }
    let Some(container) = worker_container() else {
        return false;
    };
    JsFuture::from(container.get_registration())
        .await
        .ok()
        .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
        .is_some_and(|r| r.active().is_some())
}

/// Shows the browser's install dialog for the event saved earlier.
pub fn prompt_install() {
    let Some(event) = INSTALL_EVENT.with(|e| e.borrow_mut().take()) else {
        return;
    };
    if let Ok(prompt) =
        Reflect::get(&event, &"prompt".into()).and_then(|p| p.dyn_into::<Function>())
    {
        let _ = prompt.call0(&event);
    }
}

/// WeChat's in-app browser (where most QR codes are scanned) cannot install a web app;
/// residents need to be told to open the page in the phone's browser.
pub fn is_wechat() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("MicroMessenger"))
}

/// iPhones have no install prompt: the app shows written steps there instead.
pub fn is_ios_browser() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let ua = navigator.user_agent().unwrap_or_default();
    let standalone = Reflect::get(&navigator, &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    (ua.contains("iPhone") || ua.contains("iPad")) && !standalone
}

/// WebKit as a web page, not an app on the home screen: every iPhone browser (Safari,
/// WeChat, Chrome and Firefox for iOS all run WebKit) and Safari on a Mac. There, a site's
/// storage is deleted after seven days without a visit (WebKit's tracking prevention);
/// an app added to the home screen is exempt. Chromium's user agent also says
/// "AppleWebKit" but adds "Chrome/"; Android's WebView and WeChat's XWEB too.
pub fn storage_may_expire() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let ua = window.navigator().user_agent().unwrap_or_default();
    let webkit = ua.contains("AppleWebKit") && !ua.contains("Chrome/") && !ua.contains("Chromium/");
    let standalone = Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
        || window
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    webkit && !standalone
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    Reflect::has(&navigator, &"storage".into())
        .ok()?
        .then(|| navigator.storage())
}

/// Asks the browser not to evict this app's data under storage pressure; what it
/// granted is shown under 我的 (`persisted`). Where there is no StorageManager
/// (older WebKit) nothing is asked and nothing is claimed.
fn request_persistence() {
    let Some(storage) = storage_manager() else {
        return;
    };
    if let Ok(p) = storage.persist() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

/// Storage used and quota (bytes), where the browser says.
pub async fn storage_usage() -> Option<(f64, f64)> {
    let storage = storage_manager()?;
    if !Reflect::has(&storage, &"estimate".into()).unwrap_or(false) {
        return None;
    }
    let estimate: web_sys::StorageEstimate = JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into();
    Some((
        estimate.get_usage().unwrap_or(0.0),
        estimate.get_quota().unwrap_or(0.0),
    ))
}

/// Whether the browser granted persistent storage; `None` where it cannot be asked (no
/// StorageManager: WebKitGTK, Safari before 15.2, some webviews).
pub async fn persisted() -> Option<bool> {
    let storage = storage_manager()?;
    if !Reflect::has(&storage, &"persisted".into()).unwrap_or(false) {
        return None;
    }
    JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// The count on the app's icon (`navigator.setAppBadge`, where the platform has one:
/// Chromium on desktops and Android once installed, Safari on iOS 16.4+ for a home-screen
/// app); none at 0. Elsewhere nothing happens, and a refusal is not an error.
pub fn set_app_badge(count: usize) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let name = if count == 0 {
        "clearAppBadge"
    } else {
        "setAppBadge"
    };
    let Ok(method) = Reflect::get(&navigator, &name.into()).and_then(|m| m.dyn_into::<Function>())
    else {
        return;
    };
    let called = if count == 0 {
        method.call0(&navigator)
    } else {
        method.call1(&navigator, &JsValue::from_f64(count as f64))
    };
    if let Ok(promise) = called.and_then(|p| p.dyn_into::<js_sys::Promise>()) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}
