//! Counts at a glance, steward mode's first screen: new work, overdue work and work
//! nobody has, in my compounds and what I took in — the same counts as the app's badge
//! (where the platform has one), both following the records as links and sync bring work.

use leptos::prelude::*;

use crate::domain::queue::{self as domain_glance, glance};
use crate::i18n::console::ConsoleStrings;
use crate::platform::clock::now;
use crate::platform::pwa::set_app_badge;
use crate::state::records::use_records;
use crate::state::steward_session::use_steward_session;
use crate::state::use_console_strings;

/// My work's counts, following the records (links and sync write there).
fn my_counts() -> Memo<domain_glance::Glance> {
    let records = use_records();
    let mine = use_steward_session().my_compounds();
    Memo::new(move |_| records.reports.with(|r| mine.with(|m| glance(r, m, now()))))
}

/// Keeps the app's badge at my new and overdue work on every page of the console, so a
/// report taken in from a link or arriving by sync counts at once.
pub fn keep_app_badge() {
    let counts = my_counts();
    Effect::new(move |_| set_app_badge(counts.get().badge));
}

#[component]
pub fn Glance() -> impl IntoView {
    let c = use_console_strings();
    let counts = my_counts();
    let figure = move |label: fn(&ConsoleStrings) -> &'static str,
                       n: usize,
                       class: &'static str| {
        view! {
            // Overdue work and work nobody has stand out only when there is some.
            <li class=format!("glance__item glance__item--{class}{}", if n > 0 { " glance__item--some" } else { "" }) data-glance=class>
                <b class="glance__count">{n}</b>
                <span>{move || label(c())}</span>
            </li>
        }
    };
    view! {
        <section class="glance" aria-labelledby="glance-title">
            <h2 id="glance-title" class="glance__title">{move || c().glance_title}</h2>
            <ul class="glance__list">
                {move || {
                    let g = counts.get();
                    (
                        figure(|c| c.glance_new, g.new, "new"),
                        figure(|c| c.glance_overdue, g.overdue, "overdue"),
                        figure(|c| c.glance_unassigned, g.unassigned, "unassigned"),
                    )
                }}
            </ul>
        </section>
    }
}
