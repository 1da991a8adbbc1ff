//! Merging by record id and `updated_at`: two tabs (and later two devices) each keep the
//! newest version of every record and lose nobody's new records.

use std::collections::{HashMap, HashSet};

use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::district::refusal::Refusal;
use crate::domain::district::scorecard::QuarterScoring;
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::domain::report::Report;
use crate::domain::roster_edit::RosterChange;

pub trait Record {
    fn id(&self) -> &str;
    fn updated_at(&self) -> Millis;
}

/// Records are all kept by an `id` and stamped with `updated_at`.
macro_rules! record {
    ($($ty:ty),+) => {
        $(impl Record for $ty {
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> Millis {
                self.updated_at
            }
        })+
    };
}

record!(
    Compound,
    Report,
    Mediation,
    ArrearsRecovery,
    RosterChange,
    QuarterScoring,
    Refusal
);

/// Adds a record to a collection, or replaces the one with its id.
pub fn upsert<T: Record>(all: &mut Vec<T>, record: T) {
    match all.iter_mut().find(|r| r.id() == record.id()) {
        Some(existing) => *existing = record,
        None => all.push(record),
    }
}

/// Adds or replaces many records at once, by an index of ids (10,000 in milliseconds).
pub fn upsert_all<T: Record>(all: &mut Vec<T>, records: Vec<T>) {
    let mut index: HashMap<String, usize> = all
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id().to_string(), i))
        .collect();
    for record in records {
        match index.get(record.id()) {
            Some(&i) => all[i] = record,
            None => {
                index.insert(record.id().to_string(), all.len());
                all.push(record);
            }
        }
    }
}

/// The records of `theirs` that `ours` lacks or has in an older version.
pub fn newer_records<T: Record + Clone>(theirs: &[T], ours: &[T]) -> Vec<T> {
    let ours: HashMap<&str, Millis> = ours.iter().map(|o| (o.id(), o.updated_at())).collect();
    theirs
        .iter()
        .filter(|t| ours.get(t.id()).is_none_or(|at| *at < t.updated_at()))
        .cloned()
        .collect()
}

/// A collection that is one record (settings, steward mode): between two copies (two
/// tabs, a backup), the later change wins.
pub trait Stamped {
    fn updated_at(&self) -> Millis;

    fn is_newer_than(&self, other: &Self) -> bool {
        self.updated_at() > other.updated_at()
    }
}

/// Every id of either side once, with the newer version (`ours` wins a tie). Order:
/// `theirs`' order, then records only `ours` has.
pub fn merge<T: Record + Clone>(ours: &[T], theirs: &[T]) -> Vec<T> {
    // Indexed by id: 10,000 reports must merge in milliseconds, not by nested scans.
    let by_id: HashMap<&str, &T> = ours.iter().map(|o| (o.id(), o)).collect();
    let their_ids: HashSet<&str> = theirs.iter().map(Record::id).collect();
    let mut out: Vec<T> = theirs
        .iter()
        .map(|t| match by_id.get(t.id()) {
            Some(o) if o.updated_at() >= t.updated_at() => (*o).clone(),
            _ => t.clone(),
        })
        .collect();
    out.extend(ours.iter().filter(|o| !their_ids.contains(o.id())).cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::ManagementMode;
    use crate::fixtures::compound;

    fn at(id: &str, t: Millis, name: &str) -> Compound {
        let mut c = compound(id, ManagementMode::Unmanaged);
        c.updated_at = t;
        c.name = name.into();
        c
    }

    #[test]
    fn two_tabs_keep_both_new_records_and_the_newest_edit() {
        let tab_a = vec![at("x", 5, "A改"), at("a", 1, "A新")];
        let tab_b = vec![at("x", 3, "B改"), at("b", 2, "B新")];
        let merged = merge(&tab_a, &tab_b);
        let names: Vec<&str> = merged.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["A改", "B新", "A新"]);
        assert_eq!(merge(&tab_b, &tab_a).len(), 3);
    }

    #[test]
    fn bulk_upserts_and_newer_records() {
        let mut all = vec![at("x", 1, "旧"), at("y", 1, "留")];
        upsert_all(&mut all, vec![at("x", 2, "新"), at("z", 1, "加")]);
        let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["新", "留", "加"]);
        let backup = vec![at("x", 1, "旧"), at("y", 5, "改"), at("w", 1, "无")];
        let newer = newer_records(&backup, &all);
        let ids: Vec<&str> = newer.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["y", "w"]);
    }
}
