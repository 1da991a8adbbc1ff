//! The district dashboard's words (its program only), as every catalogue here: one struct,
//! one constant per language (`zh.rs`, `en.rs`), so a missing sentence does not compile.

use super::Lang;
use crate::domain::district::period::PeriodError;
use crate::domain::district::refusal::RefusalCode;
use crate::domain::district::scorecard::{Measure, RulesError, Verdict};
use crate::format::summary::PackageError;

/// The words, one field each; `zh.rs` and `en.rs` give them in whole sentences.
pub struct DistrictStrings {
    pub nav_label: &'static str,
    pub drill_title: &'static str,
    pub trail_label: &'static str,
    pub whole_district: &'static str,
    pub tier_street: &'static str,
    pub tier_community: &'static str,
    pub tier_compound: &'static str,
    pub drill_note: &'static str,
    pub own_tier: &'static str,
    pub street_reads_only: &'static str,
    pub below_title: &'static str,
    pub below_col: &'static str,
    pub up_link: &'static str,
    pub reports_title: &'static str,
    pub report_col: &'static str,
    pub submitted_on: &'static str,
    pub no_reports_here: &'static str,
    pub report_missing: &'static str,
    pub report_steps: &'static str,
    pub report_text: &'static str,
    pub refusals_title: &'static str,
    pub refusals_explain: &'static str,
    pub no_refusals: &'static str,
    pub refusal_when: &'static str,
    pub refusal_account: &'static str,
    pub refusal_record: &'static str,
    pub refusal_why: &'static str,
    pub refusal_steward_of: &'static str,
    pub refused_not_theirs: &'static str,
    pub refused_unknown_history: &'static str,
    pub refused_not_their_step: &'static str,
    pub refused_too_old: &'static str,
    pub refused_malformed: &'static str,
    pub refused_not_allowed: &'static str,
    pub refusal_times: &'static str,
    pub print: &'static str,
    pub csv: &'static str,
    pub sort_by: &'static str,
    pub show_all: &'static str,
    pub period_label: &'static str,
    pub period_month: &'static str,
    pub period_quarter: &'static str,
    pub period_ytd: &'static str,
    pub period_custom: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub apply_range: &'static str,
    pub err_bad_date: &'static str,
    pub err_ends_before: &'static str,
    pub err_too_long: &'static str,
    pub previous: &'static str,
    pub sources_title: &'static str,
    pub sources_explain: &'static str,
    pub import_label: &'static str,
    pub no_sources: &'static str,
    pub source_col: &'static str,
    pub source_compounds: &'static str,
    pub source_exported: &'static str,
    pub source_imported: &'static str,
    pub source_mediations: &'static str,
    pub source_arrears: &'static str,
    pub source_changes: &'static str,
    pub imported: &'static str,
    pub saving: &'static str,
    pub err_too_large: &'static str,
    pub err_not_json: &'static str,
    pub err_not_package: &'static str,
    pub err_newer: &'static str,
    pub err_bad_entry: &'static str,
    pub err_duplicate: &'static str,
    pub err_not_newer: &'static str,
    pub nothing_changed: &'static str,
    pub export_title: &'static str,
    pub export_hint: &'static str,
    pub export_button: &'static str,
    pub export_no_profile: &'static str,
    pub coverage_title: &'static str,
    pub coverage_rate: &'static str,
    pub by_mode: &'static str,
    pub by_place: &'static str,
    pub place_col: &'static str,
    pub unnamed: &'static str,
    pub mode_col: &'static str,
    pub compounds_col: &'static str,
    pub covered_col: &'static str,
    pub rate_col: &'static str,
    pub published_col: &'static str,
    pub uncovered_title: &'static str,
    pub none_uncovered: &'static str,
    pub uncovered_directory: &'static str,
    pub chart_table_note: &'static str,
    pub work_title: &'static str,
    pub reports_n: &'static str,
    pub resolution: &'static str,
    pub median_days: &'static str,
    pub late_share: &'static str,
    pub reopen_rate: &'static str,
    pub satisfaction: &'static str,
    pub measure_col: &'static str,
    pub this_col: &'static str,
    pub by_status: &'static str,
    pub by_category: &'static str,
    pub by_compound: &'static str,
    pub status_col: &'static str,
    pub category_col: &'static str,
    pub compound_col: &'static str,
    pub by_month: &'static str,
    pub month_col: &'static str,
    pub submitted_col: &'static str,
    pub confirmed_col: &'static str,
    pub logs_title: &'static str,
    pub amount_col: &'static str,
    pub pre_litigation: &'static str,
    pub oral: &'static str,
    pub arrears: &'static str,
    pub reference_col: &'static str,
    pub scores_title: &'static str,
    pub quarter_label: &'static str,
    pub company_col: &'static str,
    pub contracts_col: &'static str,
    pub scores_note: &'static str,
    pub inspection_col: &'static str,
    pub complaints_col: &'static str,
    pub total_col: &'static str,
    pub verdict_col: &'static str,
    pub keep: &'static str,
    pub warn: &'static str,
    pub exit: &'static str,
    pub no_data: &'static str,
    pub basis_col: &'static str,
    pub totals_chart: &'static str,
    pub rules_title: &'static str,
    pub rules_proposed: &'static str,
    pub rules_from: &'static str,
    pub weight_col: &'static str,
    pub keep_at: &'static str,
    pub warn_at: &'static str,
    pub edit_rules: &'static str,
    pub edit_needs_pin: &'static str,
    pub save_rules: &'static str,
    pub rules_saved: &'static str,
    pub err_weights_sum: &'static str,
    pub err_thresholds: &'static str,
    pub err_number: &'static str,
    pub inspection_save: &'static str,
    pub inspection_saved: &'static str,
    pub m_resolution: &'static str,
    pub m_speed: &'static str,
    pub m_satisfaction: &'static str,
    pub m_reopen: &'static str,
    pub m_late: &'static str,
    pub m_inspection: &'static str,
}

mod en;
mod zh;
use en::EN;
use zh::ZH;

pub fn district_strings(lang: Lang) -> &'static DistrictStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl DistrictStrings {
    pub fn refusal(&self, code: RefusalCode) -> &'static str {
        match code {
            RefusalCode::NotTheirs => self.refused_not_theirs,
            RefusalCode::UnknownHistory => self.refused_unknown_history,
            RefusalCode::NotTheirStep => self.refused_not_their_step,
            RefusalCode::TooOld => self.refused_too_old,
            RefusalCode::Malformed => self.refused_malformed,
            RefusalCode::NotAllowed => self.refused_not_allowed,
        }
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Keep => self.keep,
            Verdict::Warn => self.warn,
            Verdict::Exit => self.exit,
        }
    }

    pub fn measure(&self, m: Measure) -> &'static str {
        match m {
            Measure::Resolution => self.m_resolution,
            Measure::Speed => self.m_speed,
            Measure::Satisfaction => self.m_satisfaction,
            Measure::Reopen => self.m_reopen,
            Measure::Late => self.m_late,
            Measure::Inspection => self.m_inspection,
        }
    }

    pub fn period_error(&self, e: &PeriodError) -> &'static str {
        match e {
            PeriodError::BadDate => self.err_bad_date,
            PeriodError::EndsBeforeStart => self.err_ends_before,
            PeriodError::TooLong => self.err_too_long,
        }
    }

    pub fn rules_error(&self, e: &RulesError) -> String {
        match e {
            RulesError::WeightsSum(n) => self.err_weights_sum.replace("{n}", &n.to_string()),
            RulesError::Thresholds => self.err_thresholds.to_string(),
        }
    }

    pub fn package_error(&self, e: &PackageError) -> String {
        match e {
            PackageError::TooLarge => self.err_too_large.into(),
            PackageError::NotJson => self.err_not_json.into(),
            PackageError::NotAPackage => self.err_not_package.into(),
            PackageError::NewerVersion(_) => self.err_newer.into(),
            PackageError::BadEntry(id, what) => format!("{}{id} ({what})", self.err_bad_entry),
            PackageError::Duplicate(id) => format!("{}{id}", self.err_duplicate),
            PackageError::NotNewer => self.err_not_newer.into(),
        }
    }
}
