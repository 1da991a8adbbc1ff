//! Two versions of one report (edited in two tabs or on two phones before either saw the
//! other): which fields differ, and the merge that keeps both sides' work — every status
//! step of either timeline, every photo, the most followers — with the later edit's
//! wording where both changed a field.

use super::report::Report;

keyed_enum! {
    /// A part of a report two versions can disagree on, in the order the page lists them.
    pub enum ReportField {
        /// Deleted in one version, kept in the other.
        Deleted = "deleted",
        Status = "status",
        Timeline = "timeline",
        Description = "description",
        Category = "category",
        Urgency = "urgency",
        Place = "place",
        Reporter = "reporter",
        Photos = "photos",
        Followers = "followers",
        Satisfaction = "satisfaction",
    }
}

/// The fields where `a` and `b` differ.
pub fn differing_fields(a: &Report, b: &Report) -> Vec<ReportField> {
    use ReportField::*;
    let differs = |f: ReportField| match f {
        Deleted => a.deleted != b.deleted,
        Status => a.status() != b.status(),
        Timeline => a.timeline != b.timeline,
        Description => a.description != b.description || a.answers != b.answers,
        Category => a.category != b.category,
        Urgency => a.urgency != b.urgency,
        Place => (&a.compound, &a.building, &a.unit) != (&b.compound, &b.building, &b.unit),
        Reporter => {
            (&a.reporter_name, &a.reporter_phone, a.share_phone)
                != (&b.reporter_name, &b.reporter_phone, b.share_phone)
        }
        Photos => a.photos != b.photos,
        Followers => a.followers != b.followers,
        Satisfaction => a.satisfaction != b.satisfaction,
    };
    ReportField::ALL
        .into_iter()
        .filter(|f| differs(*f))
        .collect()
}

/// Both versions in one: the later-edited one's wording, both timelines interleaved by
/// time (a step both recorded once), every photo, the larger follower count.
pub fn merge_versions(a: &Report, b: &Report) -> Report {
    let (later, earlier) = if b.updated_at > a.updated_at {
        (b, a)
    } else {
        (a, b)
    };
    let mut merged = later.clone();
    for event in &earlier.timeline {
        if !merged.timeline.contains(event) {
            merged.timeline.push(event.clone());
        }
    }
    merged.timeline.sort_by_key(|e| e.at);
    for photo in &earlier.photos {
        if !merged.photos.contains(photo) {
            merged.photos.push(photo.clone());
        }
    }
    merged.followers = a.followers.max(b.followers);
    merged.same_problem = a.same_problem.max(b.same_problem);
    merged.satisfaction = later.satisfaction.or(earlier.satisfaction);
    merged.expected_by = later.expected_by.or(earlier.expected_by);
    merged.assigned = later.assigned.clone().or_else(|| earlier.assigned.clone());
    merged.deleted = a.deleted && b.deleted;
    merged.settle_changes();
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{Category, Status, StatusEvent};
    use crate::fixtures::report;

    fn step(at: i64, status: Status, note: &str) -> StatusEvent {
        StatusEvent {
            at,
            status,
            note: note.into(),
            by: None,
            change: None,
        }
    }

    #[test]
    fn both_timelines_survive_in_time_order_and_the_later_wording_wins() {
        let mut base = report("dongtangcun", Category::Other);
        base.timeline = vec![step(1, Status::Submitted, "")];
        let mut mine = base.clone();
        mine.timeline.push(step(5, Status::Acknowledged, "已受理"));
        mine.description = "我的描述".into();
        mine.updated_at = 5;
        let mut theirs = base.clone();
        theirs.followers = 2;
        theirs.photos = vec!["p1".into()];
        theirs.description = "他们的描述".into();
        theirs.updated_at = 3;
        theirs.timeline.push(step(3, Status::Acknowledged, "收到"));
        let merged = merge_versions(&mine, &theirs);
        let notes: Vec<&str> = merged.timeline.iter().map(|e| e.note.as_str()).collect();
        assert_eq!(notes, ["", "收到", "已受理"]);
        assert_eq!(merged.description, "我的描述");
        assert_eq!((merged.followers, merged.photos.len()), (2, 1));
        assert_eq!(
            merge_versions(&theirs, &mine),
            merged,
            "the order of the two does not matter"
        );
    }

    #[test]
    fn the_differing_fields_are_listed() {
        let a = report("dongtangcun", Category::Other);
        let mut b = a.clone();
        assert!(differing_fields(&a, &b).is_empty());
        b.description = "另写".into();
        b.followers = 1;
        assert_eq!(
            differing_fields(&a, &b),
            [ReportField::Description, ReportField::Followers]
        );
        let mut gone = a.clone();
        gone.deleted = true;
        assert_eq!(differing_fields(&a, &gone), [ReportField::Deleted]);
        assert!(
            !merge_versions(&gone, &a).deleted,
            "a merge keeps what one side kept"
        );
    }
}
