//! Every user-visible string, in a small typed catalogue: one struct, one constant per
//! language (`zh.rs`, `en.rs`). A missing string is a compile error, and the catalogue
//! costs only its text in the bundle (see README for why not leptos_i18n).

mod en;
mod labels;
pub mod share;
mod zh;

pub use labels::*;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// The strings of one language. Fields are grouped by page.
pub struct Strings {
    pub app_name: &'static str,
    pub campaign: &'static str,
    pub loading: &'static str,
    // navigation
    pub nav_home: &'static str,
    pub nav_directory: &'static str,
    pub nav_report: &'static str,
    pub nav_mine: &'static str,
    pub main_nav: &'static str,
    pub back: &'static str,
    pub switch_lang: &'static str,
    // home and card
    pub my_building: &'static str,
    pub choose_prompt: &'static str,
    pub change_building: &'static str,
    pub set_my_building: &'static str,
    pub is_my_building: &'static str,
    pub call: &'static str,
    pub text: &'static str,
    pub nobody: &'static str,
    pub hotlines: &'static str,
    pub property_hotline: &'static str,
    pub community_phone: &'static str,
    pub whole_building: &'static str,
    pub unit_label: &'static str,
    pub building_not_found: &'static str,
    pub share_card: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub duty: &'static str,
    // directory
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub all_modes: &'static str,
    pub all_subdistricts: &'static str,
    pub mode_label: &'static str,
    pub subdistrict_label: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    pub show_more: &'static str,
    // compound
    pub facts: &'static str,
    pub built: &'static str,
    pub households: &'static str,
    pub management: &'static str,
    pub covered: &'static str,
    pub not_covered: &'static str,
    pub company: &'static str,
    pub facilities: &'static str,
    pub battle_map: &'static str,
    pub compound_level: &'static str,
    pub notices: &'static str,
    pub no_notices: &'static str,
    pub compound_not_found: &'static str,
    pub unknown: &'static str,
    pub open_card: &'static str,
    pub buildings_count: &'static str,
    pub poster: &'static str,
    pub print: &'static str,
    pub scan_hint: &'static str,
    // reports
    pub my_reports: &'static str,
    pub no_reports: &'static str,
    pub new_report: &'static str,
    pub new_report_title: &'static str,
    pub compound_label: &'static str,
    pub building_label: &'static str,
    pub choose: &'static str,
    pub category_label: &'static str,
    pub description_label: &'static str,
    pub description_hint: &'static str,
    pub urgency_label: &'static str,
    pub reporter_label: &'static str,
    pub name_label: &'static str,
    pub phone_label: &'static str,
    pub share_phone_label: &'static str,
    pub privacy_hint: &'static str,
    pub draft_saved: &'static str,
    pub submit: &'static str,
    pub err_compound: &'static str,
    pub err_required: &'static str,
    pub err_too_long: &'static str,
    pub err_phone_chars: &'static str,
    pub err_phone_number: &'static str,
    pub dup_title: &'static str,
    pub dup_mine_too: &'static str,
    pub dup_different: &'static str,
    pub followers: &'static str,
    pub drafts: &'static str,
    pub continue_draft: &'static str,
    pub delete: &'static str,
    pub confirm_delete: &'static str,
    pub all_statuses: &'static str,
    pub all_categories: &'static str,
    pub export_csv: &'static str,
    pub overdue_tag: &'static str,
    pub ref_label: &'static str,
    pub send_title: &'static str,
    pub send_hint: &'static str,
    pub send_sms: &'static str,
    pub share_report: &'static str,
    pub no_steward: &'static str,
    pub expected_by: &'static str,
    pub timeline: &'static str,
    pub record_update: &'static str,
    pub new_status: &'static str,
    pub note_label: &'static str,
    pub recorded_by: &'static str,
    pub reporter_role: &'static str,
    pub save_update: &'static str,
    pub err_note: &'static str,
    pub err_illegal: &'static str,
    pub confirm_title: &'static str,
    pub rating_label: &'static str,
    pub confirm_fixed: &'static str,
    pub not_fixed: &'static str,
    pub err_rating: &'static str,
    pub report_not_found: &'static str,
    // district
    pub district_title: &'static str,
    pub coverage: &'static str,
    pub by_mode: &'static str,
    pub in_data: &'static str,
    pub reference: &'static str,
    pub resolution_rate: &'static str,
    pub median_days: &'static str,
    pub overdue: &'static str,
    pub compounds_unit: &'static str,
    pub no_data_yet: &'static str,
    pub mediation_ref: &'static str,
    pub arrears_ref: &'static str,
    // settings
    pub settings: &'static str,
    pub language: &'static str,
    pub elder_mode: &'static str,
    pub elder_mode_hint: &'static str,
    pub not_chosen: &'static str,
    pub clear_my_building: &'static str,
    pub data: &'static str,
    pub export_backup: &'static str,
    pub import_backup: &'static str,
    pub import_ok: &'static str,
    pub import_too_large: &'static str,
    pub import_not_json: &'static str,
    pub import_not_backup: &'static str,
    pub import_wrong_version: &'static str,
    pub import_duplicate: &'static str,
    pub erase_all: &'static str,
    pub erase_confirm: &'static str,
    pub records_stored: &'static str,
    pub district_link: &'static str,
    // storage problems
    pub err_unavailable: &'static str,
    pub err_quota: &'static str,
    pub err_corrupt: &'static str,
    pub err_schema: &'static str,
    pub err_other: &'static str,
    pub err_dataset: &'static str,
    pub dismiss: &'static str,
    pub offline: &'static str,
    pub update_ready: &'static str,
    pub reload: &'static str,
    pub install: &'static str,
    pub ios_install: &'static str,
    pub storage_used: &'static str,
    pub storage_persisted: &'static str,
    // not found
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_home: &'static str,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &zh::ZH,
        Lang::En => &en::EN,
    }
}
