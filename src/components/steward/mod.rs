//! Steward mode's pieces: the PIN forms, the profile, the notice editor and the logs.

pub mod log_forms;
pub mod notice_editor;
pub mod pin_forms;
pub mod profile_form;
pub mod roster_import;
