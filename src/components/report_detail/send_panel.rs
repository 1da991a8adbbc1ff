//! Who should get the report, and the ways to send it that work without a server:
//! `sms:` to the routed steward with the report as text, or the share sheet / copy.

use leptos::prelude::*;

use crate::components::share_button::ShareButton;
use crate::domain::compound::Compound;
use crate::domain::phone::parse_phone;
use crate::domain::report::Report;
use crate::i18n::Strings;
use crate::i18n::share::report_text;
use crate::state::{use_state, use_strings};

/// Who should get the report, and the ways to send it that work without a server.
#[component]
pub fn SendPanel(
    /// The report to send.
    report: Report,
    /// Its compound, for the steward lookup.
    compound: Option<Compound>,
    /// The place written out.
    place: String,
) -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let steward = compound.as_ref().and_then(|c| {
        report
            .assigned
            .as_ref()
            .and_then(|id| c.stewards.iter().find(|s| &s.id == id))
            .cloned()
    });
    let text = {
        let report = report.clone();
        let place = place.clone();
        Signal::derive(move || report_text(&report, &place, state.lang.get()))
    };
    let sms = steward.as_ref().and_then(|st| {
        let phone = parse_phone(&st.phone).ok()?;
        Some((
            phone.sms_href(&text.get_untracked()),
            (st.role, format!("{} {}", st.name, phone.display())),
        ))
    });
    view! {
        <section class="send notice notice--info" aria-labelledby="send-title">
            <h2 id="send-title">{move || s().send_title}</h2>
            <p class="hint">{move || s().send_hint}</p>
            {match sms {
                Some((href, who)) => view! {
                    <a class="button send__sms" href=href>{move || s().send_sms} " " {move || s().role(who.0)} " " {who.1.clone()}</a>
                }.into_any(),
                None => view! { <p>{move || s().no_steward}</p> }.into_any(),
            }}
            <ShareButton title=report.id.clone() text=text label=|s: &Strings| s.share_report/>
        </section>
    }
}
