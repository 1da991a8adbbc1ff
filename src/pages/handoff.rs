//! `/r#…`: a steward's update arriving on the reporter's phone. It shows the steward's
//! steps and, on a tap, adds the new ones to the reporter's copy of the report. A link
//! meant for a steward (a report, the reporter's answer) goes on to the console.

use leptos::prelude::*;

use crate::components::handoff::link_reader::use_link;
use crate::components::handoff::outcome::{Outcome, OutcomeNotice};
use crate::components::handoff::received_steps::ReceivedSteps;
use crate::domain::handoff::Side;
use crate::format::handoff::{Kind, Steps, parse};
use crate::platform::handoff_link::forward_to;
use crate::state::use_handoff_strings;

#[component]
pub fn HandoffPage() -> impl IntoView {
    let h = use_handoff_strings();
    let read = use_link(|kind, body| match kind {
        Kind::Update => Some(parse::<Steps>(&body)),
        // A link for a steward's phone: the console takes it from here.
        kind => {
            forward_to(kind);
            None
        }
    });
    view! {
        <section class="page handoff">
            <h1 class="page__title">{move || h().link_title}</h1>
            {move || match read.get() {
                None => view! { <p role="status">{move || h().reading}</p> }.into_any(),
                Some(Err(e)) => view! { <OutcomeNotice outcome=Outcome::Unreadable(e)/> }.into_any(),
                Some(Ok(steps)) => view! { <ReceivedSteps steps=steps from=Side::Steward reports_path="/reports/"/> }.into_any(),
            }}
        </section>
    }
}
