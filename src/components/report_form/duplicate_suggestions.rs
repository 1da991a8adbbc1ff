//! "Is this the same problem?": open reports of the same place and category from the
//! last 30 days, each with "mine too", so one blocked septic tank is one report.

use leptos::prelude::*;

use super::use_draft_editor;
use crate::domain::report::Report;
use crate::domain::report_rules::likely_duplicates;
use crate::platform::clock::now;
use crate::state::records::use_reports;
use crate::state::use_strings;

#[component]
pub fn DuplicateSuggestions(
    /// Called with the report the resident says is theirs too.
    on_mine_too: Callback<Report>,
) -> impl IntoView {
    let reports = use_reports().records;
    let s = use_strings();
    let draft = use_draft_editor().draft;
    let (dismissed, set_dismissed) = signal(false);
    let duplicates = Memo::new(move |_| {
        reports.with(|all| {
            draft.with(|d| {
                likely_duplicates(all, d, now())
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || !dismissed.get() && duplicates.with(|d| !d.is_empty())>
            <section class="duplicates notice notice--info" aria-labelledby="dup-title">
                <h2 id="dup-title">{move || s().app().dup_title}</h2>
                <ul class="duplicates__list">
                    {move || duplicates.get().into_iter().map(|r| {
                        let target = r.clone();
                        view! {
                            <li class="duplicates__item">
                                <p>{r.id.clone()} " · " {r.description.clone()} " · " {r.followers + 1} " " {move || s().app().followers}</p>
                                <button type="button" class="button button--secondary" on:click=move |_| on_mine_too.run(target.clone())>
                                    {move || s().app().dup_mine_too}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="button button--secondary" on:click=move |_| set_dismissed.set(true)>
                    {move || s().app().dup_different}
                </button>
            </section>
        </Show>
    }
}
