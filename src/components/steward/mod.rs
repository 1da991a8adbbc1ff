//! Steward mode's pieces: the PIN forms, the profile, and the notice editor.

pub mod notice_editor;
pub mod pin_forms;
pub mod profile_form;
