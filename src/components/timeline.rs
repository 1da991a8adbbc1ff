//! A report's timeline, newest first: on the report page, in the console and in a
//! hand-off link's preview.

use leptos::prelude::*;

use crate::domain::report::StatusEvent;
use crate::domain::report_changes::StepChange;
use crate::domain::time::{format_date, format_date_time};
use crate::i18n::Strings;
use crate::state::{AppState, use_state, use_strings};

/// Steps of a timeline, newest first.
#[component]
pub fn Timeline(
    /// The steps, oldest first, as a report keeps them.
    steps: Vec<StatusEvent>,
) -> impl IntoView {
    let s = use_strings();
    let items = steps
        .into_iter()
        .rev()
        .map(|e| view! { <TimelineItem event=e/> })
        .collect_view();
    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{move || s().timeline}</h2>
            <ol class="timeline__list">{items}</ol>
        </section>
    }
}

/// One step of the timeline: status, who recorded it, when, and the note.
#[component]
pub fn TimelineItem(
    /// The recorded step.
    event: StatusEvent,
) -> impl IntoView {
    let s = use_strings();
    let (status, by) = (event.status, event.by);
    let kind = event.change.as_ref().map(StepChange::kind);
    let class = match kind {
        Some(k) => format!(
            "timeline__event timeline__event--change timeline__event--{}",
            k.key()
        ),
        None => format!("timeline__event timeline__event--{}", status.key()),
    };
    // What a change step changed: the label of the new value, and the value.
    let state = use_state();
    let change = event.change.map(|change| {
        let k = change.kind();
        let shown = move || change_value(&change, s(), state);
        view! { <p class="timeline__change">{move || (s().app().change_values)(k)} {move || s().colon()} <b>{shown}</b></p> }
    });
    let what = move || match kind {
        Some(k) => (s().app().change_kinds)(k),
        None => s().status(status),
    };
    view! {
        <li class=class>
            <p class="timeline__head">
                <b>{what}</b> " · " {move || s().recorder(by)} " · " {format_date_time(event.at)}
            </p>
            {change}
            {(!event.note.is_empty()).then(|| view! { <p class="timeline__note">{event.note.clone()}</p> })}
        </li>
    }
}

/// A change's new value in words: the steward's name (from the roster here, else the id),
/// the category, the date, the report's number.
fn change_value(change: &StepChange, s: &'static Strings, state: AppState) -> String {
    match change {
        StepChange::Reassign(id) => state.compounds.with(|cs| {
            cs.0.iter()
                .flat_map(|c| c.stewards.iter())
                .find(|p| &p.id == id)
                .map_or_else(|| id.clone(), |p| s.with_note(&p.name, s.role(p.role)))
        }),
        StepChange::Recategorise(c) => s.category(*c).to_string(),
        StepChange::Deadline(t) => format_date(*t),
        StepChange::DuplicateOf(id) => id.clone(),
    }
}
