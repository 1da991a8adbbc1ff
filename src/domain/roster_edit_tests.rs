use super::*;
use crate::fixtures::mapped_compound;

fn input(c: &Compound) -> StewardInput {
    StewardInput {
        name: " 李秀英 ".into(),
        role: Some(Role::Peacemaker),
        title: "楼栋长".into(),
        phone: "+86 139-0000-0007".into(),
        scope: scope_key(&scope_options(c)[2].0),
        duty_hours: String::new(),
    }
}

#[test]
fn a_good_steward_is_normalised_and_scoped() {
    let c = mapped_compound("dongtangcun", 1, 2, 2);
    let s = input(&c).check(&c, "s-new".into(), 7).unwrap();
    assert_eq!(
        (s.name.as_str(), s.phone.as_str()),
        ("李秀英", "139 0000 0007")
    );
    assert_eq!(s.scope, scope_options(&c)[2].0);
    assert_eq!(s.duty_hours, None);
    assert_eq!(StewardInput::of(&s).check(&c, s.id.clone(), 7), Ok(s));
}

#[test]
fn every_problem_is_said_at_once() {
    let c = mapped_compound("dongtangcun", 1, 1, 1);
    let bad = StewardInput {
        name: "  ".into(),
        title: "长".repeat(41),
        phone: "123&x".into(),
        scope: "building:99".into(),
        ..input(&c)
    };
    let errors = bad.check(&c, "s".into(), 0).unwrap_err();
    assert_eq!(errors.len(), 4);
    assert!(errors.contains(&StewardError::Name(TextError::Required)));
    assert!(errors.contains(&StewardError::Scope));
    assert!(errors.iter().any(|e| matches!(e, StewardError::Phone(_))));
}

#[test]
fn stewards_are_added_replaced_and_removed_and_the_last_change_is_found() {
    let c = mapped_compound("dongtangcun", 1, 1, 1);
    let s = input(&c).check(&c, "s-new".into(), 5).unwrap();
    let added = with_steward(&c, s.clone(), 5);
    assert_eq!(added.stewards.len(), c.stewards.len() + 1);
    let mut changed = s.clone();
    changed.phone = "138 0000 0001".into();
    let edited = with_steward(&added, changed, 6);
    assert_eq!(edited.stewards.len(), added.stewards.len());
    assert_eq!(without_steward(&edited, "s-new", 7).stewards, c.stewards);
    let change = |id: &str, at, kind| RosterChange {
        id: id.into(),
        ..RosterChange::new("dongtangcun", kind, "王建国".into(), at)
    };
    let mut log = vec![
        change("1", 1, ChangeKind::StewardAdded),
        change("2", 2, ChangeKind::StewardEdited),
    ];
    assert_eq!(last_undoable(&log, "dongtangcun").unwrap().id, "2");
    log[1].undone = true;
    log.push(change("3", 3, ChangeKind::Undone));
    assert_eq!(
        last_undoable(&log, "dongtangcun").unwrap().id,
        "1",
        "undo goes back one more"
    );
    assert!(last_undoable(&log, "elsewhere").is_none());
}

#[test]
fn undoing_applies_the_opposite_to_the_compound_as_it_is_now() {
    let c = mapped_compound("dongtangcun", 1, 1, 1);
    let old = c.stewards[0].clone();
    let mut new = old.clone();
    new.phone = "138 0000 0001".into();
    let edit = RosterChange {
        before: Some(old.clone()),
        after: Some(new.clone()),
        ..RosterChange::new(&c.id, ChangeKind::StewardEdited, "王建国".into(), 1)
    };
    let mut now = with_steward(&c, new.clone(), 2);
    now.notices.push(crate::domain::compound::Notice {
        id: "n".into(),
        title: "停水".into(),
        body: String::new(),
        published_at: 3,
        pinned: false,
        expires_at: None,
    });
    let back = edit.undo(&now, 4);
    assert_eq!(back.stewards[0], old);
    assert_eq!(back.notices.len(), 1, "a notice posted since stays");
    let added = RosterChange {
        before: None,
        kind: ChangeKind::StewardAdded,
        ..edit
    };
    assert!(!added.undo(&now, 5).stewards.iter().any(|s| s.id == new.id));
}
