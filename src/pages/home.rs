//! `/`: my building's contact card, or the directory with a prompt to choose one.

use leptos::prelude::*;

use super::directory::DirectoryPage;
use super::with_compound;
use crate::components::compound_notices::CompoundNotices;
use crate::components::contact_card::ContactCardView;
use crate::state::{use_state, use_strings};

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let mine = move || state.settings.with(|st| st.my_building.clone());
    move || match mine() {
        Some(my) => {
            let id = my.compound.clone();
            view! {
                <section class="page">
                    <h1 class="page__title">{move || s().my_building}</h1>
                    {with_compound(move || id.clone(), move |c| {
                        view! {
                            <ContactCardView compound=c.clone() building=my.building.clone() unit=my.unit.clone()/>
                            <CompoundNotices compound=c quiet_when_empty=true/>
                        }
                    })}
                    <a href="/compounds" class="button button--secondary">{move || s().change_building}</a>
                </section>
            }
            .into_any()
        }
        None => view! {
            <p class="campaign">{move || s().campaign}</p>
            <p class="notice notice--info">{move || s().choose_prompt}</p>
            <DirectoryPage/>
        }
        .into_any(),
    }
}
