//! `/c/:compound`: the facts with a link to the 业委会 and contract as the office published
//! them (the resident app's page), then the battle map (一小区一作战图) grid → building →
//! unit with the three roles at each level, then the notices.

use leptos::prelude::*;

use super::with_compound;
use crate::components::compound_notices::CompoundNotices;
use crate::components::icons::{Icon, role_icon};
use crate::components::report_here_link::ReportHereLink;
use crate::components::sample_notice::SampleNotice;
use crate::components::steward_row::{PhoneActions, StewardRow};
use crate::domain::compound::{Building, Compound};
use crate::domain::contact_card::stewards_at;
use crate::domain::steward::Scope;
use crate::format::route::Route;
use crate::i18n::Strings;
use crate::state::{use_program, use_strings};

/// The battle map of the compound the path names.
#[component]
pub fn CompoundPage(compound: String) -> impl IntoView {
    let id = move || compound.clone();
    view! { <section class="page">{with_compound(id, |c| view! { <CompoundView compound=c/> })}</section> }
}

#[component]
fn CompoundView(
    /// The compound to show.
    compound: Compound,
) -> impl IntoView {
    let s = use_strings();
    let compound_people = people(&compound, &Scope::Compound);
    // One grid is shown open; with several, each folds so the map stays scannable.
    let open = compound.grids.len() == 1;
    let grids = compound
        .grids
        .iter()
        .map(|g| {
            let grid_people = people(&compound, &Scope::Grid { grid: g.id.clone() });
            let buildings = g
                .buildings
                .iter()
                .map(|b| building_block(&compound, b))
                .collect_view();
            view! {
                <details class="battle-map__grid" open=open>
                    <summary class="battle-map__grid-name">
                        {g.name.clone()} " · " {g.buildings.len()} " " {move || s().buildings_count}
                    </summary>
                    {grid_people}
                    {buildings}
                </details>
            }
        })
        .collect_view();
    let poster = Route::Poster {
        compound: compound.id.clone(),
    };
    view! {
        <h1 class="page__title">{compound.name.clone()}</h1>
        <SampleNotice sample=compound.sample/>
        <Facts compound=compound.clone()/>
        <section class="battle-map" aria-labelledby="battle-map-title">
            <h2 id="battle-map-title">{move || s().battle_map}</h2>
            <div class="battle-map__level">
                <h3>{move || s().compound_level}</h3>
                {compound_people}
            </div>
            {grids}
        </section>
        <CompoundNotices compound=compound.clone()/>
        {app_link(poster, "button button--secondary", |s| s.poster)}
    }
}

/// A link to one of the resident app's pages of this compound (its poster, its records):
/// one view for both, so the browse entry carries the link's code once.
fn app_link(
    route: Route,
    class: &'static str,
    word: fn(&Strings) -> &'static str,
) -> impl IntoView {
    let s = use_strings();
    let href = route.href();
    let rel = use_program().rel_for(&href);
    view! { <a href=href class=class rel=rel>{move || word(s())}</a> }
}

/// The stewards at exactly this level, grouped under role badges.
fn people(compound: &Compound, scope: &Scope) -> impl IntoView + use<> {
    let s = use_strings();
    stewards_at(compound, scope)
        .into_iter()
        .map(|st| {
            let role = st.role;
            view! {
                <div class=format!("person role role--{}", role.key())>
                    <span class="role-badge role-badge--small">
                        <Icon kind=role_icon(role)/>
                        <span>{move || s().role(role)}</span>
                    </span>
                    <StewardRow steward=st.clone() compact=true/>
                </div>
            }
        })
        .collect_view()
}

fn building_block(compound: &Compound, b: &Building) -> impl IntoView + use<> {
    let s = use_strings();
    let units = b
        .units
        .iter()
        .map(|u| {
            let scope = Scope::Unit {
                building: b.id.clone(),
                unit: u.id.clone(),
            };
            view! {
                <div class="battle-map__unit">
                    <h5>{u.name.clone()}</h5>
                    {people(compound, &scope)}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="battle-map__building">
            <h4 class="battle-map__building-name">
                {b.name.clone()}
                <a href=format!("/c/{}/b/{}", compound.id, b.id) class="battle-map__card-link">
                    {move || s().open_card}
                </a>
            </h4>
            <ReportHereLink compound=compound.id.clone() building=b.id.clone()/>
            {people(compound, &Scope::Building { building: b.id.clone() })}
            {units}
        </div>
    }
}

#[component]
fn Facts(
    /// Whose facts.
    compound: Compound,
) -> impl IntoView {
    let s = use_strings();
    let or_unknown = move |v: Option<String>| v.unwrap_or_else(|| s().unknown.to_string());
    let mode = compound.mode;
    let covered = compound.covered;
    let built = compound.built.map(|y| y.to_string());
    let households = compound.households.map(|h| h.to_string());
    let place = format!("{} {}", compound.community, compound.subdistrict);
    let facilities = (!compound.facilities.is_empty()).then(|| s().list(&compound.facilities));
    view! {
        <section class="facts" aria-labelledby="facts-title">
            <h2 id="facts-title">{move || s().facts}</h2>
            <p class="facts__place">{place}</p>
            <dl class="facts__list">
                <dt>{move || s().management}</dt>
                <dd><span class=format!("mode-badge mode-badge--{}", mode.key())>{move || s().mode(mode)}</span></dd>
                <dt>{move || s().built}</dt><dd>{move || or_unknown(built.clone())}</dd>
                <dt>{move || s().households}</dt><dd>{move || or_unknown(households.clone())}</dd>
                <dt>{move || s().company}</dt><dd>{move || or_unknown(compound.property_company.clone())}</dd>
                {facilities.map(|f| view! { <dt>{move || s().facilities}</dt><dd>{f}</dd> })}
            </dl>
            <p class="facts__coverage">{move || if covered { s().covered } else { s().not_covered }}</p>
            {compound.hotline.clone().map(|h| view! {
                <p class="card__hotline-label">{move || s().property_hotline}</p>
                <PhoneActions phone=h who=compound.name.clone()/>
            })}
            {app_link(Route::Records { compound: compound.id.clone() }, "facts__records", |s| s.records_link)}
        </section>
    }
}
