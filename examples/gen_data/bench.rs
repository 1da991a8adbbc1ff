//! How long the district dashboard's figures take over the scale dataset — measured, not
//! asserted (docs/DESIGN.md's budget is 100 ms; a timing is no test).

use std::time::Instant;

use crate::domain::district::period::{Period, Quarter, last_twelve_months};
use crate::domain::district::{coverage, scorecard, work};
use crate::roster::Rng;
use crate::scale::{scale_compounds, scale_reports};

pub fn district() {
    let mut rng = Rng::new(565);
    let compounds = scale_compounds(565, &mut rng);
    let now = crate::PUBLISHED;
    let reports = scale_reports(&compounds, 10_000, now, &mut rng);
    let mut runs: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            let period = Period::YearToDate;
            let this = work::work_figures(&reports, &[], &[], period.span(now), now);
            let before = work::work_figures(&reports, &[], &[], period.previous(now), now);
            let months = work::monthly(&reports, &last_twelve_months(now));
            let modes = coverage::by_mode(&compounds);
            let places = coverage::by_place(&compounds);
            let open = coverage::uncovered(&compounds).len();
            let cards = scorecard::scorecards(
                &compounds,
                &[],
                &reports,
                Quarter::of(now),
                None,
                &scorecard::PROPOSED,
                now,
            );
            std::hint::black_box((this, before, months, modes, places, open, cards));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    println!(
        "district dashboard figures, 565 compounds, 10,000 reports, 100 companies (native, release): median {:.1} ms of 7 runs (budget 100 ms; in the browser's wasm expect a few times this)",
        runs[runs.len() / 2]
    );
}
