//! The district's picture, derived from records and never stored: the period looked at,
//! coverage, the work done in a period, and the property-company scorecards.

pub mod coverage;
pub mod period;
pub mod scorecard;
pub mod work;
