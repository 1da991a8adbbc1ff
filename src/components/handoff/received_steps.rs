//! The steps a link carries from the other phone — a steward's update on the reporter's
//! phone, the reporter's answer on the steward's — and the button that adds them.

use leptos::prelude::*;

use super::apply::ApplyLink;
use crate::components::timeline::Timeline;
use crate::domain::handoff::{Side, apply_steps, take_group_size};
use crate::format::handoff::Steps;
use crate::i18n::handoff::HandoffStrings;
use crate::state::records::use_records;
use crate::state::use_handoff_strings;

/// The steps, the rating if the reporter gave one, and "update".
#[component]
pub fn ReceivedSteps(
    /// What the link carries.
    steps: Steps,
    /// Who sent them.
    from: Side,
    /// Where this phone shows the report (`/reports/` or `/steward/reports/`).
    reports_path: &'static str,
) -> impl IntoView {
    let records = use_records();
    let h = use_handoff_strings();
    let id = steps.report_id().to_string();
    let events = steps.events();
    let rating = steps.rating();
    let same_problem = steps.same_problem().filter(|_| from == Side::Steward);
    let apply = {
        let (id, events) = (id.clone(), events.clone());
        move || {
            records.reports.with_untracked(|all| {
                // A steward's update is for the reporter's own report, never for one
                // this phone took in from someone else's link.
                let here = all
                    .iter()
                    .find(|r| r.id == id && (from == Side::Reporter || r.received_at.is_none()));
                apply_steps(here, &id, &events, rating, from)
                    .map(|done| take_group_size(done, same_problem))
            })
        }
    };
    let label: fn(&HandoffStrings) -> &'static str = match from {
        Side::Steward => |h| h.apply_update,
        Side::Reporter => |h| h.apply_answer,
    };
    view! {
        <h2>
            {move || if from == Side::Steward { h().update_title } else { h().answer_title }}
            " · " <b data-ref>{id.clone()}</b>
        </h2>
        {rating.map(|n| view! { <p>{move || h().rating} ": " <span data-rating=n>{"★".repeat(n as usize)}</span></p> })}
        <Timeline steps=events/>
        <ApplyLink apply=apply label=label report_href=format!("{reports_path}{id}")/>
    }
}
