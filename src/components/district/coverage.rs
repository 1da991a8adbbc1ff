//! Coverage by property management: the rate beside the district's published one, by
//! management mode and by subdistrict and community, and the compounds still uncovered.

use leptos::prelude::*;

use super::charts::{Bar, BarChart};
use super::data_table::{Cell, DataTable};
use super::{percent_cell, percent_text};
use crate::domain::district::coverage::{by_mode, by_place, overall, uncovered};
use crate::domain::stats::Ratio;
use crate::format::route::Route;
use crate::state::district::use_district;
use crate::state::{DatasetState, use_district_strings, use_state, use_strings};

fn rate_bar(label: String, r: Ratio) -> Bar {
    Bar {
        label,
        value: r.percent().unwrap_or(0.0),
        // The counts are in the table beside it; the chart keeps to the share.
        text: percent_text(r),
    }
}

/// A place's name, or a word saying none was given.
fn named(name: &str, unnamed: &'static str) -> String {
    if name.trim().is_empty() {
        unnamed.into()
    } else {
        name.into()
    }
}

#[component]
pub fn CoverageSection() -> impl IntoView {
    let district = use_district();
    let state = use_state();
    let d = use_district_strings();
    let s = use_strings();
    let compounds = move || district.records.get();
    let reference = move || match state.dataset.get() {
        DatasetState::Ready(data) => Some(data.0.district.reference.clone()),
        _ => None,
    };
    let total = move || overall(&compounds().0.compounds);
    let modes = Memo::new(move |_| by_mode(&compounds().0.compounds));
    let places = Memo::new(move |_| by_place(&compounds().0.compounds));
    let mode_bars = Signal::derive(move || {
        modes
            .get()
            .into_iter()
            .map(|(m, r)| rate_bar(s().mode(m).into(), r))
            .collect::<Vec<_>>()
    });
    let mode_headers = Signal::derive(move || {
        let d = d();
        [
            d.mode_col,
            d.compounds_col,
            d.covered_col,
            d.rate_col,
            d.published_col,
        ]
        .to_vec()
    });
    let mode_rows = Signal::derive(move || {
        let published = reference().map(|r| r.compounds_by_mode).unwrap_or_default();
        modes
            .get()
            .into_iter()
            .map(|(m, r)| {
                let reference = published.iter().find(|(pm, _)| *pm == m).map(|(_, n)| *n);
                vec![
                    Cell::text(s().mode(m)),
                    Cell::count(r.whole),
                    Cell::count(r.part),
                    percent_cell(r),
                    reference.map_or_else(|| Cell::text("—"), |n| Cell::count(n as usize)),
                ]
            })
            .collect::<Vec<_>>()
    });
    let place_bars = Signal::derive(move || {
        places
            .get()
            .into_iter()
            .map(|p| {
                rate_bar(
                    named(&p.subdistrict.name, d().unnamed),
                    p.subdistrict.covered,
                )
            })
            .collect::<Vec<_>>()
    });
    let place_headers = Signal::derive(move || {
        let d = d();
        [d.place_col, d.compounds_col, d.covered_col, d.rate_col].to_vec()
    });
    let place_rows = Signal::derive(move || {
        let row = |name: String, r: Ratio| {
            vec![
                Cell::text(name),
                Cell::count(r.whole),
                Cell::count(r.part),
                percent_cell(r),
            ]
        };
        places
            .get()
            .into_iter()
            .flat_map(|p| {
                let sub = named(&p.subdistrict.name, d().unnamed);
                std::iter::once(row(sub.clone(), p.subdistrict.covered)).chain(
                    p.communities.into_iter().map(move |c| {
                        let community = named(&c.name, d().unnamed);
                        row(format!("{sub} / {community}"), c.covered)
                    }),
                )
            })
            .collect::<Vec<_>>()
    });
    let open_headers = Signal::derive(move || {
        let d = d();
        [d.compound_col, d.place_col, d.mode_col].to_vec()
    });
    let open_rows = Signal::derive(move || {
        uncovered(&compounds().0.compounds)
            .into_iter()
            .map(|c| {
                vec![
                    Cell::link(
                        c.name.clone(),
                        Route::Compound {
                            compound: c.id.clone(),
                        }
                        .href(),
                    ),
                    Cell::text(format!(
                        "{} / {}",
                        named(&c.subdistrict, d().unnamed),
                        named(&c.community, d().unnamed)
                    )),
                    Cell::text(s().mode(c.mode)),
                ]
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="district__section" id="coverage" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{move || d().coverage_title}</h2>
            <div class="district__cards">
                <div class="stat">
                    <h3>{move || d().coverage_rate}</h3>
                    <p class="stat__value" data-stat="coverage">{move || { let r = total(); format!("{} ({}/{})", percent_text(r), r.part, r.whole) }}</p>
                    <p class="stat__reference">{move || s().reference} ": "
                        {move || reference().map(|r| percent_text(Ratio { part: r.covered as usize, whole: r.compounds_total as usize }) + &format!(" ({}/{})", r.covered, r.compounds_total)).unwrap_or_default()}
                    </p>
                </div>
            </div>
            <div class="district__pair">
                <BarChart title=Signal::derive(move || d().by_mode.to_string()) bars=mode_bars max=100.0/>
                <DataTable name="coverage-by-mode" caption=Signal::derive(move || d().by_mode.to_string()) headers=mode_headers rows=mode_rows/>
            </div>
            <div class="district__pair">
                <BarChart title=Signal::derive(move || d().by_place.to_string()) bars=place_bars max=100.0/>
                <DataTable name="coverage-by-place" caption=Signal::derive(move || d().by_place.to_string()) headers=place_headers rows=place_rows/>
            </div>
            <Show when=move || !open_rows.with(Vec::is_empty)
                fallback=move || view! { <p class="notice notice--info">{move || d().none_uncovered}</p> }>
                <DataTable name="uncovered" caption=Signal::derive(move || d().uncovered_title.to_string()) headers=open_headers rows=open_rows page=20/>
                <a href="/compounds?cov=0" rel="external" class="no-print" data-uncovered-directory>{move || d().uncovered_directory}</a>
            </Show>
        </section>
    }
}
