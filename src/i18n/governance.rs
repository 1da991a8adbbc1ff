//! The words of the governance records on the district dashboard (业委会, 连片托管
//! contracts): each line one string in both languages, so a missing translation does not
//! compile. A field's problem is one plain sentence shown beside it.

use super::Lang;
use crate::domain::governance::Problem;
use crate::domain::governance::case::{CaseKind, CaseStatus};
use crate::domain::governance::committee::{Stage, Step};
use crate::domain::governance::company::Decision;
use crate::domain::governance::contract::{Change, Closed, Scope};
use crate::domain::governance::improvement::ImprovementKind;
use crate::domain::governance::meeting::MeetingKind;

macro_rules! catalogue {
    ($($name:ident: $zh:literal, $en:literal;)+) => {
        pub struct GovernanceStrings {
            $(pub $name: &'static str,)+
        }
        const ZH: GovernanceStrings = GovernanceStrings { $($name: $zh,)+ };
        const EN: GovernanceStrings = GovernanceStrings { $($name: $en,)+ };
    };
}

catalogue! {
    records_title: "治理台账", "Governance records";
    records_explain: "区物业办记录各小区的业委会、连片托管合同、物业公司、专题会议、重点个案、改善项目和党员摸底。保存前逐项检查，有一项不对就不保存。改正会留下新版本，换届、续签和终止会留作历史。", "The district office records each compound's owners' committee, the packaged management contracts, the property companies, the meetings, key cases, improvements and the party census. Every field is checked before saving; nothing is saved while one is wrong. A correction is a new version; a new term, a renewal or an end is kept as history.";
    needs_pin: "录入和改正需要管家密码（区物业办账号同步到服务器）。", "Entering and correcting needs the steward PIN (the office's account syncs them to the server).";
    sample_mark: "示例", "Sample";
    migrated_mark: "来自公布名单，待补全", "from the published list, to complete";
    save: "保存", "Save";
    saved: "已保存。", "Saved.";
    not_saved: "没有保存：请按每一项旁边的提示改正。", "Not saved: correct each field as the note beside it says.";
    new_record: "新增", "New";
    correct: "改正", "Correct";
    history_col: "历史", "History";
    saved_col: "保存于", "Saved on";
    committee_title: "业主委员会", "Owners' committees";
    committee_counts: "业委会：已成立 {e} 个，筹备中 {p} 个，未成立 {n} 个；任期已满 {x} 个。", "Owners' committees: elected {e}, preparing {p}, none {n}; term over {x}.";
    committee_form: "业委会情况", "Owners' committee";
    compound_label: "小区", "Compound";
    compound_hint: "选择一个小区。", "Choose a compound.";
    stage_label: "阶段", "Stage";
    stage_hint: "未成立、筹备中或已成立。", "None, preparing or elected.";
    steps_label: "筹备步骤（填写完成日期）", "Steps (the date each was done)";
    step_hint: "完成了就填日期，不能晚于今天，按先后顺序。", "A date once done, not after today, in order.";
    members_label: "委员（每行一位：姓名 职务）", "Members (one a line: name, post)";
    members_hint: "已成立时填写，例如“张晓梅 主任”。", "When elected, e.g. “张晓梅 主任”.";
    term_start_label: "任期开始", "Term starts";
    term_end_label: "任期结束", "Term ends";
    term_hint: "已成立时填写，结束晚于开始。", "When elected; the end after the start.";
    note_label: "备注", "Note";
    note_hint: "可不填，最多 200 字。", "Optional, at most 200 characters.";
    last_step_col: "最近一步", "Latest step";
    members_col: "委员数", "Members";
    term_col: "任期", "Term";
    choose: "请选择", "Choose";
    contract_title: "连片托管合同", "Packaged management contracts";
    contract_counts: "在履行的合同 {k} 份，覆盖 {c} 个小区。", "Contracts in force: {k}; compounds covered: {c}.";
    contract_form: "托管合同", "Contract";
    company_label: "物业公司", "Property company";
    company_hint: "必填，最多 200 字。", "Required, at most 200 characters.";
    compounds_label: "托管的小区", "Compounds";
    compounds_hint: "至少选一个。", "Choose at least one.";
    start_label: "开始日期", "Starts";
    start_hint: "必填，年-月-日。", "Required, year-month-day.";
    term_label: "期限（月）", "Term (months)";
    term_months_hint: "1 到 120 个月。", "1 to 120 months.";
    scope_label: "服务内容", "Services";
    scope_hint: "至少选一项。", "Choose at least one.";
    fee_label: "收费标准（元/平方米·月）", "Fee standard (yuan per m² a month)";
    fee_hint: "例如 0.45，最多两位小数，不超过 20。", "e.g. 0.45, at most two decimals, at most 20.";
    change_label: "这次保存是", "This save is";
    change_hint: "改正录错的内容，或续签、终止（旧的留作历史）。", "A correction, or a renewal or an end (the old term is kept as history).";
    ended_label: "终止日期", "Ended on";
    ended_hint: "只在终止时填写，不早于开始日期。", "Only for an end; not before the start.";
    end_col: "结束", "Ends";
    status_col: "状态", "Status";
    in_force: "履行中", "In force";
    not_in_force: "已结束或未开始", "Ended or not started";
    p_required: "这一项必须填写。", "This field is required.";
    p_bad_date: "请填写完整的日期（年-月-日）。", "Enter a full date (year-month-day).";
    p_in_future: "日期不能晚于今天。", "The date cannot be after today.";
    p_before_start: "不能早于开始日期。", "It cannot be before the start.";
    p_step_order: "这一步的日期早于前一步。", "This step is dated before the one before it.";
    p_no_steps: "筹备中至少要有一个步骤的日期。", "Preparing needs at least one dated step.";
    p_no_members: "已成立的业委会要填写委员。", "An elected committee needs its members.";
    p_bad_member: "每行写一位委员：姓名、空格、职务（各不超过 20 字）。", "One member a line: name, a space, post (each at most 20 characters).";
    p_not_for_stage: "这一阶段不填这一项。", "This stage does not take this field.";
    p_too_long: "太长了，最多 200 字。", "Too long: at most 200 characters.";
    p_unknown_compound: "没有这个小区。", "There is no such compound.";
    p_bad_number: "请填写 1 到 120 之间的整数。", "Enter a whole number from 1 to 120.";
    p_bad_fee: "请填写大于 0、不超过 20 的金额，最多两位小数。", "Enter an amount above 0 and at most 20, with at most two decimals.";
    p_no_scope: "至少选一项服务内容。", "Choose at least one service.";
    p_end_needs_date: "终止要填写终止日期。", "An end needs the date it ended.";
    p_not_held: "新合同不能续签或终止。", "A new contract cannot be renewed or ended.";
    p_bad_phone: "每行写一位联系人：姓名、电话、职务，用空格隔开；电话要能拨通。", "One contact a line: name, phone, post, with spaces between; the phone must be one that can be dialled.";
    p_taken: "已经登记了同名的公司。", "A company of that name is registered already.";
    p_bad_follow_up: "每行一项待办：事项 | 负责人 | 到期日（年-月-日），办完了再加“| 完成”。", "One follow-up a line: what | owner | due date (year-month-day), and “| 完成” once done.";
    p_bad_party_line: "每行一位党员：姓名 | 楼栋；机关党员干部再加“| 机关”，已报到的再加“| 报到日期”（年-月-日）。", "One member a line: name | building; for an official add “| 机关”, and once reported in “| the date” (year-month-day).";
    p_long_name: "有一个姓名太长了，最多 20 字。", "A name is too long: at most 20 characters.";
    p_unknown_building: "有一行的楼栋不是这个小区名册里的楼栋（例如写“1栋”）。", "A line names a building that is not in this compound's roster (write e.g. “1栋”).";
    p_report_in_future: "报到日期不能晚于今天。", "A report-in date cannot be after today.";
    p_duplicate_member: "同一栋楼里同一个姓名写了两次。", "The same name is written twice for one building.";
    p_too_many_members: "一个小区最多录入 2000 名党员。", "At most 2,000 members a compound.";
    p_no_scorecard: "这家公司这个季度没有考核成绩，不能据此决定。", "The company has no scorecard for that quarter to decide on.";
    change_correct: "改正", "A correction";
    change_renew: "续签", "A renewal";
    change_end: "终止", "An end";
    closed_renewed: "续签前", "before renewal";
    closed_ended: "终止", "ended";
    company_title: "物业公司名录", "Register of property companies";
    company_counts: "登记物业公司 {n} 家：准入 {a} 家，约谈整改 {w} 家，退出 {x} 家；近半年参加培训 {t} 家。", "Property companies registered: {n} (admitted {a}, told to improve {w}, exited {x}); trained in the last half year: {t}.";
    company_form: "登记物业公司", "Register a company";
    contacts_label: "联系人（每行一位：姓名 电话 职务）", "Contacts (one a line: name, phone, post)";
    contacts_hint: "例如“示例甲 138 0000 0001 项目经理”。", "e.g. “示例甲 138 0000 0001 项目经理”.";
    served_label: "服务的小区", "Compounds served";
    served_hint: "可不选。", "Optional.";
    contacts_col: "联系人", "Contacts";
    contracts_in_force_col: "在履行合同", "Contracts in force";
    scores_col: "近四季度考核总分", "Scores, last four quarters";
    standing_col: "最近的准入退出决定", "Latest admission or exit decision";
    training_col: "参加培训", "Training attended";
    decision_form: "准入退出决定", "Admission or exit decision";
    decision_label: "决定", "Decision";
    decision_hint: "准入、约谈整改或退出。", "Admit, told to improve, or exit.";
    quarter_label: "依据的季度考核", "Quarter scored";
    quarter_hint: "附上这家公司这个季度的考核成绩。", "That quarter's scorecard of the company is attached.";
    decided_on_label: "决定日期", "Decided on";
    past_date_hint: "必填，不能晚于今天。", "Required, not after today.";
    pick_company_hint: "选择一家已登记的公司。", "Choose a registered company.";
    training_form: "参加培训", "Training attended";
    trained_on_label: "培训日期", "Trained on";
    topic_label: "培训内容", "Topic";
    no_score: "无数据", "no data";
    decision_admit: "准入", "Admitted";
    meeting_title: "物业管理会议", "Property-management meetings";
    meeting_counts: "本季度开了 {q} 次物业管理专题会议；待办 {o} 项没办完，其中 {l} 项已过期。", "Quarterly meetings held this quarter: {q}; follow-ups not done: {o}, past due: {l}.";
    meeting_form: "记录会议", "Record a meeting";
    meeting_kind_label: "会议类型", "Kind";
    meeting_kind_hint: "每季度的专题会议，或为一件事开的协调会。", "The quarterly meeting, or one called for a single matter.";
    meeting_date_label: "会议日期", "Date";
    attendees_label: "参会单位和人员（每行一个）", "Who attended (one a line)";
    attendees_hint: "至少一个，例如“书院路街道”“金地物业”。", "At least one, e.g. “书院路街道”, “金地物业”.";
    decisions_label: "会议决定（每行一条）", "Decisions (one a line)";
    decisions_hint: "可不填，每条最多 200 字。", "Optional, each at most 200 characters.";
    follow_ups_label: "待办（每行：事项 | 负责人 | 到期日）", "Follow-ups (a line each: what | owner | due)";
    follow_ups_hint: "办完了在行末加“| 完成”。", "Add “| 完成” at the end once done.";
    attendees_col: "参会", "Attended";
    decisions_col: "决定", "Decisions";
    follow_ups_col: "待办", "Follow-ups";
    open_col: "未办", "Not done";
    late_col: "已过期", "Past due";
    done_mark: "，已完成", ", done";
    kind_quarterly: "物业管理专题会议（季度）", "Quarterly property-management meeting";
    kind_special: "专题协调会", "Special meeting";
    case_title: "重点个案", "Key cases";
    case_counts: "在办的重点个案 {o} 件；涉及 {h} 户，已解决 {r} 户。", "Key cases open: {o}; households concerned: {h}, resolved: {r}.";
    case_form: "记录重点个案", "Record a key case";
    case_title_label: "个案名称", "Title";
    case_kind_label: "类型", "Kind";
    case_kind_hint: "不动产办证、维修资金、加装电梯或其他。", "Property certificates, repair fund, lifts, or other.";
    case_compounds_label: "涉及的小区", "Compounds";
    households_label: "涉及户数", "Households concerned";
    households_hint: "必填，大于 0 的整数。", "Required, a whole number above 0.";
    opened_label: "立案日期", "Opened on";
    progress_label: "进展（每行：日期 | 进展 | 已解决户数）", "Progress (a line each: date | what | households done)";
    progress_hint: "例如“2026-03-01 | 完成首批 | 300”，户数可不填。", "e.g. “2026-03-01 | first batch done | 300”; the households are optional.";
    case_status_label: "状态", "Status";
    case_status_hint: "在办或已解决。", "Open or resolved.";
    resolved_label: "解决日期", "Resolved on";
    resolved_hint: "已解决时填写，不早于立案日期，不晚于今天。", "When resolved; not before it was opened, not after today.";
    done_col: "已解决户数", "Households resolved";
    latest_col: "最近进展", "Latest progress";
    case_certificates: "不动产办证", "Property certificates";
    case_repair_fund: "维修资金", "Repair fund";
    case_lifts: "加装电梯", "Lifts added";
    case_other: "其他", "Other";
    status_open: "在办", "Open";
    status_resolved: "已解决", "Resolved";
    improvement_title: "改善项目", "Improvements made";
    improvement_counts: "已完成改善 {n} 项，涉及 {c} 个小区：{k}。", "Improvements made: {n}; compounds improved: {c} ({k}).";
    improvement_none: "还没有记录改善项目。", "No improvement recorded yet.";
    improvement_kind_count: "{k} {n} 项", "{k}: {n}";
    improvement_form: "记录改善项目", "Record an improvement";
    improvement_kind_label: "项目", "Kind";
    improvement_kind_hint: "选“其他”时要在“具体内容”里写明是什么。", "For “other”, say what it is under “What it is”.";
    description_label: "具体内容", "What it is";
    description_hint: "选“其他”时必填，最多 200 字。", "Required for “other”, at most 200 characters.";
    quantity_label: "数量", "Quantity";
    quantity_hint: "必填，大于 0 的整数（个、处、架）。", "Required, a whole number above 0 (sheds, racks, spaces, points).";
    done_on_label: "完成日期", "Done on";
    improvement_shed: "智慧单车棚", "Smart bicycle shed";
    improvement_racks: "共享晾衣架", "Shared drying racks";
    improvement_parking: "停车位", "Parking spaces";
    improvement_charging: "充电装置", "E-bike charging points";
    improvement_other: "其他", "Other";
    p_bad_count: "请填写大于 0 的整数。", "Enter a whole number above 0.";
    p_bad_progress: "每行一条进展：日期 | 进展 | 已解决户数（可不填）；日期不早于立案、不晚于今天，户数不超过涉及户数。", "One line of progress each: date | what | households done (optional); the date not before the case was opened nor after today, the households not more than concerned.";
    p_before_opened: "不能早于立案日期。", "It cannot be before the day the case was opened.";
    census_title: "党员摸底", "Party census";
    census_counts: "摸底党员 {m} 名，已摸底 {c} / {a} 个小区；机关党员干部 {o} 名，已报到 {r} 名，未报到 {n} 名。", "Party members counted: {m}, in {c} of {a} compounds; officials: {o}, reported in: {r}, not yet: {n}.";
    census_explain: "名单只在录入的这台设备和区物业办账号同步的数据库里，列表只显示人数。", "Names stay on the device that entered them and in the database the office's account syncs; the list shows figures only.";
    census_form: "录入或改正一个小区的摸底", "Enter or correct a compound's census";
    census_date_label: "摸底日期", "Date of the count";
    party_members_label: "党员名单（每行：姓名 | 楼栋 | 机关 | 报到日期）", "Members (a line each: name | building | 机关 | report-in date)";
    party_members_hint: "楼栋写名册里的，例如“2栋”；不是机关党员干部只写前两项，还没报到不写日期。", "The building as the roster names it, e.g. “2栋”; only the first two for a member who is not an official, no date until they report in.";
    party_members_col: "党员", "Members";
    officials_col: "机关党员干部", "Officials";
    reported_col: "已报到", "Reported in";
    distribution_col: "按楼栋分布", "By building";
    building_count: "{b} {n} 名", "{b}: {n}";
    decision_warn: "约谈整改", "Told to improve";
    decision_exit: "退出", "Exit";
}

pub fn governance_strings(lang: Lang) -> &'static GovernanceStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl GovernanceStrings {
    /// The same language's `Strings`, for its marks (`list`, `with_note`, `clauses`).
    pub fn strings(&'static self) -> &'static super::Strings {
        super::strings(if std::ptr::eq(self, &ZH) {
            Lang::Zh
        } else {
            Lang::En
        })
    }

    /// `text` as a list shows it: with the sample mark when the record is a sample — once
    /// (the published sample places and companies are named 「…（示例）」 already).
    pub fn sample_named(&'static self, text: &str, sample: bool) -> String {
        if sample && !text.contains(self.sample_mark) {
            self.strings().with_note(text, self.sample_mark)
        } else {
            text.to_string()
        }
    }

    pub fn problem(&self, p: Problem) -> &'static str {
        match p {
            Problem::Required => self.p_required,
            Problem::BadDate => self.p_bad_date,
            Problem::InFuture => self.p_in_future,
            Problem::BeforeStart => self.p_before_start,
            Problem::StepOrder => self.p_step_order,
            Problem::NoSteps => self.p_no_steps,
            Problem::NoMembers => self.p_no_members,
            Problem::BadMember => self.p_bad_member,
            Problem::NotForStage => self.p_not_for_stage,
            Problem::TooLong => self.p_too_long,
            Problem::UnknownCompound => self.p_unknown_compound,
            Problem::BadNumber => self.p_bad_number,
            Problem::BadFee => self.p_bad_fee,
            Problem::NoScope => self.p_no_scope,
            Problem::EndNeedsDate => self.p_end_needs_date,
            Problem::NotHeld => self.p_not_held,
            Problem::BadPhone => self.p_bad_phone,
            Problem::Taken => self.p_taken,
            Problem::NoScorecard => self.p_no_scorecard,
            Problem::BadFollowUp => self.p_bad_follow_up,
            Problem::BadCount => self.p_bad_count,
            Problem::BadProgress => self.p_bad_progress,
            Problem::BeforeOpened => self.p_before_opened,
            Problem::BadPartyLine => self.p_bad_party_line,
            Problem::LongName => self.p_long_name,
            Problem::UnknownBuilding => self.p_unknown_building,
            Problem::ReportInFuture => self.p_report_in_future,
            Problem::DuplicateMember => self.p_duplicate_member,
            Problem::TooManyMembers => self.p_too_many_members,
        }
    }

    /// The words residents read on a compound's page too (`i18n::records`): one name each.
    fn records(&'static self) -> &'static super::records::RecordStrings {
        super::records::record_strings(self.strings().lang)
    }

    pub fn stage(&'static self, s: Stage) -> &'static str {
        (self.records().stage)(s)
    }

    pub fn step(&'static self, s: Step) -> &'static str {
        (self.records().step)(s)
    }

    pub fn scope(&'static self, s: Scope) -> &'static str {
        (self.records().service)(s)
    }

    pub fn change(&self, c: Change) -> &'static str {
        match c {
            Change::Correct => self.change_correct,
            Change::Renew => self.change_renew,
            Change::End => self.change_end,
        }
    }

    pub fn decision(&self, d: Decision) -> &'static str {
        match d {
            Decision::Admit => self.decision_admit,
            Decision::Warn => self.decision_warn,
            Decision::Exit => self.decision_exit,
        }
    }

    pub fn meeting_kind(&self, m: MeetingKind) -> &'static str {
        match m {
            MeetingKind::Quarterly => self.kind_quarterly,
            MeetingKind::Special => self.kind_special,
        }
    }

    pub fn case_kind(&self, k: CaseKind) -> &'static str {
        match k {
            CaseKind::Certificates => self.case_certificates,
            CaseKind::RepairFund => self.case_repair_fund,
            CaseKind::Lifts => self.case_lifts,
            CaseKind::Other => self.case_other,
        }
    }

    pub fn case_status(&self, s: CaseStatus) -> &'static str {
        match s {
            CaseStatus::Open => self.status_open,
            CaseStatus::Resolved => self.status_resolved,
        }
    }

    pub fn improvement_kind(&self, k: ImprovementKind) -> &'static str {
        match k {
            ImprovementKind::BicycleShed => self.improvement_shed,
            ImprovementKind::DryingRacks => self.improvement_racks,
            ImprovementKind::Parking => self.improvement_parking,
            ImprovementKind::Charging => self.improvement_charging,
            ImprovementKind::Other => self.improvement_other,
        }
    }

    pub fn closed(&self, c: Closed) -> &'static str {
        match c {
            Closed::Renewed => self.closed_renewed,
            Closed::Ended => self.closed_ended,
        }
    }
}
