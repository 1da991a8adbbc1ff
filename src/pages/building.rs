//! `/c/:compound/b/:building?u=`: one building's contact card, what the QR poster at
//! that building's door opens. The resident can make it "my building" here.

use leptos::prelude::*;

use super::with_compound;
use crate::components::contact_card::ContactCardView;
use crate::format::settings::MyBuilding;
use crate::state::location::use_location;
use crate::state::{use_state, use_strings, use_writer};

/// The card of `building` in `compound` (both as the path names them).
#[component]
pub fn BuildingPage(compound: String, building: String) -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = use_strings();
    let location = use_location();
    // Copyable reads of the two ids for the closures below.
    let ids = StoredValue::new((compound, building));
    let compound_id = move || ids.with_value(|(c, _)| c.clone());
    let building_id = move || ids.with_value(|(_, b)| b.clone());
    let unit = move || location.query("u").filter(|u| !u.is_empty());
    let chosen = move || MyBuilding {
        compound: compound_id(),
        building: building_id(),
        unit: unit(),
    };
    let is_mine = move || {
        state
            .settings
            .with(|st| st.my_building.as_ref() == Some(&chosen()))
    };
    let choose = move |_| writer.update_settings(|st| st.my_building = Some(chosen()));
    // Only a building (and unit) the data knows can become "my building": a mistyped or
    // removed one would leave 找管家 opening on "not found".
    let known = move || {
        let (id, building, unit) = (compound_id(), building_id(), unit());
        state.compounds.with(|all| {
            let found = all.0.iter().find(|c| c.id == id);
            found
                .and_then(|c| c.find_building(&building))
                .is_some_and(|(_, b)| unit.is_none_or(|u| b.units.iter().any(|x| x.id == u)))
        })
    };

    let card = with_compound(compound_id, move |c| {
        let building = building_id();
        let units = c
            .find_building(&building)
            .map(|(_, b)| b.units.clone())
            .unwrap_or_default();
        let base = format!("/c/{}/b/{}", c.id, building);
        let unit_links = units
            .into_iter()
            .map(|u| {
                let href = format!("{base}?u={}", u.id);
                let current = {
                    let id = u.id.clone();
                    move || (unit().as_deref() == Some(id.as_str())).then_some("page")
                };
                view! { <a href=href class="chip" aria-current=current>{u.name.clone()}</a> }
            })
            .collect_view();
        let whole = move || unit().is_none().then_some("page");
        view! {
            <nav class="chips" aria-label=move || s().unit_label>
                <a href=base.clone() class="chip" aria-current=whole>{move || s().whole_building}</a>
                {unit_links}
            </nav>
            <ContactCardView compound=c building=building unit=unit()/>
        }
    });
    view! {
        <section class="page">
            {card}
            {move || match (known(), is_mine()) {
                (false, _) => ().into_any(),
                (true, true) => view! { <p class="notice notice--info">{move || s().is_my_building}</p> }.into_any(),
                (true, false) => view! {
                    <button type="button" class="button" on:click=choose>{move || s().set_my_building}</button>
                }.into_any(),
            }}
            <a href=move || format!("/c/{}", compound_id()) class="button button--secondary">{move || s().battle_map}</a>
        </section>
    }
}
