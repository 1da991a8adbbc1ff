use super::*;
use crate::domain::compound::ManagementMode;
use crate::fixtures::compound;

fn today() -> Millis {
    parse_date("2026-12-07").unwrap()
}

fn compounds() -> Vec<Compound> {
    vec![
        compound("yunfeng", ManagementMode::CommunityManaged),
        compound("baili-plaza", ManagementMode::PropertyCompany),
        compound("guihuacun", ManagementMode::CommunityManaged),
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

fn certificates() -> Fields {
    form(&[
        (TITLE, "不动产办证"),
        (KIND, "certificates"),
        (COMPOUNDS, "yunfeng,baili-plaza"),
        (HOUSEHOLDS, "980"),
        (OPENED, "2026-01-10"),
        (
            PROGRESS,
            "2026-03-01 | 完成首批 | 300\n2026-06-30 ｜ 第二批发证 ｜ 700 户",
        ),
        (STATUS, "open"),
    ])
}

#[test]
fn a_case_reads_with_its_progress_and_counts_the_households_done() {
    let k = KeyCase::saved(
        None,
        read(&certificates(), &compounds(), today()).unwrap(),
        7,
    );
    assert_eq!(k.id, "k7");
    assert_eq!(k.compounds, ["yunfeng", "baili-plaza"]);
    assert_eq!(
        k.progress[1],
        Progress {
            date: "2026-06-30".into(),
            what: "第二批发证".into(),
            done: Some(700)
        }
    );
    assert_eq!(k.done(), 700);
    assert_eq!(
        counts(std::slice::from_ref(&k), &compounds()),
        CaseCounts {
            open: 1,
            households: 980,
            resolved: 700
        }
    );
    // Resolved by a correction, under the same id: every household counted.
    let mut f = k.fields();
    f.set(STATUS, "resolved");
    f.set(RESOLVED_ON, "2026-11-20");
    let done = KeyCase::saved(Some(&k), read(&f, &compounds(), today()).unwrap(), 8);
    assert_eq!(done.id, "k7");
    assert_eq!(done.progress, k.progress, "the lines read back as written");
    assert_eq!(
        counts(std::slice::from_ref(&done), &compounds()),
        CaseCounts {
            open: 0,
            households: 980,
            resolved: 980
        }
    );
    // Outside the place looked at, not counted.
    assert_eq!(counts(&[done], &compounds()[2..]), CaseCounts::default());
}

#[test]
fn each_bad_field_is_named() {
    assert_eq!(
        problems(&form(&[])),
        vec![
            (TITLE, Problem::Required),
            (KIND, Problem::Required),
            (COMPOUNDS, Problem::Required),
            (HOUSEHOLDS, Problem::Required),
            (OPENED, Problem::Required),
            (STATUS, Problem::Required),
        ]
    );
    let mut f = certificates();
    f.set(COMPOUNDS, "yunfeng,nowhere");
    f.set(HOUSEHOLDS, "0");
    f.set(PROGRESS, "2026-03-01 完成首批");
    assert_eq!(
        problems(&f),
        vec![
            (COMPOUNDS, Problem::UnknownCompound),
            (HOUSEHOLDS, Problem::BadCount),
            (PROGRESS, Problem::BadProgress)
        ]
    );
    for bad in ["12.5", "-3", "三百"] {
        f.set(HOUSEHOLDS, bad);
        assert!(
            problems(&f).contains(&(HOUSEHOLDS, Problem::BadCount)),
            "{bad}"
        );
    }
    let mut f = certificates();
    // More households done than the case concerns; a line before the case opened; one
    // after today.
    for bad in [
        "2026-03-01 | 完成首批 | 1000",
        "2025-12-31 | 摸底",
        "2099-01-01 | 发证",
    ] {
        f.set(PROGRESS, bad);
        assert_eq!(
            problems(&f),
            vec![(PROGRESS, Problem::BadProgress)],
            "{bad}"
        );
    }
    let mut f = certificates();
    f.set(STATUS, "resolved");
    assert_eq!(problems(&f), vec![(RESOLVED_ON, Problem::Required)]);
    f.set(RESOLVED_ON, "2026-01-09");
    assert_eq!(problems(&f), vec![(RESOLVED_ON, Problem::BeforeOpened)]);
    f.set(RESOLVED_ON, "2026-01-10");
    assert_eq!(problems(&f), vec![]);
    f.set(STATUS, "open");
    assert_eq!(problems(&f), vec![(RESOLVED_ON, Problem::NotForStage)]);
}

#[test]
fn a_count_is_a_positive_whole_number() {
    assert_eq!(count("300", 1000), Some(300));
    assert_eq!(count(" 300 户", 1000), Some(300));
    assert_eq!(count("1001", 1000), None);
    assert_eq!(count("0", 1000), None);
    assert_eq!(count("", 1000), None);
}
