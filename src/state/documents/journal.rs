//! The write-ahead journal: until the document store has committed a change, it is also
//! kept in localStorage (`cs.unsaved.<_id>`), so a page closed mid-write loses nothing and
//! the next start saves it as an edit of the revision it was made on.

use std::collections::HashMap;

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use super::{DocSet, Kept};
use crate::format::documents::{DocKind, JOURNAL_PREFIX, Unsaved, doc_id, journal_key};
use crate::format::revision::Body;
use crate::platform::local_storage::{keys_with_prefix, read_raw, remove_raw, write_raw};

/// The journal's entries for one kind of record: each key with its change, or `None` where
/// the entry does not read. `replay_journal` saves them.
fn journal_entries<T: DeserializeOwned>(kind: DocKind) -> Vec<(String, Option<Unsaved<T>>)> {
    keys_with_prefix(&journal_key(&doc_id(kind, "")))
        .into_iter()
        .map(|key| {
            let entry = read_raw(&key)
                .ok()
                .flatten()
                .and_then(|j| serde_json::from_str(&j).ok());
            (key, entry)
        })
        .collect()
}

impl<T: Kept> DocSet<T> {
    /// Keeps a record's change in the journal until the store has it.
    pub(super) fn journal(self, record_id: &str) {
        let doc_id = doc_id(T::KIND, record_id);
        let parent = self.revs.with_value(|r| r.get(&doc_id).cloned());
        let body = self
            .records
            .with_untracked(|all| all.iter().find(|r| r.id() == record_id).cloned());
        if let Some(body) = body
            && let Ok(json) = serde_json::to_string(&Unsaved { parent, body })
        {
            // A full localStorage only loses the safety net; the store write goes ahead.
            if write_raw(&journal_key(&doc_id), &json).is_ok() {
                self.journaled.update_value(|j| {
                    j.insert(doc_id);
                });
            }
        }
    }

    /// Clears journal entries whose change the store now has (a newer one stays).
    pub(super) fn forget_journaled(self, bodies: &HashMap<String, Body>) {
        let journaled = self.journaled.get_value();
        for (doc_id, body) in bodies.iter().filter(|(id, _)| journaled.contains(*id)) {
            let key = journal_key(doc_id);
            let entry = read_raw(&key).ok().flatten();
            let stale = entry
                .and_then(|j| serde_json::from_str::<Unsaved<Body>>(&j).ok())
                .is_none_or(|u| &u.body == body);
            if stale {
                let _ = remove_raw(&key);
                self.journaled.update_value(|j| {
                    j.remove(doc_id);
                });
            }
        }
    }

    /// Changes a closed page left in the journal are saved now, as edits of the revision
    /// they were made on.
    pub(super) fn replay_journal(self) {
        for (key, entry) in journal_entries::<T>(T::KIND) {
            let doc_id = key[JOURNAL_PREFIX.len()..].to_string();
            let Some(entry) = entry else {
                let _ = remove_raw(&key);
                continue;
            };
            let same = self
                .records
                .with_untracked(|all| all.iter().any(|r| r == &entry.body));
            if same {
                let _ = remove_raw(&key);
                continue;
            }
            self.revs.update_value(|r| match entry.parent {
                Some(parent) => drop(r.insert(doc_id, parent)),
                None => drop(r.remove(&doc_id)),
            });
            self.put(entry.body);
        }
    }
}
