use super::*;
use crate::fixtures::report;

#[test]
fn the_happy_path_is_legal() {
    let mut r = report("c", Category::SepticTank);
    assert_eq!(r.status(), Status::Draft);
    r.transition(Status::Submitted, "", None, 1).unwrap();
    r.transition(Status::Acknowledged, "收到", Some(Role::Property), 2)
        .unwrap();
    r.transition(Status::InProgress, "已派人", Some(Role::Property), 3)
        .unwrap();
    r.transition(Status::Resolved, "已疏通", Some(Role::Property), 4)
        .unwrap();
    r.confirm(5, "", 5).unwrap();
    assert_eq!(r.status(), Status::Confirmed);
    assert_eq!(r.satisfaction, Some(5));
    assert_eq!(r.timeline.len(), 5);
    assert_eq!(r.updated_at, 5);
}

#[test]
fn illegal_moves_are_refused_and_change_nothing() {
    let mut r = report("c", Category::Parking);
    r.transition(Status::Submitted, "", None, 1).unwrap();
    let before = r.clone();
    assert_eq!(
        r.transition(Status::Confirmed, "好了", None, 2),
        Err(TransitionError::Illegal {
            from: Status::Submitted,
            to: Status::Confirmed
        })
    );
    assert_eq!(
        r.confirm(5, "", 2),
        Err(TransitionError::Illegal {
            from: Status::Submitted,
            to: Status::Confirmed
        })
    );
    assert_eq!(
        r.transition(Status::Acknowledged, "  ", Some(Role::Red), 2),
        Err(TransitionError::NoteRequired)
    );
    assert_eq!(r, before);
}

#[test]
fn not_fixed_reopens_and_ratings_are_checked() {
    let mut r = report("c", Category::Drainage);
    r.transition(Status::Submitted, "", None, 1).unwrap();
    r.transition(Status::Resolved, "修好了", Some(Role::Property), 2)
        .unwrap();
    assert_eq!(r.confirm(0, "", 3), Err(TransitionError::BadRating(0)));
    assert_eq!(r.confirm(6, "", 3), Err(TransitionError::BadRating(6)));
    r.transition(Status::Reopened, "还是堵", None, 3).unwrap();
    assert!(r.status().is_open());
    assert!(!Status::Closed.can_become(Status::Reopened));
}

#[test]
fn reference_numbers_are_dated_and_distinct() {
    let now = 1_795_624_200_000; // 2026-11-26 in Xiangtan
    let a = reference_number(now, 0x1ABC_DEF0);
    assert!(a.starts_with("R20261126-"), "{a}");
    assert_eq!(a.len(), "R20261126-".len() + 5);
    let all: std::collections::HashSet<String> = (0..10_000u32)
        .map(|i| reference_number(now, i.wrapping_mul(2_654_435_761)))
        .collect();
    assert_eq!(all.len(), 10_000);
    assert!(!a.contains(['I', 'L', 'O', 'U']));
}
