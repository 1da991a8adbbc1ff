//! Everything that can go wrong with stored data, as values the UI turns into a plain
//! message. Nothing in the store panics.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// localStorage is disabled, blocked (private mode, policy) or missing.
    Unavailable,
    /// The browser refused the write: the phone's storage for this site is full.
    QuotaExceeded { key: String },
    /// The stored text is not valid JSON or not the expected shape. `backup_key` is where
    /// the raw text was copied before defaults replaced it.
    Corrupt {
        key: String,
        backup_key: Option<String>,
    },
    /// Written by a newer version of the app than this one.
    UnknownSchema { key: String, found: u32 },
    /// Any other refusal from the browser, with its own words.
    Other { key: String, detail: String },
    /// The record store (IndexedDB) cannot be opened: private mode, a policy.
    RecordsUnavailable,
    /// A write was cut off (its transaction aborted); nothing of it was stored.
    Interrupted { key: String },
    /// Another tab keeps an older version of the app open, so the store cannot open.
    Blocked,
    /// A newer version of the app took over the store in another tab.
    Replaced,
    /// One stored record does not decode; it stays stored as it is, unshown.
    CorruptRecord { id: String },
}

impl StoreError {
    /// A stable code for tests and for the notice's CSS class.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Unavailable => "unavailable",
            StoreError::QuotaExceeded { .. } => "quota",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::UnknownSchema { .. } => "schema",
            StoreError::Other { .. } => "other",
            StoreError::RecordsUnavailable => "records-unavailable",
            StoreError::Interrupted { .. } => "interrupted",
            StoreError::Blocked => "blocked",
            StoreError::Replaced => "replaced",
            StoreError::CorruptRecord { .. } => "corrupt-record",
        }
    }

    /// The backup key of a corrupt value, when its raw copy was kept.
    pub fn raw_copy(&self) -> Option<&str> {
        match self {
            StoreError::Corrupt {
                backup_key: Some(key),
                ..
            } => Some(key),
            _ => None,
        }
    }
}
