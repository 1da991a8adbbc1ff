//! One row of a roster file: its cells looked up by column, and the checks every cell
//! goes through (ids, modes, roles, yes/no, phone numbers, numbers in range, lengths).

use super::{Column, REQUIRED, RosterError};
use crate::domain::compound::ManagementMode;
use crate::domain::steward::Role;

pub(super) fn parse_mode(v: &str) -> Option<ManagementMode> {
    ManagementMode::from_key(v).or_else(|| ManagementMode::ALL.into_iter().find(|m| m.title() == v))
}

pub(super) fn parse_role(v: &str) -> Option<Role> {
    Role::from_key(v).or_else(|| Role::ALL.into_iter().find(|r| r.title() == v))
}

pub(super) fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "是" | "yes" | "true" | "1" => Some(true),
        "否" | "no" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

pub(super) fn valid_id(v: &str) -> bool {
    (1..=40).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(super) fn valid_steward_id(v: &str) -> bool {
    (1..=60).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Where each column is in the file, if it is there.
pub(super) type Header = [Option<usize>; Column::ALL.len()];

/// One row, its cells looked up by column.
pub(super) struct Row<'a> {
    pub line: usize,
    pub cells: &'a [String],
    pub header: &'a Header,
}

impl Row<'_> {
    pub(super) fn has(&self, column: Column) -> bool {
        self.header[column.index()].is_some()
    }

    pub(super) fn get(&self, column: Column) -> &str {
        self.header[column.index()]
            .and_then(|i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }

    pub(super) fn bad(&self, column: Column) -> RosterError {
        RosterError::BadCell {
            line: self.line,
            column,
            value: self.get(column).chars().take(40).collect(),
        }
    }

    /// A text cell of at most `max` characters.
    pub(super) fn text(&self, column: Column, max: usize) -> Result<String, RosterError> {
        let v = self.get(column);
        if v.chars().count() > max {
            Err(self.bad(column))
        } else {
            Ok(v.to_string())
        }
    }
}

pub(super) fn read_header(header: &[String]) -> Result<Header, RosterError> {
    let mut index: Header = [None; Column::ALL.len()];
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        let column = Column::from_header(name)
            .ok_or_else(|| RosterError::UnknownColumn(name.chars().take(40).collect()))?;
        if index[column.index()].replace(i).is_some() {
            return Err(RosterError::DuplicateColumn(column));
        }
    }
    match Column::ALL[..REQUIRED]
        .iter()
        .find(|c| index[c.index()].is_none())
    {
        Some(missing) => Err(RosterError::MissingColumn(*missing)),
        None => Ok(index),
    }
}
