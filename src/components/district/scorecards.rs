//! Property-company scorecards for a quarter: the figures per company, the weighted total
//! and verdict, the method they were computed by, and (in steward mode) its editor.

use leptos::prelude::*;

use super::charts::{Bar, BarChart};
use super::data_table::{Cell, DataTable};
use super::scoring_editor::ScoringEditor;
use super::{percent_cell, period_picker::span_text};
use crate::domain::Millis;
use crate::domain::district::period::Quarter;
use crate::domain::district::scorecard::{Measure, Scorecard, rules_for, scorecards};
use crate::domain::governance::contract::in_force;
use crate::i18n::district::DistrictStrings;
use crate::state::district::use_district;
use crate::state::use_district_strings;

fn card_row(c: &Scorecard, d: &DistrictStrings) -> Vec<Cell> {
    let h = &c.handling;
    let decimal =
        |v: Option<f64>| v.map_or_else(|| Cell::text("—"), |v| Cell::number(format!("{v:.1}"), v));
    let (total, basis) = match c.total {
        Some((t, w)) => (
            Cell::number(format!("{t:.1}"), t),
            Cell::number(format!("{w}/100"), f64::from(w)),
        ),
        None => (Cell::text(d.no_data), Cell::text("—")),
    };
    vec![
        Cell::text(c.company.clone()),
        Cell::count(c.compounds.len()),
        Cell::count(c.contracts),
        Cell::count(h.reports),
        Cell::count(c.complaints),
        percent_cell(h.resolution),
        decimal(h.median_days),
        percent_cell(h.late),
        percent_cell(h.reopened),
        decimal(h.satisfaction),
        c.inspection
            .map_or_else(|| Cell::text("—"), |s| Cell::count(usize::from(s))),
        total,
        basis,
        Cell::text(c.verdict.map_or(d.no_data, |v| d.verdict(v))),
    ]
}

#[component]
pub fn ScorecardSection(
    /// "Now", fixed when the page opened.
    now: Millis,
) -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let d = use_district_strings();
    let quarter = RwSignal::new(Quarter::of(now));
    let choices: Vec<Quarter> =
        std::iter::successors(Some(Quarter::of(now)), |q| Some(q.previous()))
            .take(8)
            .collect();
    let saved = move || district.scoring.records.get();
    let rules = Memo::new(move |_| rules_for(quarter.get(), &saved()));
    let cards = Memo::new(move |_| {
        let q = quarter.get();
        let all = district.records.get();
        let held = saved();
        let scoring = held.iter().find(|s| s.id == q.key());
        let contracts = in_force(&district.all_contracts(), now);
        {
            scorecards(
                &all.0.compounds,
                &contracts,
                &all.0.reports,
                q,
                scoring,
                &rules.get().0,
                now,
            )
        }
    });
    let headers = Signal::derive(move || {
        let d = d();
        [
            d.company_col,
            d.compounds_col,
            d.contracts_col,
            d.reports_n,
            d.complaints_col,
            d.resolution,
            d.median_days,
            d.late_share,
            d.reopen_rate,
            d.satisfaction,
            d.inspection_col,
            d.total_col,
            d.basis_col,
            d.verdict_col,
        ]
        .to_vec()
    });
    let rows = Signal::derive(move || {
        cards.with(|all| all.iter().map(|c| card_row(c, d())).collect::<Vec<_>>())
    });
    let bars = Signal::derive(move || {
        cards.with(|all| {
            all.iter()
                .filter_map(|c| {
                    let (t, _) = c.total?;
                    Some(Bar {
                        label: c.company.clone(),
                        value: t,
                        text: format!("{t:.1} {}", c.verdict.map_or("", |v| d().verdict(v))),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let marks = Signal::derive(move || {
        let r = rules.get().0;
        vec![f64::from(r.warn_at), f64::from(r.keep_at)]
    });
    let weight_headers = Signal::derive(move || vec![d().measure_col, d().weight_col]);
    let weight_rows = Signal::derive(move || {
        let r = rules.get().0;
        Measure::ALL
            .into_iter()
            .map(|m| {
                vec![
                    Cell::text(d().measure(m)),
                    Cell::count(usize::from(r.weight(m))),
                ]
            })
            .collect::<Vec<_>>()
    });
    let choose = move |ev| {
        if let Some(q) = Quarter::parse(&event_target_value(&ev)) {
            quarter.set(q);
        }
    };
    view! {
        <section class="district__section" id="scorecards" aria-labelledby="scorecards-title">
            <h2 id="scorecards-title">{move || d().scores_title}</h2>
            <label class="field district__quarter">
                <span class="field__label">{move || d().quarter_label}</span>
                <select class="field__input" name="quarter" on:change=choose>
                    {choices.into_iter().map(|q| view! { <option value=q.key() selected=move || quarter.get() == q>{format!("{} ({})", q.key(), span_text(q.span()))}</option> }).collect_view()}
                </select>
            </label>
            <DataTable name="scorecards" caption=Signal::derive(move || format!("{} {}", d().scores_title, quarter.get().key())) headers rows/>
            <p class="hint">{move || d().scores_note}</p>
            <div class="district__pair">
                <BarChart title=Signal::derive(move || d().totals_chart.to_string()) bars max=100.0 marks/>
                <div class="panel scoring-rules" data-rules>
                    <h3>{move || d().rules_title}</h3>
                    <p data-rules-origin>{move || match rules.get().1 {
                        Some(q) => format!("{}{}", d().rules_from, q.key()),
                        None => d().rules_proposed.to_string(),
                    }}</p>
                    <DataTable name="weights" caption=Signal::derive(move || d().rules_title.to_string()) headers=weight_headers rows=weight_rows/>
                    <p data-thresholds>{move || { let r = rules.get().0; format!("{} {} · {} {}", d().keep_at, r.keep_at, d().warn_at, r.warn_at) }}</p>
                </div>
            </div>
            <ScoringEditor quarter rules=Signal::derive(move || rules.get().0) companies=Signal::derive(move || cards.with(|c| c.iter().map(|c| (c.company.clone(), c.inspection)).collect::<Vec<_>>()))/>
        </section>
    }
}
