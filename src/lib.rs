//! 小区管家 · Compound Steward. The pure core (`domain`, `i18n`, most of `store`)
//! compiles and tests natively; the UI exists only in the wasm build.

pub mod domain;
pub mod i18n;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod pwa;

/// Replaces the static shell of `index.html` with the app.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
