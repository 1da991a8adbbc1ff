//! Drilling down the district's tiers (上下联动): where the page is (district → street →
//! community → compound → one report, each a link back up), the places one level down
//! with their figures, a compound's reports, and one report. Every figure and chart of
//! the page below counts the place looked at (`state::district`'s `records`); a street's
//! or community's account sees its own place and what is under it, nothing above.

use leptos::prelude::*;

use super::data_table::{Cell, DataTable};
use super::percent_cell;
use crate::domain::compound::Compound;
use crate::domain::district::coverage::overall;
use crate::domain::district::scope::{Scope, compound_ids};
use crate::domain::report::Report;
use crate::domain::stats::{resolution_rate, submitted};
use crate::domain::time::format_date_time;
use crate::format::route::district_at;
use crate::i18n::district::DistrictStrings;
use crate::state::district::use_district;
use crate::state::{use_district_strings, use_strings};

/// A place's name with its tier, as the trail and headings write it.
fn place_name(place: &Scope, compounds: &[Compound], d: &DistrictStrings) -> String {
    let tier = match place {
        Scope::District => return d.whole_district.into(),
        Scope::Street(_) => d.tier_street,
        Scope::Community { .. } => d.tier_community,
        Scope::Compound(_) => d.tier_compound,
    };
    format!("{} · {tier}", place.name(compounds))
}

/// One row of the places one level down: its compounds, coverage, reports, resolution.
fn place_row(
    place: &Scope,
    all: &[Compound],
    reports: &[Report],
    d: &DistrictStrings,
) -> Vec<Cell> {
    let ids = compound_ids(place, all);
    let mine: Vec<Compound> = all
        .iter()
        .filter(|c| ids.contains(&c.id))
        .cloned()
        .collect();
    let theirs = || reports.iter().filter(|r| ids.contains(&r.compound));
    vec![
        Cell::link(place_name(place, all, d), district_at(place, None)),
        Cell::count(ids.len()),
        percent_cell(overall(&mine)),
        Cell::count(submitted(theirs()).count()),
        percent_cell(resolution_rate(theirs())),
    ]
}

#[component]
pub fn DrillSection() -> impl IntoView {
    let district = use_district();
    let d = use_district_strings();
    let place = move || district.place.with(|(p, _)| p.clone());
    let opened = move || district.place.with(|(_, r)| r.clone());
    // The trail from the account's own top down to here (the whole district for the office).
    let trail = Memo::new(move |_| {
        let top = district.top.get();
        district.all.with(|a| {
            let all = &a.0.compounds;
            place()
                .trail(all)
                .into_iter()
                .filter(|s| s.within(&top, all))
                .map(|s| (place_name(&s, all, d()), district_at(&s, None)))
                .collect::<Vec<_>>()
        })
    });
    let crumbs = move || {
        let mut items = trail.get();
        let report = opened();
        let last = items.len().saturating_sub(usize::from(report.is_none()));
        let mut shown: Vec<AnyView> = items
            .drain(..)
            .enumerate()
            .map(|(i, (name, href))| match i < last {
                true => view! { <li><a href=href data-up>{name}</a></li> }.into_any(),
                false => view! { <li aria-current="page">{name}</li> }.into_any(),
            })
            .collect();
        if let Some(id) = report {
            shown.push(view! { <li aria-current="page">{id}</li> }.into_any());
        }
        shown
    };
    let below_headers = Signal::derive(move || {
        let d = d();
        vec![
            d.below_col,
            d.compounds_col,
            d.rate_col,
            d.reports_n,
            d.resolution,
        ]
    });
    let below_rows = Signal::derive(move || {
        let here = place();
        district.all.with(|a| {
            here.children(&a.0.compounds)
                .iter()
                .map(|p| place_row(p, &a.0.compounds, &a.0.reports, d()))
                .collect::<Vec<_>>()
        })
    });
    let report_headers = Signal::derive(move || {
        let d = d();
        vec![d.report_col, d.category_col, d.status_col, d.submitted_on]
    });
    let s = use_strings();
    let report_rows = Signal::derive(move || {
        let here = place();
        district.records.with(|r| {
            submitted(r.0.reports.iter())
                .map(|r| {
                    vec![
                        Cell::link(r.id.clone(), district_at(&here, Some(&r.id))),
                        Cell::text(s().category(r.category)),
                        Cell::text(s().status(r.status())),
                        Cell::text(r.submitted_at().map(format_date_time).unwrap_or_default()),
                    ]
                })
                .collect::<Vec<_>>()
        })
    });
    let compound = move || matches!(place(), Scope::Compound(_));
    let own = move || {
        let top = district.top.get();
        (top != Scope::District).then(|| {
            let name = district.all.with(|a| place_name(&top, &a.0.compounds, d()));
            view! { <p class="notice notice--info" data-own-tier>{move || d().own_tier} {name}</p> }
        })
    };
    view! {
        <section class="district__section" id="drill" aria-labelledby="drill-title">
            <h2 id="drill-title">{move || d().drill_title}</h2>
            {own}
            <nav aria-label=move || d().trail_label class="district__trail" data-trail>
                <ol>{crumbs}</ol>
            </nav>
            <p class="hint">{move || d().drill_note}</p>
            <Show when=move || opened().is_some()>
                <ReportPanel/>
            </Show>
            <Show when=move || !below_rows.with(Vec::is_empty)>
                <DataTable name="below" inner=true caption=Signal::derive(move || format!("{} · {}", d().below_title, trail.with(|t| t.last().map(|l| l.0.clone()).unwrap_or_default()))) headers=below_headers rows=below_rows/>
            </Show>
            <Show when=compound>
                <Show when=move || !report_rows.with(Vec::is_empty)
                    fallback=move || view! { <p class="notice notice--info" data-no-reports>{move || d().no_reports_here}</p> }>
                    <DataTable name="reports-here" inner=true caption=Signal::derive(move || d().reports_title.to_string()) headers=report_headers rows=report_rows page=20/>
                </Show>
            </Show>
        </section>
    }
}

/// The report opened at a compound's level: its facts and every step, as the office
/// reads them (no reporter's name or phone: the stewards keep those).
#[component]
fn ReportPanel() -> impl IntoView {
    let district = use_district();
    let d = use_district_strings();
    let s = use_strings();
    let report = Memo::new(move |_| {
        let id = district.place.with(|(_, r)| r.clone())?;
        district
            .records
            .with(|all| all.0.reports.iter().find(|r| r.id == id).cloned())
    });
    let up = move || {
        let here = district.place.with(|(p, _)| p.clone());
        let name = district
            .all
            .with(|a| place_name(&here, &a.0.compounds, d()));
        view! { <a href=district_at(&here, None) data-up>{move || d().up_link} {name}</a> }
    };
    view! {
        <Show when=move || report.with(Option::is_some)
            fallback=move || view! { <p class="notice notice--warning" data-report-missing>{move || d().report_missing}</p> {up} }>
            {move || report.get().map(|r| {
                let steps = r.timeline.iter().map(|e| {
                    let by = e.by.map(|b| s().role(b)).unwrap_or_default();
                    view! { <li>{format_date_time(e.at)} " · " {s().status(e.status)} " " {by} " " {e.note.clone()}</li> }
                }).collect_view();
                view! {
                    <article class="panel district__report" data-report=r.id.clone()>
                        <h3>{r.id.clone()} " · " {s().category(r.category)} " · " {s().status(r.status())}</h3>
                        <p><b>{move || d().report_text}</b> " " {r.description.clone()}</p>
                        <h4>{move || d().report_steps}</h4>
                        <ol class="district__steps">{steps}</ol>
                        {up}
                    </article>
                }
            })}
        </Show>
    }
}
