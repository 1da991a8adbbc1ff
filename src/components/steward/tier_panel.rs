//! A street's or community's account in the console (上下联动): its own compounds, each
//! with the reports this phone holds of it (synced from their `r-…`, which the server
//! opens to this account alone among the tiers), and the way to the district page's
//! drill-down for the figures. Nothing of any other compound is listed; a street, which
//! only reads, is told that its changes stay on this device.

use leptos::prelude::*;

use crate::domain::district::scope::{Scope, compound_ids};
use crate::domain::stats::submitted;
use crate::format::route::{Route, district_at};
use crate::state::records::use_records;
use crate::state::sync::use_sync;
use crate::state::{use_district_strings, use_state, use_strings};

#[component]
pub fn TierPanel() -> impl IntoView {
    let sync = use_sync();
    let state = use_state();
    let records = use_records();
    let d = use_district_strings();
    let s = use_strings();
    let tier = Memo::new(move |_| sync.tier());
    let body = move || {
        let tier = tier.get()?;
        let ids = state.compounds.with(|c| compound_ids(&tier, &c.0));
        let rows = state.compounds.with(|all| {
            records.reports.with(|reports| {
                ids.iter()
                    .filter_map(|id| all.0.iter().find(|c| c.id == *id))
                    .map(|c| {
                        let theirs: Vec<_> = submitted(reports.iter().filter(|r| r.compound == c.id))
                            .map(|r| (r.id.clone(), s().status(r.status())))
                            .collect();
                        let reports = theirs
                            .into_iter()
                            .map(|(id, status)| {
                                let href = Route::StewardReport { id: id.clone() }.href();
                                view! { <li><a href=href>{id}</a> " · " {status}</li> }
                            })
                            .collect_view();
                        view! {
                            <li data-tier-compound=c.id.clone()>
                                <a href=district_at(&Scope::Compound(c.id.clone()), None) rel="external">{c.name.clone()}</a>
                                <ul class="tier__reports">{reports}</ul>
                            </li>
                        }
                    })
                    .collect_view()
            })
        });
        // A street reads its compounds' records and writes none (docs/SECURITY.md): what
        // it changes here stays on this device, and it is told so before it tries.
        let reads_only = matches!(tier, Scope::Street(_)).then(|| {
            view! { <p class="notice notice--info" data-reads-only>{move || d().street_reads_only}</p> }
        });
        let name = match &tier {
            Scope::Street(st) => format!("{st} · {}", d().tier_street),
            Scope::Community { street, community } => {
                format!("{street} / {community} · {}", d().tier_community)
            }
            _ => String::new(),
        };
        Some(view! {
            <section class="panel tier" data-tier aria-labelledby="tier-title">
                <h2 id="tier-title">{move || d().own_tier} {name}</h2>
                {reads_only}
                <ul class="tier__compounds">{rows}</ul>
                <a href=district_at(&tier, None) rel="external">{move || d().drill_title}</a>
            </section>
        })
    };
    view! { {body} }
}
