//! Duplicates as one: a steward marks reports from different phones as the same problem
//! (a `DuplicateOf` change step on each duplicate, naming the first report). Each reporter
//! keeps their own report; the steward's steps on the first report are shared with every
//! duplicate on the steward's phone (so each reporter's link or sync carries them to that
//! reporter), and every report of the group says how many neighbours reported it.

use super::Millis;
use super::compound::Compound;
use super::report::Report;
use super::report_changes::{ChangeError, StepChange};
use super::steward::Role;

/// `dup` marked as the same problem as `primary` (or as the report `primary` itself
/// duplicates: a group has one first report). Checked as every change step is.
pub fn mark_duplicate(
    dup: &Report,
    primary: &Report,
    note: &str,
    by: Option<Role>,
    compound: Option<&Compound>,
    at: Millis,
) -> Result<Report, ChangeError> {
    let first = primary.duplicate_of().unwrap_or(&primary.id).to_string();
    let mut marked = dup.clone();
    marked.change(StepChange::DuplicateOf(first), note, by, compound, at)?;
    Ok(marked)
}

/// The first report of the group `id` is in (itself when it duplicates nothing).
pub fn first_of(all: &[Report], id: &str) -> Option<String> {
    let r = all.iter().find(|r| r.id == id && !r.deleted)?;
    Some(r.duplicate_of().unwrap_or(&r.id).to_string())
}

/// What sharing the group's progress changes, given every report on this phone: the
/// first report's steward steps added to each duplicate where its status allows them
/// (in time order, each once), and the group's size on each report of it. Only the
/// reports that changed come back, to be stored.
pub fn share_progress(all: &[Report], first: &str) -> Vec<Report> {
    let Some(primary) = all.iter().find(|r| r.id == first && !r.deleted) else {
        return vec![];
    };
    let dups: Vec<&Report> = all
        .iter()
        .filter(|r| !r.deleted && r.duplicate_of() == Some(first))
        .collect();
    if dups.is_empty() {
        return vec![];
    }
    let size = 1 + dups.len() as u32;
    let mut changed = vec![];
    let mut p = primary.clone();
    p.same_problem = size;
    if p != *primary {
        changed.push(p);
    }
    for dup in dups {
        let mut d = dup.clone();
        d.same_problem = size;
        let shared = primary
            .timeline
            .iter()
            .filter(|e| e.change.is_none() && e.by.is_some());
        for step in shared {
            if !d.timeline.contains(step) && d.status().can_become(step.status) {
                d.timeline.push(step.clone());
                d.updated_at = d.updated_at.max(step.at);
            }
        }
        if d != *dup {
            changed.push(d);
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{Category, Status};
    use crate::fixtures::report;

    fn filed(id: &str, at: Millis) -> Report {
        let mut r = report("d", Category::SepticTank);
        r.id = id.into();
        r.transition(Status::Submitted, "", None, at).unwrap();
        r
    }

    #[test]
    fn marking_names_the_first_report_and_only_stewards_may() {
        let a = filed("R20261201-AAAAA", 1);
        let b = filed("R20261201-BBBBB", 2);
        let c = filed("R20261201-CCCCC", 3);
        let b2 = mark_duplicate(&b, &a, "同一个化粪池", Some(Role::Peacemaker), None, 5).unwrap();
        assert_eq!(b2.duplicate_of(), Some("R20261201-AAAAA"));
        let step = b2.timeline.last().unwrap();
        assert_eq!(
            (step.by, step.at, step.note.as_str()),
            (Some(Role::Peacemaker), 5, "同一个化粪池")
        );
        // Marked as a duplicate of a duplicate: it joins the first report's group.
        let c2 = mark_duplicate(&c, &b2, "也是它", Some(Role::Red), None, 6).unwrap();
        assert_eq!(c2.duplicate_of(), Some("R20261201-AAAAA"));
        assert_eq!(
            mark_duplicate(&c, &a, "重复", None, None, 6),
            Err(ChangeError::NotYourRole(
                crate::domain::report_changes::ChangeKind::DuplicateOf
            ))
        );
        assert_eq!(
            first_of(&[a.clone(), b2.clone()], &b2.id).as_deref(),
            Some("R20261201-AAAAA")
        );
        assert_eq!(
            first_of(std::slice::from_ref(&a), &a.id).as_deref(),
            Some("R20261201-AAAAA")
        );
    }

    #[test]
    fn the_first_reports_progress_and_the_count_reach_every_duplicate_once() {
        let mut a = filed("R20261201-AAAAA", 1);
        let b = mark_duplicate(
            &filed("R20261201-BBBBB", 2),
            &a,
            "同一个",
            Some(Role::Red),
            None,
            5,
        )
        .unwrap();
        let other = filed("R20261201-OOOOO", 3);
        a.transition(Status::Acknowledged, "收到", Some(Role::Property), 6)
            .unwrap();
        a.transition(Status::Resolved, "已疏通", Some(Role::Property), 7)
            .unwrap();
        let all = vec![a.clone(), b.clone(), other];
        let changed = share_progress(&all, &a.id);
        assert_eq!(
            changed.len(),
            2,
            "the first report (its count) and the duplicate"
        );
        let b2 = changed.iter().find(|r| r.id == b.id).unwrap();
        assert_eq!(b2.status(), Status::Resolved, "the shared progress");
        assert_eq!((b2.same_problem, changed[0].same_problem), (2, 2));
        let notes: Vec<&str> = b2.timeline.iter().map(|e| e.note.as_str()).collect();
        assert_eq!(notes, ["", "同一个", "收到", "已疏通"]);
        // Shared again: nothing more changes.
        let again: Vec<Report> = vec![changed[0].clone(), b2.clone()];
        assert!(share_progress(&again, &a.id).is_empty());
        // The duplicate's own reporter confirms their own report.
        let mut mine = b2.clone();
        mine.confirm(5, "", 8).unwrap();
        assert_eq!(mine.status(), Status::Confirmed);
    }
}
