//! Erasing everything this phone keeps for the app, after a confirmation.

use leptos::prelude::*;

use crate::platform::erase::erase_everything;
use crate::state::use_strings;

/// The "erase all my data" button.
#[component]
pub fn EraseButton() -> impl IntoView {
    let s = use_strings();
    let erase = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(s().app().erase_confirm).ok())
            .unwrap_or(false);
        if confirmed {
            wasm_bindgen_futures::spawn_local(erase_everything());
        }
    };
    view! { <button type="button" class="button button--danger" on:click=erase>{move || s().app().erase_all}</button> }
}
