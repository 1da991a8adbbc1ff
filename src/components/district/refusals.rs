//! What the district server refused to carry (docs/SECURITY.md): each revision the relay
//! would not copy, who sent it, and why in plain words — so a forged "resolved" or a
//! report written under another compound's name is seen by the office, never counted.

use leptos::prelude::*;

use super::data_table::{Cell, DataTable};
use crate::domain::district::refusal::Refusal;
use crate::domain::time::format_date_time;
use crate::i18n::Strings;
use crate::i18n::district::DistrictStrings;
use crate::state::district::use_district;
use crate::state::{use_district_strings, use_strings};

fn refusal_row(r: &Refusal, s: &Strings, d: &DistrictStrings) -> Vec<Cell> {
    let account = match r.account.strip_prefix("steward:") {
        Some(compound) => format!("{}{compound}", d.refusal_steward_of),
        None => r.account.clone(),
    };
    vec![
        Cell::number(format_date_time(r.updated_at), r.updated_at as f64),
        Cell::text(account),
        Cell::text(r.record_number().to_string()),
        Cell::text(match r.count {
            0 | 1 => d.refusal(r.code()).to_string(),
            n => s.with_note(d.refusal(r.code()), &format!("{n}{}", d.refusal_times)),
        }),
    ]
}

#[component]
pub fn RefusalsSection() -> impl IntoView {
    let district = use_district();
    let d = use_district_strings();
    let headers = Signal::derive(move || {
        let d = d();
        [
            d.refusal_when,
            d.refusal_account,
            d.refusal_record,
            d.refusal_why,
        ]
        .to_vec()
    });
    let s = use_strings();
    let rows = Signal::derive(move || {
        let d = d();
        // In a street, community or compound: the refusals of its compounds only.
        let ids = district.place_compounds();
        district.refusals.records.with(|all| {
            let mut all: Vec<&Refusal> = all.iter().filter(|r| r.within(ids.as_deref())).collect();
            all.sort_by_key(|r| std::cmp::Reverse(r.updated_at));
            all.into_iter()
                .map(|r| refusal_row(r, s(), d))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="district__section" id="refusals" aria-labelledby="refusals-title">
            <h2 id="refusals-title">{move || d().refusals_title}</h2>
            <p>{move || d().refusals_explain}</p>
            <Show when=move || rows.with(Vec::is_empty)
                fallback=move || view! { <DataTable name="refusals" caption=Signal::derive(move || d().refusals_title.to_string()) headers rows/> }>
                <p class="notice notice--info" data-no-refusals>{move || d().no_refusals}</p>
            </Show>
        </section>
    }
}
