//! `/c/:compound/b/:building?u=`: one building's contact card, what the QR poster at
//! that building's door opens. The resident can make it "my building" here.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::with_compound;
use crate::components::contact_card::ContactCardView;
use crate::format::settings::MyBuilding;
use crate::state::{use_state, use_strings, use_writer};

#[component]
pub fn BuildingPage() -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = use_strings();
    let params = use_params_map();
    let query = use_query_map();
    let compound_id = move || params.with(|p| p.get("compound")).unwrap_or_default();
    let building_id = move || params.with(|p| p.get("building")).unwrap_or_default();
    let unit = move || query.with(|q| q.get("u")).filter(|u| !u.is_empty());
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
        // Plain links (the router still handles them): `A` would mark every chip current,
        // since they differ only in the query.
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
            <Show when=is_mine fallback=move || view! {
                <button type="button" class="button" on:click=choose>{move || s().set_my_building}</button>
            }>
                <p class="notice notice--info">{move || s().is_my_building}</p>
            </Show>
            <A href=move || format!("/c/{}", compound_id()) attr:class="button button--secondary">{move || s().battle_map}</A>
        </section>
    }
}
