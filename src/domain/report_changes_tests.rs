use super::*;
use crate::domain::compound::ManagementMode;
use crate::domain::steward::Scope;
use crate::fixtures::{compound, report, steward};

const NOW: Millis = 1_000 * DAY_MS;

fn submitted() -> Report {
    let mut r = report("d", Category::NeighbourDispute);
    r.id = "R20261201-AAAAA".into();
    r.assigned = Some("peace".into());
    r.expected_by = Some(NOW + 7 * DAY_MS);
    r.transition(Status::Submitted, "", None, NOW).unwrap();
    r
}

fn roster() -> Compound {
    let mut c = compound("d", ManagementMode::PropertyCompany);
    c.stewards = vec![
        steward("peace", Role::Peacemaker, Scope::Compound),
        steward("prop", Role::Property, Scope::Compound),
    ];
    c
}

#[test]
fn who_may_take_which_step() {
    use ChangeKind::*;
    for kind in ChangeKind::ALL {
        assert!(!kind.may(None), "the reporter takes no {kind:?} step");
        assert!(kind.may(Some(Role::Red)) && kind.may(Some(Role::Property)));
    }
    assert!(Reassign.may(Some(Role::Peacemaker)) && DuplicateOf.may(Some(Role::Peacemaker)));
    assert!(!Recategorise.may(Some(Role::Peacemaker)) && !Deadline.may(Some(Role::Peacemaker)));
}

#[test]
fn reassigning_records_who_when_why_and_moves_the_report() {
    let mut r = submitted();
    let c = roster();
    let change = StepChange::Reassign("prop".into());
    r.change(
        change.clone(),
        " 是漏水，不是纠纷 ",
        Some(Role::Peacemaker),
        Some(&c),
        NOW + 5,
    )
    .unwrap();
    assert_eq!(r.assigned.as_deref(), Some("prop"));
    let last = r.timeline.last().unwrap();
    assert_eq!(
        (
            last.at,
            last.status,
            last.by,
            last.note.as_str(),
            last.change.as_ref()
        ),
        (
            NOW + 5,
            Status::Submitted,
            Some(Role::Peacemaker),
            "是漏水，不是纠纷",
            Some(&change)
        ),
        "who, when, why; the status it keeps"
    );
    assert_eq!(r.status(), Status::Submitted);
    assert_eq!(r.updated_at, NOW + 5);
    // Onward steps still follow the status machine.
    r.transition(Status::Acknowledged, "收到", Some(Role::Property), NOW + 6)
        .unwrap();
}

#[test]
fn refusals_change_nothing() {
    let c = roster();
    let before = submitted();
    let cases: Vec<(StepChange, &str, Option<Role>, ChangeError)> = vec![
        (
            StepChange::Recategorise(Category::Drainage),
            "是排水",
            Some(Role::Peacemaker),
            ChangeError::NotYourRole(ChangeKind::Recategorise),
        ),
        (
            StepChange::Reassign("prop".into()),
            "转给物业",
            None,
            ChangeError::NotYourRole(ChangeKind::Reassign),
        ),
        (
            StepChange::Deadline(NOW + 9 * DAY_MS),
            " ",
            Some(Role::Red),
            ChangeError::NoteRequired,
        ),
        (
            StepChange::Deadline(NOW - 1),
            "延期",
            Some(Role::Red),
            ChangeError::BadDeadline,
        ),
        (
            StepChange::Deadline(NOW + 200 * DAY_MS),
            "延期",
            Some(Role::Red),
            ChangeError::BadDeadline,
        ),
        (
            StepChange::Reassign("nobody".into()),
            "转交",
            Some(Role::Red),
            ChangeError::UnknownSteward,
        ),
        (
            StepChange::Reassign("peace".into()),
            "转交",
            Some(Role::Red),
            ChangeError::Unchanged,
        ),
        (
            StepChange::Recategorise(Category::NeighbourDispute),
            "归类",
            Some(Role::Red),
            ChangeError::Unchanged,
        ),
        (
            StepChange::DuplicateOf("R20261201-AAAAA".into()),
            "重复",
            Some(Role::Red),
            ChangeError::Unchanged,
        ),
        (
            StepChange::DuplicateOf("not a ref".into()),
            "重复",
            Some(Role::Red),
            ChangeError::UnknownReport,
        ),
    ];
    for (change, note, by, error) in cases {
        let mut r = before.clone();
        assert_eq!(r.change(change, note, by, Some(&c), NOW + 5), Err(error));
        assert_eq!(r, before, "nothing recorded");
    }
    let long = "长".repeat(NOTE_MAX + 1);
    let mut r = before.clone();
    let far = StepChange::Deadline(NOW + 9 * DAY_MS);
    assert_eq!(
        r.change(far, &long, Some(Role::Red), None, NOW),
        Err(ChangeError::NoteTooLong)
    );
}

#[test]
fn only_while_the_report_is_with_the_stewards() {
    let mut r = submitted();
    r.transition(Status::Resolved, "修好了", Some(Role::Property), NOW + 1)
        .unwrap();
    let deadline = StepChange::Deadline(NOW + 9 * DAY_MS);
    assert_eq!(
        r.clone()
            .change(deadline.clone(), "延期", Some(Role::Red), None, NOW + 2),
        Err(ChangeError::NotNow(Status::Resolved))
    );
    r.transition(Status::Reopened, "没修好", None, NOW + 3)
        .unwrap();
    r.change(deadline, "延期", Some(Role::Red), None, NOW + 4)
        .unwrap();
    assert_eq!(r.expected_by, Some(NOW + 9 * DAY_MS));
    for closed in [
        Status::Draft,
        Status::Resolved,
        Status::Confirmed,
        Status::Closed,
    ] {
        assert!(!changeable(closed), "{closed:?}");
    }
}

#[test]
fn the_last_step_of_each_kind_sets_the_field_whatever_order_the_timeline_came_in() {
    let mut r = submitted();
    r.change(
        StepChange::Recategorise(Category::Drainage),
        "是排水",
        Some(Role::Red),
        None,
        NOW + 2,
    )
    .unwrap();
    r.change(
        StepChange::Recategorise(Category::Facilities),
        "是设施",
        Some(Role::Property),
        None,
        NOW + 3,
    )
    .unwrap();
    r.change(
        StepChange::DuplicateOf("R20261130-BBBBB".into()),
        "同一个问题",
        Some(Role::Peacemaker),
        None,
        NOW + 4,
    )
    .unwrap();
    assert_eq!(r.category, Category::Facilities);
    assert_eq!(r.duplicate_of(), Some("R20261130-BBBBB"));
    let mut scrambled = r.clone();
    scrambled.category = Category::Other;
    scrambled.timeline.reverse();
    scrambled.settle_changes();
    assert_eq!(scrambled.category, Category::Facilities);
}

#[test]
fn only_a_red_steward_re_categorises_a_complaint_about_the_company() {
    let mut r = crate::fixtures::report("d", Category::PropertyService);
    r.transition(Status::Submitted, "", None, 1_000).unwrap();
    let before = r.clone();
    let away = StepChange::Recategorise(Category::Sanitation);
    assert_eq!(
        r.change(
            away.clone(),
            "是保洁问题",
            Some(Role::Property),
            None,
            2_000
        ),
        Err(ChangeError::NotYourRole(ChangeKind::Recategorise))
    );
    assert_eq!(r, before, "nothing changed");
    r.change(away, "是保洁问题", Some(Role::Red), None, 2_000)
        .unwrap();
    assert_eq!(r.category, Category::Sanitation);
}
