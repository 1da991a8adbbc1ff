//! Erasing everything this phone keeps for the app, after a confirmation: the sync
//! server's sign-in first, and when the server cannot be reached the phone is erased
//! anyway and the person told so.

use leptos::prelude::*;

use crate::platform::dialog::{confirm, tell};
use crate::platform::erase::{end_server_session, erase_everything};
use crate::state::use_strings;

/// The "erase all my data" button.
#[component]
pub fn EraseButton() -> impl IntoView {
    let s = use_strings();
    let erase = move |_| {
        let t = s().app();
        if !confirm(t.erase_confirm) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            if !end_server_session().await {
                tell(t.erase_offline);
            }
            erase_everything().await;
        });
    };
    view! { <button type="button" class="button button--danger" on:click=erase>{move || s().app().erase_all}</button> }
}
