//! Applying a received link: what it would do is worked out first, without writing, so
//! a refused or already-applied link says so at once and offers no button; the button
//! works it out again at the tap (the report may have changed meanwhile) and saves.

use leptos::prelude::*;

use super::outcome::{Outcome, OutcomeNotice};
use crate::domain::handoff::{Received, Refusal};
use crate::domain::report::Report;
use crate::i18n::handoff::HandoffStrings;
use crate::state::records::use_records_writer;
use crate::state::use_handoff_strings;

/// What applying a link would do, and the button that does it.
#[component]
pub fn ApplyLink<F>(
    /// Applies the link to this phone's copy of the report, without saving.
    apply: F,
    /// The button's label.
    label: fn(&HandoffStrings) -> &'static str,
    /// The report's page on this phone.
    report_href: String,
) -> impl IntoView
where
    F: Fn() -> Result<(Report, Received), Refusal> + Send + Sync + 'static,
{
    let records_writer = use_records_writer();
    let h = use_handoff_strings();
    let done = RwSignal::new(None::<Outcome>);
    let first = apply();
    let apply = StoredValue::new(apply);
    let on_click = move |_| {
        let outcome = match apply.with_value(|f| f()) {
            Ok((report, received)) => {
                if received != Received::AlreadyHad {
                    records_writer.upsert_report(report);
                }
                Outcome::Done(received)
            }
            Err(refusal) => Outcome::Refused(refusal),
        };
        done.set(Some(outcome));
    };
    let open = move || {
        let href = report_href.clone();
        view! { <a class="button button--secondary" href=href>{move || h().open_report}</a> }
    };
    match first {
        Err(refusal) => view! { <OutcomeNotice outcome=Outcome::Refused(refusal)/> }.into_any(),
        Ok((_, Received::AlreadyHad)) => view! {
            <OutcomeNotice outcome=Outcome::Done(Received::AlreadyHad)/>
            {open()}
        }
        .into_any(),
        Ok(_) => view! {
            {move || match done.get() {
                None => view! {
                    <button type="button" class="button" data-apply-link on:click=on_click>{move || label(h())}</button>
                }
                .into_any(),
                Some(outcome) => view! { <OutcomeNotice outcome=outcome/> {open.clone()()} }.into_any(),
            }}
        }
        .into_any(),
    }
}
