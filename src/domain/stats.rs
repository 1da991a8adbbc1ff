//! Statistics are derived from records, never stored, so they can never disagree with them.

use super::Millis;
use super::report::{Report, Status};
use super::time::DAY_MS;

/// A share of a whole, kept as counts so the UI can say "457 / 565".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub part: usize,
    pub whole: usize,
}

impl Ratio {
    /// Percentage rounded half-up to 2 decimals; `None` for an empty whole.
    pub fn percent(self) -> Option<f64> {
        (self.whole > 0).then(|| (self.part as f64 * 10_000.0 / self.whole as f64).round() / 100.0)
    }
}

/// Reports that were sent (drafts are no one's work yet) and not deleted.
pub fn submitted<'a>(
    reports: impl IntoIterator<Item = &'a Report>,
) -> impl Iterator<Item = &'a Report> {
    reports
        .into_iter()
        .filter(|r| !r.deleted && r.submitted_at().is_some())
}

fn share<'a>(
    reports: impl IntoIterator<Item = &'a Report>,
    counts: impl Fn(&Report) -> bool,
) -> Ratio {
    let (mut part, mut whole) = (0, 0);
    for r in submitted(reports) {
        whole += 1;
        part += usize::from(counts(r));
    }
    Ratio { part, whole }
}

/// 办结率: reports the reporter confirmed, over all submitted reports.
pub fn resolution_rate<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Ratio {
    share(reports, |r| r.first_time(Status::Confirmed).is_some())
}

/// Median days from submission to the first "resolved", over reports that got there.
pub fn median_days_to_resolve<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Option<f64> {
    let mut days: Vec<f64> = submitted(reports)
        .filter_map(|r| {
            let start = r.submitted_at()?;
            let end = r.first_time(Status::Resolved)?;
            Some((end - start) as f64 / DAY_MS as f64)
        })
        .collect();
    if days.is_empty() {
        return None;
    }
    days.sort_by(f64::total_cmp);
    let mid = days.len() / 2;
    Some(if days.len() % 2 == 1 {
        days[mid]
    } else {
        (days[mid - 1] + days[mid]) / 2.0
    })
}

/// Share of reports that missed their expected-by date: resolved (or closed) after it, or
/// still open past it at `now`. The scorecards' measure of keeping promises.
pub fn late_share<'a>(reports: impl IntoIterator<Item = &'a Report>, now: Millis) -> Ratio {
    share(reports, |r| {
        let done = r
            .first_time(Status::Resolved)
            .or_else(|| r.first_time(Status::Closed))
            .unwrap_or(now);
        r.expected_by.is_some_and(|due| done > due)
    })
}

/// Share of submitted reports that were reopened at least once.
pub fn reopen_rate<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Ratio {
    share(reports, |r| r.first_time(Status::Reopened).is_some())
}

/// Mean satisfaction (1–5) of the rated reports.
pub fn mean_satisfaction<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Option<f64> {
    let ratings: Vec<u8> = submitted(reports).filter_map(|r| r.satisfaction).collect();
    (!ratings.is_empty())
        .then(|| ratings.iter().map(|&r| f64::from(r)).sum::<f64>() / ratings.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{Category, Report};
    use crate::domain::steward::Role;

    fn submitted_report(at: Millis) -> Report {
        let mut r = crate::fixtures::report("c", Category::Drainage);
        r.transition(Status::Submitted, "", None, at).unwrap();
        r
    }

    #[test]
    fn resolution_counts_only_confirmed_reports() {
        let mut fixed = submitted_report(0);
        fixed
            .transition(Status::Resolved, "修好", Some(Role::Property), 2 * DAY_MS)
            .unwrap();
        fixed.confirm(4, "", 3 * DAY_MS).unwrap();
        let mut claimed = submitted_report(0);
        claimed
            .transition(Status::Resolved, "修好", Some(Role::Property), 4 * DAY_MS)
            .unwrap();
        let draft = crate::fixtures::report("c", Category::Other);
        let open = submitted_report(0);
        let reports = vec![fixed, claimed, draft, open];
        assert_eq!(resolution_rate(&reports), Ratio { part: 1, whole: 3 });
        assert_eq!(median_days_to_resolve(&reports), Some(3.0));
        assert_eq!(mean_satisfaction(&reports), Some(4.0));
    }

    #[test]
    fn overdue_means_open_and_past_due() {
        let mut late = submitted_report(0);
        late.expected_by = Some(DAY_MS);
        let mut on_time = submitted_report(0);
        on_time.expected_by = Some(10 * DAY_MS);
        let mut done_late = submitted_report(0);
        done_late.expected_by = Some(DAY_MS);
        done_late
            .transition(Status::Closed, "撤销", Some(Role::Red), 2)
            .unwrap();
        let reports = [late, on_time, done_late];
        let open_and_late = submitted(&reports).filter(|r| r.is_overdue(5 * DAY_MS));
        assert_eq!(open_and_late.count(), 1);
        assert_eq!(
            late_share(&reports, 5 * DAY_MS),
            Ratio { part: 1, whole: 3 }
        );
    }

    #[test]
    fn median_of_even_count_is_the_mean_of_the_middle_two() {
        let reports: Vec<Report> = [1, 2, 4, 9]
            .into_iter()
            .map(|d| {
                let mut r = submitted_report(0);
                r.transition(Status::Resolved, "好", Some(Role::Red), d * DAY_MS)
                    .unwrap();
                r
            })
            .collect();
        assert_eq!(median_days_to_resolve(&reports), Some(3.0));
    }
}
