//! `/steward/r#…`: a link arriving on a steward's phone. A building lead's report is
//! shown read-only, with where it came from, and "add to my queue"; the reporter's
//! answer (confirmed with a rating, or reopened) updates the report in the queue. A
//! steward's update is for the reporter's phone: it goes on to the resident app.

use leptos::prelude::*;

use crate::components::handoff::apply::ApplyLink;
use crate::components::handoff::link_reader::use_link;
use crate::components::handoff::outcome::{Outcome, OutcomeNotice};
use crate::components::handoff::received_steps::ReceivedSteps;
use crate::components::report_detail::facts::{ReportFacts, ReportHeading};
use crate::components::steward::gate::StewardGate;
use crate::components::timeline::Timeline;
use crate::domain::handoff::{Side, take_copy};
use crate::format::handoff::{Kind, Message, ReportCopy};
use crate::format::route::Route;
use crate::platform::clock::now;
use crate::platform::handoff_link::forward_to;
use crate::state::records::use_records;
use crate::state::steward_session::use_steward_session;
use crate::state::{use_console_strings, use_handoff_strings, use_state};

#[component]
pub fn StewardTakePage() -> impl IntoView {
    let h = use_handoff_strings();
    let read = use_link(|kind, body| match kind {
        // A steward's update is for the reporter's phone: the app takes it from here.
        Kind::Update => {
            forward_to(Kind::Update);
            None
        }
        kind => Some(Message::from_json(kind, &body)),
    });
    view! {
        <section class="page handoff report-detail">
            {move || match read.get() {
                None => view! { <p role="status">{move || h().reading}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <h1 class="page__title">{move || h().link_title}</h1>
                    <OutcomeNotice outcome=Outcome::Unreadable(e)/>
                }
                .into_any(),
                Some(Ok(Message::Report(copy))) => view! { <TakeReport copy=*copy/> }.into_any(),
                Some(Ok(Message::Answer(steps))) => view! {
                    <h1 class="page__title">{move || h().link_title}</h1>
                    <StewardGate>
                        <ReceivedSteps steps=steps.clone() from=Side::Reporter reports_path="/steward/reports/"/>
                    </StewardGate>
                }
                .into_any(),
                Some(Ok(Message::Update(_))) => ().into_any(),
            }}
        </section>
    }
}

/// A building lead's report: read-only, then "add to my queue" in steward mode.
#[component]
fn TakeReport(
    /// The report as the link carries it.
    copy: ReportCopy,
) -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let h = use_handoff_strings();
    let c = use_console_strings();
    let session = use_steward_session();
    let photos = copy.photos_elsewhere();
    let incoming = copy.into_report();
    let compound = state
        .compounds
        .with_untracked(|all| all.0.iter().find(|c| c.id == incoming.compound).cloned());
    let place = incoming.place_name(compound.as_ref());
    let mine = session.mode.with_untracked(|m| {
        m.profile
            .as_ref()
            .is_some_and(|p| p.compounds.contains(&incoming.compound))
    });
    let id = incoming.id.clone();
    let apply = {
        let incoming = incoming.clone();
        move || {
            records.reports.with_untracked(|all| {
                let here = all.iter().find(|r| r.id == incoming.id);
                take_copy(here, incoming.clone(), now())
            })
        }
    };
    view! {
        <p class="hint">{move || h().report_title} " · " {move || h().from_link}</p>
        <ReportHeading report=incoming.clone() place=place/>
        <ReportFacts report=incoming.clone()/>
        {(photos > 0).then(|| view! { <p class="hint">{photos} " " {move || h().photos_elsewhere}</p> })}
        <Timeline steps=incoming.timeline.clone()/>
        {(!mine).then(|| view! { <p class="notice notice--warning">{move || c().not_my_compound}</p> })}
        <StewardGate>
            <ApplyLink apply=apply.clone() label=|h| h.take_in report_href=Route::StewardReport { id: id.clone() }.href()/>
        </StewardGate>
    }
}
