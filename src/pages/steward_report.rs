//! `/steward/reports/:id`: a report in my queue. Its facts and timeline, the next step
//! with a note, and the link that carries my steps back to the reporter.

use leptos::prelude::*;

use crate::components::handoff::HandoffSend;
use crate::components::report_detail::facts::{ReportFacts, ReportHeading};
use crate::components::steward::change_step::{ChangeStep, Handover};
use crate::components::steward::gate::StewardGate;
use crate::components::steward::next_step::NextStep;
use crate::components::timeline::Timeline;
use crate::domain::phone::parse_phone;
use crate::domain::report::Report;
use crate::domain::report_changes::StepChange;
use crate::domain::steward::Role;
use crate::format::handoff::{Kind, Message, Steps};
use crate::i18n::Strings;
use crate::i18n::share::update_text;
use crate::state::records::use_records;
use crate::state::steward_session::use_steward_session;
use crate::state::{use_console_strings, use_handoff_strings, use_state, use_strings};

/// The report the path names (`/steward/reports/:id`), for the steward to act on.
#[component]
pub fn StewardReportPage(id: String) -> impl IntoView {
    let records = use_records();
    let s = use_strings();
    let c = use_console_strings();
    let session = use_steward_session();
    // Outlives the view of one version of the report: saving a step makes a new one.
    let saved = RwSignal::new(false);
    let report = Memo::new(move |_| {
        records
            .reports
            .with(|all| all.iter().find(|r| r.id == id && !r.deleted).cloned())
    });
    let role = Memo::new(move |_| {
        session
            .mode
            .with(|m| m.profile.as_ref().map_or(Role::Red, |p| p.role))
    });
    view! {
        <section class="page report-detail">
            <a href="/steward">{move || c().back_to_queue}</a>
            <StewardGate>
                {move || match report.get() {
                    None => view! { <p class="notice notice--error" role="alert">{move || s().app().report_not_found}</p> }.into_any(),
                    Some(r) => view! { <QueueReport report=r role=role.get() saved=saved/> }.into_any(),
                }}
            </StewardGate>
        </section>
    }
}

/// One report of the queue, with the next step and the reply.
#[component]
fn QueueReport(
    /// The report.
    report: Report,
    /// My role, recorded with my steps.
    role: Role,
    /// Set once a step is saved here.
    saved: RwSignal<bool>,
) -> impl IntoView {
    let state = use_state();
    let compound = state
        .compounds
        .with_untracked(|c| c.0.iter().find(|c| c.id == report.compound).cloned());
    let place = report.place_name(compound.as_ref());
    let has_steps = report.timeline.iter().any(|e| e.by.is_some());
    // Just given to another steward here: it goes to them first. (On the phone of the
    // steward taking it over, the same last step is no reason to send it on.)
    let handed_over = saved.get_untracked()
        && matches!(
            report.timeline.last().and_then(|e| e.change.as_ref()),
            Some(StepChange::Reassign(_))
        );
    view! {
        <ReportHeading report=report.clone() place=place/>
        <ReportFacts report=report.clone()/>
        <Timeline steps=report.timeline.clone()/>
        // What was just recorded goes back to the reporter before anything else is done.
        {handed_over.then(|| view! { <Handover report=report.clone() compound=compound/> })}
        {has_steps.then(|| view! { <Reply report=report.clone() saved=saved/> })}
        <NextStep report=report.clone() role=role saved=saved/>
        <ChangeStep report=report role=role saved=saved/>
    }
}

/// My steps, sent back to the reporter: by SMS when they shared their number.
#[component]
fn Reply(
    /// The report with my steps.
    report: Report,
    /// A step was just saved.
    saved: RwSignal<bool>,
) -> impl IntoView {
    let state = use_state();
    let c = use_console_strings();
    let h = use_handoff_strings();
    let phone = report
        .reporter_phone
        .as_deref()
        .filter(|_| report.share_phone)
        .and_then(|p| parse_phone(p).ok());
    let sms = phone.map(|p| {
        let who = p.display();
        let label = Signal::derive(move || format!("{} {who}", h().send_reply_sms));
        (p, label)
    });
    let has_sms = sms.is_some();
    let summary = {
        let report = report.clone();
        Signal::derive(move || update_text(&report, state.lang.get()))
    };
    let label: fn(&Strings) -> &'static str = |s| s.app().share_report;
    view! {
        <section class="send notice notice--info" aria-labelledby="reply-title">
            <h2 id="reply-title">{move || h().send_reply}</h2>
            <Show when=move || saved.get()><p role="status">{move || c().step_saved}</p></Show>
            {(!has_sms).then(|| view! { <p class="hint">{move || c().no_reporter_phone}</p> })}
            <HandoffSend message=Message::Update(Steps::of(&report, Kind::Update)) summary=summary
                intro=|h| h.link_line_update sms=sms title=report.id.clone() share_label=label/>
        </section>
    }
}
