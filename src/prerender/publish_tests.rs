use super::super::tests::card;
use super::*;
use crate::domain::steward::{Role, Scope};
use crate::i18n::{Lang, strings};

const CARD: &str = "<html><head><title>小区管家</title><link rel=\"preload\" href=\"/data/district.json\" as=\"fetch\"></head><body>\
    <div id=\"shell\"><p>正在加载…</p></div><!-- /shell --></body></html>";
const DATASET: &str = include_str!("../../public/data/district.json");

fn site() -> Site<'static> {
    Site {
        dataset: DATASET,
        card_template: CARD,
        browse_template: CARD,
        records: "",
        from_district: true,
    }
}

fn published() -> Dataset {
    decode("d", DATASET, DATASET_SCHEMA, migrations::none).unwrap()
}

fn doc(c: &Compound) -> String {
    let mut v = serde_json::to_value(c).unwrap();
    v["_id"] = format!("compound:{}", c.id).into();
    v["_rev"] = "2-abc".into();
    v.to_string()
}

#[test]
fn every_published_compound_passes_the_import_check_unchanged() {
    for c in published().compounds {
        assert_eq!(check(c.clone()), Ok(c.clone()), "{}", c.id);
    }
}

#[test]
fn a_newer_roster_document_rewrites_its_cards_data_and_the_directory() {
    let mut c = published().compounds[0].clone();
    // Building 1's own 红管家: the one its card shows.
    let red = c
        .stewards
        .iter_mut()
        .find(|p| {
            p.role == Role::Red
                && p.scope
                    == Scope::Building {
                        building: "1".into(),
                    }
        })
        .unwrap();
    red.phone = "13912345678".into();
    c.updated_at += 1000;
    let out = republish(&site(), &[&doc(&c)], 7, strings(Lang::Zh), &card).unwrap();
    assert_eq!(out.published, vec![c.id.clone()]);
    let page = out
        .files
        .iter()
        .find(|f| f.path == format!("c/{}/b/1/index.html", c.id))
        .unwrap();
    assert!(page.html.contains("13912345678"), "{}", page.html);
    let paths: Vec<&str> = out.files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"data/district.json"));
    assert!(paths.contains(&"index.html"));
    assert!(paths.contains(&format!("data/c/{}.json", c.id).as_str()));
    let whole: Dataset = decode(
        "d",
        &out.files
            .iter()
            .find(|f| f.path == "data/district.json")
            .unwrap()
            .html,
        DATASET_SCHEMA,
        migrations::none,
    )
    .unwrap();
    assert_eq!(whole.compounds[0], c);
    assert_eq!(whole.compounds.len(), published().compounds.len());
    // The same again changes nothing.
    let site = Site {
        dataset: &out
            .files
            .iter()
            .find(|f| f.path == "data/district.json")
            .unwrap()
            .html,
        ..site()
    };
    let again = republish(&site, &[&doc(&c)], 8, strings(Lang::Zh), &card).unwrap();
    assert!(again.files.is_empty());
    assert_eq!(again.unchanged, vec![c.id]);
}

#[test]
fn a_bad_number_or_a_malformed_document_refuses_everything() {
    let mut good = published().compounds[1].clone();
    good.updated_at += 1;
    let mut bad = published().compounds[0].clone();
    bad.stewards[0].phone = "138-call-me".into();
    bad.updated_at += 1;
    let refused = republish(
        &site(),
        &[&doc(&good), &doc(&bad)],
        7,
        strings(Lang::Zh),
        &card,
    )
    .unwrap_err();
    assert!(
        matches!(&refused[0], PublishRefusal::Roster(id, RosterError::BadCell { .. }) if *id == bad.id)
    );
    let malformed = doc(&good).replace("\"stewards\":[", "\"stewards\":7,\"x\":[");
    assert!(matches!(
        republish(&site(), &[&malformed], 7, strings(Lang::Zh), &card).unwrap_err()[0],
        PublishRefusal::Unreadable(_)
    ));
    let wrong = doc(&good).replace(&format!("compound:{}", good.id), "compound:other");
    assert!(matches!(
        republish(&site(), &[&wrong], 7, strings(Lang::Zh), &card).unwrap_err()[0],
        PublishRefusal::WrongId(_)
    ));
    assert!(matches!(
        republish(
            &site(),
            &["{\"format\":\"x\"}"],
            7,
            strings(Lang::Zh),
            &card
        )
        .unwrap_err()[0],
        PublishRefusal::WrongFormat(_)
    ));
}

#[test]
fn a_stewards_export_file_is_read_with_its_compounds() {
    let mut c = published().compounds[2].clone();
    c.stewards[0].name = "赵新".into();
    c.updated_at += 5;
    let file = changes::export_changes(std::slice::from_ref(&c), &[], 9);
    let out = republish(&site(), &[&file], 10, strings(Lang::En), &card).unwrap();
    assert_eq!(out.published, vec![c.id]);
    assert!(out.files.iter().any(|f| f.html.contains("赵新")));
}

/// The office's record of 松涛里's committee as the server holds it: elected, two members.
fn committee_doc(stage: &str, updated_at: i64) -> String {
    serde_json::json!({
        "_id": "committee:songtaoli", "_rev": "3-abc",
        "id": "songtaoli", "compound": "songtaoli",
        "current": {
            "stage": stage,
            "steps": [["Petition", "2025-09-02"], ["Group", "2025-10-15"]],
            "members": [{"name": "张晓梅", "post": "主任"}, {"name": "李建国", "post": "委员"}],
            "term_start": "2026-04-01", "term_end": "2031-03-31",
            "note": "", "recorded_at": updated_at
        },
        "updated_at": updated_at
    })
    .to_string()
}

fn records_of(out: &Republished) -> crate::domain::governance::public::PublicRecords {
    let file = out.files.iter().find(|f| f.path == "data/records.json");
    records::read(&file.expect("data/records.json written").html).unwrap()
}

#[test]
fn an_office_record_publishes_its_summary_without_names_and_nothing_else() {
    let out = republish(
        &site(),
        &[&committee_doc("Elected", 5)],
        7,
        strings(Lang::Zh),
        &card,
    )
    .unwrap();
    assert_eq!(out.published, vec!["committee:songtaoli".to_string()]);
    let paths: Vec<&str> = out.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["data/records.json"],
        "no roster changed: no card or directory"
    );
    let text = &out.files[0].html;
    assert!(
        !text.contains("张晓梅") && !text.contains("李建国"),
        "{text}"
    );
    let published = records_of(&out);
    let c = published.committee("songtaoli").unwrap();
    assert_eq!(c.term_end.as_deref(), Some("2031-03-31"));
    // The same again changes nothing.
    let site = Site {
        records: text,
        ..site()
    };
    let again = republish(
        &site,
        &[&committee_doc("Elected", 5)],
        8,
        strings(Lang::Zh),
        &card,
    )
    .unwrap();
    assert!(again.files.is_empty());
    assert_eq!(again.unchanged, vec!["committee:songtaoli".to_string()]);
    // Another revision replaces it (even one dated before: an office phone's clock can be
    // wrong, and the server's winning revision is the record); a deleted one takes it down.
    let newer = republish(
        &site,
        &[&committee_doc("Preparing", 6)],
        9,
        strings(Lang::Zh),
        &card,
    )
    .unwrap();
    let c = records_of(&newer).committee("songtaoli").cloned().unwrap();
    assert_eq!(c.latest_step_on.as_deref(), Some("2025-10-15"));
    let gone_doc =
        serde_json::json!({"_id": "committee:songtaoli", "_rev": "4-x", "_deleted": true});
    let site = Site {
        records: &newer.files[0].html,
        ..site
    };
    let down = republish(
        &site,
        &[&gone_doc.to_string()],
        10,
        strings(Lang::Zh),
        &card,
    )
    .unwrap();
    assert!(records_of(&down).committee("songtaoli").is_none());
}

#[test]
fn the_offices_command_takes_no_record_by_hand() {
    let by_hand = Site {
        from_district: false,
        ..site()
    };
    assert_eq!(
        republish(
            &by_hand,
            &[&committee_doc("Elected", 5)],
            7,
            strings(Lang::Zh),
            &card
        )
        .unwrap_err(),
        vec![PublishRefusal::RecordByHand]
    );
    let gone = serde_json::json!({"_id": "contract:k1", "_deleted": true}).to_string();
    assert_eq!(
        republish(&by_hand, &[&gone], 7, strings(Lang::Zh), &card).unwrap_err(),
        vec![PublishRefusal::RecordByHand]
    );
}

#[test]
fn a_record_under_another_id_or_unreadable_records_refuse_the_run() {
    let wrong = committee_doc("Elected", 5).replace("committee:songtaoli", "committee:dongtangcun");
    assert!(matches!(
        republish(&site(), &[&wrong], 7, strings(Lang::Zh), &card).unwrap_err()[0],
        PublishRefusal::Unreadable(_)
    ));
    let broken = Site {
        records: "{\"schema\":1,\"data\":{\"committees\":7}}",
        ..site()
    };
    assert_eq!(
        republish(
            &broken,
            &[&committee_doc("Elected", 5)],
            7,
            strings(Lang::Zh),
            &card
        )
        .unwrap_err(),
        vec![PublishRefusal::Records]
    );
}

#[test]
fn a_contract_document_reaches_each_of_its_compounds() {
    let doc = serde_json::json!({
        "_id": "contract:k9", "_rev": "1-a", "id": "k9", "company": "金地物业",
        "compounds": ["dongtangcun", "xintang-nanyuan"], "start": "2026-07-01",
        "term_months": 36, "scope": ["Cleaning", "Parking"], "fee_fen": 80, "updated_at": 3
    });
    let out = republish(&site(), &[&doc.to_string()], 7, strings(Lang::Zh), &card).unwrap();
    assert_eq!(out.published, vec!["contract:k9".to_string()]);
    let published = records_of(&out);
    for c in ["dongtangcun", "xintang-nanyuan"] {
        assert_eq!(
            published.latest_contract(c).unwrap().end.as_deref(),
            Some("2029-06-30")
        );
    }
}
