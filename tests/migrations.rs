//! Stored data from every older schema still loads. Fixtures are what schema 0 (the first
//! prototype, without envelopes) really wrote.

use compound_steward::domain::lang::Lang;
use compound_steward::domain::report::{Report, Status};
use compound_steward::format::collections::{REPORTS, SETTINGS};
use compound_steward::format::error::StoreError;
use compound_steward::format::json::ViaSerde;
use compound_steward::format::settings::{MyBuilding, Settings};

#[test]
fn settings_v0_to_v1() {
    let raw = include_str!("fixtures/settings_v0.json");
    let settings: Settings = SETTINGS.decode(raw).unwrap();
    assert_eq!(settings.lang, Lang::En);
    assert!(settings.elder_mode);
    assert_eq!(
        settings.my_building,
        Some(MyBuilding {
            compound: "dongtangcun".into(),
            building: "3".into(),
            unit: Some("2".into())
        })
    );
    // Written back, it is at the current schema and reads back the same.
    let again = SETTINGS.encode(&settings);
    assert!(again.starts_with(r#"{"schema":1,"#));
    assert_eq!(SETTINGS.decode::<Settings>(&again), Ok(settings));
}

#[test]
fn reports_v0_to_v1() {
    let raw = include_str!("fixtures/reports_v0.json");
    // Reports are the resident app's: read through their serde derives.
    let ViaSerde(reports): ViaSerde<Vec<Report>> = REPORTS.decode(raw).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].status(), Status::Submitted);
    assert!(
        reports[0].photos.is_empty(),
        "new fields take their defaults"
    );
}

#[test]
fn v0_of_the_wrong_shape_is_corrupt_not_a_panic() {
    let err = SETTINGS.decode::<Settings>("[1,2]");
    assert_eq!(
        err,
        Err(StoreError::Corrupt {
            key: "cs.settings".into(),
            backup_key: None
        })
    );
    let err = REPORTS.decode::<ViaSerde<Vec<Report>>>(r#"{"a":1}"#);
    assert!(matches!(err, Err(StoreError::Corrupt { .. })));
}

#[test]
fn reports_stored_before_the_app_recorded_who_was_signed_in() {
    use compound_steward::domain::claims::{Claim, claim_of};
    // Report bodies as the document store held them before `filed_signed_in` (session 12):
    // one never claimed, one a resident's claimed report.
    let bodies: Vec<Report> =
        serde_json::from_str(include_str!("fixtures/report_bodies_v1.json")).unwrap();
    let [unmarked, claimed] = &bodies[..] else {
        panic!("two reports")
    };
    assert_eq!(unmarked.filed_signed_in, None);
    assert_eq!(
        claim_of(unmarked, "li", &[]),
        Claim::Ask,
        "who filed it is unknown: asked, never taken"
    );
    assert_eq!(claim_of(claimed, "zhang", &[]), Claim::Never);
    assert_eq!(claimed.filed_by.as_deref(), Some("li"));
    // Written again, a report without the field stays without it.
    let again = serde_json::to_string(unmarked).unwrap();
    assert!(!again.contains("filed_signed_in"));
    assert_eq!(serde_json::from_str::<Report>(&again).unwrap(), *unmarked);
}
