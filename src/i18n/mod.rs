//! Every user-visible string, in a small typed catalogue: one struct, one constant per
//! language (`zh.rs`, `en.rs`). A missing string is a compile error, and the catalogue
//! costs only its text in the bundle (see README for why not leptos_i18n).

pub mod app;
pub mod console;
pub mod district;
mod en;
pub mod governance;
pub mod handoff;
mod labels;
pub mod messages;
pub mod publish;
pub mod records;
pub mod report_table;
pub mod share;
pub mod sync;
mod zh;

use crate::domain::compound::ManagementMode;
pub use crate::domain::lang::Lang;
use crate::domain::steward::Role;

/// The strings of one language. Fields are grouped by page.
pub struct Strings {
    /// Which language these are (to find the same language's `AppStrings`).
    pub lang: Lang,
    pub app_name: &'static str,
    pub campaign: &'static str,
    pub loading: &'static str,
    // navigation
    pub nav_home: &'static str,
    pub nav_directory: &'static str,
    pub nav_report: &'static str,
    pub nav_mine: &'static str,
    pub main_nav: &'static str,
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
    /// Before the date the compound's roster was last changed (a card, the poster).
    pub roster_updated: &'static str,
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
    pub coverage_filter: &'static str,
    pub all_coverage: &'static str,
    pub all_subdistricts: &'static str,
    pub mode_label: &'static str,
    pub subdistrict_label: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    /// Shown instead of `no_results` while the pinyin table is not here (yet).
    pub pinyin_loading: &'static str,
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
    /// The link from a battle map to its 业委会 and contract, and that page's title.
    pub records_link: &'static str,
    // reports
    pub status_label: &'static str,
    pub err_compound: &'static str,
    pub err_required: &'static str,
    pub err_too_long: &'static str,
    pub err_phone_chars: &'static str,
    pub err_phone_number: &'static str,
    pub timeline: &'static str,
    pub err_note: &'static str,
    pub err_illegal: &'static str,
    pub err_rating: &'static str,
    // district
    pub reference: &'static str,
    // settings
    pub settings: &'static str,
    pub elder_mode: &'static str,
    // storage problems
    pub err_unavailable: &'static str,
    pub err_quota: &'static str,
    pub err_corrupt: &'static str,
    pub err_schema: &'static str,
    pub err_other: &'static str,
    pub err_records_unavailable: &'static str,
    pub err_interrupted: &'static str,
    pub err_blocked: &'static str,
    pub err_replaced: &'static str,
    pub err_corrupt_record: &'static str,
    pub err_dataset: &'static str,
    pub dismiss: &'static str,
    pub download_raw: &'static str,
    pub offline: &'static str,
    pub update_ready: &'static str,
    pub reload: &'static str,
    pub install: &'static str,
    pub ios_install: &'static str,
    // not found
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_home: &'static str,
    pub sample_notice: &'static str,
    pub report_here: &'static str,
    pub wechat_hint: &'static str,
    pub notice_until: &'static str,
    pub share_notice: &'static str,
    pub notice_pinned_tag: &'static str,
    // names of domain values, by value: a value without one does not compile (labels.rs)
    pub roles: fn(Role) -> &'static str,
    pub modes: fn(ManagementMode) -> &'static str,
    // share texts
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &zh::ZH,
        Lang::En => &en::EN,
    }
}
