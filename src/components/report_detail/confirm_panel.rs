//! The reporter's answer to "is it fixed?": confirm with a rating (only this counts as
//! 办结), or reopen.

use leptos::prelude::*;

use super::NoteAndError;
use crate::domain::report::{Report, Status, TransitionError};
use crate::platform::clock::now;
use crate::state::records::use_records_writer;
use crate::state::use_strings;

/// The reporter's answer to "is it fixed?": confirm with a rating, or reopen.
#[component]
pub fn ConfirmPanel(
    /// A report in the Resolved state.
    report: Report,
) -> impl IntoView {
    let records_writer = use_records_writer();
    let s = use_strings();
    let (rating, set_rating) = signal(0u8);
    let note = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<TransitionError>);
    let apply = move |result: Result<Report, TransitionError>| match result {
        Ok(r) => records_writer.upsert_report(r),
        Err(e) => set_error.set(Some(e)),
    };
    let confirm = {
        let report = report.clone();
        move |_| {
            let mut r = report.clone();
            apply(
                r.confirm(rating.get_untracked(), &note.get_untracked(), now())
                    .map(|()| r),
            );
        }
    };
    let reopen = move |_| {
        let mut r = report.clone();
        apply(
            r.transition(Status::Reopened, &note.get_untracked(), None, now())
                .map(|()| r),
        );
    };
    view! {
        <section class="confirm notice notice--info" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{move || s().app().confirm_title}</h2>
            <fieldset class="field">
                <legend class="field__label">{move || s().app().rating_label}</legend>
                <div class="rating">
                    {(1..=5u8).map(|n| view! {
                        <label class="rating__star">
                            <input type="radio" name="rating" value=n.to_string() on:change=move |_| set_rating.set(n)/>
                            {n}
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <NoteAndError name="confirm_note" note=note error=error/>
            <button type="button" class="button" on:click=confirm>{move || s().app().confirm_fixed}</button>
            <button type="button" class="button button--secondary" on:click=reopen>{move || s().app().not_fixed}</button>
        </section>
    }
}
