//! Links already sent keep working: links the release before stable link codes made are
//! kept in `tests/fixtures/` and read here against what this build makes.

use super::tests::sample;
use super::*;
use crate::domain::report::{Category, Report, Status, Urgency};
use crate::domain::steward::Role;

/// Links of every kind with every value a link of that release could carry: each
/// category (with every one of its questions answered) at each urgency, steward steps in
/// every status by every role, and each kind of change step (a re-categorisation to every
/// category). The values are listed as they were then: values added since are not in the
/// stored links, and must not change these messages.
fn every_value_messages() -> Vec<(String, Message)> {
    use crate::domain::report::StatusEvent;
    use crate::domain::report_changes::StepChange;
    use Category::*;
    use Status::*;
    const CATEGORIES: [Category; 9] = [
        Sanitation,
        Parking,
        Drainage,
        SepticTank,
        Facilities,
        Safety,
        NeighbourDispute,
        PropertyFee,
        Other,
    ];
    const STATUSES: [Status; 8] = [
        Draft,
        Submitted,
        Acknowledged,
        InProgress,
        Resolved,
        Confirmed,
        Reopened,
        Closed,
    ];
    const ROLES: [Role; 3] = [Role::Red, Role::Property, Role::Peacemaker];
    const URGENCIES: [Urgency; 3] = [Urgency::Normal, Urgency::Urgent, Urgency::Emergency];
    let mut out = vec![];
    for (i, category) in CATEGORIES.into_iter().enumerate() {
        let mut r = sample(category);
        r.urgency = URGENCIES[i % URGENCIES.len()];
        r.share_phone = true;
        out.push((
            format!("report-{i}"),
            Message::Report(Box::new(ReportCopy::of(&r))),
        ));
    }
    let mut r = sample(Category::SepticTank);
    let created = r.created_at;
    let mut at = created + 120_000;
    let mut step = |r: &mut Report, status, by, change| {
        at += 60_000;
        r.timeline.push(StatusEvent {
            at,
            status,
            note: "好".into(),
            by,
            change,
        });
    };
    for (i, status) in STATUSES.into_iter().enumerate() {
        step(&mut r, status, Some(ROLES[i % ROLES.len()]), None);
    }
    for category in CATEGORIES {
        step(
            &mut r,
            Status::InProgress,
            Some(Role::Property),
            Some(StepChange::Recategorise(category)),
        );
    }
    step(
        &mut r,
        Status::InProgress,
        Some(Role::Red),
        Some(StepChange::Reassign("s-2".into())),
    );
    step(
        &mut r,
        Status::InProgress,
        Some(Role::Red),
        Some(StepChange::Deadline(created + 86_400_000)),
    );
    step(
        &mut r,
        Status::InProgress,
        Some(Role::Peacemaker),
        Some(StepChange::DuplicateOf("R20261126-AAAAA".into())),
    );
    out.push((
        "report-steps".into(),
        Message::Report(Box::new(ReportCopy::of(&r))),
    ));
    out.push((
        "update".into(),
        Message::Update(Steps::of(&r, Kind::Update)),
    ));
    let mut answered = r.clone();
    step(&mut answered, Status::Confirmed, None, None);
    answered.satisfaction = Some(4);
    out.push((
        "answer".into(),
        Message::Answer(Steps::of(&answered, Kind::Answer)),
    ));
    out
}

/// Links the release before stable link codes made (`tests/fixtures/`): each still opens
/// as the same message this build makes from the same report, and this build writes it
/// byte for byte as that release did.
#[test]
fn links_made_by_the_previous_release_still_open_as_they_were() {
    let stored = include_str!("../../../tests/fixtures/handoff_links_34d638a.txt");
    let now: std::collections::HashMap<String, Message> =
        every_value_messages().into_iter().collect();
    let mut read = 0;
    for line in stored
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (name, link) = line.split_once(' ').unwrap();
        let f = unframe(link).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let message =
            Message::from_json(f.kind, &f.body).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(Some(&message), now.get(name), "{name} reads differently");
        assert_eq!(
            frame(message.kind(), false, &message.to_json()),
            link,
            "{name} is written differently"
        );
        read += 1;
    }
    assert_eq!(read, now.len(), "a stored link for every message");
}
