//! `/reports/:id`: one report — send it to the responsible steward, its timeline, and
//! recording what happens next (every status change with a note; only the reporter's
//! confirmation makes it 办结). Every label follows the language as it changes.

use leptos::prelude::*;

use crate::components::photos::Photos;
use crate::components::report_detail::DeleteReport;
use crate::components::report_detail::confirm_panel::ConfirmPanel;
use crate::components::report_detail::conflict_panel::ConflictPanel;
use crate::components::report_detail::facts::{ReportFacts, ReportHeading};
use crate::components::report_detail::send_panel::SendPanel;
use crate::components::report_detail::update_panel::UpdatePanel;
use crate::components::timeline::Timeline;
use crate::domain::report::{Report, Status};
use crate::format::documents::{DocKind, doc_id};
use crate::state::records::use_records;
use crate::state::{use_state, use_strings};

/// The report the path names (`/reports/:id`).
#[component]
pub fn ReportDetailPage(id: String) -> impl IntoView {
    let records = use_records();
    let s = use_strings();
    let id = StoredValue::new(id);
    let id = move || id.get_value();
    // A deleted report is gone, unless another version of it lives on: then both show,
    // so the deletion can be undone or confirmed.
    let report = Memo::new(move |_| {
        let id = id();
        let doc = doc_id(DocKind::Report, &id);
        let in_conflict = records
            .report_conflicts
            .with(|c| c.iter().any(|c| c.doc_id == doc));
        records.reports.with(|all| {
            all.iter()
                .find(|r| r.id == id && (!r.deleted || in_conflict))
                .cloned()
        })
    });
    move || {
        match report.get() {
        None => view! {
            <section class="page">
                <p class="notice notice--error" role="alert">{move || s().app().report_not_found}</p>
            </section>
        }
        .into_any(),
        Some(r) => view! { <ReportView report=r/> }.into_any(),
    }
    }
}

#[component]
fn ReportView(
    /// The report shown.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let compound = state
        .compounds
        .with_untracked(|c| c.0.iter().find(|c| c.id == report.compound).cloned());
    let place = report.place_name(compound.as_ref());
    let status = report.status();
    view! {
        <section class="page report-detail">
            <ReportHeading report=report.clone() place=place.clone()/>
            <ConflictPanel report=report.clone()/>
            <ReportFacts report=report.clone()/>
            {(!report.photos.is_empty()).then(|| view! { <Photos keys=Signal::stored(report.photos.clone())/> })}
            {(status.is_open() || status == Status::Confirmed).then(|| view! { <SendPanel report=report.clone() compound=compound.clone() place=place.clone()/> })}
            <Timeline steps=report.timeline.clone()/>
            {(status == Status::Resolved).then(|| view! { <ConfirmPanel report=report.clone()/> })}
            {(!status.next().is_empty()).then(|| view! { <UpdatePanel report=report.clone()/> })}
            <DeleteReport report=report.clone()/>
        </section>
    }
}
