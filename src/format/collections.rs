//! Every localStorage value described once: its key, the schema it is written at, and how
//! older schemas are upgraded. Settings and steward mode live there; the record
//! collections (reports, compounds, the logs) are the first store's keys, read once to
//! move them into the document store (`state::migration`).

use super::envelope::{Migration, decode, encode};
use super::error::StoreError;
use super::json::{FromJson, ToJson};
use super::migrations;

#[derive(Clone, Copy, Debug)]
pub struct Collection {
    pub key: &'static str,
    pub schema: u32,
    pub migrate: Migration,
}

impl Collection {
    /// A stored value of this collection, migrated from whatever schema wrote it.
    pub fn decode<T: FromJson>(&self, raw: &str) -> Result<T, StoreError> {
        decode(self.key, raw, self.schema, self.migrate)
    }

    /// The value as stored, at the current schema.
    pub fn encode<T: ToJson + ?Sized>(&self, data: &T) -> String {
        encode(self.schema, data)
    }
}

pub const SETTINGS: Collection = Collection {
    key: "cs.settings",
    schema: 1,
    migrate: migrations::settings,
};

/// The first store's local compound edits (moved into documents on first start).
pub const COMPOUNDS: Collection = Collection {
    key: "cs.compounds",
    schema: 1,
    migrate: migrations::bare_array,
};

/// A copy of this phone's compound edits (the document store's winners) for the browse
/// entry, which shows them without the document store's code: written by the resident
/// app and the console whenever the edits change (`state::records`). Only a copy: the
/// documents stay the record, and a copy that cannot be written leaves them intact.
pub const COMPOUNDS_SHOWN: Collection = Collection {
    key: "cs.compounds.shown",
    schema: 1,
    migrate: migrations::none,
};

/// The first store's reports (moved into documents on first start).
pub const REPORTS: Collection = Collection {
    key: "cs.reports",
    schema: 1,
    migrate: migrations::bare_array,
};

pub const STEWARD_MODE: Collection = Collection {
    key: "cs.steward",
    schema: 1,
    migrate: migrations::none,
};

/// The first store's mediation log (console only; moved into documents).
pub const MEDIATIONS: Collection = Collection {
    key: "cs.mediations",
    schema: 1,
    migrate: migrations::none,
};

/// The first store's log of recovered arrears (console only; moved into documents).
pub const ARREARS: Collection = Collection {
    key: "cs.arrears",
    schema: 1,
    migrate: migrations::none,
};

/// The schema of the published dataset file (`public/data/district.json`).
pub const DATASET_SCHEMA: u32 = 1;

/// The schema of the office's public records (`/data/records.json`).
pub const RECORDS_SCHEMA: u32 = 1;

/// Every key this app writes starts with this; "erase all" removes exactly these.
pub const KEY_PREFIX: &str = "cs.";

/// Where a corrupt value is copied before anything replaces it.
pub fn backup_key(key: &str, now_ms: i64) -> String {
    format!("{key}.corrupt.{now_ms}")
}
