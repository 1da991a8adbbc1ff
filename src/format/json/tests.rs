//! The reader and writer against serde_json: both read what the other writes, byte for
//! byte where this module writes, on the published sample and on generated battle maps.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::parse::{SyntaxError, decimal};
use super::{FromJson, Json, ToJson, from_str, parse};
use crate::domain::compound::{Compound, ManagementMode, Notice};
use crate::domain::dataset::Dataset;
use crate::domain::governance::committee::Committee;
use crate::domain::governance::contract::ServiceContract;
use crate::domain::governance::public::PublicRecords;
use crate::domain::lang::Lang;
use crate::domain::steward::{Role, Scope};
use crate::fixtures;
use crate::format::settings::{MyBuilding, Settings};

/// Written here exactly as serde writes it, and read back by both.
fn agrees_with_serde<T>(value: &T)
where
    T: Serialize + DeserializeOwned + FromJson + ToJson + PartialEq + std::fmt::Debug,
{
    let by_serde = serde_json::to_string(value).unwrap();
    let ours = value.to_json().to_string();
    assert_eq!(ours, by_serde);
    assert_eq!(from_str::<T>(&by_serde).as_ref(), Some(value));
    assert_eq!(&serde_json::from_str::<T>(&ours).unwrap(), value);
}

#[test]
fn the_published_sample_reads_as_serde_reads_it() {
    let text = include_str!("../../../public/data/district.json");
    let envelope = parse(text).unwrap();
    let ours = Dataset::from_json(envelope.get("data").unwrap()).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
    let theirs: Dataset = serde_json::from_value(theirs["data"].clone()).unwrap();
    assert_eq!(ours, theirs);
    assert!(!ours.compounds.is_empty());
    for compound in &ours.compounds {
        agrees_with_serde(compound);
    }
}

#[test]
fn generated_battle_maps_and_every_optional_field_agree() {
    let mut c = fixtures::mapped_compound("dongtangcun", 3, 4, 3);
    agrees_with_serde(&c);
    c.built = Some(1987);
    c.households = Some(337);
    c.property_company = Some("金地物业".into());
    c.hotline = Some("0731-0000 0001".into());
    c.community_phone = Some("0731-0000 0002".into());
    c.facilities = vec!["化粪池".into(), "路灯\n\"东侧\"\\\u{1}".into()];
    c.notices = vec![Notice {
        id: "n1".into(),
        title: "停水通知 🚰".into(),
        body: "周三\t9:00–17:00".into(),
        published_at: 1_764_000_000_000,
        pinned: true,
        expires_at: Some(1_765_000_000_000),
    }];
    c.stewards[0].duty_hours = Some("8:00-18:00".into());
    c.deleted = true;
    c.sample = true;
    c.mode = ManagementMode::OwnerSelfGoverned;
    agrees_with_serde(&c);
    for scope in [
        Scope::Compound,
        Scope::Grid { grid: "g1".into() },
        Scope::Building {
            building: "3".into(),
        },
        Scope::Unit {
            building: "3".into(),
            unit: "2".into(),
        },
    ] {
        agrees_with_serde(&fixtures::steward("s", Role::Peacemaker, scope));
    }
}

/// Settings with every field set.
fn full_settings() -> Settings {
    Settings {
        lang: Lang::En,
        elder_mode: true,
        my_building: Some(MyBuilding {
            compound: "dongtangcun".into(),
            building: "3".into(),
            unit: Some("2".into()),
        }),
        updated_at: 1_764_000_000_123,
    }
}

#[test]
fn settings_agree() {
    agrees_with_serde(&Settings::default());
    agrees_with_serde(&full_settings());
}

#[test]
fn fields_serde_may_leave_out_take_their_defaults_and_bad_shapes_are_refused() {
    let minimal = r#"{"id":"a","name":"A","community":"","subdistrict":"","mode":"Unmanaged",
        "covered":false,"updated_at":5}"#;
    let ours = from_str::<Compound>(minimal).unwrap();
    assert_eq!(ours, serde_json::from_str::<Compound>(minimal).unwrap());
    assert_eq!(ours.built, None);
    assert!(ours.grids.is_empty() && !ours.sample);
    for bad in [
        r#"{"id":"a"}"#,
        &minimal.replace("Unmanaged", "Martian"),
        &minimal.replace("\"updated_at\":5", "\"updated_at\":5.5"),
        &minimal.replace("\"covered\":false", "\"covered\":0"),
    ] {
        assert_eq!(from_str::<Compound>(bad), None, "{bad}");
        assert!(serde_json::from_str::<Compound>(bad).is_err(), "{bad}");
    }
    assert_eq!(from_str::<u16>("70000"), None);
    assert_eq!(
        from_str::<Settings>(r#"{"lang":"En","my_building":null}"#)
            .unwrap()
            .lang,
        Lang::En
    );
}

/// Each field of `value`, as serde writes it, left out and then written as `null`: this
/// reader and serde accept the same texts and read the same values from them. This is
/// what keeps `json_struct!`'s lists (a field marked `default` or not) in step with the
/// serde derives beside them (`#[serde(default)]`, an `Option`), besides the names and
/// order `agrees_with_serde` checks byte for byte.
fn leaves_out_alike<T>(value: &T)
where
    T: Serialize + DeserializeOwned + FromJson + PartialEq + std::fmt::Debug,
{
    let serde_json::Value::Object(whole) = serde_json::to_value(value).unwrap() else {
        panic!("not an object: {value:?}")
    };
    for key in whole.keys() {
        for absent in [None, Some(serde_json::Value::Null)] {
            let mut object = whole.clone();
            match &absent {
                None => object.remove(key),
                Some(null) => object.insert(key.clone(), null.clone()),
            };
            let text = serde_json::Value::Object(object).to_string();
            let theirs = serde_json::from_str::<T>(&text).ok();
            assert_eq!(
                from_str::<T>(&text),
                theirs,
                "{key} as {absent:?} in {text}"
            );
        }
    }
}

#[test]
fn every_field_serde_may_miss_or_find_null_is_read_alike() {
    let mut c = fixtures::mapped_compound("dongtangcun", 2, 2, 2);
    c.built = Some(1987);
    c.notices = vec![Notice {
        id: "n1".into(),
        title: "停水".into(),
        body: "周三".into(),
        published_at: 1,
        pinned: true,
        expires_at: Some(2),
    }];
    c.stewards[0].duty_hours = Some("8:00-18:00".into());
    leaves_out_alike(&c);
    leaves_out_alike(&c.notices[0]);
    leaves_out_alike(&c.stewards[0]);
    leaves_out_alike(&c.grids[0]);
    leaves_out_alike(&c.grids[0].buildings[0]);
    leaves_out_alike(&c.grids[0].buildings[0].units[0]);
    let settings = full_settings();
    leaves_out_alike(&settings);
    leaves_out_alike(settings.my_building.as_ref().unwrap());
    let sample: serde_json::Value =
        serde_json::from_str(include_str!("../../../public/data/district.json")).unwrap();
    let dataset: Dataset = serde_json::from_value(sample["data"].clone()).unwrap();
    let lines = dataset.compounds.iter().flat_map(|c| &c.emergency).next();
    leaves_out_alike(lines.expect("the sample has an emergency line"));
    let records = sample_records();
    leaves_out_alike(&records);
    leaves_out_alike(&records.committees[0]);
    leaves_out_alike(&records.contracts[0]);
}

/// The public records of the sample's governance records, as the build publishes them.
fn sample_records() -> PublicRecords {
    let samples: serde_json::Value =
        serde_json::from_str(include_str!("../../../public/data/governance.json")).unwrap();
    PublicRecords::of(
        &serde_json::from_value::<Vec<Committee>>(samples["committees"].clone()).unwrap(),
        &serde_json::from_value::<Vec<ServiceContract>>(samples["contracts"].clone()).unwrap(),
    )
}

#[test]
fn the_public_records_read_as_serde_reads_them() {
    let records = sample_records();
    assert!(records.committees.iter().any(|c| c.latest_step.is_some()));
    assert!(records.committees.iter().any(|c| c.term_end.is_some()));
    let text = serde_json::to_string(&records).unwrap();
    assert_eq!(from_str::<PublicRecords>(&text), Some(records));
}

#[test]
fn parses_json_and_refuses_what_is_not() {
    let value =
        parse(r#" { "a" : [1, -2.5e3, true, false, null, "x\u00e9\ud83d\ude00\/"] , "b":{} } "#)
            .unwrap();
    assert_eq!(
        value.get("a"),
        Some(&Json::Array(vec![
            Json::Number("1".into()),
            Json::Number("-2.5e3".into()),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null,
            Json::String("xé😀/".into()),
        ]))
    );
    assert_eq!(value.get("b"), Some(&Json::Object(vec![])));
    for bad in [
        "",
        "[1,]",
        "{\"a\":1,}",
        "[01]",
        "1.",
        "-",
        "[1 2]",
        "{a:1}",
        "\"\n\"",
        "\"\\x\"",
        "\"\\ud83d\"",
        "tru",
        "[1]x",
        "\"open",
    ] {
        assert!(parse(bad).is_err(), "{bad:?}");
    }
    assert_eq!(parse("[1,]"), Err(SyntaxError(3)));
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert!(parse(&deep).is_err(), "too deep for the stack is refused");
    let fine = "[".repeat(100) + &"]".repeat(100);
    assert!(parse(&fine).is_ok());
}

#[test]
fn numbers_read_exactly_where_it_matters() {
    assert_eq!(decimal("96.5"), Some(96.5));
    assert_eq!(decimal("100.0"), Some(100.0));
    assert_eq!(decimal("-0.25"), Some(-0.25));
    assert_eq!(decimal("1e3"), Some(1000.0));
    assert_eq!(decimal("1.5E-2"), Some(0.015));
    assert_eq!(decimal("99.99"), Some(99.99));
    assert_eq!(decimal("1764000000123"), Some(1_764_000_000_123.0));
    assert_eq!(decimal("x"), None);
    assert_eq!(Json::Number("-12".into()).as_i64(), Some(-12));
    assert_eq!(
        Json::Number("1e2".into()).as_i64(),
        None,
        "serde refuses it too"
    );
}

#[test]
fn text_escapes_as_serde_escapes_it() {
    let tricky = "a\"b\\c\n\r\t\u{8}\u{c}\u{1f}\u{7f}é/😀";
    let ours = Json::String(tricky.into()).to_string();
    assert_eq!(ours, serde_json::to_string(tricky).unwrap());
    assert_eq!(parse(&ours), Ok(Json::String(tricky.into())));
}
