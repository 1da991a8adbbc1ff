//! `/reports/:id`: one report — send it to the responsible steward, its timeline, and
//! recording what happens next (every status change with a note; only the reporter's
//! confirmation makes it 办结). Every label follows the language as it changes.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::photos::Photos;
use crate::components::report_detail::DeleteReport;
use crate::components::report_detail::confirm_panel::ConfirmPanel;
use crate::components::report_detail::conflict_panel::ConflictPanel;
use crate::components::report_detail::reporter::Reporter;
use crate::components::report_detail::send_panel::SendPanel;
use crate::components::report_detail::update_panel::UpdatePanel;
use crate::domain::report::{Report, Status, StatusEvent};
use crate::domain::time::{format_date, format_date_time};
use crate::format::documents::{DocKind, doc_id};
use crate::platform::clock::now;
use crate::state::{use_state, use_strings};

#[component]
pub fn ReportDetailPage() -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    // A deleted report is gone, unless another version of it lives on: then both show,
    // so the deletion can be undone or confirmed.
    let report = Memo::new(move |_| {
        let id = id();
        let doc = doc_id(DocKind::Report, &id);
        let in_conflict = state
            .report_conflicts
            .with(|c| c.iter().any(|c| c.doc_id == doc));
        state.reports.with(|all| {
            all.iter()
                .find(|r| r.id == id && (!r.deleted || in_conflict))
                .cloned()
        })
    });
    move || match report.get() {
        None => view! {
            <section class="page">
                <p class="notice notice--error" role="alert">{move || s().report_not_found}</p>
            </section>
        }
        .into_any(),
        Some(r) => view! { <ReportView report=r/> }.into_any(),
    }
}

#[component]
fn ReportView(
    /// The report shown.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let compound = state
        .compounds
        .with_untracked(|c| c.0.iter().find(|c| c.id == report.compound).cloned());
    let place = report.place_name(compound.as_ref());
    let status = report.status();
    let overdue = report.is_overdue(now());
    let (category, urgency) = (report.category, report.urgency);
    let answers = report
        .answers
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            let (k, v) = (k.clone(), v.clone());
            let key = k.clone();
            view! { <dt>{move || s().question(&key)}</dt><dd>{move || s().answer(&v).to_string()}</dd> }
        })
        .collect_view();
    let timeline = report
        .timeline
        .iter()
        .rev()
        .map(|e| view! { <TimelineItem event=e.clone()/> })
        .collect_view();
    view! {
        <section class="page report-detail">
            <h1 class="page__title">{move || s().category(category)} " · " {place.clone()}</h1>
            <p class="report-detail__ref">{move || s().ref_label} ": " <b data-ref>{report.id.clone()}</b></p>
            <ConflictPanel report=report.clone()/>
            <p>
                <span class=format!("status status--{}", status.key()) data-status=status.key()>{move || s().status(status)}</span>
                {overdue.then(|| view! { <span class="tag tag--overdue">{move || s().overdue_tag}</span> })}
            </p>
            <dl class="report-detail__facts">
                <dt>{move || s().urgency_label}</dt><dd>{move || s().urgency(urgency)}</dd>
                {report.expected_by.map(|d| view! { <dt>{move || s().expected_by}</dt><dd>{format_date(d)}</dd> })}
                {(report.followers > 0).then(|| view! { <dt>{move || s().followers}</dt><dd>{report.followers}</dd> })}
                {report.satisfaction.map(|n| view! { <dt>{move || s().rating_label}</dt><dd>{"★".repeat(n as usize)}</dd> })}
                {answers}
                <Reporter report=report.clone()/>
            </dl>
            <p class="report-detail__description">{report.description.clone()}</p>
            {(!report.photos.is_empty()).then(|| view! { <Photos keys=Signal::stored(report.photos.clone())/> })}
            {status.is_open().then(|| view! { <SendPanel report=report.clone() compound=compound.clone() place=place.clone()/> })}
            <section class="timeline" aria-labelledby="timeline-title">
                <h2 id="timeline-title">{move || s().timeline}</h2>
                <ol class="timeline__list">{timeline}</ol>
            </section>
            {(status == Status::Resolved).then(|| view! { <ConfirmPanel report=report.clone()/> })}
            {(!status.next().is_empty()).then(|| view! { <UpdatePanel report=report.clone()/> })}
            <DeleteReport report=report.clone()/>
        </section>
    }
}

/// One step of the timeline: status, who recorded it, when, and the note.
#[component]
fn TimelineItem(
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
