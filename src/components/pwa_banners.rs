//! The offline banner and the "new version — reload" prompt, above every page.

use leptos::prelude::*;

use crate::i18n::strings;
use crate::pwa::{PwaState, apply_update};
use crate::store::state::use_state;

/// Banners for the network and update state.
#[component]
pub fn PwaBanners() -> impl IntoView {
    let state = use_state();
    let pwa = expect_context::<PwaState>();
    let s = move || strings(state.lang.get());
    view! {
        <Show when=move || !pwa.online.get()>
            <p class="banner banner--offline" role="status">{move || s().offline}</p>
        </Show>
        <Show when=move || pwa.update_ready.get()>
            <div class="banner banner--update" role="alert">
                <span>{move || s().update_ready}</span>
                <button type="button" class="button button--small" on:click=move |_| apply_update()>
                    {move || s().reload}
                </button>
            </div>
        </Show>
    }
}

/// The install button where the browser offers it, or written steps on iOS.
#[component]
pub fn InstallHelp() -> impl IntoView {
    let state = use_state();
    let pwa = expect_context::<PwaState>();
    let s = move || strings(state.lang.get());
    let ios = crate::pwa::is_ios_browser();
    view! {
        <Show when=move || pwa.can_install.get()>
            <button type="button" class="button" on:click=move |_| crate::pwa::prompt_install()>{move || s().install}</button>
        </Show>
        {ios.then(|| view! { <p class="hint">{move || s().ios_install}</p> })}
    }
}
