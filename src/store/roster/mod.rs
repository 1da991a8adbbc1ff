//! Compounds and their rosters as CSV, for stewards who keep them in a spreadsheet: one row
//! per steward (or per building/unit with nobody yet), compound facts repeated on each row.
//! An import is checked whole — size, header, every row — before anything is written.
mod export;
mod import;

pub use export::export;
pub use import::import;

pub const MAX_BYTES: usize = 1024 * 1024;
pub const COLUMNS: [&str; 19] = [
    "compound_id",
    "compound_name",
    "community",
    "subdistrict",
    "mode",
    "covered",
    "property_company",
    "hotline",
    "grid",
    "building",
    "unit",
    "role",
    "name",
    "title",
    "phone",
    "duty_hours",
    "grid_name",
    "building_name",
    "unit_name",
];
/// The first 16 columns must be there; the display names may be left out (then the id
/// is the name).
const REQUIRED: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RosterError {
    TooLarge {
        bytes: usize,
    },
    UnterminatedQuote {
        line: usize,
    },
    MissingColumn(&'static str),
    UnknownColumn(String),
    /// A row (1-based line in the file) with a bad cell.
    BadCell {
        line: usize,
        column: &'static str,
        value: String,
    },
    DuplicateRow {
        line: usize,
    },
    Empty,
}
