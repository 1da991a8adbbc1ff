//! Recording what a steward said in person or by phone: a legal next status, a note, and who
//! records it. (A steward using the app sends their steps by link instead.)

use leptos::prelude::*;

use super::{NextStatusField, NoteAndError};
use crate::domain::report::{Report, Status, TransitionError};
use crate::domain::routing::responsible_role;
use crate::domain::steward::Role;
use crate::platform::clock::now;
use crate::state::records::use_records_writer;
use crate::state::{use_handoff_strings, use_state, use_strings};

/// The value of "the reporter" among the recorders.
const REPORTER: &str = "reporter";

/// Recording the next step: a legal next status, a note, and who records it.
#[component]
pub fn UpdatePanel(
    /// The report to update.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let records_writer = use_records_writer();
    let s = use_strings();
    let h = use_handoff_strings();
    let current = report.status();
    // Confirmation has its own panel (with the rating); every other legal step is here.
    let choices: Vec<Status> = current
        .next()
        .iter()
        .copied()
        .filter(|s| *s != Status::Confirmed)
        .collect();
    let (to, set_to) = signal(choices.first().copied());
    let choices = StoredValue::new(choices);
    let note = RwSignal::new(String::new());
    // Usually the steward the report was routed to records the next step.
    let routed = state.compounds.with_untracked(|c| {
        c.0.iter()
            .find(|c| c.id == report.compound)
            .map_or(Role::Red, |c| responsible_role(report.category, c.mode))
    });
    let (by, set_by) = signal(Some(routed));
    let (error, set_error) = signal(None::<TransitionError>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(target) = to.get_untracked() else {
            return;
        };
        let mut updated = report.clone();
        match updated.transition(target, &note.get_untracked(), by.get_untracked(), now()) {
            Ok(()) => {
                set_error.set(None);
                records_writer.upsert_report(updated);
            }
            Err(e) => set_error.set(Some(e)),
        }
    };
    view! {
        <form class="update-panel" on:submit=save novalidate>
            <h2>{move || s().app().record_update}</h2>
            <p class="hint">{move || h().record_by_hand_hint}</p>
            <NextStatusField choices=choices.get_value() set_to=set_to/>
            <label class="field">
                <span class="field__label">{move || s().app().recorded_by}</span>
                <select class="field__input" name="by" on:change=move |ev| {
                    // The reporter has no role key: anything else is a steward's role.
                    set_by.set(Role::from_key(&event_target_value(&ev)));
                }>
                    <option value=REPORTER>{move || s().app().reporter_role}</option>
                    {Role::ALL.map(|r| view! {
                        <option value=r.key() selected=r == routed>{move || s().role(r)}</option>
                    }).collect_view()}
                </select>
            </label>
            <NoteAndError name="note" note=note error=error/>
            <button type="submit" class="button">{move || s().app().save_update}</button>
        </form>
    }
}
