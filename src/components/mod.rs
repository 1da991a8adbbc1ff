//! Reusable view pieces. Pages (`crate::pages`) compose them.

pub mod archive_tools;
pub mod backup_tools;
pub mod claim_question;
pub mod compound_notices;
pub mod contact_card;
pub mod district;
pub mod erase_button;
pub mod form_fields;
pub mod handoff;
pub mod icons;
pub mod later;
pub mod photos;
pub mod problem_notices;
pub mod pwa_banners;
pub mod qr_code;
pub mod report_detail;
pub mod report_form;
pub mod report_here_link;
pub mod sample_notice;
pub mod share_button;
pub mod shell;
pub mod steward;
pub mod steward_row;
pub mod storage_notice;
pub mod sync_panel;
pub mod timeline;
