//! The district dashboard's parts: where the figures come from, coverage, work done,
//! property-company scorecards, what the server refused, and the tables and charts they
//! are shown in.

pub mod charts;
pub mod coverage;
pub mod data_table;
pub mod drill;
pub mod period_picker;
pub mod records;
pub mod refusals;
pub mod scorecards;
pub mod scoring_editor;
pub mod sources;
pub mod work;

use crate::domain::stats::Ratio;
use data_table::Cell;

/// `80.88%`, or `—` when there is nothing to divide.
pub fn percent_text(r: Ratio) -> String {
    r.percent()
        .map_or_else(|| "—".into(), |p| format!("{p:.2}%"))
}

/// A share as a cell that sorts by its value.
pub fn percent_cell(r: Ratio) -> Cell {
    r.percent().map_or_else(
        || Cell::text("—"),
        |p| Cell::number(format!("{p:.2}% ({}/{})", r.part, r.whole), p),
    )
}
