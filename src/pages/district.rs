//! `/district`: coverage by management mode and how reports are handled, computed from
//! the data; the district's published figures appear beside them as a reference only.

use leptos::prelude::*;

use crate::domain::logs::log_totals;
use crate::domain::money::format_yuan;
use crate::domain::stats::{
    Ratio, count_by_mode, coverage, median_days_to_resolve, overdue, resolution_rate,
};
use crate::platform::clock::now;
use crate::state::logs::use_logs;
use crate::state::{DatasetState, use_console_strings, use_state, use_strings};

fn percent(r: Ratio) -> String {
    r.percent().map_or_else(
        || "—".into(),
        |p| format!("{p:.2}% ({}/{})", r.part, r.whole),
    )
}

/// Mediation and arrears, from the logs kept on this phone, beside what the district
/// published (FACTS.md) as a reference line.
#[component]
fn WorkDone() -> impl IntoView {
    let s = use_strings();
    let c = use_console_strings();
    let state = use_state();
    let logs = use_logs();
    let totals = Memo::new(move |_| {
        logs.mediations
            .with(|m| logs.arrears.with(|a| log_totals(m, a, |_| true)))
    });
    let reference = move || match state.dataset.get() {
        DatasetState::Ready(d) => Some(d.0.district.reference.clone()),
        _ => None,
    };
    view! {
        <table class="table" data-stat="work">
            <caption>{move || c().work_done}</caption>
            <thead><tr><th scope="col"></th><th scope="col">{move || c().recorded_here}</th><th scope="col">{move || s().reference}</th></tr></thead>
            <tbody>
                <tr>
                    <th scope="row">{move || c().pre_litigation_done}</th>
                    <td data-total="pre_litigation">{move || format!("{} · {}", totals.get().pre_litigation, format_yuan(totals.get().pre_litigation_fen))}</td>
                    <td>{move || reference().map(|r| format!("{} · {}+", r.pre_litigation_cases, r.pre_litigation_yuan)).unwrap_or_default()}</td>
                </tr>
                <tr>
                    <th scope="row">{move || c().oral_done}</th>
                    <td data-total="oral">{move || totals.get().oral}</td>
                    <td>{move || reference().map(|r| r.oral_mediation_cases.to_string()).unwrap_or_default()}</td>
                </tr>
                <tr>
                    <th scope="row">{move || c().arrears_done}</th>
                    <td data-total="arrears">{move || format!("{} ({} {})", format_yuan(totals.get().arrears_fen), totals.get().arrears_households, c().households_word)}</td>
                    <td>{move || reference().map(|r| r.arrears_recovered_yuan.to_string()).unwrap_or_default()}</td>
                </tr>
            </tbody>
        </table>
    }
}

#[component]
pub fn DistrictPage() -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let reference = move || match state.dataset.get() {
        DatasetState::Ready(d) => Some(d.0.district.reference.clone()),
        _ => None,
    };
    let mode_rows = move || {
        let counts = state.compounds.with(|c| count_by_mode(&c.0));
        let refs = reference().map(|r| r.compounds_by_mode).unwrap_or_default();
        counts
            .into_iter()
            .map(|(mode, n)| {
                let published = refs
                    .iter()
                    .find(|(m, _)| *m == mode)
                    .map(|(_, n)| n.to_string());
                view! {
                    <tr>
                        <th scope="row">{s().mode(mode)}</th>
                        <td>{n}</td>
                        <td>{published.unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let now = now();
    view! {
        <section class="page district">
            <h1 class="page__title">{move || s().district_title}</h1>
            <div class="stat">
                <h2>{move || s().coverage}</h2>
                <p class="stat__value" data-stat="coverage">{move || state.compounds.with(|c| percent(coverage(&c.0)))}</p>
                <p class="stat__reference">
                    {move || s().reference} ": "
                    {move || reference().map(|r| percent(Ratio { part: r.covered as usize, whole: r.compounds_total as usize })).unwrap_or_default()}
                </p>
            </div>
            <table class="table">
                <caption>{move || s().by_mode}</caption>
                <thead><tr><th scope="col">{move || s().mode_label}</th><th scope="col">{move || s().in_data}</th><th scope="col">{move || s().reference}</th></tr></thead>
                <tbody>{mode_rows}</tbody>
            </table>
            <div class="stat">
                <h2>{move || s().resolution_rate}</h2>
                <p class="stat__value" data-stat="resolution">{move || state.reports.with(|r| percent(resolution_rate(r)))}</p>
                <p class="stat__reference">{move || s().reference} ": "
                    {move || reference().map(|r| format!("{}% ({}+)", r.resolution_rate_percent, r.complaints_accepted)).unwrap_or_default()}</p>
            </div>
            <div class="stat">
                <h2>{move || s().median_days}</h2>
                <p class="stat__value">{move || state.reports.with(|r| median_days_to_resolve(r).map_or_else(|| s().no_data_yet.to_string(), |d| format!("{d:.1}")))}</p>
            </div>
            <div class="stat">
                <h2>{move || s().overdue}</h2>
                <p class="stat__value">{move || state.reports.with(|r| overdue(r, now))}</p>
            </div>
            <WorkDone/>
        </section>
    }
}
