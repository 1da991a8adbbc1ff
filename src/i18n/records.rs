//! What residents read of the office's records on a compound's records page (its 业委会,
//! the contract that runs it: `components::compound_records`), a whole sentence per
//! language.
//! The office's forms and lists name stages, steps and services with these same words
//! (`GovernanceStrings::stage`, `step`, `scope`), so each has one name. Kept apart from
//! the governance catalogue, which only the dashboard carries: the resident app links only
//! what this page shows.

use super::Lang;
use crate::domain::governance::committee::{Stage, Step};
use crate::domain::governance::contract::Scope;

pub struct RecordStrings {
    pub committee: &'static str,
    pub contract: &'static str,
    /// After a record that is an example of the sample data.
    pub sample: &'static str,
    pub to_complete: &'static str,
    /// The compound has no published record.
    pub none: &'static str,
    /// The published records could not be read.
    pub unavailable: &'static str,
    /// Back to the compound's battle map.
    pub back: &'static str,
    pub stage: fn(Stage) -> &'static str,
    pub step: fn(Step) -> &'static str,
    pub service: fn(Scope) -> &'static str,
    /// The last step taken while forming, and its date.
    pub latest_step: fn(&str, &str) -> String,
    pub term: fn(&str, &str) -> String,
    /// Start, last day, months.
    pub period: fn(&str, &str, u16) -> String,
    /// The day it was ended.
    pub ended: fn(&str) -> String,
    /// The services owed, listed.
    pub services: fn(&str) -> String,
    /// The fee standard, in yuan (`0.80`).
    pub fee: fn(&str) -> String,
    /// How many other compounds the same contract runs.
    pub package: fn(usize) -> String,
}

const ZH: RecordStrings = RecordStrings {
    committee: "业主委员会",
    contract: "物业服务合同",
    sample: "示例",
    to_complete: "合同期限、服务内容和收费标准待区物业办补全。",
    none: "区物业办还没有公布本小区的业委会和物业合同记录。",
    unavailable: "记录暂时无法加载，请联网后再打开这一页。",
    back: "返回本小区作战图",
    stage: |s| match s {
        Stage::None => "未成立",
        Stage::Preparing => "筹备中",
        Stage::Elected => "已成立",
    },
    step: |s| match s {
        Step::Petition => "业主联名申请",
        Step::Group => "成立筹备组",
        Step::Candidates => "公告候选人",
        Step::Vote => "业主大会选举",
        Step::Filing => "街道备案",
    },
    service: |s| match s {
        Scope::Cleaning => "保洁进楼",
        Scope::Parking => "停车有序",
        Scope::Living => "人居提升",
        Scope::Security => "安保巡逻",
        Scope::Greening => "绿化养护",
        Scope::Repairs => "设施维修",
    },
    latest_step: |step, on| format!("最近一步：{step}（{on}）。"),
    term: |start, end| format!("任期 {start} 至 {end}。"),
    period: |start, end, months| format!("合同期 {start} 至 {end}，共 {months} 个月。"),
    ended: |on| format!("已于 {on} 终止。"),
    services: |list| format!("服务内容：{list}。"),
    fee: |yuan| format!("收费标准：每月每平方米 {yuan} 元。"),
    package: |n| format!("连片托管：同一份合同还管着另外 {n} 个小区。"),
};

const EN: RecordStrings = RecordStrings {
    committee: "Owners' committee",
    contract: "Property service contract",
    sample: "sample",
    to_complete: "The term, services and fee standard are still to be entered by the district office.",
    none: "The district office has not published an owners' committee or a contract for this compound yet.",
    unavailable: "The records cannot be loaded now; open this page again when online.",
    back: "Back to the compound's battle map",
    stage: |s| match s {
        Stage::None => "None",
        Stage::Preparing => "Preparing",
        Stage::Elected => "Elected",
    },
    step: |s| match s {
        Step::Petition => "Owners' petition",
        Step::Group => "Preparatory group set up",
        Step::Candidates => "Candidates posted",
        Step::Vote => "Owners' assembly vote",
        Step::Filing => "Registered with the street",
    },
    service: |s| match s {
        Scope::Cleaning => "Cleaning inside buildings",
        Scope::Parking => "Orderly parking",
        Scope::Living => "Better living conditions",
        Scope::Security => "Security patrols",
        Scope::Greening => "Greenery upkeep",
        Scope::Repairs => "Facility repairs",
    },
    latest_step: |step, on| format!("Latest step: {step} ({on})."),
    term: |start, end| format!("Term from {start} to {end}."),
    period: |start, end, months| format!("From {start} to {end}, {months} months."),
    ended: |on| format!("Ended on {on}."),
    services: |list| format!("Services: {list}."),
    fee: |yuan| format!("Fee standard: {yuan} yuan per square metre a month."),
    package: |n| {
        let s = if n == 1 { "" } else { "s" };
        format!("Packaged management: the same contract runs {n} other compound{s}.")
    },
};

pub fn record_strings(lang: Lang) -> &'static RecordStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
