//! Charts drawn as SVG by the app (no chart library: two shapes cover the page). Each is
//! an image with a spoken summary; the table beside it holds the same figures for screen
//! readers and for anyone who would rather read numbers. Width and height are given so
//! the browser knows the aspect ratio; CSS then fits the width to the column.

use leptos::prelude::*;

use crate::state::use_district_strings;

/// One bar: its label, its length on the chart's scale, and the figure written after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// Drawn at about the width a chart gets (a phone, or the chart's column on an office
/// screen), so its 13 px text stays 13 px.
const WIDTH: f64 = 360.0;
const LABEL: f64 = 118.0;
const ROW: f64 = 28.0;

/// Labels longer than this are cut with an ellipsis (the table has them whole).
fn short(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 8 {
        label.to_string()
    } else {
        chars[..7].iter().collect::<String>() + "…"
    }
}

/// Horizontal bars on a scale from 0 to `max`, with optional marks (thresholds).
#[component]
pub fn BarChart(
    /// What the chart shows, as a heading and as the image's spoken name.
    #[prop(into)]
    title: Signal<String>,
    /// The bars, top to bottom.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// The value a full-length bar stands for.
    max: f64,
    /// Values marked by a dashed line across the chart (the verdict thresholds).
    #[prop(optional, into)]
    marks: Signal<Vec<f64>>,
) -> impl IntoView {
    let d = use_district_strings();
    let span = WIDTH - LABEL - 64.0;
    let x = move |v: f64| LABEL + span * (v / max).clamp(0.0, 1.0);
    let height = move || bars.with(|b| b.len() as f64 * ROW + 8.0);
    let bar = move |(i, b): (usize, Bar)| {
        let y = i as f64 * ROW + 4.0;
        view! {
            <text x=LABEL - 6.0 y=y + 18.0 text-anchor="end" class="chart__label">{short(&b.label)}</text>
            <rect x=LABEL y=y + 4.0 width=(x(b.value) - LABEL).max(1.0) height=ROW - 10.0 rx="3" class="chart__bar"/>
            <text x=x(b.value) + 4.0 y=y + 18.0 class="chart__value">{b.text}</text>
        }
    };
    let mark = move |m: f64| {
        view! { <line x1=x(m) x2=x(m) y1="0" y2=height class="chart__mark"/> }
    };
    view! {
        <figure class="chart">
            <figcaption class="chart__title">{move || title.get()}</figcaption>
            <svg class="chart__svg" role="img" aria-label=move || format!("{}. {}", title.get(), d().chart_table_note)
                width=WIDTH height=height viewBox=move || format!("0 0 {WIDTH} {}", height())>
                {move || bars.get().into_iter().enumerate().map(bar).collect_view()}
                {move || marks.get().into_iter().map(mark).collect_view()}
            </svg>
        </figure>
    }
}

/// Two columns per month: reports made and reports confirmed resolved.
#[component]
pub fn MonthChart(
    /// What the chart shows.
    #[prop(into)]
    title: Signal<String>,
    /// `(label, reported, resolved)`, oldest month first.
    #[prop(into)]
    months: Signal<Vec<(String, usize, usize)>>,
) -> impl IntoView {
    let d = use_district_strings();
    const HEIGHT: f64 = 180.0;
    const BASE: f64 = 156.0;
    let top = move || {
        months.with(|m| {
            m.iter()
                .map(|(_, a, b)| (*a).max(*b))
                .max()
                .unwrap_or(0)
                .max(1)
        }) as f64
    };
    let column = move |(i, (label, sent, done)): (usize, (String, usize, usize))| {
        let step = (WIDTH - 30.0) / 12.0;
        let x0 = 26.0 + i as f64 * step;
        let h = move |n: usize| (BASE - 20.0) * n as f64 / top();
        let month = label.rsplit('-').next().unwrap_or_default().to_string();
        view! {
            <rect x=x0 y=BASE - h(sent) width=step * 0.38 height=h(sent) class="chart__bar"/>
            <rect x=x0 + step * 0.4 y=BASE - h(done) width=step * 0.38 height=h(done) class="chart__bar chart__bar--second"/>
            <text x=x0 + step * 0.39 y=BASE + 18.0 text-anchor="middle" class="chart__label">{month}</text>
        }
    };
    view! {
        <figure class="chart">
            <figcaption class="chart__title">{move || title.get()}</figcaption>
            <svg class="chart__svg" role="img" aria-label=move || format!("{}. {}", title.get(), d().chart_table_note)
                width=WIDTH height=HEIGHT viewBox=format!("0 0 {WIDTH} {HEIGHT}")>
                <line x1="24" x2=WIDTH y1=BASE y2=BASE class="chart__axis"/>
                <text x="20" y="16" text-anchor="end" class="chart__label">{move || top().to_string()}</text>
                {move || months.get().into_iter().enumerate().map(column).collect_view()}
            </svg>
            <p class="chart__legend">
                <span class="chart__key"></span>{move || d().submitted_col}
                <span class="chart__key chart__key--second"></span>{move || d().confirmed_col}
            </p>
        </figure>
    }
}
