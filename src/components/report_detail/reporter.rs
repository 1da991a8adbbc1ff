//! The reporter's name and phone on a report, the phone masked until shown on purpose.

use leptos::prelude::*;

use crate::domain::phone::parse_phone;
use crate::domain::report::Report;
use crate::state::use_strings;

/// The reporter's name and phone, the phone masked (138****0001) until revealed on purpose.
#[component]
pub fn Reporter(
    /// Whose reporter.
    report: Report,
) -> impl IntoView {
    let s = use_strings();
    let phone = report
        .reporter_phone
        .as_deref()
        .and_then(|p| parse_phone(p).ok());
    let name = report.reporter_name.clone().unwrap_or_default();
    if phone.is_none() && name.is_empty() {
        return None;
    }
    let (revealed, set_revealed) = signal(false);
    let masked = phone.as_ref().map(|p| p.masked()).unwrap_or_default();
    let full = phone.as_ref().map(|p| p.display()).unwrap_or_default();
    let has_phone = phone.is_some();
    Some(view! {
        <dt>{move || s().app().reporter_role}</dt>
        <dd class="reporter">
            {name} " "
            <span class="reporter__phone">{move || if revealed.get() { full.clone() } else { masked.clone() }}</span>
            <Show when=move || has_phone && !revealed.get()>
                <button type="button" class="button button--small button--secondary" on:click=move |_| set_revealed.set(true)>
                    {move || s().app().show_number}
                </button>
            </Show>
        </dd>
    })
}
