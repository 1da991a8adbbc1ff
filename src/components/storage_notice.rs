//! What keeps this phone's records, said plainly where records are made and kept: on
//! WebKit outside an installed app (every iPhone browser) the phone deletes a website's
//! storage after seven days without a visit, so the person is told once — with how to keep
//! them and when they were last backed up or synced — and the settings page always says it.

use leptos::prelude::*;

use crate::domain::time::format_date_time;
use crate::platform::pwa::storage_may_expire;
use crate::state::kept::{last_kept, mark_told, told};
use crate::state::use_strings;

/// The seven-day warning, where it applies.
#[component]
pub fn StorageNotice(
    /// Shown until dismissed once (on the pages where reports are made and listed);
    /// without it, always shown and with no dismiss button (the settings page).
    #[prop(optional)]
    once: bool,
) -> impl IntoView {
    let s = use_strings();
    let shown = RwSignal::new(storage_may_expire() && !(once && told()));
    let kept = move || {
        let t = s().app();
        let (backup, sync) = last_kept();
        let mut lines = vec![];
        if let Some(at) = backup {
            lines.push(format!("{}{}", t.last_backup, format_date_time(at)));
        }
        if let Some(at) = sync {
            lines.push(format!("{}{}", t.last_synced, format_date_time(at)));
        }
        if lines.is_empty() {
            lines.push(t.never_kept.to_string());
        }
        lines.join(" · ")
    };
    view! {
        <Show when=move || shown.get()>
            <div class="notice notice--warning storage-notice" role="note" data-storage-notice>
                <p>{move || s().app().storage_may_expire}</p>
                <p class="hint">{kept}</p>
                {once.then(|| view! {
                    <button type="button" class="button button--secondary button--small"
                        on:click=move |_| { mark_told(); shown.set(false) }>{move || s().app().got_it}</button>
                })}
            </div>
        </Show>
    }
}
