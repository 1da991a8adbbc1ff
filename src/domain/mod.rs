//! The pure domain: types and rules of the battle map, with no browser types so that
//! everything here is tested natively with `cargo test`.

pub mod archive;
pub mod category;
pub mod claims;
pub mod compound;
pub mod compound_facts;
pub mod compound_merge;
pub mod contact_card;
pub mod danger;
pub mod dataset;
pub mod district;
pub mod duplicates;
pub mod governance;
pub mod handoff;
pub mod lang;
pub mod limits;
pub mod logs;
pub mod money;
pub mod notice;
pub mod phone;
pub mod photo;
pub mod pin;
pub mod pinyin;
pub mod place_edit;
pub mod qr;
pub mod queue;
pub mod records;
pub mod report;
pub mod report_changes;
pub mod report_merge;
pub mod report_rules;
pub mod roster_edit;
pub mod routing;
pub mod search;
pub mod stats;
pub mod steward;
pub mod steward_profile;
pub mod time;

/// Milliseconds since the Unix epoch. Plain numbers keep the domain free of `js_sys::Date`.
pub type Millis = i64;
