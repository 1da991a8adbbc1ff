use super::*;
use crate::domain::compound::ManagementMode;
use crate::domain::time::parse_date;
use crate::fixtures::compound;

fn today() -> Millis {
    parse_date("2026-12-07").unwrap()
}

fn compounds() -> Vec<Compound> {
    vec![
        compound("guihuacun", ManagementMode::CommunityManaged),
        compound("dongtangcun", ManagementMode::PropertyCompany),
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

fn shed() -> Fields {
    form(&[
        (COMPOUND, "guihuacun"),
        (KIND, "bicycle_shed"),
        (QUANTITY, "2"),
        (DONE_ON, "2026-09-01"),
        (NOTE, "可停 80 辆"),
    ])
}

#[test]
fn improvements_read_and_are_counted_by_kind_and_compound() {
    let shed = Improvement::saved(None, read(&shed(), &compounds(), today()).unwrap(), 3);
    assert_eq!(shed.id, "i3");
    assert_eq!(shed.quantity, 2);
    let mut f = shed.fields();
    f.set(KIND, "parking");
    f.set(QUANTITY, "40");
    let parking = Improvement::saved(None, read(&f, &compounds(), today()).unwrap(), 4);
    f.set(COMPOUND, "dongtangcun");
    let other = Improvement::saved(None, read(&f, &compounds(), today()).unwrap(), 5);
    let all = [shed.clone(), parking, other];
    assert_eq!(
        counts(&all, &compounds()),
        ImprovementCounts {
            by_kind: vec![
                (ImprovementKind::BicycleShed, 1),
                (ImprovementKind::Parking, 2)
            ],
            compounds: 2
        }
    );
    assert_eq!(counts(&all, &compounds()[1..]).compounds, 1);
    // Corrected under the same id.
    let mut f = shed.fields();
    f.set(QUANTITY, "3");
    let fixed = Improvement::saved(Some(&shed), read(&f, &compounds(), today()).unwrap(), 6);
    assert_eq!((fixed.id.as_str(), fixed.quantity), ("i3", 3));
}

#[test]
fn each_bad_field_is_named() {
    assert_eq!(
        problems(&form(&[])),
        vec![
            (COMPOUND, Problem::Required),
            (KIND, Problem::Required),
            (QUANTITY, Problem::Required),
            (DONE_ON, Problem::Required),
        ]
    );
    let mut f = shed();
    f.set(KIND, "other");
    f.set(QUANTITY, "0");
    f.set(DONE_ON, "2099-01-01");
    f.set(COMPOUND, "nowhere");
    assert_eq!(
        problems(&f),
        vec![
            (COMPOUND, Problem::UnknownCompound),
            (DESCRIPTION, Problem::Required),
            (QUANTITY, Problem::BadCount),
            (DONE_ON, Problem::InFuture),
        ]
    );
    f.set(COMPOUND, "guihuacun");
    f.set(DESCRIPTION, "休闲座椅");
    f.set(QUANTITY, "6");
    f.set(DONE_ON, "2026-12-07");
    assert_eq!(problems(&f), vec![]);
    f.set(NOTE, "长".repeat(201));
    assert_eq!(problems(&f), vec![(NOTE, Problem::TooLong)]);
}
