//! `/c/:compound/records`: the compound's 业委会 and its contract as the office published
//! them, one tap from its battle map. A page of the resident app rather than a section of
//! the battle map: the browse entry (`/`, a battle map) is at its first-visit budget, and
//! this is read once in a while, not on the way to a steward's number.

use leptos::prelude::*;

use super::with_compound;
use crate::components::compound_records::CompoundRecords;
use crate::components::sample_notice::SampleNotice;
use crate::format::route::Route;
use crate::i18n::records::record_strings;
use crate::state::use_strings;

#[component]
pub fn RecordsPage(compound: String) -> impl IntoView {
    let s = use_strings();
    let id = move || compound.clone();
    view! {
        <section class="page">
            {with_compound(id, move |c| {
                let map = Route::Compound { compound: c.id.clone() }.href();
                view! {
                    <h1 class="page__title">{c.name.clone()} " · " {move || s().records_link}</h1>
                    <SampleNotice sample=c.sample/>
                    <CompoundRecords compound=c.id.clone()/>
                    <a href=map class="button button--secondary">{move || record_strings(s().lang).back}</a>
                }
            })}
        </section>
    }
}
