//! The words of the office's governance records on the district dashboard (业委会, 连片托管
//! contracts, the company register, meetings, key cases, improvements, the party census),
//! as every catalogue here: one struct, one constant per language (`zh.rs`, `en.rs`), so a
//! missing sentence does not compile. A field's problem is one plain sentence shown beside
//! it; a sentence with counts in it names its places (`{e}`), which the section fills.

use super::Lang;
use crate::domain::governance::Problem;
use crate::domain::governance::case::{CaseKind, CaseStatus};
use crate::domain::governance::committee::{Stage, Step};
use crate::domain::governance::company::Decision;
use crate::domain::governance::contract::{Change, Closed, Scope};
use crate::domain::governance::improvement::ImprovementKind;
use crate::domain::governance::meeting::MeetingKind;

/// The words, one field each; `zh.rs` and `en.rs` give them in whole sentences.
pub struct GovernanceStrings {
    pub records_title: &'static str,
    pub records_explain: &'static str,
    pub needs_pin: &'static str,
    pub sample_mark: &'static str,
    pub migrated_mark: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,
    pub new_record: &'static str,
    pub correct: &'static str,
    pub history_col: &'static str,
    pub saved_col: &'static str,
    pub committee_title: &'static str,
    pub committee_counts: &'static str,
    pub committee_form: &'static str,
    pub compound_label: &'static str,
    pub compound_hint: &'static str,
    pub stage_label: &'static str,
    pub stage_hint: &'static str,
    pub steps_label: &'static str,
    pub step_hint: &'static str,
    pub members_label: &'static str,
    pub members_hint: &'static str,
    pub term_start_label: &'static str,
    pub term_end_label: &'static str,
    pub term_hint: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub last_step_col: &'static str,
    pub members_col: &'static str,
    pub term_col: &'static str,
    pub choose: &'static str,
    pub contract_title: &'static str,
    pub contract_counts: &'static str,
    pub contract_form: &'static str,
    pub company_label: &'static str,
    pub company_hint: &'static str,
    pub compounds_label: &'static str,
    pub compounds_hint: &'static str,
    pub start_label: &'static str,
    pub start_hint: &'static str,
    pub term_label: &'static str,
    pub term_months_hint: &'static str,
    pub scope_label: &'static str,
    pub scope_hint: &'static str,
    pub fee_label: &'static str,
    pub fee_hint: &'static str,
    pub change_label: &'static str,
    pub change_hint: &'static str,
    pub ended_label: &'static str,
    pub ended_hint: &'static str,
    pub end_col: &'static str,
    pub status_col: &'static str,
    pub in_force: &'static str,
    pub not_in_force: &'static str,
    pub p_required: &'static str,
    pub p_bad_date: &'static str,
    pub p_in_future: &'static str,
    pub p_before_start: &'static str,
    pub p_step_order: &'static str,
    pub p_no_steps: &'static str,
    pub p_no_members: &'static str,
    pub p_bad_member: &'static str,
    pub p_not_for_stage: &'static str,
    pub p_too_long: &'static str,
    pub p_unknown_compound: &'static str,
    pub p_bad_number: &'static str,
    pub p_bad_fee: &'static str,
    pub p_no_scope: &'static str,
    pub p_end_needs_date: &'static str,
    pub p_not_held: &'static str,
    pub p_bad_phone: &'static str,
    pub p_taken: &'static str,
    pub p_bad_follow_up: &'static str,
    pub p_bad_party_line: &'static str,
    pub p_long_name: &'static str,
    pub p_unknown_building: &'static str,
    pub p_report_in_future: &'static str,
    pub p_duplicate_member: &'static str,
    pub p_too_many_members: &'static str,
    pub p_no_scorecard: &'static str,
    pub change_correct: &'static str,
    pub change_renew: &'static str,
    pub change_end: &'static str,
    pub closed_renewed: &'static str,
    pub closed_ended: &'static str,
    pub company_title: &'static str,
    pub company_counts: &'static str,
    pub company_form: &'static str,
    pub contacts_label: &'static str,
    pub contacts_hint: &'static str,
    pub served_label: &'static str,
    pub served_hint: &'static str,
    pub contacts_col: &'static str,
    pub contracts_in_force_col: &'static str,
    pub scores_col: &'static str,
    pub standing_col: &'static str,
    pub training_col: &'static str,
    pub decision_form: &'static str,
    pub decision_label: &'static str,
    pub decision_hint: &'static str,
    pub quarter_label: &'static str,
    pub quarter_hint: &'static str,
    pub decided_on_label: &'static str,
    pub past_date_hint: &'static str,
    pub pick_company_hint: &'static str,
    pub training_form: &'static str,
    pub trained_on_label: &'static str,
    pub topic_label: &'static str,
    pub no_score: &'static str,
    pub decision_admit: &'static str,
    pub meeting_title: &'static str,
    pub meeting_counts: &'static str,
    pub meeting_form: &'static str,
    pub meeting_kind_label: &'static str,
    pub meeting_kind_hint: &'static str,
    pub meeting_date_label: &'static str,
    pub attendees_label: &'static str,
    pub attendees_hint: &'static str,
    pub decisions_label: &'static str,
    pub decisions_hint: &'static str,
    pub follow_ups_label: &'static str,
    pub follow_ups_hint: &'static str,
    pub attendees_col: &'static str,
    pub decisions_col: &'static str,
    pub follow_ups_col: &'static str,
    pub open_col: &'static str,
    pub late_col: &'static str,
    pub done_mark: &'static str,
    pub kind_quarterly: &'static str,
    pub kind_special: &'static str,
    pub case_title: &'static str,
    pub case_counts: &'static str,
    pub case_form: &'static str,
    pub case_title_label: &'static str,
    pub case_kind_label: &'static str,
    pub case_kind_hint: &'static str,
    pub case_compounds_label: &'static str,
    pub households_label: &'static str,
    pub households_hint: &'static str,
    pub opened_label: &'static str,
    pub progress_label: &'static str,
    pub progress_hint: &'static str,
    pub case_status_label: &'static str,
    pub case_status_hint: &'static str,
    pub resolved_label: &'static str,
    pub resolved_hint: &'static str,
    pub done_col: &'static str,
    pub latest_col: &'static str,
    pub case_certificates: &'static str,
    pub case_repair_fund: &'static str,
    pub case_lifts: &'static str,
    pub case_other: &'static str,
    pub status_open: &'static str,
    pub status_resolved: &'static str,
    pub improvement_title: &'static str,
    pub improvement_counts: &'static str,
    pub improvement_none: &'static str,
    pub improvement_kind_count: &'static str,
    pub improvement_form: &'static str,
    pub improvement_kind_label: &'static str,
    pub improvement_kind_hint: &'static str,
    pub description_label: &'static str,
    pub description_hint: &'static str,
    pub quantity_label: &'static str,
    pub quantity_hint: &'static str,
    pub done_on_label: &'static str,
    pub improvement_shed: &'static str,
    pub improvement_racks: &'static str,
    pub improvement_parking: &'static str,
    pub improvement_charging: &'static str,
    pub improvement_other: &'static str,
    pub p_bad_count: &'static str,
    pub p_bad_progress: &'static str,
    pub p_before_opened: &'static str,
    pub census_title: &'static str,
    pub census_counts: &'static str,
    pub census_explain: &'static str,
    pub census_form: &'static str,
    pub census_date_label: &'static str,
    pub party_members_label: &'static str,
    pub party_members_hint: &'static str,
    pub party_members_col: &'static str,
    pub officials_col: &'static str,
    pub reported_col: &'static str,
    pub distribution_col: &'static str,
    pub building_count: &'static str,
    pub decision_warn: &'static str,
    pub decision_exit: &'static str,
}

mod en;
mod zh;
use en::EN;
use zh::ZH;

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
