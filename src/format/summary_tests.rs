use super::*;
use crate::domain::compound::ManagementMode;
use crate::domain::records::MediationKind;
use crate::domain::report::{Category, Status};
use crate::domain::steward::Role;
use crate::fixtures::{compound, report};

const NOW: Millis = 1_800_000_000_000;

fn sent(id: &str) -> Report {
    let mut r = report("dongtangcun", Category::SepticTank);
    r.id = id.into();
    r.transition(Status::Submitted, "", None, NOW - 10_000)
        .unwrap();
    r
}

fn package(source: &str, exported_at: Millis, reports: Vec<Doc<Report>>) -> SummaryPackage {
    SummaryPackage {
        format: FORMAT.into(),
        version: VERSION,
        source: Source {
            id: source.into(),
            name: "王红梅".into(),
            role: Role::Red,
            compounds: vec!["dongtangcun".into()],
        },
        exported_at,
        reports,
        mediations: vec![doc_of(
            Mediation {
                id: "M1".into(),
                compound: "dongtangcun".into(),
                kind: MediationKind::Oral,
                parties: mask_parties("张三、李四"),
                subject: "漏水".into(),
                amount_fen: 0,
                succeeded: true,
                outcome: String::new(),
                mediator: String::new(),
                report: None,
                date: NOW - 5,
                updated_at: NOW - 5,
                deleted: false,
            },
            "1-aa".into(),
        )],
        arrears: vec![],
        changes: vec![],
        compounds: vec![doc_of(
            compound("dongtangcun", ManagementMode::PropertyCompany),
            "2-bb".into(),
        )],
        imported_at: None,
    }
}

/// Reads a package as the office would, and takes the import time off again to compare.
fn read(p: &SummaryPackage) -> Result<SummaryPackage, PackageError> {
    let read = read_package(&serde_json::to_string(p).unwrap(), |_| None, NOW)?;
    assert_eq!(read.imported_at, Some(NOW));
    Ok(SummaryPackage {
        imported_at: None,
        ..read
    })
}

#[test]
fn a_package_is_documents_in_couchdb_shape_and_reads_back() {
    let p = package(
        "s1",
        NOW,
        vec![doc_of(sent("R20261010-AAAA1"), "1-abc".into())],
    );
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["reports"][0]["_id"], "report:R20261010-AAAA1");
    assert_eq!(json["reports"][0]["_rev"], "1-abc");
    assert_eq!(json["reports"][0]["compound"], "dongtangcun");
    assert_eq!(read(&p), Ok(p));
}

#[test]
fn a_bad_package_is_refused_whole() {
    let good = package(
        "s1",
        NOW,
        vec![doc_of(sent("R20261010-AAAA1"), "1-abc".into())],
    );
    assert_eq!(read_package("{", |_| None, NOW), Err(PackageError::NotJson));
    let backup = r#"{"format":"compound-steward-backup","version":2}"#;
    assert_eq!(
        read_package(backup, |_| None, NOW),
        Err(PackageError::NotAPackage)
    );
    let mut newer = serde_json::to_value(&good).unwrap();
    newer["version"] = 2.into();
    assert_eq!(
        read_package(&newer.to_string(), |_| None, NOW),
        Err(PackageError::NewerVersion(2))
    );
    let huge = " ".repeat(MAX_BYTES + 1);
    assert_eq!(
        read_package(&huge, |_| None, NOW),
        Err(PackageError::TooLarge)
    );

    let mut named = good.clone();
    named.reports[0].body.reporter_phone = Some("13800000001".into());
    assert_eq!(
        read(&named),
        Err(PackageError::BadEntry(
            "report:R20261010-AAAA1".into(),
            "reporter"
        ))
    );
    let mut twice = good.clone();
    twice.reports.push(twice.reports[0].clone());
    assert_eq!(
        read(&twice),
        Err(PackageError::Duplicate("report:R20261010-AAAA1".into()))
    );
    let mut wrong_id = good.clone();
    wrong_id.reports[0].id = "report:R20261010-ZZZZ9".into();
    assert!(matches!(
        read(&wrong_id),
        Err(PackageError::BadEntry(_, "_id"))
    ));
    let mut bad_rev = good.clone();
    bad_rev.reports[0].rev = "abc".into();
    assert!(matches!(
        read(&bad_rev),
        Err(PackageError::BadEntry(_, "_rev"))
    ));
    let mut future = good.clone();
    future.mediations[0].body.date = NOW + 1;
    assert!(matches!(
        read(&future),
        Err(PackageError::BadEntry(_, "mediation"))
    ));
    let mut junk = serde_json::to_value(&good).unwrap();
    junk["reports"][0]["status"] = "nonsense".into();
    junk["reports"][0]["timeline"] = 5.into();
    assert!(matches!(
        read_package(&junk.to_string(), |_| None, NOW),
        Err(PackageError::BadEntry(_, "shape"))
    ));
    let text = serde_json::to_string(&good).unwrap();
    assert_eq!(
        read_package(&text, |_| Some(NOW), NOW),
        Err(PackageError::NotNewer)
    );
    assert!(read_package(&text, |_| Some(NOW - 1), NOW).is_ok());
}

#[test]
fn a_report_held_by_two_stewards_counts_once_at_its_latest_revision() {
    let first = sent("R20261010-AAAA1");
    let mut later = first.clone();
    later
        .transition(
            Status::Acknowledged,
            "收到",
            Some(Role::Property),
            NOW - 5_000,
        )
        .unwrap();
    let a = package(
        "s1",
        NOW,
        vec![
            doc_of(first, "1-abc".into()),
            doc_of(sent("R20261010-BBBB2"), "1-def".into()),
        ],
    );
    let b = package("s2", NOW, vec![doc_of(later.clone(), "2-0aa".into())]);
    let reports = merged(a.reports.iter().chain(&b.reports).map(Doc::copy));
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0], later);
    let again = merged(b.reports.iter().chain(&a.reports).map(Doc::copy));
    assert_eq!(again, reports, "the order of import does not matter");
}

#[test]
fn exports_leave_reporters_and_parties_out() {
    let mut r = sent("R20261010-AAAA1");
    r.reporter_name = Some("李阿姨".into());
    r.reporter_phone = Some("13800000001".into());
    r.share_phone = true;
    let out = for_district(r);
    assert_eq!(
        (out.reporter_name, out.reporter_phone, out.share_phone),
        (None, None, false)
    );
}

#[test]
fn a_built_package_holds_only_my_compounds_and_reads_back() {
    let mut mine = sent("R20261010-AAAA1");
    mine.reporter_phone = Some("13800000001".into());
    let mut other = sent("R20261010-BBBB2");
    other.compound = "tianhecun".into();
    let draft = report("dongtangcun", Category::Other);
    let base = package("s1", NOW, vec![]);
    let mediations: Vec<Mediation> = base.mediations.iter().map(|d| d.body.clone()).collect();
    let compounds = [
        compound("dongtangcun", ManagementMode::PropertyCompany),
        compound("tianhecun", ManagementMode::Unmanaged),
    ];
    let built = build_package(
        base.source.clone(),
        Held {
            reports: &[mine, other, draft],
            mediations: &mediations,
            arrears: &[],
            changes: &[],
            compounds: &compounds,
        },
        |id| (id == "report:R20261010-AAAA1").then(|| "3-abc".to_string()),
        NOW,
    );
    assert_eq!(built.reports.len(), 1);
    assert_eq!(built.reports[0].rev, "3-abc");
    assert_eq!(built.reports[0].body.reporter_phone, None);
    assert_eq!(built.compounds.len(), 1);
    assert_eq!(built.mediations[0].body.parties, "张*、李*");
    assert_eq!(read(&built), Ok(built.clone()));
}
