//! The work done in a period: reports submitted in it (by status, category and compound,
//! and how they were handled) and the mediations and arrears recovered dated in it.

use super::period::Span;
use crate::domain::Millis;
use crate::domain::logs::{LogTotals, log_totals};
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::domain::report::{Category, Report, Status};
use crate::domain::stats::{
    Ratio, late_share, mean_satisfaction, median_days_to_resolve, reopen_rate, resolution_rate,
    submitted,
};

/// How a set of reports was handled. Each measure is over the reports given; `None`
/// where there is nothing to measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Handling {
    pub reports: usize,
    /// Confirmed by the reporter (办结率 counts only these).
    pub resolution: Ratio,
    pub median_days: Option<f64>,
    /// Resolved after the expected-by date, or still open past it.
    pub late: Ratio,
    pub reopened: Ratio,
    pub satisfaction: Option<f64>,
}

impl Handling {
    pub fn of(reports: &[&Report], now: Millis) -> Handling {
        let it = || reports.iter().copied();
        Handling {
            reports: submitted(it()).count(),
            resolution: resolution_rate(it()),
            median_days: median_days_to_resolve(it()),
            late: late_share(it(), now),
            reopened: reopen_rate(it()),
            satisfaction: mean_satisfaction(it()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct WorkFigures {
    pub handling: Handling,
    /// Current status of the period's reports, in the status machine's order.
    pub by_status: Vec<(Status, usize)>,
    pub by_category: Vec<(Category, usize)>,
    /// Compound ids with their report counts, most first.
    pub by_compound: Vec<(String, usize)>,
    pub logs: LogTotals,
}

/// Reports submitted within `span` (and `of` accepts by compound).
pub fn reports_in<'a>(
    reports: &'a [Report],
    span: Span,
    of: &impl Fn(&str) -> bool,
) -> Vec<&'a Report> {
    submitted(reports)
        .filter(|r| r.submitted_at().is_some_and(|at| span.contains(at)) && of(&r.compound))
        .collect()
}

/// Everything the "work done" section shows for one period.
pub fn work_figures(
    reports: &[Report],
    mediations: &[Mediation],
    arrears: &[ArrearsRecovery],
    span: Span,
    now: Millis,
) -> WorkFigures {
    let all = |_: &str| true;
    let in_span = reports_in(reports, span, &all);
    let count = |keep: &dyn Fn(&Report) -> bool| in_span.iter().filter(|r| keep(r)).count();
    let by_status = Status::ALL
        .into_iter()
        .filter(|s| *s != Status::Draft)
        .map(|s| (s, count(&|r| r.status() == s)))
        .collect();
    let by_category = Category::ALL
        .into_iter()
        .map(|c| (c, count(&|r| r.category == c)))
        .collect();
    let mut by_compound: Vec<(String, usize)> = Vec::new();
    for r in &in_span {
        match by_compound.iter_mut().find(|(id, _)| *id == r.compound) {
            Some((_, n)) => *n += 1,
            None => by_compound.push((r.compound.clone(), 1)),
        }
    }
    by_compound.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let logs = log_totals(
        mediations.iter().filter(|m| span.contains(m.date)),
        arrears.iter().filter(|a| span.contains(a.date)),
        all,
    );
    WorkFigures {
        handling: Handling::of(&in_span, now.min(span.end)),
        by_status,
        by_category,
        by_compound,
        logs,
    }
}

/// Counts of this period beside the previous one's, by key: this period's keys in their
/// order, then keys only the previous period had.
pub fn beside<K: PartialEq + Clone>(
    now: &[(K, usize)],
    before: &[(K, usize)],
) -> Vec<(K, usize, usize)> {
    let earlier = |k: &K| before.iter().find(|(b, _)| b == k).map_or(0, |(_, n)| *n);
    now.iter()
        .map(|(k, n)| (k.clone(), *n, earlier(k)))
        .chain(
            before
                .iter()
                .filter(|(k, _)| !now.iter().any(|(n, _)| n == k))
                .map(|(k, n)| (k.clone(), 0, *n)),
        )
        .collect()
}

/// Reports submitted and reports confirmed in each span (the "by month" chart), in one
/// pass over the reports: `months` are consecutive and in order.
pub fn monthly(reports: &[Report], months: &[(String, Span)]) -> Vec<(String, usize, usize)> {
    let mut counts = vec![(0, 0); months.len()];
    let month_of = |at: Millis| {
        let i = months.partition_point(|(_, s)| s.start <= at);
        i.checked_sub(1).filter(|&i| months[i].1.contains(at))
    };
    for r in submitted(reports) {
        if let Some(i) = r.submitted_at().and_then(month_of) {
            counts[i].0 += 1;
        }
        if let Some(i) = r.first_time(Status::Confirmed).and_then(month_of) {
            counts[i].1 += 1;
        }
    }
    months
        .iter()
        .zip(counts)
        .map(|((label, _), (sent, confirmed))| (label.clone(), sent, confirmed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::MediationKind;
    use crate::domain::steward::Role;
    use crate::domain::time::DAY_MS;
    use crate::fixtures::report;

    fn sent(compound: &str, category: Category, day: i64) -> Report {
        let mut r = report(compound, category);
        r.transition(Status::Submitted, "", None, day * DAY_MS)
            .unwrap();
        r.expected_by = Some((day + 3) * DAY_MS);
        r
    }

    fn fixed(mut r: Report, after_days: i64, rating: u8) -> Report {
        let at = r.submitted_at().unwrap();
        r.transition(
            Status::Resolved,
            "修好",
            Some(Role::Property),
            at + after_days * DAY_MS,
        )
        .unwrap();
        r.confirm(rating, "", at + (after_days + 1) * DAY_MS)
            .unwrap();
        r
    }

    #[test]
    fn counts_sit_beside_the_previous_periods() {
        let now = [("a", 2), ("b", 1)];
        let before = [("b", 4), ("c", 3)];
        assert_eq!(
            beside(&now, &before),
            vec![("a", 2, 0), ("b", 1, 4), ("c", 0, 3)]
        );
    }

    /// Hand-computed: in days 10–20 there are four reports (a, a, b, b); two fixed in 1 and
    /// 5 days and confirmed (rated 5 and 3), one open and late, one fixed in a day and
    /// reopened. Day 25 is outside, and so is the draft.
    #[test]
    fn a_period_counts_its_own_reports_and_logs() {
        let mut reopened = sent("b", Category::Parking, 14);
        reopened
            .transition(Status::Resolved, "修好", Some(Role::Property), 15 * DAY_MS)
            .unwrap();
        reopened
            .transition(Status::Reopened, "又堵了", None, 17 * DAY_MS)
            .unwrap();
        let reports = vec![
            fixed(sent("a", Category::Drainage, 10), 1, 5),
            fixed(sent("a", Category::Drainage, 11), 5, 3),
            sent("b", Category::SepticTank, 12),
            reopened,
            sent("c", Category::Other, 25),
            report("a", Category::Other),
        ];
        let mediation = |day: i64, kind| Mediation {
            id: format!("m{day}"),
            compound: "a".into(),
            kind,
            parties: "甲、乙".into(),
            subject: "噪音".into(),
            amount_fen: 100_000,
            succeeded: true,
            outcome: String::new(),
            mediator: String::new(),
            report: None,
            date: day * DAY_MS,
            updated_at: 0,
            deleted: false,
        };
        let ms = [
            mediation(12, MediationKind::PreLitigation),
            mediation(30, MediationKind::Oral),
        ];
        let span = Span {
            start: 10 * DAY_MS,
            end: 20 * DAY_MS,
        };
        let w = work_figures(&reports, &ms, &[], span, 40 * DAY_MS);
        let h = &w.handling;
        assert_eq!(h.reports, 4);
        assert_eq!(h.resolution, Ratio { part: 2, whole: 4 });
        assert_eq!(h.median_days, Some(1.0));
        // The one fixed in 5 days was due in 3; the open one is late at the period's end.
        assert_eq!(h.late, Ratio { part: 2, whole: 4 });
        assert_eq!(h.reopened, Ratio { part: 1, whole: 4 });
        assert_eq!(h.satisfaction, Some(4.0));
        assert_eq!(w.by_compound, vec![("a".into(), 2), ("b".into(), 2)]);
        assert!(w.by_category.contains(&(Category::Drainage, 2)));
        assert!(w.by_status.contains(&(Status::Confirmed, 2)));
        assert!(w.by_status.contains(&(Status::Reopened, 1)));
        assert_eq!((w.logs.pre_litigation, w.logs.oral), (1, 0));
        let months = [(
            "m".to_string(),
            Span {
                start: 0,
                end: 13 * DAY_MS,
            },
        )];
        assert_eq!(monthly(&reports, &months), vec![("m".into(), 3, 1)]);
    }
}
