//! A steward records the next step of a report in their queue: a legal next status
//! (never the reporter's confirmation or reopening) with a note, recorded under their
//! role.

use leptos::prelude::*;

use crate::components::report_detail::{NextStatusField, NoteAndError};
use crate::components::steward::change_step::store_with_group;
use crate::domain::report::{Report, Status, TransitionError};
use crate::domain::steward::Role;
use crate::platform::clock::now;
use crate::state::records::{use_records, use_records_writer};
use crate::state::{use_console_strings, use_strings};

/// The next step's form.
#[component]
pub fn NextStep(
    /// The report.
    report: Report,
    /// The steward's role, recorded with the step.
    role: Role,
    /// Set when a step was saved, so the page offers to send it on.
    saved: RwSignal<bool>,
) -> impl IntoView {
    let records = use_records();
    let records_writer = use_records_writer();
    let s = use_strings();
    let c = use_console_strings();
    let choices: Vec<Status> = report
        .status()
        .next()
        .iter()
        .copied()
        .filter(|s| !matches!(s, Status::Confirmed | Status::Reopened))
        .collect();
    let (to, set_to) = signal(choices.first().copied());
    let note = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<TransitionError>);
    let has_choices = !choices.is_empty();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(target) = to.get_untracked() else {
            return;
        };
        let mut updated = report.clone();
        match updated.transition(target, &note.get_untracked(), Some(role), now()) {
            Ok(()) => {
                set_error.set(None);
                saved.set(true);
                store_with_group(records, records_writer, updated);
            }
            Err(e) => set_error.set(Some(e)),
        }
    };
    has_choices.then(|| {
        view! {
            <form class="update-panel" on:submit=save novalidate>
                <h2>{move || c().record_step}</h2>
                <NextStatusField choices=choices set_to=set_to/>
                <NoteAndError name="note" note=note error=error/>
                <button type="submit" class="button">{move || s().app().save_update}</button>
            </form>
        }
    })
}
