//! `/c/:compound/poster`: the printable A4 battle-map poster, with each building's three
//! stewards and a QR code that opens that building's card on this app's own origin.

use leptos::prelude::*;

use crate::platform::print::print_page;

use super::with_compound;
use crate::components::qr_code::QrCode;
use crate::components::sample_notice::SampleNotice;
use crate::domain::compound::{Building, Compound};
use crate::domain::contact_card::{CardEntry, contact_card};
use crate::domain::notice::current_notices;
use crate::domain::phone::parse_phone;
use crate::domain::time::format_date;
use crate::platform::clock::now;
use crate::platform::history::origin;
use crate::state::use_strings;

/// More buildings than this and each grid starts a new printed page.
const BUILDINGS_PER_PAGE: usize = 6;

/// The printable poster of the compound the path names.
#[component]
pub fn PosterPage(compound: String) -> impl IntoView {
    let id = move || compound.clone();
    view! { <section class="page poster">{with_compound(id, |c| view! { <Poster compound=c/> })}</section> }
}

#[component]
fn Poster(
    /// The compound whose poster this is.
    compound: Compound,
) -> impl IntoView {
    let s = use_strings();
    let mode = compound.mode;
    let paged = compound.building_count() > BUILDINGS_PER_PAGE;
    let hotline = compound
        .hotline
        .as_deref()
        .and_then(|h| parse_phone(h).ok())
        .map(|p| p.display());
    let grids = compound
        .grids
        .iter()
        .map(|g| {
            let buildings = g.buildings.iter().map(|b| building_block(&compound, b)).collect_view();
            view! {
                <section class=if paged { "poster__grid poster__grid--paged" } else { "poster__grid" }>
                    // Each grid may be printed and posted on its own: say which compound it is.
                    <h2>{compound.name.clone()} " · " {g.name.clone()}</h2>
                    {paged.then(|| view! { <SampleNotice sample=compound.sample/> })}
                    <div class="poster__buildings">{buildings}</div>
                </section>
            }
        })
        .collect_view();
    let print = move |_| print_page();
    view! {
        <button type="button" class="button no-print" on:click=print>{move || s().app().print}</button>
        <header class="poster__head">
            <p class="poster__campaign">{move || s().campaign}</p>
            <h1>{compound.name.clone()} " · " {move || s().battle_map}</h1>
            <p>
                {move || s().mode(mode)}
                {compound.property_company.clone().map(|c| format!(" · {c}"))}
                {hotline.map(|h| format!(" · {h}"))}
            </p>
            <p class="poster__hint">{move || s().app().scan_hint}</p>
            <p class="poster__updated">{move || s().roster_updated} " " {format_date(compound.updated_at)}</p>
            <SampleNotice sample=compound.sample/>
            <ul class="poster__notices">
                {current_notices(&compound.notices, now()).into_iter().map(|n| view! {
                    <li><b>{n.title.clone()}</b> " " {n.body.clone()}</li>
                }).collect_view()}
            </ul>
        </header>
        {grids}
    }
}

fn building_block(compound: &Compound, b: &Building) -> impl IntoView + use<> {
    let s = use_strings();
    let url = format!("{}/c/{}/b/{}", origin(), compound.id, b.id);
    let rows = contact_card(compound, &b.id, None)
        .map(|card| {
            card.entries
                .into_iter()
                .map(|(role, entry)| {
                    let who = match entry {
                        CardEntry::Found(people) => people
                            .first()
                            .map(|p| (p.name.clone(), p.phone_display()))
                            .unwrap_or_default(),
                        CardEntry::Vacant => ("—".into(), String::new()),
                    };
                    view! {
                        <li class=format!("poster__role role role--{}", role.key())>
                            <b>{move || s().role(role)}</b> " " {who.0} " "
                            <span class="poster__phone">{who.1}</span>
                        </li>
                    }
                })
                .collect_view()
        })
        .ok();
    view! {
        <article class="poster__building">
            <h3>{b.name.clone()}</h3>
            <ul class="poster__roles">{rows}</ul>
            <QrCode text=url/>
        </article>
    }
}
