//! Pure formats of stored and exchanged data: `{schema, data}` envelopes and their
//! migrations, the description of each stored collection, merging, JSON backups, CSV and
//! the roster spreadsheet. No browser types: everything here is tested natively.

pub mod archive;
pub mod backup;
pub mod changes;
pub mod collections;
pub mod csv;
pub mod documents;
pub mod entry_points;
pub mod envelope;
pub mod error;
pub mod field_merge;
pub mod governance;
pub mod handoff;
pub mod json;
pub mod merge;
pub mod migrations;
pub mod publish_refusal;
pub mod replication;
pub mod revision;
pub mod roster;
pub mod route;
pub mod settings;
pub mod steward_mode;
pub mod summary;
pub mod unknown_fields;
