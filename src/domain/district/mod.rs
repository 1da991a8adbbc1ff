//! The district's picture, derived from records and never stored: the period looked at,
//! coverage, the work done in a period, and the property-company scorecards; and what
//! the district server refused to carry (`refusal`, recorded by the server).

pub mod coverage;
pub mod period;
pub mod refusal;
pub mod scope;
pub mod scorecard;
pub mod work;
