//! Where the district's figures come from: this device's records and the summary
//! packages stewards sent, each checked whole on import (a refused file changes nothing)
//! and kept as the latest package from its steward.

use leptos::prelude::*;

use super::data_table::{Cell, DataTable};
use crate::domain::time::format_date_time;
use crate::format::summary::{SummaryPackage, read_package};
use crate::i18n::Strings;
use crate::platform::clock::now;
use crate::platform::download::on_file_text;
use crate::state::district::use_district;
use crate::state::{use_district_strings, use_strings};

fn source_row(s: &Strings, p: &SummaryPackage, role: &str) -> Vec<Cell> {
    vec![
        Cell::text(s.with_note(&p.source.name, role)),
        Cell::count(p.source.compounds.len()),
        Cell::number(format_date_time(p.exported_at), p.exported_at as f64),
        p.imported_at.map_or_else(
            || Cell::text("—"),
            |at| Cell::number(format_date_time(at), at as f64),
        ),
        Cell::count(p.reports.len()),
        Cell::count(p.mediations.len()),
        Cell::count(p.arrears.len()),
        Cell::count(p.changes.len()),
    ]
}

#[component]
pub fn Sources() -> impl IntoView {
    let district = use_district();
    let d = use_district_strings();
    let s = use_strings();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let on_file = on_file_text(move |text| {
        let held = |id: &str| {
            district.packages.records.with_untracked(|all| {
                all.iter()
                    .find(|p| p.source.id == id)
                    .map(|p| p.exported_at)
            })
        };
        match read_package(&text, held, now()) {
            Ok(p) => {
                let source = s().with_note(&p.source.name, &p.reports.len().to_string());
                outcome.set(Some(Ok(format!("{}{source}", d().imported))));
                district.packages.put_all(vec![p]);
            }
            Err(e) => outcome.set(Some(Err(d().package_error(&e)))),
        }
    });
    let headers = Signal::derive(move || {
        let d = d();
        [
            d.source_col,
            d.source_compounds,
            d.source_exported,
            d.source_imported,
            d.reports_n,
            d.source_mediations,
            d.source_arrears,
            d.source_changes,
        ]
        .to_vec()
    });
    let rows = Signal::derive(move || {
        // In a street, community or compound: the packages of stewards of its compounds.
        let here = district.place_compounds();
        let ours = |p: &SummaryPackage| {
            here.as_ref()
                .is_none_or(|ids| p.source.compounds.iter().any(|c| ids.contains(c)))
        };
        district.packages.records.with(|all| {
            all.iter()
                .filter(|p| ours(p))
                .map(|p| source_row(s(), p, s().role(p.source.role)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="district__section" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{move || d().sources_title}</h2>
            <p>{move || d().sources_explain}</p>
            <label class="button button--secondary file-button no-print">
                {move || d().import_label}
                <input type="file" name="package" accept=".json,application/json" class="file-button__input" on:change=on_file/>
            </label>
            {move || outcome.get().map(|result| match result {
                Ok(text) => view! {
                    <p class="notice notice--info" role="status" data-import="ok">
                        {move || if district.packages.saving.get() { d().saving.to_string() } else { text.clone() }}
                    </p>
                }.into_any(),
                Err(text) => view! {
                    <div class="notice notice--error" role="alert" data-import="refused">
                        <p>{text}</p><p>{move || d().nothing_changed}</p>
                    </div>
                }.into_any(),
            })}
            <Show when=move || rows.with(Vec::is_empty)
                fallback=move || view! { <DataTable name="sources" caption=Signal::derive(move || d().sources_title.to_string()) headers rows/> }>
                <p class="notice notice--info" data-no-sources>{move || d().no_sources}</p>
            </Show>
        </section>
    }
}
