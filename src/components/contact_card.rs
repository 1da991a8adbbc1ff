//! The contact card: for one building (and unit), the closest 红管家, 物管家 and 和事佬,
//! then the hotlines. What `/` shows for my building and what a QR poster opens.

use leptos::prelude::*;

use super::icons::{Icon, role_icon};
use super::report_here_link::ReportHereLink;
use super::sample_notice::SampleNotice;
use super::share_button::ShareButton;
use super::steward_row::{PhoneActions, StewardRow};
use crate::domain::compound::Compound;
use crate::domain::contact_card::{CardEntry, contact_card};
use crate::domain::time::format_date;
use crate::format::route::Route;
use crate::i18n::share::card_text;
use crate::platform::history::origin;
use crate::state::{use_state, use_strings};

/// The card for `building` (and `unit`) of `compound`.
#[component]
pub fn ContactCardView(
    /// The compound the building belongs to.
    compound: Compound,
    /// The building's id.
    building: String,
    /// Optional unit id; unit stewards come first when given.
    #[prop(optional_no_strip)]
    unit: Option<String>,
) -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let Some((_, b)) = compound.find_building(&building) else {
        return view! { <p class="notice notice--error" role="alert">{move || s().building_not_found}</p> }
            .into_any();
    };
    let building_name = b.name.clone();
    let unit_name = unit
        .as_deref()
        .and_then(|u| b.units.iter().find(|x| x.id == u))
        .map(|u| u.name.clone());
    let Ok(card) = contact_card(&compound, &building, unit.as_deref()) else {
        return ().into_any();
    };
    let rows = card
        .entries
        .iter()
        .map(|(role, entry)| {
            let role = *role;
            let people = match entry {
                CardEntry::Found(people) => people
                    .iter()
                    .map(|p| view! { <StewardRow steward=(*p).clone()/> })
                    .collect_view()
                    .into_any(),
                CardEntry::Vacant => {
                    view! { <p class="card__vacant">{move || s().nobody}</p> }.into_any()
                }
            };
            view! {
                <section class=format!("card__role role role--{}", role.key())>
                    <h3 class="role-badge">
                        <Icon kind=role_icon(role)/>
                        <span>{move || s().role(role)}</span>
                    </h3>
                    {people}
                </section>
            }
        })
        .collect_view();
    let updated = format_date(compound.updated_at);
    let hotline = compound.hotline.clone();
    let building_id = building.clone();
    let community = compound.community_phone.clone();
    // The shared text is the card on screen: the same unit, and a link that opens it.
    let share_text = {
        let compound = compound.clone();
        let place = [Some(building_name.clone()), unit_name.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let unit = unit.clone();
        let path = Route::Building {
            compound: compound.id.clone(),
            building: building.clone(),
        }
        .href_with(&[("u", unit.as_deref().unwrap_or_default())]);
        Signal::derive(move || {
            let origin = origin();
            contact_card(&compound, &building, unit.as_deref())
                .map(|c| {
                    card_text(
                        &compound,
                        &place,
                        &c,
                        &format!("{origin}{path}"),
                        state.lang.get(),
                    )
                })
                .unwrap_or_default()
        })
    };
    view! {
        <article class="card" aria-labelledby="card-title">
            <h2 id="card-title" class="card__title">
                {compound.name.clone()} " " {building_name.clone()} " " {unit_name}
            </h2>
            <SampleNotice sample=compound.sample/>
            <p class="card__updated">{move || s().roster_updated} " " {updated}</p>
            {rows}
            <section class="card__hotlines">
                <h3>{move || s().hotlines}</h3>
                {hotline.map(|h| view! {
                    <p class="card__hotline-label">{move || s().property_hotline}</p>
                    <PhoneActions phone=h who=compound.property_company.clone().unwrap_or_default()/>
                })}
                {community.map(|h| view! {
                    <p class="card__hotline-label">{move || s().community_phone}</p>
                    <PhoneActions phone=h who=compound.community.clone()/>
                })}
            </section>
            <ReportHereLink compound=compound.id.clone() building=building_id unit=unit/>
            <ShareButton title=format!("{} {}", compound.name, building_name) text=share_text/>
        </article>
    }
    .into_any()
}
