//! A steward's queue: the reports of the compounds they look after, and those taken in
//! from building leads' links, by where they stand.

use super::Millis;
use super::report::{Report, Status};

keyed_enum! {
    /// The queue's tabs.
    pub enum QueueFilter {
        /// Submitted or reopened: nobody has taken it on yet.
        New = "new",
        Accepted = "accepted",
        InProgress = "in_progress",
        /// Open past its expected-by date, whatever its step.
        Overdue = "overdue",
        /// Resolved (waiting for the reporter), confirmed or closed.
        Done = "done",
        All = "all",
    }
}

impl QueueFilter {
    pub fn matches(self, r: &Report, now: Millis) -> bool {
        match self {
            QueueFilter::New => matches!(r.status(), Status::Submitted | Status::Reopened),
            QueueFilter::Accepted => r.status() == Status::Acknowledged,
            QueueFilter::InProgress => r.status() == Status::InProgress,
            QueueFilter::Overdue => r.is_overdue(now),
            QueueFilter::Done => matches!(
                r.status(),
                Status::Resolved | Status::Confirmed | Status::Closed
            ),
            QueueFilter::All => true,
        }
    }
}

/// In my queue: submitted, not deleted, and in one of my compounds or taken in by me.
pub fn in_queue(r: &Report, my_compounds: &[String]) -> bool {
    !r.deleted
        && r.status() != Status::Draft
        && (r.received_at.is_some() || my_compounds.contains(&r.compound))
}

/// My queue under a filter, overdue first, then newest first.
pub fn queue<'a>(
    reports: &'a [Report],
    my_compounds: &[String],
    filter: QueueFilter,
    now: Millis,
) -> Vec<&'a Report> {
    let mut list: Vec<&Report> = reports
        .iter()
        .filter(|r| in_queue(r, my_compounds) && filter.matches(r, now))
        .collect();
    list.sort_by_key(|r| (!r.is_overdue(now), std::cmp::Reverse(r.created_at)));
    list
}

/// How many reports each tab holds.
pub fn counts(
    reports: &[Report],
    my_compounds: &[String],
    now: Millis,
) -> Vec<(QueueFilter, usize)> {
    let mine: Vec<&Report> = reports
        .iter()
        .filter(|r| in_queue(r, my_compounds))
        .collect();
    QueueFilter::ALL
        .into_iter()
        .map(|f| (f, mine.iter().filter(|r| f.matches(r, now)).count()))
        .collect()
}

/// What a steward sees first, and the app's badge: new work, overdue work, and work
/// nobody has (routed to a role with nobody in the roster, flagged to every steward of
/// the compound until someone takes it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Glance {
    pub new: usize,
    pub overdue: usize,
    pub unassigned: usize,
    /// Reports that are new or overdue (or both), each once: the badge.
    pub badge: usize,
}

/// Open, and nobody has it: routed to a vacant role, and not reassigned since.
pub fn is_unassigned(r: &Report) -> bool {
    r.status().is_open() && r.status() != Status::Resolved && r.assigned.is_none()
}

pub fn glance(reports: &[Report], my_compounds: &[String], now: Millis) -> Glance {
    let mut g = Glance::default();
    for r in reports.iter().filter(|r| in_queue(r, my_compounds)) {
        let new = QueueFilter::New.matches(r, now);
        let overdue = r.is_overdue(now);
        g.new += usize::from(new);
        g.overdue += usize::from(overdue);
        g.unassigned += usize::from(is_unassigned(r));
        g.badge += usize::from(new || overdue);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Category;
    use crate::domain::steward::Role;
    use crate::fixtures::report;

    fn at(compound: &str, steps: &[Status], created: Millis) -> Report {
        let mut r = report(compound, Category::Drainage);
        r.created_at = created;
        r.expected_by = Some(created + 10);
        for (i, s) in steps.iter().enumerate() {
            let by = (*s != Status::Submitted).then_some(Role::Red);
            r.transition(*s, "记录", by, created + i as Millis).unwrap();
        }
        r
    }

    #[test]
    fn the_queue_holds_my_compounds_and_what_i_took_in() {
        let mine = vec!["dongtangcun".to_string()];
        let mut taken = at("elsewhere", &[Status::Submitted], 5);
        taken.received_at = Some(6);
        let mut deleted = at("dongtangcun", &[Status::Submitted], 7);
        deleted.deleted = true;
        let reports = vec![
            at("dongtangcun", &[Status::Submitted], 1),
            at("dongtangcun", &[Status::Submitted, Status::Acknowledged], 2),
            at("other", &[Status::Submitted], 3),
            at("dongtangcun", &[], 4),
            taken,
            deleted,
        ];
        let all = queue(&reports, &mine, QueueFilter::All, 0);
        let created: Vec<Millis> = all.iter().map(|r| r.created_at).collect();
        assert_eq!(created, [5, 2, 1]);
        let news: Vec<Millis> = queue(&reports, &mine, QueueFilter::New, 0)
            .iter()
            .map(|r| r.created_at)
            .collect();
        assert_eq!(news, [5, 1]);
    }

    #[test]
    fn tabs_follow_the_status_and_overdue_comes_first() {
        use Status::*;
        let mine = vec!["c".to_string()];
        let reports = vec![
            at("c", &[Submitted], 100),
            at("c", &[Submitted, Acknowledged], 200),
            at("c", &[Submitted, InProgress], 300),
            at("c", &[Submitted, Resolved], 400),
            at("c", &[Submitted, Resolved, Reopened], 500),
        ];
        let now = 305;
        let count = |f| {
            counts(&reports, &mine, now)
                .into_iter()
                .find(|(g, _)| *g == f)
                .unwrap()
                .1
        };
        assert_eq!(
            [
                QueueFilter::New,
                QueueFilter::Accepted,
                QueueFilter::InProgress,
                QueueFilter::Overdue,
                QueueFilter::Done,
                QueueFilter::All
            ]
            .map(count),
            [2, 1, 1, 2, 1, 5]
        );
        let order: Vec<Millis> = queue(&reports, &mine, QueueFilter::All, now)
            .iter()
            .map(|r| r.created_at)
            .collect();
        assert_eq!(order, [200, 100, 500, 400, 300]);
    }

    #[test]
    fn the_glance_counts_new_overdue_and_unassigned_and_the_badge_each_once() {
        use Status::*;
        let mine = vec!["c".to_string()];
        let mut vacant = at("c", &[Submitted], 100);
        vacant.assigned = None;
        let mut routed = at("c", &[Submitted, Acknowledged], 200);
        routed.assigned = Some("s1".into());
        let mut resolved = at("c", &[Submitted, Resolved], 300);
        resolved.assigned = None;
        let mut elsewhere = at("other", &[Submitted], 50);
        elsewhere.assigned = None;
        let reports = vec![vacant, routed, resolved, elsewhere];
        // At 205 the first (due 110) and second (due 210) differ: one overdue, one not.
        assert_eq!(
            glance(&reports, &mine, 205),
            Glance {
                new: 1,
                overdue: 1,
                unassigned: 1,
                badge: 1
            },
            "the vacant report is new and overdue: one on the badge"
        );
        // Later, all three are past due (a resolved report too, as the overdue tab has it).
        assert_eq!(glance(&reports, &mine, 500).badge, 3);
        assert_eq!(glance(&[], &mine, 500), Glance::default());
    }
}
