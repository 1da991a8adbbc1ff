use super::*;
use crate::domain::compound::ManagementMode;
use crate::fixtures::compound;

fn today() -> Millis {
    parse_date("2026-12-07").unwrap()
}

fn compounds() -> Vec<Compound> {
    vec![
        compound("dongtangcun", ManagementMode::CommunityManaged),
        compound("tianhecun", ManagementMode::PropertyCompany),
        compound("guihuacun", ManagementMode::OwnerSelfGoverned),
    ]
}

fn form(pairs: &[(&'static str, &str)]) -> Fields {
    Fields(pairs.iter().map(|(k, v)| (*k, v.to_string())).collect())
}

fn problems(f: &Fields) -> Vec<(&'static str, Problem)> {
    match read(f, &compounds(), today()) {
        Ok(_) => Vec::new(),
        Err(e) => e.into_iter().map(|e| (e.field, e.problem)).collect(),
    }
}

fn elected() -> Fields {
    form(&[
        (COMPOUND, "tianhecun"),
        (STAGE, "elected"),
        ("step_petition", "2025-03-01"),
        ("step_vote", "2025-06-20"),
        (MEMBERS, "张晓梅 主任\n李建国 委员"),
        (TERM_START, "2025-07-01"),
        (TERM_END, "2030-06-30"),
    ])
}

#[test]
fn an_elected_committee_reads_with_its_members_and_term() {
    let (compound, state) = read(&elected(), &compounds(), today()).unwrap();
    assert_eq!(compound, "tianhecun");
    assert_eq!(state.stage, Stage::Elected);
    assert_eq!(state.members.len(), 2);
    assert_eq!(
        state.members[0],
        Member {
            name: "张晓梅".into(),
            post: "主任".into()
        }
    );
    assert_eq!(
        state.steps,
        vec![
            (Step::Petition, "2025-03-01".into()),
            (Step::Vote, "2025-06-20".into())
        ]
    );
    assert_eq!(state.term_end.as_deref(), Some("2030-06-30"));
}

#[test]
fn each_bad_field_is_named_with_its_problem() {
    let mut f = elected();
    f.set(TERM_END, "2024-01-01");
    assert_eq!(problems(&f), vec![(TERM_END, Problem::BeforeStart)]);
    f.set(TERM_END, "2030-02-31");
    assert_eq!(problems(&f), vec![(TERM_END, Problem::BadDate)]);
    f.set(TERM_END, "2030-06-30");
    f.set(MEMBERS, "");
    assert_eq!(problems(&f), vec![(MEMBERS, Problem::NoMembers)]);
    f.set(MEMBERS, "张晓梅");
    assert_eq!(problems(&f), vec![(MEMBERS, Problem::BadMember)]);
    f.set(MEMBERS, "张晓梅 主任");
    f.set(COMPOUND, "nowhere");
    assert_eq!(problems(&f), vec![(COMPOUND, Problem::UnknownCompound)]);
    f.set(COMPOUND, "tianhecun");
    f.set("step_vote", "2025-01-01");
    assert_eq!(problems(&f), vec![("step_vote", Problem::StepOrder)]);
    f.set("step_vote", "2027-01-01");
    assert_eq!(problems(&f), vec![("step_vote", Problem::InFuture)]);
}

#[test]
fn preparing_needs_a_dated_step_and_takes_no_members() {
    let mut f = form(&[(COMPOUND, "dongtangcun"), (STAGE, "preparing")]);
    assert_eq!(problems(&f), vec![("step_petition", Problem::NoSteps)]);
    f.set("step_group", "2026-09-10");
    assert!(problems(&f).is_empty());
    f.set(MEMBERS, "张三 主任");
    assert_eq!(problems(&f), vec![(MEMBERS, Problem::NotForStage)]);
    let none = form(&[
        (COMPOUND, "dongtangcun"),
        (STAGE, "none"),
        ("step_group", "2026-09-10"),
    ]);
    assert_eq!(problems(&none), vec![("step_group", Problem::NotForStage)]);
    assert_eq!(
        problems(&form(&[])),
        vec![(COMPOUND, Problem::Required), (STAGE, Problem::Required)]
    );
}

#[test]
fn a_new_stage_keeps_the_old_one_in_history_a_correction_does_not() {
    let prep = form(&[
        (COMPOUND, "tianhecun"),
        (STAGE, "preparing"),
        ("step_petition", "2025-03-01"),
    ]);
    let (_, s1) = read(&prep, &compounds(), today()).unwrap();
    let first = Committee::saved(None, "tianhecun", s1.clone(), 1);
    assert!(first.history.is_empty());
    let mut corrected_form = prep.clone();
    corrected_form.set("step_petition", "2025-03-02");
    let (_, s2) = read(&corrected_form, &compounds(), today()).unwrap();
    let corrected = Committee::saved(Some(&first), "tianhecun", s2.clone(), 2);
    assert!(
        corrected.history.is_empty(),
        "a correction rewrites the current state"
    );
    let (_, s3) = read(&elected(), &compounds(), today()).unwrap();
    let chosen = Committee::saved(Some(&corrected), "tianhecun", s3, 3);
    assert_eq!(chosen.history, vec![s2]);
    assert_eq!(chosen.current.stage, Stage::Elected);
    // The form refilled from the record reads back to the same state.
    let (_, again) = read(&chosen.fields(), &compounds(), today()).unwrap();
    assert_eq!(again, chosen.current);
}

#[test]
fn counts_each_live_compound_once_with_no_record_as_none() {
    let (_, s) = read(&elected(), &compounds(), today()).unwrap();
    let mut k = Committee::saved(None, "tianhecun", s, 1);
    let prep = form(&[
        (COMPOUND, "dongtangcun"),
        (STAGE, "preparing"),
        ("step_group", "2026-09-10"),
    ]);
    let (_, p) = read(&prep, &compounds(), today()).unwrap();
    let p = Committee::saved(None, "dongtangcun", p, 1);
    let n = counts(&compounds(), &[k.clone(), p.clone()], today());
    assert_eq!(
        n,
        CommitteeCounts {
            elected: 1,
            preparing: 1,
            none: 1,
            expired: 0
        }
    );
    k.current.term_end = Some("2026-01-01".into());
    let n = counts(&compounds(), &[k, p], today());
    assert_eq!((n.elected, n.expired), (1, 1));
}
