//! The queue: reports of my compounds and those I took in from links, by tab (new,
//! accepted, in progress, overdue, done), each a link to its page in the console.

use leptos::prelude::*;

use crate::domain::queue::{QueueFilter, counts, is_unassigned, queue};
use crate::domain::report::Report;
use crate::domain::time::format_date;
use crate::format::route::Route;
use crate::platform::clock::now;
use crate::state::records::use_records;
use crate::state::steward_session::use_steward_session;
use crate::state::{use_console_strings, use_state, use_strings};

/// Rows shown at once (a district steward's phone may hold thousands).
const SHOWN: usize = 50;

/// My queue with its tabs.
#[component]
pub fn Queue() -> impl IntoView {
    let records = use_records();
    let c = use_console_strings();
    let session = use_steward_session();
    let (filter, set_filter) = signal(QueueFilter::New);
    let mine = session.my_compounds();
    let at = now();
    let tabs = Memo::new(move |_| records.reports.with(|r| mine.with(|m| counts(r, m, at))));
    let rows = Memo::new(move |_| {
        records.reports.with(|r| {
            mine.with(|m| {
                queue(r, m, filter.get(), at)
                    .into_iter()
                    .take(SHOWN)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="queue" aria-labelledby="queue-title">
            <h2 id="queue-title">{move || c().queue_title}</h2>
            <p class="hint">{move || c().queue_hint}</p>
            <div class="queue__tabs" role="group" aria-labelledby="queue-title">
                {move || tabs.get().into_iter().map(|(f, n)| view! {
                    <button type="button" class="chip" data-queue-tab=f.key()
                        aria-pressed=move || (filter.get() == f).to_string()
                        on:click=move |_| set_filter.set(f)>
                        {move || c().queue_tab(f)} " " {n}
                    </button>
                }).collect_view()}
            </div>
            <Show when=move || !rows.with(Vec::is_empty)
                fallback=move || view! { <p class="hint">{move || c().queue_empty}</p> }>
                <ul class="queue__list">
                    <For each=move || rows.get() key=|r| (r.id.clone(), r.updated_at) let:report>
                        <QueueRow report=report now=at/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One report in the queue.
#[component]
fn QueueRow(
    /// The report.
    report: Report,
    /// The time the queue was opened, for "overdue".
    now: i64,
) -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let c = use_console_strings();
    let status = report.status();
    let place = state.compounds.with_untracked(|c| {
        let compound = c.0.iter().find(|c| c.id == report.compound);
        report.place_name(compound)
    });
    let category = report.category;
    view! {
        <li class="queue__row" data-report=report.id.clone()>
            <a class="queue__link" href=Route::StewardReport { id: report.id.clone() }.href()>
                <span class=format!("status status--{}", status.key()) data-status=status.key()>{move || s().status(status)}</span>
                {report.is_overdue(now).then(|| view! { " " <span class="tag tag--overdue">{move || s().app().overdue_tag}</span> })}
                {is_unassigned(&report).then(|| view! { " " <span class="tag tag--overdue" data-unassigned>{move || c().unassigned_tag}</span> })}
                " " <b>{move || s().category(category)}</b> " · " {place}
                <span class="queue__meta">{report.id.clone()} " · " {format_date(report.created_at)}</span>
            </a>
        </li>
    }
}
