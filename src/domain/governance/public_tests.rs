use super::*;
use serde_json::json;

fn committee(stage: &str, updated_at: i64) -> Committee {
    serde_json::from_value(json!({
        "id": "songtaoli", "compound": "songtaoli",
        "current": {
            "stage": stage,
            "steps": [["Petition", "2024-09-02"], ["Group", "2024-10-15"]],
            "members": [{"name": "张晓梅", "post": "主任"}],
            "term_start": "2025-04-01", "term_end": "2030-03-31",
            "note": "内部备注", "recorded_at": updated_at
        },
        "history": [{"stage": "None", "recorded_at": 1}],
        "updated_at": updated_at
    }))
    .unwrap()
}

fn contract(id: &str, start: Option<&str>, updated_at: i64) -> ServiceContract {
    serde_json::from_value(json!({
        "id": id, "company": "金地物业",
        "compounds": ["dongtangcun", "xintang-beiyuan"],
        "start": start, "term_months": 36, "scope": ["Cleaning", "Parking"],
        "fee_fen": 80, "updated_at": updated_at
    }))
    .unwrap()
}

#[test]
fn an_elected_committee_shows_its_term_and_never_its_members_names_or_note() {
    let p = PublicCommittee::of(&committee("Elected", 5));
    assert_eq!(p.stage, Stage::Elected);
    assert_eq!(p.term_start.as_deref(), Some("2025-04-01"));
    assert_eq!(p.term_end.as_deref(), Some("2030-03-31"));
    assert_eq!(
        p.latest_step, None,
        "an elected committee's steps are behind it"
    );
    let text = serde_json::to_string(&PublicRecords {
        committees: vec![p],
        contracts: Vec::new(),
    })
    .unwrap();
    for private in ["张晓梅", "主任", "内部备注", "history"] {
        assert!(!text.contains(private), "{private} published in {text}");
    }
}

#[test]
fn a_committee_forming_shows_its_latest_step_and_no_term() {
    let p = PublicCommittee::of(&committee("Preparing", 5));
    assert_eq!(p.latest_step, Some(Step::Group));
    assert_eq!(p.latest_step_on.as_deref(), Some("2024-10-15"));
    assert_eq!((p.term_start, p.term_end), (None, None));
}

#[test]
fn the_record_given_replaces_the_summary_whatever_its_time_and_a_deleted_one_takes_it_away() {
    let mut r = PublicRecords::default();
    assert_eq!(r.put_committee(&committee("Preparing", 5)), Put::Changed);
    assert_eq!(r.put_committee(&committee("Preparing", 5)), Put::Unchanged);
    // The server's winning revision, written on a phone whose clock was behind.
    assert_eq!(r.put_committee(&committee("Elected", 4)), Put::Changed);
    assert_eq!(r.committees.len(), 1);
    assert_eq!(r.committee("songtaoli").unwrap().stage, Stage::Elected);
    let mut gone = committee("Elected", 10);
    gone.deleted = true;
    assert_eq!(r.put_committee(&gone), Put::Changed);
    assert!(
        r.committee("songtaoli").is_none(),
        "a deleted record is taken down"
    );
    assert_eq!(r.put_committee(&gone), Put::Unchanged);
    assert_eq!(r.put_committee(&committee("Elected", 11)), Put::Changed);
    assert_eq!(r.remove_committee("songtaoli"), Put::Changed);
    assert_eq!(r.remove_committee("songtaoli"), Put::Unchanged);
}

#[test]
fn an_office_record_replaces_a_sample_dated_after_it() {
    let mut sample = committee("Preparing", 9_000);
    sample.sample = true;
    let mut r = PublicRecords::of(&[sample], &[]);
    assert_eq!(r.put_committee(&committee("Elected", 1)), Put::Changed);
    assert!(!r.committee("songtaoli").unwrap().sample);
}

#[test]
fn a_contract_is_shown_in_each_of_its_compounds_the_newest_one() {
    let mut old = contract("k1", Some("2023-07-01"), 1);
    old.ended_on = Some("2026-06-30".into());
    let migrated = contract("published-dongtangcun", None, 0);
    let r = PublicRecords::of(&[], &[old.clone(), migrated.clone()]);
    let latest = |r: &PublicRecords, c: &str| r.latest_contract(c).map(|k| k.id.clone());
    assert_eq!(
        latest(&r, "dongtangcun").as_deref(),
        Some("k1"),
        "dated before migrated"
    );
    let ended = r.latest_contract("xintang-beiyuan").unwrap();
    assert_eq!(ended.end.as_deref(), Some("2026-06-30"));
    assert!(ended.ended);
    let r = PublicRecords::of(&[], &[old, contract("k2", Some("2026-07-01"), 2), migrated]);
    for c in ["dongtangcun", "xintang-beiyuan"] {
        assert_eq!(latest(&r, c).as_deref(), Some("k2"));
    }
    assert_eq!(latest(&r, "tianhecun"), None);
    let now = r.latest_contract("dongtangcun").unwrap();
    assert_eq!(
        now.end.as_deref(),
        Some("2029-06-30"),
        "the term's last day"
    );
    assert!(!now.ended);
    let only = PublicRecords::of(&[], &[contract("published-x", None, 0)]);
    assert!(
        only.latest_contract("dongtangcun")
            .is_some_and(|k| k.start.is_none())
    );
}

#[test]
fn the_sample_records_publish_without_a_name() {
    let text = include_str!("../../../public/data/governance.json");
    let samples: serde_json::Value = serde_json::from_str(text).unwrap();
    let committees: Vec<Committee> = serde_json::from_value(samples["committees"].clone()).unwrap();
    let contracts: Vec<ServiceContract> =
        serde_json::from_value(samples["contracts"].clone()).unwrap();
    let r = PublicRecords::of(&committees, &contracts);
    assert_eq!(r.committees.len(), committees.len());
    assert!(r.committees.iter().all(|c| c.sample));
    assert!(r.contracts.iter().all(|k| k.sample));
    let published = serde_json::to_string(&r).unwrap();
    for c in &committees {
        for m in &c.current.members {
            assert!(!published.contains(&m.name), "{} published", m.name);
        }
    }
}
