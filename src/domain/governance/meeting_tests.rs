use super::*;

fn today() -> Millis {
    parse_date("2026-12-07").unwrap()
}

fn form(pairs: &[(&'static str, &str)]) -> Fields {
    Fields(pairs.iter().map(|(k, v)| (*k, v.to_string())).collect())
}

fn problems(f: &Fields) -> Vec<(&'static str, Problem)> {
    read(f, today())
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

fn quarterly() -> Fields {
    form(&[
        (KIND, "quarterly"),
        (DATE, "2026-10-15"),
        (ATTENDEES, "书院路街道\n新塘社区\n金地物业"),
        (DECISIONS, "东塘村化粪池年底前清掏"),
        (
            FOLLOW_UPS,
            "化粪池清掏 | 金地物业 | 2026-11-30 | 完成\n停车位划线 ｜ 新塘社区 ｜ 2026-12-01",
        ),
    ])
}

#[test]
fn a_meeting_reads_with_its_follow_ups_and_counts_what_is_late() {
    let m = Meeting::saved(None, read(&quarterly(), today()).unwrap(), 4);
    assert_eq!(m.id, "m4");
    assert_eq!(m.attendees.len(), 3);
    assert_eq!(
        m.follow_ups[1],
        FollowUp {
            what: "停车位划线".into(),
            owner: "新塘社区".into(),
            due: "2026-12-01".into(),
            done: false
        }
    );
    assert!(m.follow_ups[0].done);
    assert_eq!(
        counts(std::slice::from_ref(&m), today()),
        MeetingCounts {
            this_quarter: 1,
            open: 1,
            late: 1
        }
    );
    // Marked done by a correction, under the same id.
    let mut f = m.fields();
    f.set(
        FOLLOW_UPS,
        f.get(FOLLOW_UPS).replace("2026-12-01", "2026-12-01 | 完成"),
    );
    let done = Meeting::saved(Some(&m), read(&f, today()).unwrap(), 5);
    assert_eq!(done.id, "m4");
    assert_eq!(
        counts(&[done], today()),
        MeetingCounts {
            this_quarter: 1,
            open: 0,
            late: 0
        }
    );
}

#[test]
fn each_bad_field_is_named() {
    let mut f = quarterly();
    f.set(FOLLOW_UPS, "停车位划线 | 新塘社区");
    f.set(DATE, "2027-01-01");
    f.set(ATTENDEES, "");
    assert_eq!(
        problems(&f),
        vec![
            (DATE, Problem::InFuture),
            (ATTENDEES, Problem::Required),
            (FOLLOW_UPS, Problem::BadFollowUp)
        ]
    );
    f.set(FOLLOW_UPS, "停车位划线 | 新塘社区 | 2026-12-01 | 也许");
    f.set(DATE, "2026-10-15");
    f.set(ATTENDEES, "书院路街道");
    assert_eq!(problems(&f), vec![(FOLLOW_UPS, Problem::BadFollowUp)]);
    assert_eq!(
        problems(&form(&[])),
        vec![
            (KIND, Problem::Required),
            (DATE, Problem::Required),
            (ATTENDEES, Problem::Required)
        ]
    );
}
