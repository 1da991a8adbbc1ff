//! One localStorage key per collection, and the schema version each is written at.

pub const SETTINGS: &str = "cs.settings";
pub const COMPOUNDS: &str = "cs.compounds";
pub const REPORTS: &str = "cs.reports";

pub const SETTINGS_SCHEMA: u32 = 1;
pub const COMPOUNDS_SCHEMA: u32 = 1;
pub const REPORTS_SCHEMA: u32 = 1;

/// Where a corrupt value is copied before anything replaces it.
pub fn backup_key(key: &str, now_ms: i64) -> String {
    format!("{key}.corrupt.{now_ms}")
}
