use super::*;
use crate::domain::report::Category;
use crate::fixtures::report;

fn filed(id: &str, signed_in: Option<&str>, at: i64) -> Report {
    let mut r = report("c", Category::Parking);
    r.id = id.into();
    r.created_at = at;
    r.filed_signed_in = signed_in.map(String::from);
    r.transition(Status::Submitted, "", None, at).unwrap();
    r
}

#[test]
fn a_report_filed_by_this_account_is_claimed_without_asking() {
    let own = filed("R1", Some("li"), 1);
    assert_eq!(claim_of(&own, "li", &[]), Claim::Mine);
    let marked = claim_now(std::slice::from_ref(&own), "li", &[]);
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].filed_by.as_deref(), Some("li"));
    assert_eq!(
        marked[0].updated_at, own.updated_at,
        "nothing a person sees changed"
    );
    assert_eq!(claim_of(&marked[0], "li", &[]), Claim::Never, "once");
    assert_eq!(
        claim_of(&marked[0], "zhang", &[]),
        Claim::Never,
        "and by nobody else"
    );
}

#[test]
fn a_report_filed_while_another_account_was_signed_in_is_never_claimed_nor_asked() {
    let stewards = filed("R1", Some("wang"), 1);
    let reports = [stewards.clone()];
    assert_eq!(claim_of(&stewards, "li", &[]), Claim::Never);
    assert!(
        claim_now(&reports, "li", &["R1".into()]).is_empty(),
        "not even if accepted"
    );
    assert!(to_ask(&reports, "li", &[]).is_empty());
}

#[test]
fn a_report_filed_signed_out_is_asked_about_until_answered() {
    let anyone = filed("R2", None, 2);
    let older = filed("R1", None, 1);
    let reports = [older, anyone.clone()];
    assert!(
        claim_now(&reports, "li", &[]).is_empty(),
        "never without a say-so"
    );
    let asked: Vec<&str> = to_ask(&reports, "li", &[])
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(asked, ["R1", "R2"]);
    let yes = claim_now(&reports, "li", &["R2".into()]);
    assert_eq!(yes.len(), 1, "only what they said is theirs");
    assert_eq!(
        (yes[0].id.as_str(), yes[0].filed_by.as_deref()),
        ("R2", Some("li"))
    );
    let declined = vec!["R2".to_string()];
    assert_eq!(
        claim_of(&anyone, "li", &declined),
        Claim::Never,
        "a no is remembered"
    );
    assert_eq!(to_ask(&reports, "li", &declined).len(), 1);
    // Another resident who signs in is asked: li's no was li's.
    assert_eq!(claim_of(&anyone, "zhang", &[]), Claim::Ask);
    assert_eq!(claimed(&anyone, "li").filed_by.as_deref(), Some("li"));
}

#[test]
fn drafts_deleted_reports_and_hand_off_copies_are_never_claimed() {
    let mut draft = report("c", Category::Parking);
    draft.filed_signed_in = Some("li".into());
    assert_eq!(
        claim_of(&draft, "li", &[]),
        Claim::Never,
        "a draft is not filed yet"
    );
    let taken_in = Report {
        received_at: Some(5),
        ..filed("R1", None, 1)
    };
    assert_eq!(claim_of(&taken_in, "li", &[]), Claim::Never);
    let gone = Report {
        deleted: true,
        ..filed("R1", Some("li"), 1)
    };
    assert_eq!(claim_of(&gone, "li", &[]), Claim::Never);
}

#[test]
fn declined_ids_read_back_as_written() {
    let ids = vec!["R1".to_string(), "R2".to_string()];
    assert_eq!(read_declined(&write_declined(&ids)), ids);
    assert!(read_declined("").is_empty());
    assert_eq!(read_declined("R1\n\n R2 \n"), ids);
}
