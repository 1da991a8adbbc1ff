//! The sample data's governance records (`public/data/governance.json`): one example of
//! each kind, every one marked `sample` (the dashboard says so beside it). People are
//! fictional. The party census is figures only: names are personal data and never ship.

use compound_steward::domain::Millis;
use compound_steward::domain::district::scorecard::Verdict;
use compound_steward::domain::governance::case::{CaseKind, CaseStatus, KeyCase, Progress};
use compound_steward::domain::governance::census::{BuildingCount, Census, Tally};
use compound_steward::domain::governance::committee::{
    Committee, CommitteeState, Member, Stage, Step,
};
use compound_steward::domain::governance::company::{
    Company, Contact, Decision, DecisionEntry, Snapshot, Training,
};
use compound_steward::domain::governance::contract::{Closed, PastTerm, Scope, ServiceContract};
use compound_steward::domain::governance::improvement::{Improvement, ImprovementKind};
use compound_steward::domain::governance::meeting::{FollowUp, Meeting, MeetingKind};
use compound_steward::format::governance::Samples;

fn state(stage: Stage, steps: &[(Step, &str)], at: Millis) -> CommitteeState {
    CommitteeState {
        stage,
        steps: steps.iter().map(|(s, d)| (*s, d.to_string())).collect(),
        members: Vec::new(),
        term_start: None,
        term_end: None,
        note: String::new(),
        recorded_at: at,
    }
}

/// The register's example: 金地物业, which took over 东塘村 and its neighbours as one
/// package (docs/FACTS.md), admitted on a quarter's scorecard, trained in the half year.
fn company(at: Millis, compounds: Vec<String>) -> Company {
    Company {
        id: "sample-jindi".into(),
        name: "金地物业".into(),
        contacts: vec![Contact {
            name: "示例联系人".into(),
            phone: "13800000001".into(),
            post: "项目经理".into(),
        }],
        compounds,
        decisions: vec![DecisionEntry {
            decision: Decision::Admit,
            date: "2026-06-28".into(),
            scorecard: Snapshot {
                quarter: "2026Q2".into(),
                reports: 9,
                total: Some(82.4),
                basis: Some(100),
                verdict: Some(Verdict::Keep),
            },
            note: "示例记录 · sample record".into(),
        }],
        training: vec![Training {
            date: "2026-11-20".into(),
            topic: "考核评价办法（示例）".into(),
        }],
        sample: true,
        updated_at: at,
        deleted: false,
    }
}

/// 天鹤村's count, figures only (no names): members by building, officials, reported in.
fn census(at: Millis) -> Census {
    let by_building = [("1栋", 3), ("2栋", 2), ("3栋", 4), ("4栋", 1), ("5栋", 2)]
        .into_iter()
        .map(|(building, members)| BuildingCount {
            building: building.into(),
            members,
        })
        .collect();
    Census {
        id: "tianhecun".into(),
        compound: "tianhecun".into(),
        date: "2026-09-20".into(),
        members: Vec::new(),
        tally: Tally {
            by_building,
            officials: 3,
            reported: 2,
        },
        sample: true,
        updated_at: at,
        deleted: false,
    }
}

pub fn samples(at: Millis, jindi: Vec<String>) -> Samples {
    let preparing = state(Stage::Preparing, &[(Step::Petition, "2024-09-02")], at);
    let mut elected = state(
        Stage::Elected,
        &[
            (Step::Petition, "2024-09-02"),
            (Step::Group, "2024-10-15"),
            (Step::Vote, "2025-03-22"),
            (Step::Filing, "2025-04-10"),
        ],
        at,
    );
    elected.members = [("示例甲", "主任"), ("示例乙", "副主任"), ("示例丙", "委员")]
        .into_iter()
        .map(|(name, post)| Member {
            name: name.into(),
            post: post.into(),
        })
        .collect();
    elected.term_start = Some("2025-04-01".into());
    elected.term_end = Some("2030-03-31".into());
    elected.note = "示例记录 · sample record".into();
    let mut forming = state(
        Stage::Preparing,
        &[(Step::Petition, "2026-08-05"), (Step::Group, "2026-09-18")],
        at,
    );
    forming.note = "示例记录 · sample record".into();
    let committee =
        |compound: &str, current: CommitteeState, history: Vec<CommitteeState>| Committee {
            id: compound.into(),
            compound: compound.into(),
            current,
            history,
            sample: true,
            updated_at: at,
            deleted: false,
        };
    Samples {
        committees: vec![
            committee("songtaoli", elected, vec![preparing]),
            committee("guihuacun", forming, Vec::new()),
        ],
        contracts: vec![ServiceContract {
            id: "sample-baili-plaza".into(),
            company: "柏丽物业（示例）".into(),
            compounds: vec!["baili-plaza".into()],
            start: Some("2025-01-01".into()),
            term_months: Some(60),
            scope: vec![Scope::Cleaning, Scope::Security, Scope::Repairs],
            fee_fen: Some(60),
            ended_on: None,
            history: vec![PastTerm {
                start: Some("2023-01-01".into()),
                term_months: Some(24),
                fee_fen: Some(55),
                scope: vec![Scope::Cleaning, Scope::Security],
                closed: Closed::Renewed,
                recorded_at: at,
            }],
            migrated: false,
            sample: true,
            updated_at: at,
            deleted: false,
        }],
        companies: vec![company(at, jindi)],
        meetings: vec![Meeting {
            id: "sample-2026q4".into(),
            kind: MeetingKind::Quarterly,
            date: "2026-10-15".into(),
            attendees: [
                "书院路街道",
                "晓塘社区",
                "新塘社区",
                "金地物业",
                "柏丽物业（示例）",
            ]
            .map(String::from)
            .to_vec(),
            decisions: vec!["东塘村小区化粪池年底前清掏（示例）".into()],
            follow_ups: vec![
                FollowUp {
                    what: "化粪池清掏".into(),
                    owner: "金地物业".into(),
                    due: "2026-11-30".into(),
                    done: true,
                },
                FollowUp {
                    what: "桂花村停车位划线".into(),
                    owner: "新塘社区".into(),
                    due: "2027-01-31".into(),
                    done: false,
                },
            ],
            sample: true,
            updated_at: at,
            deleted: false,
        }],
        cases: vec![certificates(at)],
        improvements: guihuacun(at),
        censuses: vec![census(at)],
    }
}

/// The key case the source names: nearly 1,000 households' property certificates
/// (不动产办证) at 云峰安置区 and 柏丽广场, resolved (docs/FACTS.md; the compound notice of
/// the day of the report says so). The source gives neither the exact number nor the
/// dates: 1000 households and the opening day are the sample's.
fn certificates(at: Millis) -> KeyCase {
    KeyCase {
        id: "sample-certificates".into(),
        title: "云峰安置区、柏丽广场不动产办证".into(),
        kind: CaseKind::Certificates,
        compounds: vec!["yunfeng".into(), "baili-plaza".into()],
        households: 1000,
        opened: "2026-03-02".into(),
        progress: vec![Progress {
            date: "2026-10-19".into(),
            what: "近千户不动产证问题已解决，社区通知领证".into(),
            done: Some(1000),
        }],
        status: CaseStatus::Resolved,
        resolved_on: Some("2026-10-19".into()),
        sample: true,
        updated_at: at,
        deleted: false,
    }
}

/// 桂花村's four improvements (docs/FACTS.md), done by the day of the report; the source
/// gives no quantities: the numbers are the sample's.
fn guihuacun(at: Millis) -> Vec<Improvement> {
    [
        (ImprovementKind::BicycleShed, 1, "bicycle-shed"),
        (ImprovementKind::DryingRacks, 4, "drying-racks"),
        (ImprovementKind::Parking, 20, "parking"),
        (ImprovementKind::Charging, 2, "charging"),
    ]
    .into_iter()
    .map(|(kind, quantity, id)| Improvement {
        id: format!("sample-guihuacun-{id}"),
        compound: "guihuacun".into(),
        kind,
        description: String::new(),
        quantity,
        done_on: "2026-10-19".into(),
        note: "数量为示例".into(),
        sample: true,
        updated_at: at,
        deleted: false,
    })
    .collect()
}
