use super::*;
use crate::domain::compound::ManagementMode;
use crate::fixtures::compound;

fn compounds() -> Vec<Compound> {
    ["dongtangcun", "tianhecun", "guihuacun"]
        .into_iter()
        .map(|id| compound(id, ManagementMode::PropertyCompany))
        .collect()
}

fn form(pairs: &[(&'static str, &str)]) -> Fields {
    Fields(pairs.iter().map(|(k, v)| (*k, v.to_string())).collect())
}

fn jindi() -> Fields {
    form(&[
        (COMPANY, "金地物业"),
        (COMPOUNDS, "dongtangcun,tianhecun"),
        (START, "2026-07-01"),
        (TERM, "36"),
        (SCOPE, "cleaning,parking,living"),
        (FEE, "0.45"),
    ])
}

fn problems(f: &Fields, held: Option<&ServiceContract>) -> Vec<(&'static str, Problem)> {
    match read(f, &compounds(), held) {
        Ok(_) => Vec::new(),
        Err(e) => e.into_iter().map(|e| (e.field, e.problem)).collect(),
    }
}

fn today() -> Millis {
    parse_date("2026-12-07").unwrap()
}

#[test]
fn a_new_contract_reads_and_its_end_follows_from_the_term() {
    let t = read(&jindi(), &compounds(), None).unwrap();
    assert_eq!(t.fee_fen, 45);
    assert_eq!(
        t.scope,
        vec![Scope::Cleaning, Scope::Parking, Scope::Living]
    );
    let k = ServiceContract::saved(None, t, 5);
    assert_eq!(k.id, "k5");
    assert_eq!(k.end().as_deref(), Some("2029-06-30"));
    assert!(k.in_force(today()));
    assert_eq!(term_end("2026-01-31", 1).as_deref(), Some("2026-02-27"));
}

#[test]
fn fee_standards_are_yuan_with_two_decimals_at_most() {
    assert_eq!(fee_fen("0.5"), Some(50));
    assert_eq!(fee_fen("1.20"), Some(120));
    assert_eq!(fee_fen(".8"), Some(80));
    for bad in ["0", "0.001", "abc", "-1", "20.01", "", ".", "1e2"] {
        assert_eq!(fee_fen(bad), None, "{bad}");
    }
    assert_eq!(fee_text(45), "0.45");
}

#[test]
fn each_bad_field_is_named_with_its_problem() {
    let mut f = jindi();
    f.set(TERM, "0");
    f.set(FEE, "free");
    f.set(SCOPE, "");
    f.set(COMPOUNDS, "dongtangcun,nowhere");
    assert_eq!(
        problems(&f, None),
        vec![
            (COMPOUNDS, Problem::UnknownCompound),
            (TERM, Problem::BadNumber),
            (SCOPE, Problem::NoScope),
            (FEE, Problem::BadFee)
        ]
    );
    assert_eq!(
        problems(&form(&[]), None).len(),
        6,
        "every required field is named"
    );
    let mut f = jindi();
    f.set(ENDED_ON, "2027-01-01");
    assert_eq!(problems(&f, None), vec![(ENDED_ON, Problem::NotForStage)]);
}

#[test]
fn a_renewal_and_an_end_keep_history_a_correction_does_not() {
    let k = ServiceContract::saved(None, read(&jindi(), &compounds(), None).unwrap(), 1);
    let mut f = k.fields();
    f.set(FEE, "0.50");
    let corrected = ServiceContract::saved(Some(&k), read(&f, &compounds(), Some(&k)).unwrap(), 2);
    assert!(corrected.history.is_empty());
    assert_eq!((corrected.id.as_str(), corrected.fee_fen), ("k1", Some(50)));
    let mut f = corrected.fields();
    f.set(CHANGE, "renew");
    f.set(START, "2029-07-01");
    let renewed = ServiceContract::saved(
        Some(&corrected),
        read(&f, &compounds(), Some(&corrected)).unwrap(),
        3,
    );
    assert_eq!(renewed.history.len(), 1);
    assert_eq!(renewed.history[0].start.as_deref(), Some("2026-07-01"));
    assert_eq!(renewed.history[0].closed, Closed::Renewed);
    let mut f = renewed.fields();
    f.set(CHANGE, "end");
    assert_eq!(
        problems(&f, Some(&renewed)),
        vec![(ENDED_ON, Problem::EndNeedsDate)]
    );
    f.set(ENDED_ON, "2029-01-01");
    assert_eq!(
        problems(&f, Some(&renewed)),
        vec![(ENDED_ON, Problem::BeforeStart)]
    );
    f.set(ENDED_ON, "2030-03-31");
    let ended = ServiceContract::saved(
        Some(&renewed),
        read(&f, &compounds(), Some(&renewed)).unwrap(),
        4,
    );
    assert_eq!(ended.history.len(), 2);
    assert_eq!(ended.end().as_deref(), Some("2030-03-31"));
    assert!(!ended.in_force(parse_date("2030-04-01").unwrap()));
}

#[test]
fn every_published_contract_is_migrated_and_a_correction_replaces_it() {
    let published = vec![
        Contract {
            company: "金地物业".into(),
            compounds: vec!["tianhecun".into(), "dongtangcun".into()],
        },
        Contract {
            company: "华信物业".into(),
            compounds: vec!["guihuacun".into()],
        },
    ];
    let migrated = migrate(&published);
    assert_eq!(migrated.len(), 2);
    assert_eq!(migrated[0].id, "published-dongtangcun");
    assert!(migrated.iter().all(|k| k.migrated && k.in_force(today())));
    // Nothing is lost: the scorecards see the same contracts as before.
    let back = in_force(&all(migrated.clone(), &[]), today());
    assert_eq!(back.len(), 2);
    assert!(published.iter().all(|p| {
        back.iter()
            .any(|b| b.company == p.company && p.compounds.iter().all(|c| b.compounds.contains(c)))
    }));
    let mut f = migrated[0].fields();
    f.set(START, "2026-07-01");
    f.set(TERM, "36");
    f.set(SCOPE, "cleaning");
    f.set(FEE, "0.45");
    let fixed = ServiceContract::saved(
        Some(&migrated[0]),
        read(&f, &compounds(), Some(&migrated[0])).unwrap(),
        9,
    );
    let shown = all(migrated, &[fixed]);
    assert_eq!(shown.len(), 2);
    assert!(
        shown
            .iter()
            .any(|k| k.id == "published-dongtangcun" && !k.migrated && k.fee_fen == Some(45))
    );
    assert_eq!(coverage(&shown, today()), (3, 2));
}
