use super::*;
use crate::domain::compound::{Building, Grid, ManagementMode};
use crate::fixtures::compound;

fn today() -> Millis {
    parse_date("2026-12-07").unwrap()
}

fn compounds() -> Vec<Compound> {
    let mut c = compound("dongtangcun", ManagementMode::CommunityManaged);
    c.grids = vec![Grid {
        id: "g1".into(),
        name: "一网格".into(),
        buildings: ["1", "2", "3"]
            .map(|id| Building {
                id: id.into(),
                name: format!("{id}栋"),
                units: vec![],
            })
            .to_vec(),
    }];
    vec![c, compound("tianhecun", ManagementMode::PropertyCompany)]
}

fn form(pairs: &[(&'static str, &str)]) -> Fields {
    Fields(pairs.iter().map(|(k, v)| (*k, v.to_string())).collect())
}

fn problems(f: &Fields) -> Vec<(&'static str, Problem)> {
    read(f, &compounds(), today())
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

fn counted() -> Fields {
    form(&[
        (COMPOUND, "dongtangcun"),
        (DATE, "2026-10-20"),
        (
            MEMBERS,
            "示例甲 | 2栋\n示例乙 ｜ 1 ｜ 机关 ｜ 2026-11-02\n示例丙 | 2号楼 | 机关\n\n示例丁 | 2栋 |",
        ),
    ])
}

#[test]
fn a_count_reads_to_its_figures_by_building_in_the_rosters_order() {
    let terms = read(&counted(), &compounds(), today()).unwrap();
    let k = Census::saved(terms, 7);
    assert_eq!(
        (k.id.as_str(), k.compound.as_str()),
        ("dongtangcun", "dongtangcun")
    );
    assert_eq!(k.members.len(), 4);
    assert_eq!(
        k.members[1],
        PartyMember {
            name: "示例乙".into(),
            building: "1栋".into(),
            official: true,
            reported_on: Some("2026-11-02".into()),
        }
    );
    assert_eq!(
        k.tally,
        Tally {
            by_building: vec![
                BuildingCount {
                    building: "1栋".into(),
                    members: 1
                },
                BuildingCount {
                    building: "2栋".into(),
                    members: 3
                },
            ],
            officials: 2,
            reported: 1,
        }
    );
    assert_eq!(k.tally.members(), 4);
    // The fields it fills read back to the same record: a correction starts from them.
    let again = Census::saved(read(&k.fields(), &compounds(), today()).unwrap(), 8);
    assert_eq!(
        (again.members, again.tally),
        (k.members.clone(), k.tally.clone())
    );
    assert_eq!(
        counts(&compounds(), std::slice::from_ref(&k)),
        CensusCounts {
            members: 4,
            counted: 1,
            compounds: 2,
            officials: 2,
            reported: 1
        }
    );
}

#[test]
fn a_correction_reporting_in_is_counted_and_keeps_the_id() {
    let k = Census::saved(read(&counted(), &compounds(), today()).unwrap(), 7);
    let mut f = k.fields();
    f.set(
        MEMBERS,
        f.get(MEMBERS)
            .replace("示例丙 | 2栋 | 机关", "示例丙 | 2栋 | 机关 | 2026-12-01"),
    );
    let fixed = Census::saved(read(&f, &compounds(), today()).unwrap(), 9);
    assert_eq!(fixed.id, k.id);
    assert_eq!(fixed.tally.reported, 2);
    // Held over the sample of the same compound.
    let mut sample = k.clone();
    sample.sample = true;
    sample.members.clear();
    let shown = all(vec![sample], std::slice::from_ref(&fixed));
    assert_eq!(shown, vec![fixed]);
}

#[test]
fn each_bad_field_is_named_with_its_problem() {
    assert_eq!(
        problems(&form(&[])),
        vec![(COMPOUND, Problem::Required), (DATE, Problem::Required)]
    );
    let with = |date: &str, members: &str| {
        let mut f = counted();
        f.set(DATE, date);
        f.set(MEMBERS, members);
        problems(&f)
    };
    assert_eq!(
        with("2027-01-01", "示例甲 | 9栋"),
        vec![
            (DATE, Problem::InFuture),
            (MEMBERS, Problem::UnknownBuilding)
        ]
    );
    assert_eq!(with("2026-13-01", ""), vec![(DATE, Problem::BadDate)]);
    for (line, problem) in [
        ("示例甲", Problem::BadPartyLine),
        ("示例甲 | 1栋 | 党员", Problem::BadPartyLine),
        ("示例甲 | 1栋 | 机关 | 昨天", Problem::BadPartyLine),
        (
            "示例甲 | 1栋 | 机关 | 2026-12-01 | 多",
            Problem::BadPartyLine,
        ),
        ("示例甲 | 1栋 | 机关 | 2026-12-31", Problem::ReportInFuture),
        ("示例甲 | 1栋\n示例甲 | 1", Problem::DuplicateMember),
        (&format!("{} | 1栋", "长".repeat(21)), Problem::LongName),
    ] {
        assert_eq!(with("2026-10-20", line), vec![(MEMBERS, problem)], "{line}");
    }
    // The same name in two buildings is two people.
    assert_eq!(with("2026-10-20", "示例甲 | 1栋\n示例甲 | 2栋"), vec![]);
    let many: Vec<String> = (0..=MAX_MEMBERS)
        .map(|i| format!("党员{i} | 1栋"))
        .collect();
    assert_eq!(
        with("2026-10-20", &many.join("\n")),
        vec![(MEMBERS, Problem::TooManyMembers)]
    );
    let mut f = counted();
    f.set(COMPOUND, "nowhere");
    assert_eq!(problems(&f), vec![(COMPOUND, Problem::UnknownCompound)]);
}

#[test]
fn compounds_without_a_count_count_as_not_counted() {
    let k = Census {
        tally: Tally {
            by_building: vec![BuildingCount {
                building: "1栋".into(),
                members: 12,
            }],
            officials: 3,
            reported: 2,
        },
        ..Census::saved(read(&counted(), &compounds(), today()).unwrap(), 1)
    };
    let mut deleted = k.clone();
    deleted.compound = "tianhecun".into();
    deleted.deleted = true;
    assert_eq!(
        counts(&compounds(), &[k, deleted]),
        CensusCounts {
            members: 12,
            counted: 1,
            compounds: 2,
            officials: 3,
            reported: 2
        }
    );
}
