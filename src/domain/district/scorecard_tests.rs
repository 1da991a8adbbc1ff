use super::*;
use crate::domain::compound::ManagementMode;
use crate::domain::report::{Category, Status};
use crate::domain::steward::Role;
use crate::domain::time::{DAY_MS, parse_date};
use crate::fixtures::{compound, report};

fn run_by(id: &str, company: &str) -> Compound {
    let mut c = compound(id, ManagementMode::PropertyCompany);
    c.property_company = Some(company.into());
    c
}

fn q4() -> Quarter {
    Quarter::parse("2026Q4").unwrap()
}

fn sent(compound: &str, date: &str) -> Report {
    let at = parse_date(date).unwrap();
    let mut r = report(compound, Category::Drainage);
    r.transition(Status::Submitted, "", None, at).unwrap();
    r.expected_by = Some(at + 3 * DAY_MS);
    r
}

fn cards(reports: &[Report], scoring: Option<&QuarterScoring>) -> Vec<Scorecard> {
    let compounds = [
        run_by("a1", "金地物业"),
        run_by("a2", "金地物业"),
        run_by("a3", "金地物业"),
        run_by("b1", "柏丽物业"),
        compound("none", ManagementMode::Unmanaged),
    ];
    let contracts = [Contract {
        company: "金地物业".into(),
        compounds: vec!["a1".into(), "a2".into()],
    }];
    let now = parse_date("2026-11-27").unwrap();
    scorecards(
        &compounds,
        &contracts,
        reports,
        q4(),
        scoring,
        &PROPOSED,
        now,
    )
}

#[test]
fn a_scorecard_weighs_each_measure_by_hand() {
    let mut fixed = sent("a1", "2026-10-10");
    let at = fixed.submitted_at().unwrap();
    fixed
        .transition(Status::Resolved, "通了", Some(Role::Property), at + DAY_MS)
        .unwrap();
    fixed.confirm(5, "", at + 2 * DAY_MS).unwrap();
    let open = sent("a3", "2026-11-01");
    let last_quarter = sent("a2", "2026-09-30");
    let mut scoring = QuarterScoring::new(q4(), 0);
    scoring.set_inspection("金地物业", Some(50));
    let all = cards(&[fixed, open, last_quarter], Some(&scoring));
    assert_eq!(
        all.len(),
        2,
        "companies serving a compound, no one for the unmanaged"
    );
    let jindi = all.iter().find(|c| c.company == "金地物业").unwrap();
    assert_eq!(
        jindi.contracts, 2,
        "the 连片 package is one contract, a3 another"
    );
    assert_eq!(jindi.handling.reports, 2);
    // 30×½ + 15×1 + 20×1 + 10×1 + 5×½ + 20×½ = 72.5
    assert_eq!(jindi.total, Some((72.5, 100)));
    assert_eq!(jindi.verdict, Some(Verdict::Warn));
    let baili = all.iter().find(|c| c.company == "柏丽物业").unwrap();
    assert_eq!(
        (baili.total, baili.verdict),
        (None, None),
        "no data, no verdict"
    );
}

#[test]
fn the_verdict_follows_the_inspection_score_across_the_thresholds() {
    let verdict = |score| {
        let mut s = QuarterScoring::new(q4(), 0);
        s.set_inspection("柏丽物业", Some(score));
        let all = cards(&[], Some(&s));
        let card = all.into_iter().find(|c| c.company == "柏丽物业").unwrap();
        (card.total.map(|t| t.0), card.verdict)
    };
    assert_eq!(verdict(80), (Some(80.0), Some(Verdict::Keep)));
    assert_eq!(verdict(79), (Some(79.0), Some(Verdict::Warn)));
    assert_eq!(verdict(60), (Some(60.0), Some(Verdict::Warn)));
    assert_eq!(verdict(59), (Some(59.0), Some(Verdict::Exit)));
}

#[test]
fn rules_are_checked_and_hold_from_their_quarter_on() {
    assert!(PROPOSED.check().is_empty());
    let bad = ScoringRules {
        weights: [30, 15, 20, 10, 5, 25],
        keep_at: 60,
        warn_at: 60,
    };
    assert_eq!(
        bad.check(),
        vec![RulesError::WeightsSum(105), RulesError::Thresholds]
    );
    let own = ScoringRules {
        weights: [40, 10, 20, 10, 0, 20],
        ..PROPOSED
    };
    let mut q3 = QuarterScoring::new(q4().previous(), 0);
    q3.rules = Some(own);
    let saved = [q3, QuarterScoring::new(q4(), 0)];
    assert_eq!(rules_for(q4(), &saved), (own, Some(q4().previous())));
    assert_eq!(
        rules_for(q4().previous().previous(), &saved),
        (PROPOSED, None)
    );
}

#[test]
fn complaints_about_the_company_count_in_its_own_scorecard() {
    let mut about = sent("a2", "2026-10-12");
    about.category = Category::PropertyService;
    let mut elsewhere = sent("b1", "2026-10-12");
    elsewhere.category = Category::PropertyService;
    let mut earlier = sent("a1", "2026-09-12");
    earlier.category = Category::PropertyService;
    let plain = sent("a1", "2026-10-13");
    let all = cards(&[about, elsewhere, earlier, plain], None);
    let of = |name: &str| all.iter().find(|c| c.company == name).unwrap();
    assert_eq!(
        (of("金地物业").complaints, of("金地物业").handling.reports),
        (1, 2)
    );
    assert_eq!(of("柏丽物业").complaints, 1);
}
