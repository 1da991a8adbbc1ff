//! The offline banner, the "new version — reload" prompt and, inside WeChat, how to open
//! the page in the phone's browser — above every page.

use leptos::prelude::*;

use crate::platform::pwa::{PwaState, apply_update};
use crate::state::use_strings;

/// Banners for the network and update state.
#[component]
pub fn PwaBanners() -> impl IntoView {
    let pwa = expect_context::<PwaState>();
    let s = use_strings();
    let wechat = crate::platform::pwa::is_wechat();
    view! {
        {wechat.then(|| view! { <p class="banner banner--wechat" role="note">{move || s().wechat_hint}</p> })}
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
    let pwa = expect_context::<PwaState>();
    let s = use_strings();
    let ios = crate::platform::pwa::is_ios_browser();
    view! {
        <Show when=move || pwa.can_install.get()>
            <button type="button" class="button" on:click=move |_| crate::platform::pwa::prompt_install()>{move || s().install}</button>
        </Show>
        {ios.then(|| view! { <p class="hint">{move || s().ios_install}</p> })}
    }
}
