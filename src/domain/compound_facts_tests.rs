//! Tests of `compound_facts`: the form's round trip, the emergency lines, every refusal.

use super::*;
use crate::fixtures::compound;

#[test]
fn facts_round_trip_through_the_form_and_leave_the_rest_alone() {
    let mut c = compound("dongtangcun", ManagementMode::PropertyCompany);
    c.facilities = vec!["充电桩".into(), "小广场".into()];
    let f = Facts::of(&c);
    assert_eq!(FactsInput::of(&f).check(), Ok(f.clone()));
    let mut typed = FactsInput::of(&f);
    typed.set(FactsField::Hotline, "0731-5555 1234");
    typed.set(FactsField::Facilities, "充电桩; 小广场；健身器材");
    let changed = typed.check().unwrap();
    assert_eq!(changed.facilities.len(), 3);
    let applied = changed.applied_to(&c, 9);
    assert_eq!(
        (applied.stewards.len(), applied.updated_at),
        (c.stewards.len(), 9)
    );
    assert_eq!(Facts::of(&applied), changed);
}

#[test]
fn emergency_lines_are_edited_checked_and_kept_by_old_log_entries() {
    use crate::domain::compound::{EmergencyKind, EmergencyLine};
    let mut c = compound("dongtangcun", ManagementMode::PropertyCompany);
    c.emergency = vec![EmergencyLine {
        kind: EmergencyKind::Power,
        phone: "95598".into(),
    }];
    let mut typed = FactsInput::of(&Facts::of(&c));
    assert_eq!(
        EmergencyKind::ALL.map(|k| typed.text(FactsField::emergency(k))),
        ["", "95598", ""]
    );
    typed.set(FactsField::Gas, "(0731) 5555-9001");
    typed.set(FactsField::Power, " ");
    typed.set(FactsField::Lift, "400-800-1234");
    let edited = typed.check().unwrap().applied_to(&c, 5);
    let lines: Vec<_> = edited
        .emergency
        .iter()
        .map(|l| (l.kind, l.phone.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (EmergencyKind::Gas, "0731-55559001"),
            (EmergencyKind::Lift, "400-800-1234")
        ]
    );
    // A bad number is said beside its own field, and nothing else is.
    typed.set(FactsField::Lift, "电梯公司");
    typed.set(FactsField::Power, "9559");
    assert_eq!(
        typed.check(),
        Err(vec![
            FactsError::Emergency(EmergencyKind::Power, PhoneError::NotANumber),
            FactsError::Emergency(EmergencyKind::Lift, PhoneError::BadCharacters),
        ])
    );
    // A change-log entry from before the lines were editable undoes without them.
    let mut old = Facts::of(&edited);
    old.emergency = None;
    assert_eq!(old.applied_to(&edited, 6).emergency, edited.emergency);
    let json = r#"{"name":"a","community":"","subdistrict":"","built":null,"households":null,"mode":"Unmanaged","covered":false,"property_company":null,"hotline":null,"community_phone":null,"facilities":[]}"#;
    let read: Facts = serde_json::from_str(json).unwrap();
    assert_eq!(read.emergency, None);
}

#[test]
fn every_bad_field_is_said() {
    let mut typed = FactsInput::default();
    typed.set(FactsField::Name, " ");
    typed.set(FactsField::Built, "1850");
    typed.set(FactsField::Households, "0");
    typed.set(FactsField::Hotline, "12x");
    typed.set(FactsField::Mode, "ignored: chosen, not typed");
    assert_eq!(typed.text(FactsField::Mode), "");
    let errors = typed.check().unwrap_err();
    assert_eq!(errors.len(), 4);
    assert!(errors.contains(&FactsError::Built) && errors.contains(&FactsError::Households));
}
