//! `/reports`: the reports kept on this phone — drafts to continue, then the rest newest
//! first, filtered by status and category, overdue ones marked — and the CSV export.

use leptos::prelude::*;

use crate::components::claim_question::ClaimQuestion;
use crate::components::storage_notice::StorageNotice;
use crate::domain::report::{Category, Report, Status};
use crate::domain::time::format_date_time;
use crate::format::documents::Document;
use crate::format::route::Route;
use crate::platform::clock::now;
use crate::state::records::use_records;
use crate::state::{use_state, use_strings};

/// Rows shown at first, and added by each "show more".
const PAGE: usize = 50;

const STATUSES: [Status; 7] = [
    Status::Submitted,
    Status::Acknowledged,
    Status::InProgress,
    Status::Resolved,
    Status::Confirmed,
    Status::Reopened,
    Status::Closed,
];

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let s = use_strings();
    let (status_filter, set_status_filter) = signal(None::<Status>);
    let (category_filter, set_category_filter) = signal(None::<Category>);
    let (limit, set_limit) = signal(PAGE);
    let drafts = Memo::new(move |_| {
        records.reports.with(|all| {
            all.iter()
                .filter(|r| !r.deleted && r.status() == Status::Draft)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Filtered and sorted by reference; only the rows on screen are copied (a steward's
    // phone may hold thousands).
    let in_conflict = Memo::new(move |_| {
        records
            .report_conflicts
            .with(|c| c.iter().map(|c| c.doc_id.clone()).collect::<Vec<_>>())
    });
    let matching = Memo::new(move |_| {
        let (status, category) = (status_filter.get(), category_filter.get());
        // A deleted report stays listed while another version of it lives on. Reports a
        // steward took in from others' links are their queue's, not "my reports".
        let shown = |r: &Report| {
            r.received_at.is_none() && (!r.deleted || in_conflict.with(|c| c.contains(&r.doc_id())))
        };
        records.reports.with(|all| {
            let mut list: Vec<&Report> = all
                .iter()
                .filter(|r| shown(r) && r.status() != Status::Draft)
                .filter(|r| status.is_none_or(|f| r.status() == f))
                .filter(|r| category.is_none_or(|f| r.category == f))
                .collect();
            list.sort_by_key(|r| std::cmp::Reverse(r.created_at));
            let rows: Vec<Report> = list
                .iter()
                .take(limit.get())
                .map(|r| (*r).clone())
                .collect();
            (list.len(), rows)
        })
    });
    let shown = move || matching.with(|(_, rows)| rows.clone());
    let hidden = move || matching.with(|(total, rows)| total - rows.len());
    view! {
        <section class="page">
            <h1 class="page__title">{move || s().app().my_reports}</h1>
            <StorageNotice once=true/>
            <ClaimQuestion/>
            <a href="/report/new" class="button">{move || s().app().new_report}</a>
            <Show when=move || !drafts.with(Vec::is_empty)>
                <h2>{move || s().app().drafts}</h2>
                <ul class="report-list">
                    {move || drafts.get().into_iter().map(|r| view! {
                        <li class="report-item report-item--draft">
                            <p class="report-item__text">{if r.description.is_empty() { "…".to_string() } else { r.description.clone() }}</p>
                            <p class="report-item__ref">{format_date_time(r.updated_at)}</p>
                            <a class="button button--secondary" href=Route::ReportNew.href_with(&[("draft", &r.id)])>{move || s().app().continue_draft}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <div class="report-filters">
                <label class="field">
                    <span class="field__label">{move || s().status_label}</span>
                    <select class="field__input" name="status" on:change=move |ev| {
                        set_limit.set(PAGE);
                        set_status_filter.set(Status::from_key(&event_target_value(&ev)));
                    }>
                        <option value="">{move || s().app().all_statuses}</option>
                        {STATUSES.map(|st| view! {
                            <option value=st.key()>{move || s().status(st)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || s().app().category_label}</span>
                    <select class="field__input" name="category" on:change=move |ev| {
                        set_limit.set(PAGE);
                        set_category_filter.set(Category::from_key(&event_target_value(&ev)));
                    }>
                        <option value="">{move || s().app().all_categories}</option>
                        {Category::ALL.map(|c| view! {
                            <option value=c.key()>{move || s().category(c)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=move || shown().is_empty()>
                <p class="notice notice--info">{move || s().app().no_reports}</p>
            </Show>
            <ul class="report-list">
                {move || {
                    let words = s();
                    let t = now();
                    let in_conflict = in_conflict.get();
                    shown().into_iter().map(|r| {
                        let conflict = in_conflict.contains(&r.doc_id());
                        let status = r.status();
                        let overdue = r.is_overdue(t);
                        let place = state.compounds.with(|c| r.place_name(c.0.iter().find(|c| c.id == r.compound)));
                        view! {
                            <li class=if overdue { "report-item report-item--overdue" } else { "report-item" }>
                                <a class="report-item__link" href=format!("/reports/{}", r.id)>
                                    <p class="report-item__head">
                                        <span>{words.category(r.category)}</span>
                                        <span class=format!("status status--{}", status.key())>{words.status(status)}</span>
                                    </p>
                                    <p class="report-item__ref">{r.id.clone()} " · " {place} " · " {format_date_time(r.created_at)}</p>
                                    {overdue.then(|| view! { <span class="tag tag--overdue">{move || s().app().overdue_tag}</span> })}
                                    {conflict.then(|| view! { <span class="tag tag--conflict">{move || s().app().conflict_tag}</span> })}
                                    <p class="report-item__text">{r.description.clone()}</p>
                                </a>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <Show when=move || { hidden() > 0 }>
                <button type="button" class="button button--secondary" on:click=move |_| set_limit.update(|n| *n += PAGE)>
                    {move || s().show_more} " (" {hidden} ")"
                </button>
            </Show>
            // The CSV is made by the console's data page: residents rarely need it.
            <a href="/steward/data" rel="external" class="button button--secondary">{move || s().app().export_csv}</a>
        </section>
    }
}
