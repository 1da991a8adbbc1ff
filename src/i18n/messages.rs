//! What each refusal of the pure layers says, in the reader's language: the formats name
//! what went wrong as values (`format::error::StoreError`, `format::backup::ImportError`,
//! `format::roster::RosterError`) and only this layer turns them into words, so the
//! formats never depend on the catalogue.

use super::Strings;
use crate::format::backup::ImportError;
use crate::format::error::StoreError;
use crate::format::roster::RosterError;

/// A refusal said in plain words (`use crate::i18n::messages::Message` to call it).
pub trait Message {
    fn message(&self, s: &Strings) -> String;
}

impl Message for StoreError {
    /// The plain-language message for the notice.
    fn message(&self, s: &Strings) -> String {
        match self {
            StoreError::Unavailable => s.err_unavailable.to_string(),
            StoreError::QuotaExceeded { .. } => s.err_quota.to_string(),
            StoreError::Corrupt { backup_key, .. } => {
                format!(
                    "{} ({})",
                    s.err_corrupt,
                    backup_key.as_deref().unwrap_or("-")
                )
            }
            StoreError::UnknownSchema { .. } => s.err_schema.to_string(),
            StoreError::Other { detail, .. } => format!("{} ({detail})", s.err_other),
            StoreError::RecordsUnavailable => s.err_records_unavailable.to_string(),
            StoreError::Interrupted { .. } => s.err_interrupted.to_string(),
            StoreError::Blocked => s.err_blocked.to_string(),
            StoreError::Replaced => s.err_replaced.to_string(),
            StoreError::CorruptRecord { id } => format!("{} ({id})", s.err_corrupt_record),
        }
    }
}

impl Message for ImportError {
    /// Why the backup file was refused.
    fn message(&self, s: &Strings) -> String {
        match self {
            ImportError::TooLarge { .. } => s.app().import_too_large.to_string(),
            ImportError::NotJson => s.app().import_not_json.to_string(),
            ImportError::NotABackup => s.app().import_not_backup.to_string(),
            ImportError::WrongVersion(_) => s.app().import_wrong_version.to_string(),
            ImportError::DuplicateId(id) => format!("{}{id}", s.app().import_duplicate),
            ImportError::Implausible(id) => format!("{}{id}", s.app().import_implausible),
        }
    }
}

impl Message for RosterError {
    /// Why the roster file was refused, with the line and column to fix.
    fn message(&self, s: &Strings) -> String {
        match self {
            RosterError::TooLarge { .. } => s.app().roster_too_large.to_string(),
            RosterError::UnterminatedQuote { line } => {
                format!("{}{}", s.app().roster_quote, s.line(*line))
            }
            RosterError::MissingColumn(c) => format!("{}{}", s.app().roster_missing, c.key()),
            RosterError::UnknownColumn(c) => format!("{}{c}", s.app().roster_unknown),
            RosterError::DuplicateColumn(c) => {
                format!("{}{}", s.app().roster_duplicate_column, c.key())
            }
            RosterError::BadCell {
                line,
                column,
                value,
            } => format!(
                "{}{}, {}: {value}",
                s.app().roster_bad_cell,
                s.line(*line),
                column.key()
            ),
            RosterError::DuplicateRow { line } => {
                format!("{}{}", s.app().roster_duplicate, s.line(*line))
            }
            RosterError::Empty => s.app().roster_empty.to_string(),
        }
    }
}
