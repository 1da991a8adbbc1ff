//! `/r#…`: a steward's update arriving on the reporter's phone. It shows the steward's
//! steps and, on a tap, adds the new ones to the reporter's copy of the report. A link
//! meant for a steward (a report, the reporter's answer) goes on to the console.

use leptos::prelude::*;

use crate::components::handoff::apply::ApplyLink;
use crate::components::handoff::outcome::{Outcome, OutcomeNotice};
use crate::components::report_detail::timeline::Timeline;
use crate::domain::handoff::{Side, apply_steps};
use crate::format::handoff::{Kind, LinkError, Steps, parse};
use crate::platform::handoff_link::{forward_to, read_link};
use crate::state::{use_handoff_strings, use_state};

#[component]
pub fn HandoffPage() -> impl IntoView {
    let h = use_handoff_strings();
    let read = RwSignal::new(None::<Result<Steps, LinkError>>);
    wasm_bindgen_futures::spawn_local(async move {
        let steps = match read_link().await {
            Ok((Kind::Update, body)) => parse::<Steps>(&body),
            // A link for a steward's phone: the console takes it from here.
            Ok((kind, _)) => return forward_to(kind),
            Err(e) => Err(e),
        };
        read.set(Some(steps));
    });
    view! {
        <section class="page handoff">
            <h1 class="page__title">{move || h().link_title}</h1>
            {move || match read.get() {
                None => view! { <p role="status">{move || h().reading}</p> }.into_any(),
                Some(Err(e)) => view! { <OutcomeNotice outcome=Outcome::Unreadable(e)/> }.into_any(),
                Some(Ok(steps)) => view! { <StewardUpdate steps=steps/> }.into_any(),
            }}
        </section>
    }
}

/// A steward's steps, and the button that adds them to my report.
#[component]
fn StewardUpdate(
    /// The steps the link carries.
    steps: Steps,
) -> impl IntoView {
    let state = use_state();
    let h = use_handoff_strings();
    let id = steps.report_id().to_string();
    let events = steps.events();
    let apply = {
        let (id, events) = (id.clone(), events.clone());
        move || {
            state.reports.with_untracked(|all| {
                let mine = all.iter().find(|r| r.id == id && r.received_at.is_none());
                apply_steps(mine, &id, &events, None, Side::Steward)
            })
        }
    };
    view! {
        <h2>{move || h().update_title} " · " <b data-ref>{id.clone()}</b></h2>
        <Timeline steps=events/>
        <ApplyLink apply=apply label=|h| h.apply_update report_href=format!("/reports/{id}")/>
    }
}
