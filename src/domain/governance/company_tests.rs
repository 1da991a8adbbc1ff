use super::*;
use crate::domain::compound::ManagementMode;
use crate::fixtures::compound;

fn today() -> Millis {
    parse_date("2026-12-07").unwrap()
}

fn compounds() -> Vec<Compound> {
    ["dongtangcun", "tianhecun"]
        .into_iter()
        .map(|id| compound(id, ManagementMode::PropertyCompany))
        .collect()
}

fn form(pairs: &[(&'static str, &str)]) -> Fields {
    Fields(pairs.iter().map(|(k, v)| (*k, v.to_string())).collect())
}

fn problems<T>(r: Result<T, Vec<FieldError>>) -> Vec<(&'static str, Problem)> {
    r.err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

fn jindi() -> Company {
    let f = form(&[
        (NAME, "金地物业"),
        (CONTACTS, "示例甲 138 0000 0001 项目经理"),
        (COMPOUNDS, "dongtangcun"),
    ]);
    Company::saved(None, read(&f, &compounds(), &[]).unwrap(), 1)
}

fn card(company: &str, q: Quarter) -> Option<Snapshot> {
    (company == "金地物业" && q.key() == "2026Q3").then(|| Snapshot {
        quarter: q.key(),
        reports: 12,
        total: Some(84.5),
        basis: Some(100),
        verdict: Some(Verdict::Keep),
    })
}

#[test]
fn a_company_reads_with_its_contacts_and_a_bad_one_says_why() {
    let k = jindi();
    assert_eq!(k.id, "co1");
    assert_eq!(
        k.contacts,
        vec![Contact {
            name: "示例甲".into(),
            phone: "13800000001".into(),
            post: "项目经理".into()
        }]
    );
    let bad = form(&[
        (NAME, "金地物业"),
        (CONTACTS, "示例甲 12 项目经理"),
        (COMPOUNDS, "nowhere"),
    ]);
    assert_eq!(
        problems(read(&bad, &compounds(), &["金地物业"])),
        vec![
            (NAME, Problem::Taken),
            (CONTACTS, Problem::BadPhone),
            (COMPOUNDS, Problem::UnknownCompound)
        ]
    );
    assert_eq!(
        problems(read(&form(&[]), &compounds(), &[])),
        vec![(NAME, Problem::Required), (CONTACTS, Problem::Required)]
    );
    // Corrected, it keeps its id.
    let mut f = k.fields();
    f.set(COMPOUNDS, "dongtangcun,tianhecun");
    let fixed = Company::saved(Some(&k), read(&f, &compounds(), &[]).unwrap(), 2);
    assert_eq!((fixed.id.as_str(), fixed.compounds.len()), ("co1", 2));
}

#[test]
fn a_decision_carries_its_quarters_scorecard_or_is_refused() {
    let k = jindi();
    let companies = [k.clone()];
    let f = form(&[
        (COMPANY, "co1"),
        (DECISION, "admit"),
        (QUARTER, "2026Q3"),
        (DATE, "2026-10-10"),
    ]);
    let (id, entry) = read_decision(&f, &companies, &card, today()).unwrap();
    assert_eq!(id, "co1");
    assert_eq!(entry.scorecard.total, Some(84.5));
    assert_eq!(entry.scorecard.verdict, Some(Verdict::Keep));
    let mut none = f.clone();
    none.set(QUARTER, "2026Q2");
    assert_eq!(
        problems(read_decision(&none, &companies, &card, today())),
        vec![(QUARTER, Problem::NoScorecard)]
    );
    let mut later = f.clone();
    later.set(DATE, "2027-01-01");
    assert_eq!(
        problems(read_decision(&later, &companies, &card, today())),
        vec![(DATE, Problem::InFuture)]
    );
    let updated = k.with(5, |c| c.decisions.push(entry));
    assert_eq!(
        updated.standing().map(|d| d.decision),
        Some(Decision::Admit)
    );
    assert_eq!(
        counts(&[updated], today()),
        RegisterCounts {
            companies: 1,
            admitted: 1,
            ..Default::default()
        }
    );
}

#[test]
fn training_counts_for_half_a_year() {
    let k = jindi();
    let f = form(&[
        (COMPANY, "co1"),
        (DATE, "2026-06-15"),
        (TOPIC, "物业服务标准"),
    ]);
    let (_, t) = read_training(&f, std::slice::from_ref(&k), today()).unwrap();
    let trained = k.with(3, |c| c.training.push(t));
    assert!(trained.trained_recently(today()));
    assert!(!trained.trained_recently(parse_date("2027-01-01").unwrap()));
    assert_eq!(
        problems(read_training(&form(&[(COMPANY, "co9")]), &[k], today())),
        vec![
            (COMPANY, Problem::Required),
            (DATE, Problem::Required),
            (TOPIC, Problem::Required)
        ]
    );
}
