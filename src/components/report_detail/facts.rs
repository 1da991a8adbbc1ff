//! What a report says: urgency, due date, rating, the category's answers, the reporter
//! and the description. On the reporter's page, in the console and in a link's preview.

use leptos::prelude::*;

use super::reporter::Reporter;
use crate::domain::report::Report;
use crate::domain::time::format_date;
use crate::platform::clock::now;
use crate::state::use_strings;

/// A report's facts and description.
#[component]
pub fn ReportFacts(
    /// The report.
    report: Report,
) -> impl IntoView {
    let s = use_strings();
    let urgency = report.urgency;
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
    view! {
        <dl class="report-detail__facts">
            <dt>{move || s().app().urgency_label}</dt><dd>{move || s().urgency(urgency)}</dd>
            {report.expected_by.map(|d| view! { <dt>{move || s().app().expected_by}</dt><dd>{format_date(d)}</dd> })}
            {(report.followers > 0).then(|| view! { <dt>{move || s().app().followers}</dt><dd>{report.followers}</dd> })}
            {report.satisfaction.map(|n| view! { <dt>{move || s().app().rating_label}</dt><dd data-rating=n>{"★".repeat(n as usize)}</dd> })}
            {answers}
            <Reporter report=report.clone()/>
        </dl>
        <p class="report-detail__description">{report.description.clone()}</p>
        {(report.same_problem > 1).then(|| {
            let n = report.same_problem;
            view! {
                <p class="notice" data-same-problem=n>
                    {move || s().app().same_problem[0]} <b>{n}</b> {move || s().app().same_problem[1]}
                </p>
            }
        })}
    }
}

/// The report's heading: category and place, reference number, status (and overdue).
#[component]
pub fn ReportHeading(
    /// The report.
    report: Report,
    /// Its place written out.
    place: String,
) -> impl IntoView {
    let s = use_strings();
    let (category, status) = (report.category, report.status());
    let overdue = report.is_overdue(now());
    view! {
        <h1 class="page__title">{move || s().category(category)} " · " {place}</h1>
        <p class="report-detail__ref">{move || s().app().ref_label} ": " <b data-ref>{report.id.clone()}</b></p>
        <p>
            <span class=format!("status status--{}", status.key()) data-status=status.key()>{move || s().status(status)}</span>
            {overdue.then(|| view! { " " <span class="tag tag--overdue">{move || s().app().overdue_tag}</span> })}
        </p>
    }
}
