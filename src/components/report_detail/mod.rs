//! The pieces of a report's page: sending it to the steward, recording the next step,
//! the reporter's confirmation, the reporter's contact and deleting it.

pub mod confirm_panel;
pub mod conflict_panel;
pub mod facts;
pub mod reporter;
pub mod send_panel;
pub mod update_panel;

use leptos::prelude::*;

use crate::domain::report::{Report, Status, TransitionError};
use crate::format::route::Route;
use crate::platform::clock::now;
use crate::platform::dialog::confirm;
use crate::platform::photos;
use crate::state::records::use_records_writer;
use crate::state::use_strings;

/// Deleting a report removes its photos, then leaves a tombstone (for a later sync).
#[component]
pub fn DeleteReport(
    /// The report to delete.
    report: Report,
) -> impl IntoView {
    let records_writer = use_records_writer();
    let navigator = crate::state::location::use_navigator();
    let s = use_strings();
    let delete = move |_| {
        let confirmed = confirm(s().app().confirm_delete);
        if !confirmed {
            return;
        }
        let mut gone = report.clone();
        let keys = std::mem::take(&mut gone.photos);
        gone.deleted = true;
        gone.updated_at = now();
        records_writer.upsert_report(gone);
        wasm_bindgen_futures::spawn_local(async move {
            for key in keys {
                let _ = photos::delete(&key).await;
            }
        });
        navigator.go(&Route::Reports.href());
    };
    view! { <button type="button" class="button button--danger" on:click=delete>{move || s().app().delete_report}</button> }
}

/// The note that goes with a step, and why the step was refused if it was.
#[component]
pub fn NoteAndError(
    /// The textarea's form name.
    name: &'static str,
    /// The note as typed.
    note: RwSignal<String>,
    /// Why the last attempt was refused, if it was.
    error: ReadSignal<Option<TransitionError>>,
) -> impl IntoView {
    let s = use_strings();
    view! {
        <label class="field">
            <span class="field__label">{move || s().app().note_label}</span>
            <textarea class="field__input" name=name rows="3" prop:value=note
                on:input=move |ev| note.set(event_target_value(&ev))></textarea>
        </label>
        {move || error.get().map(|e| view! { <p class="field__error" role="alert">{s().transition_error(&e)}</p> })}
    }
}

/// The next status to record, among the legal ones offered.
#[component]
pub fn NextStatusField(
    /// The statuses offered, the first chosen until another is.
    choices: Vec<Status>,
    /// Follows the choice.
    set_to: WriteSignal<Option<Status>>,
) -> impl IntoView {
    let s = use_strings();
    view! {
        <label class="field">
            <span class="field__label">{move || s().app().new_status}</span>
            <select class="field__input" name="status" on:change=move |ev| {
                set_to.set(Status::from_key(&event_target_value(&ev)));
            }>
                {choices.into_iter().map(|st| view! {
                    <option value=st.key()>{move || s().status(st)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
