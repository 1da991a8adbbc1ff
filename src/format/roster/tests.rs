//! Roster files: importing, refusing bad files whole, and export → import round trips.

use super::*;
use crate::domain::compound::{EmergencyKind, ManagementMode};
use crate::domain::steward::Scope;

const HEADER: &str = "compound_id,compound_name,community,subdistrict,mode,covered,property_company,hotline,grid,building,unit,role,name,title,phone,duty_hours";

fn file(rows: &[&str]) -> String {
    std::iter::once(HEADER)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn imports_a_roster_into_compounds_with_scopes() {
    let text = file(&[
        "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,0731-0000 1001,,,,红管家,王建国,党支部书记,138 0000 0001,",
        "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,0731-0000 1001,g1,1,2,和事佬,李秀英,单元长,+86 138-0000-0002,晚上",
        "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,0731-0000 1001,g1,2,,,,,,",
    ]);
    let compounds = import(&text, &[], 7).unwrap();
    assert_eq!(compounds.len(), 1);
    let c = &compounds[0];
    assert_eq!(
        (c.mode, c.covered, c.building_count()),
        (ManagementMode::PropertyCompany, true, 2)
    );
    assert_eq!(c.stewards.len(), 2);
    assert_eq!(
        c.stewards[1].scope,
        Scope::Unit {
            building: "1".into(),
            unit: "2".into()
        }
    );
    assert_eq!(c.stewards[1].phone, "138 0000 0002");
    assert_eq!(c.updated_at, 7);
}

#[test]
fn rejects_bad_files_whole_with_the_line() {
    let good = "xintang,新塘小区,,,物业管理,是,,,,,,红管家,王建国,,138 0000 0001,";
    assert_eq!(
        import(&file(&[good, good]), &[], 0),
        Err(RosterError::DuplicateRow { line: 3 })
    );
    let bad_phone = "xintang,新塘小区,,,物业管理,是,,,,,,红管家,王建国,,138;x,";
    assert!(matches!(
        import(&file(&[good, bad_phone]), &[], 0),
        Err(RosterError::BadCell {
            line: 3,
            column: Column::Phone,
            ..
        })
    ));
    let bad_id = "Xin Tang!,新塘小区,,,物业管理,是,,,,,,,,,,";
    assert!(matches!(
        import(&file(&[bad_id]), &[], 0),
        Err(RosterError::BadCell {
            column: Column::CompoundId,
            ..
        })
    ));
    let long_name = format!(
        "xintang,新塘小区,,,物业管理,是,,,,,,红管家,{},,138 0000 0001,",
        "名".repeat(41)
    );
    assert!(matches!(
        import(&file(&[&long_name]), &[], 0),
        Err(RosterError::BadCell {
            column: Column::Name,
            ..
        })
    ));
    let unit_without_building = "xintang,新塘小区,,,物业管理,是,,,g1,,3,,,,,";
    assert!(matches!(
        import(&file(&[unit_without_building]), &[], 0),
        Err(RosterError::BadCell {
            column: Column::Building,
            ..
        })
    ));
    assert_eq!(
        import("name,phone\r\n", &[], 0),
        Err(RosterError::MissingColumn(Column::CompoundId))
    );
    assert_eq!(
        import(&HEADER.replace(",duty_hours", ""), &[], 0),
        Err(RosterError::MissingColumn(Column::DutyHours))
    );
    assert_eq!(
        import(&format!("{HEADER},surprise"), &[], 0),
        Err(RosterError::UnknownColumn("surprise".into()))
    );
    assert_eq!(import(HEADER, &[], 0), Err(RosterError::Empty));
    assert_eq!(
        import(&" ".repeat(MAX_BYTES + 1), &[], 0),
        Err(RosterError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
}

#[test]
fn export_then_import_gives_back_every_field_of_every_compound() {
    let mut c = crate::fixtures::mapped_compound("dongtangcun", 2, 2, 2);
    c.name = "东塘村小区".into();
    c.hotline = Some("0731-00001002".into());
    c.community_phone = Some("0731-00002002".into());
    c.built = Some(1994);
    c.households = Some(337);
    c.covered = true;
    c.property_company = Some("金地物业".into());
    c.facilities = vec!["智慧单车棚".into(), "共享晾衣架".into()];
    c.set_emergency_line(EmergencyKind::Gas, Some("0731-55559001".into()));
    c.set_emergency_line(EmergencyKind::Lift, Some("400-800-1234".into()));
    c.notices = vec![crate::domain::compound::Notice {
        id: "n1".into(),
        title: "化粪池清掏".into(),
        body: "周六上午".into(),
        published_at: 5,
        pinned: false,
        expires_at: None,
    }];
    let empty = crate::fixtures::compound("kong", ManagementMode::Unmanaged);
    let all = [c, empty];
    let back = import(&export(&all), &all, 99).unwrap();
    assert_eq!(back.len(), 2);
    for (b, a) in back.iter().zip(&all) {
        let mut b = b.clone();
        b.updated_at = a.updated_at;
        b.stewards.iter_mut().for_each(|s| s.updated_at = 0);
        assert_eq!(&b, a);
    }
    // Without the compound at hand, what the file carries still comes back whole.
    let fresh = import(&export(&all), &[], 99).unwrap();
    assert_eq!(fresh[0].households, Some(337));
    assert_eq!(fresh[0].grids, all[0].grids);
    assert!(fresh[0].notices.is_empty(), "notices are not roster data");
}

#[test]
fn a_file_without_the_optional_columns_keeps_what_the_app_had() {
    let mut before = crate::fixtures::compound("xintang", ManagementMode::PropertyCompany);
    before.households = Some(337);
    before.facilities = vec!["充电桩".into()];
    before.grids = crate::fixtures::mapped_compound("xintang", 1, 1, 1).grids;
    let text = file(&[
        "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,,g1,1,,和事佬,李秀英,楼栋长,138 0000 0002,",
    ]);
    let after = &import(&text, std::slice::from_ref(&before), 3).unwrap()[0];
    assert_eq!(after.households, Some(337));
    assert_eq!(after.facilities, before.facilities);
    assert_eq!(
        after.grids[0].name, before.grids[0].name,
        "names the file leaves out"
    );
    assert_eq!(after.stewards.len(), 1);
}

#[test]
fn emergency_lines_travel_in_their_columns_and_an_old_file_keeps_them() {
    let mut before = crate::fixtures::compound("xintang", ManagementMode::PropertyCompany);
    before.set_emergency_line(EmergencyKind::Power, Some("95598".into()));
    let old_file = file(&["xintang,新塘小区,,,物业管理,是,,,,,,,,,,"]);
    let kept = &import(&old_file, std::slice::from_ref(&before), 3).unwrap()[0];
    assert_eq!(
        kept.emergency, before.emergency,
        "a file without the columns"
    );
    let header = format!("{HEADER},燃气抢修电话,power_line,电梯救援电话");
    let row = |gas: &str, power: &str| {
        format!("{header}\r\nxintang,新塘小区,,,物业管理,是,,,,,,,,,,,{gas},{power},")
    };
    let read = &import(
        &row("(0731) 5555 9001", ""),
        std::slice::from_ref(&before),
        3,
    )
    .unwrap()[0];
    assert_eq!(
        read.emergency_line(EmergencyKind::Gas),
        Some("0731-55559001")
    );
    assert_eq!(
        read.emergency_line(EmergencyKind::Power),
        None,
        "a blank cell clears it"
    );
    assert_eq!(read.emergency_line(EmergencyKind::Lift), None);
    assert!(matches!(
        import(&row("燃气公司", ""), &[], 0),
        Err(RosterError::BadCell {
            line: 2,
            column: Column::GasLine,
            ..
        })
    ));
    assert!(matches!(
        import(&row("", "9559"), &[], 0),
        Err(RosterError::BadCell {
            column: Column::PowerLine,
            ..
        })
    ));
}

#[test]
fn optional_columns_are_checked_like_the_rest() {
    let header = format!("{HEADER},built,households,facilities,phone");
    assert_eq!(
        import(&header, &[], 0),
        Err(RosterError::DuplicateColumn(Column::Phone))
    );
    let header = format!("{HEADER},built,households,facilities");
    let row = |built: &str, households: &str| {
        format!(
            "{header}\r\nxintang,新塘小区,,,物业管理,是,,,,,,,,,,,{built},{households},充电桩；晾衣架"
        )
    };
    let ok = import(&row("1995", "337"), &[], 0).unwrap();
    assert_eq!((ok[0].built, ok[0].households), (Some(1995), Some(337)));
    assert_eq!(ok[0].facilities, ["充电桩", "晾衣架"]);
    assert!(matches!(
        import(&row("95年", "337"), &[], 0),
        Err(RosterError::BadCell {
            line: 2,
            column: Column::Built,
            ..
        })
    ));
    assert!(matches!(
        import(&row("1995", "-3"), &[], 0),
        Err(RosterError::BadCell {
            column: Column::Households,
            ..
        })
    ));
}

#[test]
fn a_row_is_refused_exactly_where_the_facts_form_refuses_the_same_value() {
    use crate::domain::compound_facts::{Facts, FactsField, FactsInput};
    use crate::domain::limits::NAME_MAX;
    let header = format!("{HEADER},built,households,facilities");
    let long = "长".repeat(NAME_MAX + 1);
    // One field at a time: the file's cell and the form's field get the same value.
    let cases = [
        (FactsField::Built, "1899"),
        (FactsField::Built, "2100"),
        (FactsField::Households, "0"),
        (FactsField::Households, "100000"),
        (FactsField::Facilities, &long),
        (FactsField::Community, &long),
    ];
    for (field, value) in cases {
        let column = Column::of_fact(field);
        let cell = |c: Column| if c == column { value } else { "" };
        let line = format!(
            "{header}\r\nxintang,新塘小区,{},,物业管理,是,,,,,,,,,,,{},{},{}",
            cell(Column::Community),
            cell(Column::Built),
            cell(Column::Households),
            cell(Column::Facilities),
        );
        let mut typed = FactsInput::of(&Facts::of(&crate::fixtures::compound(
            "xintang",
            ManagementMode::PropertyCompany,
        )));
        typed.set(field, value);
        let form_refuses = typed.check().is_err();
        let imported = import(&line, &[], 0);
        let file_refuses =
            matches!(imported, Err(RosterError::BadCell { column: c, .. }) if c == column);
        assert_eq!(
            form_refuses, file_refuses,
            "{column:?} = {value}: {imported:?}"
        );
        assert!(
            imported.is_ok() || file_refuses,
            "{column:?} = {value}: {imported:?}"
        );
    }
    // The limits themselves, so the loop above cannot pass with both accepting everything.
    let refused = |built: &str| {
        let mut typed = FactsInput::of(&Facts::of(&crate::fixtures::compound(
            "xintang",
            ManagementMode::PropertyCompany,
        )));
        typed.set(FactsField::Built, built);
        typed.check().is_err()
    };
    assert!(refused("1899") && !refused("2100") && refused("2101"));
}

#[test]
fn a_preview_lists_every_refused_row_and_imports_nothing() {
    let good = "xintang,新塘小区,,,物业管理,是,,,,,,红管家,王建国,,138 0000 0001,";
    let bad_phone = "xintang,新塘小区,,,物业管理,是,,,,,,和事佬,李四,,138;x,";
    let bad_role = "xintang,新塘小区,,,物业管理,是,,,,,,队长,赵六,,138 0000 0003,";
    let checked = check(&file(&[good, bad_phone, bad_role]), &[], 0);
    assert_eq!(checked.rows, 3);
    assert!(matches!(
        checked.refused.as_slice(),
        [
            RosterError::BadCell {
                line: 3,
                column: Column::Phone,
                ..
            },
            RosterError::BadCell {
                line: 4,
                column: Column::Role,
                ..
            },
        ]
    ));
    assert!(import(&file(&[good, bad_phone, bad_role]), &[], 0).is_err());
}

#[test]
fn the_template_has_chinese_headers_that_import() {
    let template = template();
    assert!(template.starts_with("\u{FEFF}小区编号,小区名称,"));
    assert_eq!(import(&template, &[], 0), Err(RosterError::Empty));
    let row = "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,,g1,1,,和事佬,李秀英,楼栋长,138 0000 0002,晚上";
    let filled = format!("{}{row}", template.trim_start_matches('\u{FEFF}'));
    let c = &import(&filled, &[], 0).unwrap()[0];
    assert_eq!((c.name.as_str(), c.stewards.len()), ("新塘小区", 1));
}
