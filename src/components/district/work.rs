//! The work done in the chosen period beside the period before: how reports were handled,
//! by status, category and compound, month by month, and mediation and arrears.

use leptos::prelude::*;

use super::charts::MonthChart;
use super::data_table::{Cell, DataTable};
use super::period_picker::{PeriodPicker, span_text};
use super::{percent_cell, percent_text};
use crate::domain::Millis;
use crate::domain::district::period::{Period, last_twelve_months};
use crate::domain::district::work::{Handling, WorkFigures, beside, monthly, work_figures};
use crate::domain::money::format_yuan;
use crate::domain::stats::Ratio;
use crate::format::route::Route;
use crate::state::district::use_district;
use crate::state::{DatasetState, use_district_strings, use_state, use_strings};

fn one_decimal(v: Option<f64>) -> Cell {
    v.map_or_else(|| Cell::text("—"), |v| Cell::number(format!("{v:.1}"), v))
}

/// The handling measures as `(name, this, before)` rows.
fn handling_rows(
    d: &crate::i18n::district::DistrictStrings,
    now: &Handling,
    before: &Handling,
) -> Vec<Vec<Cell>> {
    let rate = |name: &str, f: fn(&Handling) -> Ratio| {
        vec![
            Cell::text(name),
            percent_cell(f(now)),
            percent_cell(f(before)),
        ]
    };
    vec![
        vec![
            Cell::text(d.reports_n),
            Cell::count(now.reports),
            Cell::count(before.reports),
        ],
        rate(d.resolution, |h| h.resolution),
        vec![
            Cell::text(d.median_days),
            one_decimal(now.median_days),
            one_decimal(before.median_days),
        ],
        rate(d.late_share, |h| h.late),
        rate(d.reopen_rate, |h| h.reopened),
        vec![
            Cell::text(d.satisfaction),
            one_decimal(now.satisfaction),
            one_decimal(before.satisfaction),
        ],
    ]
}

#[component]
pub fn WorkSection(
    /// The period the figures cover.
    period: RwSignal<Period>,
    /// "Now", fixed when the page opened, so the figures do not drift while read.
    now: Millis,
) -> impl IntoView {
    let district = use_district();
    let state = use_state();
    let d = use_district_strings();
    let s = use_strings();
    let figures = Memo::new(move |_| {
        let p = period.get();
        let all = district.records.get();
        let at = |span| work_figures(&all.0.reports, &all.0.mediations, &all.0.arrears, span, now);
        (at(p.span(now)), at(p.previous(now)))
    });
    let compare_headers = Signal::derive(move || {
        let d = d();
        [d.measure_col, d.this_col, d.previous].to_vec()
    });
    let compare_rows =
        Signal::derive(move || figures.with(|(a, b)| handling_rows(d(), &a.handling, &b.handling)));
    let count_headers =
        move |first: fn(&crate::i18n::district::DistrictStrings) -> &'static str| {
            Signal::derive(move || vec![first(d()), d().this_col, d().previous])
        };
    // Each count beside the previous period's.
    let counts =
        |first: Cell, n: usize, before: usize| vec![first, Cell::count(n), Cell::count(before)];
    let status_rows = Signal::derive(move || {
        figures.with(|(a, b)| {
            beside(&a.by_status, &b.by_status)
                .into_iter()
                .map(|(st, n, m)| counts(Cell::text(s().status(st)), n, m))
                .collect::<Vec<_>>()
        })
    });
    let category_rows = Signal::derive(move || {
        figures.with(|(a, b)| {
            beside(&a.by_category, &b.by_category)
                .into_iter()
                .map(|(c, n, m)| counts(Cell::text(s().category(c)), n, m))
                .collect::<Vec<_>>()
        })
    });
    let compound_rows = Signal::derive(move || {
        let all = district.records.get();
        let name = |id: &str| {
            all.0
                .compounds
                .iter()
                .find(|c| c.id == id)
                .map_or(id.to_string(), |c| c.name.clone())
        };
        figures.with(|(a, b)| {
            beside(&a.by_compound, &b.by_compound)
                .into_iter()
                .map(|(id, n, m)| {
                    counts(
                        Cell::link(
                            name(&id),
                            Route::Compound {
                                compound: id.clone(),
                            }
                            .href(),
                        ),
                        n,
                        m,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let months = Signal::derive(move || {
        let end = period.get().span(now).end - 1;
        district
            .records
            .with(|all| monthly(&all.0.reports, &last_twelve_months(end)))
    });
    let month_headers = Signal::derive(move || {
        let d = d();
        [d.month_col, d.submitted_col, d.confirmed_col].to_vec()
    });
    let month_rows = Signal::derive(move || {
        months
            .get()
            .into_iter()
            .map(|(m, a, b)| vec![Cell::text(m), Cell::count(a), Cell::count(b)])
            .collect::<Vec<_>>()
    });
    let log_headers = Signal::derive(move || {
        let d = d();
        [d.measure_col, d.this_col, d.previous, d.reference_col].to_vec()
    });
    let log_rows = Signal::derive(move || {
        let d = d();
        let reference = match state.dataset.get() {
            DatasetState::Ready(data) => Some(data.0.district.reference.clone()),
            _ => None,
        };
        let r = |f: fn(&crate::domain::dataset::ReferenceFigures) -> String| {
            Cell::text(reference.as_ref().map(f).unwrap_or_default())
        };
        figures.with(|(a, b): &(WorkFigures, WorkFigures)| {
            let (a, b) = (a.logs, b.logs);
            let cases = |n: u32, fen: u64| {
                Cell::number(format!("{n} · {}", format_yuan(fen)), f64::from(n))
            };
            let money = |fen: u64, households: u32| {
                Cell::number(format!("{} ({households})", format_yuan(fen)), fen as f64)
            };
            vec![
                vec![
                    Cell::text(d.pre_litigation),
                    cases(a.pre_litigation, a.pre_litigation_fen),
                    cases(b.pre_litigation, b.pre_litigation_fen),
                    r(|r| format!("{} · {}+", r.pre_litigation_cases, r.pre_litigation_yuan)),
                ],
                vec![
                    Cell::text(d.oral),
                    cases(a.oral, a.oral_fen),
                    cases(b.oral, b.oral_fen),
                    r(|r| r.oral_mediation_cases.to_string()),
                ],
                vec![
                    Cell::text(d.arrears),
                    money(a.arrears_fen, a.arrears_households),
                    money(b.arrears_fen, b.arrears_households),
                    r(|r| r.arrears_recovered_yuan.to_string()),
                ],
            ]
        })
    });
    view! {
        <section class="district__section" id="work" aria-labelledby="work-title">
            <h2 id="work-title">{move || d().work_title}</h2>
            // Sticks while the section scrolls by: the period is what every figure here means.
            <div class="district__period no-print"><PeriodPicker period/></div>
            <p class="district__span" data-span>{move || d().this_col} " " {move || span_text(period.get().span(now))}
                " · " {move || d().previous} " " {move || span_text(period.get().previous(now))}</p>
            <div class="district__cards">
                <div class="stat">
                    <h3>{move || d().reports_n}</h3>
                    <p class="stat__value" data-stat="reports">{move || figures.with(|f| f.0.handling.reports)}</p>
                    <p class="stat__reference">{move || d().previous} ": " {move || figures.with(|f| f.1.handling.reports)}</p>
                </div>
                <div class="stat">
                    <h3>{move || d().resolution}</h3>
                    <p class="stat__value" data-stat="resolution">{move || figures.with(|f| { let r = f.0.handling.resolution; format!("{} ({}/{})", percent_text(r), r.part, r.whole) })}</p>
                    <p class="stat__reference">{move || d().previous} ": " {move || figures.with(|f| percent_text(f.1.handling.resolution))}
                        " · " {move || s().reference} ": "
                        {move || match state.dataset.get() { DatasetState::Ready(data) => format!("{}% ({}+)", data.0.district.reference.resolution_rate_percent, data.0.district.reference.complaints_accepted), _ => String::new() }}
                    </p>
                </div>
            </div>
            <DataTable name="work-summary" caption=Signal::derive(move || d().work_title.to_string()) headers=compare_headers rows=compare_rows/>
            <div class="district__pair">
                <MonthChart title=Signal::derive(move || d().by_month.to_string()) months=months/>
                <DataTable name="by-month" caption=Signal::derive(move || d().by_month.to_string()) headers=month_headers rows=month_rows/>
            </div>
            <div class="district__trio">
                <DataTable name="by-status" caption=Signal::derive(move || d().by_status.to_string()) headers=count_headers(|d| d.status_col) rows=status_rows/>
                <DataTable name="by-category" caption=Signal::derive(move || d().by_category.to_string()) headers=count_headers(|d| d.category_col) rows=category_rows/>
                <DataTable name="by-compound" caption=Signal::derive(move || d().by_compound.to_string()) headers=count_headers(|d| d.compound_col) rows=compound_rows page=20/>
            </div>
            <DataTable name="logs" caption=Signal::derive(move || d().logs_title.to_string()) headers=log_headers rows=log_rows/>
        </section>
    }
}
