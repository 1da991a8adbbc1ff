//! Steward mode's pieces: the PIN forms, the profile, the notice editor, the logs, and
//! records saved in two versions.

pub mod change_log;
pub mod change_step;
pub mod facts_editor;
pub mod gate;
pub mod glance;
pub mod log_forms;
pub mod map_editor;
pub mod next_step;
pub mod notice_editor;
pub mod package_export;
pub mod pin_forms;
pub mod profile_form;
pub mod queue;
pub mod record_conflicts;
pub mod roster_editor;
pub mod roster_import;
pub mod tier_panel;
