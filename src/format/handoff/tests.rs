use super::*;
use crate::domain::report::{Category, Report, Status, Urgency};
use crate::domain::report_rules::questions;
use crate::domain::steward::Role;

/// A submitted report of each category, every question of the category answered.
pub(super) fn sample(category: Category) -> Report {
    let mut r = Report::draft(
        "R20261126-7KQ3X".into(),
        "dongtangcun".into(),
        Some("3".into()),
        Some("2".into()),
        1_795_624_200_000,
    );
    r.category = category;
    r.urgency = Urgency::Urgent;
    r.description = "3栋2单元门口化粪池堵塞，污水漫到路面，请尽快处理。".into();
    r.answers = questions(category)
        .iter()
        .map(|q| (q.key.key().to_string(), "yes".to_string()))
        .collect();
    r.reporter_name = Some("张三".into());
    r.reporter_phone = Some("13800000001".into());
    r.photos = vec!["p1".into(), "p2".into()];
    r.transition(Status::Submitted, "", None, 1_795_624_260_000)
        .unwrap();
    r
}

fn round_trip(message: &Message) -> Message {
    let text = frame(message.kind(), false, &message.to_json());
    let f = unframe(&text).unwrap();
    assert_eq!((f.kind, f.compressed), (message.kind(), false));
    Message::from_json(f.kind, &f.body).unwrap()
}

#[test]
fn every_category_and_question_survives_the_trip() {
    for category in Category::ALL {
        let mut r = sample(category);
        r.share_phone = true;
        let back = match round_trip(&Message::Report(Box::new(ReportCopy::of(&r)))) {
            Message::Report(copy) => {
                assert_eq!(copy.photos_elsewhere(), 2);
                copy.into_report()
            }
            other => panic!("{other:?}"),
        };
        r.photos.clear();
        assert_eq!(back, r, "{category:?}");
    }
}

#[test]
fn the_reporter_stays_private_unless_they_allowed_sharing() {
    let r = sample(Category::SepticTank);
    let json = String::from_utf8(Message::Report(Box::new(ReportCopy::of(&r))).to_json()).unwrap();
    assert!(
        !json.contains("13800000001") && !json.contains("张三"),
        "{json}"
    );
    assert!(!json.contains("p1"), "photo keys stay home: {json}");
    let back = ReportCopy::of(&r).into_report();
    assert_eq!((back.reporter_name, back.reporter_phone), (None, None));
}

#[test]
fn steps_carry_one_side_only() {
    let mut r = sample(Category::Drainage);
    let t = r.created_at;
    r.transition(Status::Acknowledged, "收到", Some(Role::Red), t + 2)
        .unwrap();
    r.transition(Status::Resolved, "已疏通", Some(Role::Red), t + 3)
        .unwrap();
    let update = Steps::of(&r, Kind::Update);
    assert_eq!(update.events(), r.timeline[1..].to_vec());
    assert_eq!(update.rating(), None);
    r.confirm(4, "", t + 4).unwrap();
    let answer = Steps::of(&r, Kind::Answer);
    assert_eq!(answer.events(), r.timeline[3..].to_vec());
    assert_eq!(
        (answer.rating(), answer.report_id()),
        (Some(4), "R20261126-7KQ3X")
    );
    assert_eq!(
        round_trip(&Message::Answer(answer.clone())),
        Message::Answer(answer)
    );
}

#[test]
fn a_changed_or_cut_link_is_damaged() {
    let text = frame(Kind::Update, true, b"some compressed bytes");
    for i in 2..text.len() {
        let mut bytes = text.clone().into_bytes();
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(bytes).unwrap();
        assert!(
            matches!(
                unframe(&changed),
                Err(LinkError::Damaged | LinkError::Malformed)
            ),
            "{changed}"
        );
    }
    for cut in 2..text.len() {
        assert!(unframe(&text[..cut]).is_err(), "cut at {cut}");
    }
    assert_eq!(unframe("1.!!!!"), Err(LinkError::Damaged));
    assert_eq!(unframe(""), Err(LinkError::Empty));
    assert_eq!(unframe("#"), Err(LinkError::Empty));
    assert_eq!(unframe("hello"), Err(LinkError::Malformed));
}

#[test]
fn versions_and_sizes_are_checked() {
    let text = frame(Kind::Report, false, b"{}");
    assert_eq!(unframe(&format!("#{text}")).unwrap().body, b"{}");
    let newer = text.replacen("1.", "2.", 1);
    assert_eq!(unframe(&newer), Err(LinkError::NewerVersion(2)));
    assert_eq!(
        unframe(&text.replacen("1.", "0.", 1)),
        Err(LinkError::Malformed)
    );
    let huge = frame(Kind::Report, false, &vec![b' '; MAX_FRAGMENT]);
    assert_eq!(unframe(&huge), Err(LinkError::TooLarge));
    let unknown = {
        let f = frame(Kind::Report, false, b"{}");
        let mut bytes = unbase64url(&f[2..]).unwrap();
        bytes[0] = b'z';
        let n = bytes.len() - 4;
        let sum = crc32(&bytes[..n]).to_be_bytes();
        bytes[n..].copy_from_slice(&sum);
        format!("1.{}", base64url(&bytes))
    };
    assert_eq!(unframe(&unknown), Err(LinkError::Malformed));
    for body in [
        r#"{"i":1}"#,
        r#"["R1",0,[[0,99,null,""]],null]"#,
        r#"["R1",0,[[0,1,9,""]],null]"#,
        r#"["R1",-5,[],null]"#,
        r#"["R1",0,[[9007199254740991,1,null,""]],null]"#,
    ] {
        assert_eq!(
            Message::from_json(Kind::Update, body.as_bytes()),
            Err(LinkError::Malformed),
            "{body}"
        );
    }
    // A category index past the end of `Category::ALL`.
    let copy = Message::Report(Box::new(ReportCopy::of(&sample(Category::Other))));
    let mut fields: Vec<serde_json::Value> = serde_json::from_slice(&copy.to_json()).unwrap();
    fields[4] = 40.into();
    let json = serde_json::to_vec(&fields).unwrap();
    assert_eq!(
        Message::from_json(Kind::Report, &json),
        Err(LinkError::Malformed)
    );
}

#[test]
fn the_encodings_match_their_standards() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(base64url(b""), "");
    assert_eq!(base64url(b"f"), "Zg");
    assert_eq!(base64url(b"fo"), "Zm8");
    assert_eq!(base64url(b"foo"), "Zm9v");
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    for n in 0..40u8 {
        let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
        assert_eq!(unbase64url(&base64url(&bytes)).unwrap(), bytes);
    }
    assert_eq!(unbase64url("Z"), None);
    assert_eq!(unbase64url("Zm9v="), None);
}

#[test]
fn links_go_to_the_phone_that_takes_them() {
    assert_eq!(
        link("https://x.cn/", Kind::Report, "1.abc"),
        "https://x.cn/steward/r#1.abc"
    );
    assert_eq!(
        link("https://x.cn", Kind::Update, "1.abc"),
        "https://x.cn/r#1.abc"
    );
    assert_eq!(Kind::Answer.path(), "/steward/r");
}

#[test]
fn the_positions_links_carry_never_move() {
    // Links already sent carry these codes (`@ n`, not positions in `ALL`, which is the
    // display order): a new value takes a new code, none is ever renumbered.
    let keys = |k: &[&str]| k.join(",");
    let coded = Category::ALL.map(|c| format!("{}@{}", c.key(), c.code()));
    assert_eq!(
        coded.join(","),
        "sanitation@0,parking@1,drainage@2,septic_tank@3,facilities@4,safety@5,\
         neighbour_dispute@6,property_fee@7,property_service@9,other@8"
    );
    assert_eq!(
        keys(&Urgency::ALL.map(Urgency::key)),
        "normal,urgent,emergency"
    );
    assert_eq!(
        keys(&Status::ALL.map(Status::key)),
        "draft,submitted,acknowledged,in_progress,resolved,confirmed,reopened,closed"
    );
    assert_eq!(keys(&Role::ALL.map(Role::key)), "red,property,peacemaker");
    assert_eq!(
        keys(&crate::domain::report_rules::QuestionKey::ALL.map(|q| q.key())),
        "overflowing,which_unit,where,fire_lane,parties,mediated_before,flooding,danger_now,which_facility"
    );
}

#[test]
fn change_steps_travel_in_both_kinds_of_link_and_old_steps_read_as_before() {
    use crate::domain::report_changes::StepChange;
    let mut r = sample(Category::NeighbourDispute);
    let t = r.created_at;
    let changes = [
        (StepChange::Reassign("s7".into()), Role::Peacemaker),
        (StepChange::Recategorise(Category::Drainage), Role::Red),
        (StepChange::Deadline(t + 9 * 86_400_000), Role::Property),
        (StepChange::DuplicateOf("R20261125-AAAAA".into()), Role::Red),
    ];
    for (i, (change, by)) in changes.iter().enumerate() {
        r.change(change.clone(), "原因", Some(*by), None, t + 10 + i as i64)
            .unwrap();
    }
    let update = Steps::of(&r, Kind::Update);
    let back = match round_trip(&Message::Update(update)) {
        Message::Update(steps) => steps.events(),
        other => panic!("{other:?}"),
    };
    assert_eq!(back, r.timeline[1..].to_vec(), "every change, as recorded");
    let copy = match round_trip(&Message::Report(Box::new(ReportCopy::of(&r)))) {
        Message::Report(copy) => copy.into_report(),
        other => panic!("{other:?}"),
    };
    assert_eq!(copy.timeline, r.timeline);
    assert_eq!(copy.category, Category::Drainage);
    // A status step is four positions, as every link before change steps had.
    let json = String::from_utf8(Message::Update(Steps::of(&r, Kind::Update)).to_json()).unwrap();
    assert!(json.contains(r#"[10,1,2,"原因",[0,"s7"]]"#), "{json}");
    let old = r#"["R20261126-7KQ3X",1795624200000,[[120000,2,0,"收到"]],null]"#.as_bytes();
    let steps: Steps = parse(old).unwrap();
    let read = steps.events();
    assert_eq!(
        (read[0].status, read[0].change.clone()),
        (Status::Acknowledged, None)
    );
    // An unknown change kind or an impossible value is no link this app made.
    for bad in [
        br#"["R20261126-7KQ3X",1,[[1,1,0,"x",[9,"s"]]],null]"#.as_slice(),
        br#"["R20261126-7KQ3X",1,[[1,1,0,"x",[1,"99"]]],null]"#.as_slice(),
        br#"["R20261126-7KQ3X",1,[[1,1,0,"x",[2,"soon"]]],null]"#.as_slice(),
    ] {
        assert!(
            parse::<Steps>(bad).is_err(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
}

#[test]
fn how_many_reported_the_same_problem_travels_only_when_a_steward_marked_some() {
    let mut r = sample(Category::SepticTank);
    let plain = String::from_utf8(Message::Update(Steps::of(&r, Kind::Update)).to_json()).unwrap();
    assert!(
        plain.ends_with("[],null]"),
        "four positions, as before: {plain}"
    );
    r.same_problem = 3;
    let steps = match round_trip(&Message::Update(Steps::of(&r, Kind::Update))) {
        Message::Update(steps) => steps,
        other => panic!("{other:?}"),
    };
    assert_eq!(steps.same_problem(), Some(3));
    assert_eq!(
        Steps::of(&r, Kind::Answer).same_problem(),
        None,
        "the reporter's answer says nothing of it"
    );
    let copy = ReportCopy::of(&r).into_report();
    assert_eq!(copy.same_problem, 3);
    let here = {
        let mut h = r.clone();
        h.same_problem = 0;
        h
    };
    let taken = crate::domain::handoff::take_group_size(
        (here, crate::domain::handoff::Received::AlreadyHad),
        steps.same_problem(),
    );
    assert_eq!(
        (taken.0.same_problem, taken.1),
        (3, crate::domain::handoff::Received::Updated(0))
    );
}
