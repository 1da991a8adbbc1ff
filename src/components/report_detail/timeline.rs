//! A report's timeline, newest first: on the report page, in the console and in a
//! hand-off link's preview.

use leptos::prelude::*;

use crate::domain::report::StatusEvent;
use crate::domain::time::format_date_time;
use crate::state::use_strings;

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
    view! {
        <li class=format!("timeline__event timeline__event--{}", status.key())>
            <p class="timeline__head">
                <b>{move || s().status(status)}</b> " · " {move || s().recorder(by)} " · " {format_date_time(event.at)}
            </p>
            {(!event.note.is_empty()).then(|| view! { <p class="timeline__note">{event.note.clone()}</p> })}
        </li>
    }
}
