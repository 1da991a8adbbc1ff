//! `/reports`: the reports kept on this phone, newest first, with their status.

use leptos::prelude::*;

use crate::domain::time::format_date_time;
use crate::i18n::{category_label, status_label, strings};
use crate::store::state::use_state;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = use_state();
    let s = move || strings(state.lang.get());
    let rows = move || {
        let lang = state.lang.get();
        let mut reports = state.reports.get();
        reports.retain(|r| !r.deleted);
        reports.sort_by_key(|r| std::cmp::Reverse(r.created_at));
        reports
            .into_iter()
            .map(|r| {
                view! {
                    <li class="report-item">
                        <p class="report-item__head">
                            <span class="report-item__category">{category_label(r.category, lang)}</span>
                            <span class=format!("status status--{:?}", r.status())>{status_label(r.status(), lang)}</span>
                        </p>
                        <p class="report-item__ref">{r.id.clone()} " · " {format_date_time(r.created_at)}</p>
                        <p class="report-item__text">{r.description.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page">
            <h1 class="page__title">{move || s().my_reports}</h1>
            <Show when=move || state.reports.with(|r| r.iter().all(|r| r.deleted))>
                <p class="notice notice--info">{move || s().no_reports}</p>
            </Show>
            <ul class="report-list">{rows}</ul>
        </section>
    }
}
