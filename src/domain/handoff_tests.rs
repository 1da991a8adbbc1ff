use super::*;
use crate::domain::report::{Category, Report, Status, StatusEvent};
use crate::domain::steward::Role;

const NOW: Millis = 1_795_624_200_000;

fn submitted() -> Report {
    let mut r = Report::draft(
        "R20261126-7KQ3X".into(),
        "dongtangcun".into(),
        Some("3".into()),
        None,
        NOW,
    );
    r.category = Category::SepticTank;
    r.description = "化粪池堵塞".into();
    r.transition(Status::Submitted, "", None, NOW + 1).unwrap();
    r
}

fn step(at: Millis, status: Status, by: Option<Role>, note: &str) -> StatusEvent {
    StatusEvent {
        at,
        status,
        note: note.into(),
        by,
        change: None,
    }
}

fn accepted_and_resolved() -> Vec<StatusEvent> {
    vec![
        step(
            NOW + 10,
            Status::Acknowledged,
            Some(Role::Red),
            "收到，马上来",
        ),
        step(NOW + 20, Status::Resolved, Some(Role::Red), "已疏通"),
    ]
}

#[test]
fn a_new_copy_is_added_once_and_a_newer_one_updates_it() {
    let copy = submitted();
    let (added, how) = take_copy(None, copy.clone(), NOW + 5).unwrap();
    assert_eq!((how, added.received_at), (Received::Added, Some(NOW + 5)));
    let (again, how) = take_copy(Some(&added), copy.clone(), NOW + 6).unwrap();
    assert_eq!((how, &again), (Received::AlreadyHad, &added));
    let mut newer = copy.clone();
    newer.description = "化粪池堵塞，已经外溢".into();
    newer.updated_at = NOW + 30;
    let (updated, how) = take_copy(Some(&added), newer.clone(), NOW + 31).unwrap();
    assert_eq!(how, Received::Updated(0));
    assert_eq!(updated.description, newer.description);
    assert_eq!(
        updated.received_at,
        Some(NOW + 5),
        "still the steward's copy"
    );
    let (older, how) = take_copy(Some(&updated), copy, NOW + 32).unwrap();
    assert_eq!(
        (how, older),
        (Received::AlreadyHad, updated),
        "an older copy changes nothing"
    );
}

#[test]
fn a_copy_must_look_like_a_report_this_app_made() {
    type Spoil = Box<dyn Fn(&mut Report)>;
    let cases: Vec<(&str, Spoil)> = vec![
        ("id", Box::new(|r| r.id = "R1".into())),
        ("place", Box::new(|r| r.compound = String::new())),
        ("place", Box::new(|r| r.building = Some("a b".into()))),
        (
            "description",
            Box::new(|r| r.description = "堵".repeat(2_001)),
        ),
        ("description", Box::new(|r| r.description = " ".into())),
        (
            "phone",
            Box::new(|r| r.reporter_phone = Some("电话号码".into())),
        ),
        (
            "name",
            Box::new(|r| r.reporter_name = Some("名".repeat(41))),
        ),
        (
            "answers",
            Box::new(|r| r.answers = vec![("rm -rf".into(), "yes".into())]),
        ),
        ("satisfaction", Box::new(|r| r.satisfaction = Some(9))),
        ("timeline", Box::new(|r| r.timeline.clear())),
        ("timeline", Box::new(|r| r.timeline.remove(0).at = 0)),
    ];
    for (field, spoil) in cases {
        let mut r = submitted();
        spoil(&mut r);
        assert_eq!(take_copy(None, r, NOW), Err(Refusal::BadContent(field)));
    }
    let mut skipping = submitted();
    skipping
        .timeline
        .push(step(NOW + 2, Status::Confirmed, None, ""));
    assert_eq!(
        take_copy(None, skipping, NOW),
        Err(Refusal::Illegal {
            from: Status::Submitted,
            to: Status::Confirmed
        })
    );
}

#[test]
fn a_steward_update_adds_steward_steps_only() {
    let mine = submitted();
    let (updated, how) = apply_steps(
        Some(&mine),
        &mine.id,
        &accepted_and_resolved(),
        None,
        Side::Steward,
    )
    .unwrap();
    assert_eq!(how, Received::Updated(2));
    assert_eq!(updated.status(), Status::Resolved);
    assert_eq!(updated.timeline.len(), 3);
    let confirming = vec![step(NOW + 30, Status::Confirmed, Some(Role::Red), "好了")];
    assert_eq!(
        apply_steps(
            Some(&updated),
            &mine.id,
            &confirming,
            Some(5),
            Side::Steward
        ),
        Err(Refusal::NotTheirs(Status::Confirmed))
    );
    let as_reporter = vec![step(NOW + 30, Status::Closed, None, "关了")];
    assert_eq!(
        apply_steps(Some(&mine), &mine.id, &as_reporter, None, Side::Steward),
        Err(Refusal::NotTheirs(Status::Closed))
    );
}

#[test]
fn replays_and_old_links_change_nothing() {
    let mine = submitted();
    let all = accepted_and_resolved();
    let (first, _) = apply_steps(Some(&mine), &mine.id, &all[..1], None, Side::Steward).unwrap();
    let (second, how) = apply_steps(Some(&first), &mine.id, &all, None, Side::Steward).unwrap();
    assert_eq!(how, Received::Updated(1));
    let (again, how) = apply_steps(Some(&second), &mine.id, &all, None, Side::Steward).unwrap();
    assert_eq!((how, &again), (Received::AlreadyHad, &second));
    let (older, how) =
        apply_steps(Some(&second), &mine.id, &all[..1], None, Side::Steward).unwrap();
    assert_eq!((how, older), (Received::AlreadyHad, second));
}

#[test]
fn steps_out_of_order_or_unknown_reports_are_refused() {
    let mine = submitted();
    let bad_order = vec![
        step(NOW + 10, Status::Resolved, Some(Role::Red), "已疏通"),
        step(NOW + 20, Status::InProgress, Some(Role::Red), "又去看了"),
    ];
    assert_eq!(
        apply_steps(Some(&mine), &mine.id, &bad_order, None, Side::Steward),
        Err(Refusal::Illegal {
            from: Status::Resolved,
            to: Status::InProgress
        })
    );
    assert_eq!(
        apply_steps(None, "R20261126-ZZZZZ", &bad_order, None, Side::Steward),
        Err(Refusal::UnknownReport("R20261126-ZZZZZ".into()))
    );
    let mut deleted = mine.clone();
    deleted.deleted = true;
    assert!(matches!(
        apply_steps(Some(&deleted), &mine.id, &bad_order, None, Side::Steward),
        Err(Refusal::UnknownReport(_))
    ));
    let silent = vec![step(NOW + 10, Status::Acknowledged, Some(Role::Red), " ")];
    assert_eq!(
        apply_steps(Some(&mine), &mine.id, &silent, None, Side::Steward),
        Err(Refusal::NoteMissing)
    );
}

#[test]
fn the_reporter_can_only_confirm_with_a_rating_or_reopen() {
    let (resolved, _) = apply_steps(
        Some(&submitted()),
        "R20261126-7KQ3X",
        &accepted_and_resolved(),
        None,
        Side::Steward,
    )
    .unwrap();
    let confirm = vec![step(NOW + 40, Status::Confirmed, None, "")];
    let id = resolved.id.clone();
    for bad in [None, Some(0), Some(6)] {
        assert_eq!(
            apply_steps(Some(&resolved), &id, &confirm, bad, Side::Reporter),
            Err(Refusal::BadRating)
        );
    }
    let (confirmed, how) =
        apply_steps(Some(&resolved), &id, &confirm, Some(5), Side::Reporter).unwrap();
    assert_eq!(
        (how, confirmed.status()),
        (Received::Updated(1), Status::Confirmed)
    );
    assert_eq!(confirmed.satisfaction, Some(5));
    let reopen = vec![step(NOW + 40, Status::Reopened, None, "还是堵")];
    let (reopened, _) = apply_steps(Some(&resolved), &id, &reopen, None, Side::Reporter).unwrap();
    assert_eq!(reopened.status(), Status::Reopened);
    let steward_step = vec![step(NOW + 40, Status::Closed, Some(Role::Red), "关闭")];
    assert_eq!(
        apply_steps(Some(&resolved), &id, &steward_step, None, Side::Reporter),
        Err(Refusal::NotTheirs(Status::Closed))
    );
    assert_eq!(
        apply_steps(Some(&resolved), &id, &reopen, Some(3), Side::Reporter),
        Err(Refusal::BadRating)
    );
}

#[test]
fn too_many_steps_or_long_notes_are_refused() {
    let mine = submitted();
    let many: Vec<StatusEvent> = (0..=MAX_STEPS as i64)
        .map(|i| step(NOW + i, Status::InProgress, Some(Role::Red), "x"))
        .collect();
    assert_eq!(
        apply_steps(Some(&mine), &mine.id, &many, None, Side::Steward),
        Err(Refusal::BadContent("steps"))
    );
    let long = vec![step(
        NOW + 10,
        Status::Acknowledged,
        Some(Role::Red),
        &"字".repeat(501),
    )];
    assert_eq!(
        apply_steps(Some(&mine), &mine.id, &long, None, Side::Steward),
        Err(Refusal::BadContent("note"))
    );
}

/// A steward's change step, as `Report::change` records it.
fn change_step(
    at: Millis,
    by: Option<Role>,
    change: crate::domain::report_changes::StepChange,
) -> StatusEvent {
    StatusEvent {
        change: Some(change),
        ..step(at, Status::Submitted, by, "归错类了")
    }
}

#[test]
fn a_stewards_changes_reach_the_reporter_and_a_role_that_may_not_is_refused() {
    use crate::domain::report_changes::StepChange;
    let here = submitted();
    let steps = vec![
        change_step(
            NOW + 5,
            Some(Role::Red),
            StepChange::Recategorise(Category::Drainage),
        ),
        change_step(
            NOW + 6,
            Some(Role::Peacemaker),
            StepChange::Reassign("s9".into()),
        ),
        change_step(
            NOW + 7,
            Some(Role::Property),
            StepChange::Deadline(NOW + 9 * 86_400_000),
        ),
    ];
    let (updated, how) = apply_steps(Some(&here), &here.id, &steps, None, Side::Steward).unwrap();
    assert_eq!(how, Received::Updated(3));
    assert_eq!(
        (
            updated.category,
            updated.assigned.as_deref(),
            updated.expected_by
        ),
        (Category::Drainage, Some("s9"), Some(NOW + 9 * 86_400_000))
    );
    assert_eq!(updated.status(), Status::Submitted);
    let (again, how) = apply_steps(Some(&updated), &here.id, &steps, None, Side::Steward).unwrap();
    assert_eq!((how, again), (Received::AlreadyHad, updated.clone()));
    // A 和事佬 may not re-categorise; the reporter takes no change step; nothing is kept.
    let peacemaker = [change_step(
        NOW + 5,
        Some(Role::Peacemaker),
        StepChange::Recategorise(Category::Parking),
    )];
    assert_eq!(
        apply_steps(Some(&here), &here.id, &peacemaker, None, Side::Steward),
        Err(Refusal::NotTheirs(Status::Submitted))
    );
    let reporter = [change_step(
        NOW + 5,
        None,
        StepChange::Reassign("s9".into()),
    )];
    assert_eq!(
        apply_steps(Some(&here), &here.id, &reporter, None, Side::Reporter),
        Err(Refusal::NotTheirs(Status::Submitted))
    );
    // A change step that claims another status than the report's.
    let mut wrong = change_step(NOW + 5, Some(Role::Red), StepChange::Reassign("s9".into()));
    wrong.status = Status::InProgress;
    assert!(matches!(
        apply_steps(Some(&here), &here.id, &[wrong], None, Side::Steward),
        Err(Refusal::Illegal { .. })
    ));
    // A copy carrying the changes: its steps replay, its fields follow them.
    let mut copy = here.clone();
    copy.timeline.extend(steps);
    copy.settle_changes();
    let (taken, how) = take_copy(None, copy.clone(), NOW + 8).unwrap();
    assert_eq!(
        (how, taken.category, taken.assigned.as_deref()),
        (Received::Added, Category::Drainage, Some("s9"))
    );
    let (merged, how) = take_copy(Some(&here), copy, NOW + 8).unwrap();
    assert_eq!(
        (how, merged.category),
        (Received::Updated(3), Category::Drainage)
    );
}
