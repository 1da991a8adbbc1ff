//! The office's governance records on `/district`: each kind a section with its figures,
//! a sortable list with CSV export, and a form (one pattern: `form_kit`).

pub mod cases;
pub mod census;
pub mod committees;
pub mod companies;
pub mod contracts;
pub mod form_kit;
pub mod improvements;
pub mod meetings;
