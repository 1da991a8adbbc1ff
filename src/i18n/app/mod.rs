//! The words only the resident app and the steward console show (reports, settings, backups, the
//! district page, record conflicts), apart from `Strings`: the browse and card entries never
//! reach them, so a first visit does not download them. Read through `Strings::app`.

mod en;
mod zh;

use super::{Lang, Strings};
use crate::domain::compound::EmergencyKind;
use crate::domain::danger::PublicService;
use crate::domain::report::{Category, Status, Urgency};
use crate::domain::report_changes::ChangeKind;
use crate::domain::report_merge::ReportField;
use crate::domain::report_rules::QuestionKey;

pub struct AppStrings {
    pub back: &'static str,
    pub print: &'static str,
    pub scan_hint: &'static str,
    pub my_reports: &'static str,
    pub no_reports: &'static str,
    pub new_report: &'static str,
    pub show_number: &'static str,
    pub photos_label: &'static str,
    pub add_photo: &'static str,
    pub remove_photo: &'static str,
    pub photo_error: &'static str,
    pub photo_alt: &'static str,
    /// A photo the server holds, not on this phone yet.
    pub photo_coming: &'static str,
    /// A photo the report lists that its reporter's phone has not sent.
    pub photo_not_sent: &'static str,
    pub delete_report: &'static str,
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
    /// After a submit offline, where the report's page cannot be opened yet (the report
    /// entry's first visit, before the service worker has the site).
    pub submitted_offline: &'static str,
    pub open_report_page: &'static str,
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
    /// For a report filed by a signed-in resident: it travels by sync.
    pub send_hint_synced: &'static str,
    pub send_sms: &'static str,
    pub share_report: &'static str,
    pub no_steward: &'static str,
    pub expected_by: &'static str,
    pub record_update: &'static str,
    pub new_status: &'static str,
    pub note_label: &'static str,
    pub recorded_by: &'static str,
    pub reporter_role: &'static str,
    pub save_update: &'static str,
    pub confirm_title: &'static str,
    pub rating_label: &'static str,
    pub confirm_fixed: &'static str,
    pub not_fixed: &'static str,
    pub report_not_found: &'static str,
    pub district_title: &'static str,
    pub coverage: &'static str,
    pub by_mode: &'static str,
    pub in_data: &'static str,
    pub resolution_rate: &'static str,
    pub median_days: &'static str,
    pub overdue: &'static str,
    pub no_data_yet: &'static str,
    pub language: &'static str,
    pub elder_mode_hint: &'static str,
    pub not_chosen: &'static str,
    pub clear_my_building: &'static str,
    pub data: &'static str,
    /// The link to backup and restore (a page of the console).
    pub backup_link: &'static str,
    pub export_backup: &'static str,
    pub import_implausible: &'static str,
    pub roster_export: &'static str,
    pub roster_import: &'static str,
    pub roster_ok: &'static str,
    pub roster_too_large: &'static str,
    pub roster_quote: &'static str,
    pub roster_missing: &'static str,
    pub roster_unknown: &'static str,
    pub roster_bad_cell: &'static str,
    pub roster_duplicate: &'static str,
    pub roster_duplicate_column: &'static str,
    pub roster_empty: &'static str,
    pub import_backup: &'static str,
    pub import_ok: &'static str,
    pub import_too_large: &'static str,
    pub import_not_json: &'static str,
    pub import_not_backup: &'static str,
    pub import_wrong_version: &'static str,
    pub import_duplicate: &'static str,
    pub erase_all: &'static str,
    pub erase_confirm: &'static str,
    /// Erase-all could not reach the sync server to end its sign-in.
    pub erase_offline: &'static str,
    pub records_stored: &'static str,
    pub district_link: &'static str,
    pub conflict_tag: &'static str,
    pub conflict_title: &'static str,
    pub conflict_explain: &'static str,
    pub conflict_shown: &'static str,
    pub conflict_other: &'static str,
    pub conflict_keep: &'static str,
    pub conflict_merge: &'static str,
    pub conflict_steps: &'static str,
    /// Names of a report's fields, where two versions differ.
    pub conflict_fields: fn(ReportField) -> &'static str,
    pub photo_failed: &'static str,
    pub deleted_word: &'static str,
    pub kept_word: &'static str,
    pub storage_used: &'static str,
    pub storage_persisted: &'static str,
    pub storage_not_persisted: &'static str,
    pub storage_cannot_persist: &'static str,
    /// WebKit outside an installed app: storage deleted after seven days without a visit.
    pub storage_may_expire: &'static str,
    pub last_backup: &'static str,
    pub last_synced: &'static str,
    pub never_kept: &'static str,
    pub got_it: &'static str,
    pub steward_link: &'static str,
    /// Names of domain values, by value (a value without one does not compile).
    pub categories: fn(Category) -> &'static str,
    pub statuses: fn(Status) -> &'static str,
    pub urgencies: fn(Urgency) -> &'static str,
    /// A change step in a timeline: what it was, and the label of its new value.
    pub change_kinds: fn(ChangeKind) -> &'static str,
    pub change_values: fn(ChangeKind) -> &'static str,
    /// Around the number of reports a steward marked as one same problem.
    pub same_problem: [&'static str; 2],
    /// The danger screen (`domain::danger`): its heading, its one sentence, the public
    /// services, the compound's lines,
    /// the way on to the report, and the link that opens it again.
    pub danger_title: &'static str,
    pub danger_hint: &'static str,
    pub danger_services: fn(PublicService) -> &'static str,
    pub emergency_kinds: fn(EmergencyKind) -> &'static str,
    pub danger_continue: &'static str,
    pub danger_again: &'static str,
    /// Each category question's label, and the label of an answer to a question this
    /// version does not know (a newer app's).
    pub questions: fn(QuestionKey) -> &'static str,
    pub question_other: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub share_report_word: &'static str,
    pub share_category: &'static str,
    pub share_problem: &'static str,
    pub share_time: &'static str,
    pub share_reporter: &'static str,
    /// After a line number in a file ("第 3 行" reads "3 行" here).
    pub line_suffix: &'static str,
    pub reports_csv_header: [&'static str; 12],
}

impl Strings {
    /// The resident app's words in this language.
    pub fn app(&self) -> &'static AppStrings {
        match self.lang {
            Lang::Zh => &zh::ZH,
            Lang::En => &en::EN,
        }
    }
}
