//! Other tabs' writes (and documents a sync stored): the ids announced are read again from
//! the store; a document no longer there (archived) leaves the page.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{DocSet, Kept};
use crate::format::revision::DocTree;
use crate::platform::doc_store;

impl<T: Kept> DocSet<T> {
    /// Another tab wrote these documents: read ours of them again (unless this tab has a
    /// change of its own waiting, which will be saved as a branch beside theirs).
    pub(super) fn hear(self, ids: Vec<String>) {
        let prefix = format!("{}:", T::KIND.key());
        let pending = self.pending();
        let waiting = |id: &str| pending.contains(&id[prefix.len()..]);
        let ours: Vec<String> = ids
            .into_iter()
            .filter(|id| id.starts_with(&prefix) && !waiting(id))
            .collect();
        if ours.is_empty() {
            return;
        }
        // Only the documents named, in one transaction however many (a batch of a sync, a
        // bulk import elsewhere): never the whole kind again.
        spawn_local(async move {
            let Ok(trees) = doc_store::read_many(&ours).await else {
                return;
            };
            for (id, json) in ours.iter().zip(trees) {
                match json {
                    Some(json) => {
                        if let Ok(tree) = serde_json::from_str::<DocTree>(&json) {
                            self.apply(&tree);
                        }
                    }
                    // No longer on this phone: archived (`state::archive`), never with a
                    // conflict, so its record is all there is to forget (a revision kept
                    // for it is replaced when it comes back).
                    None => self.forget(id),
                }
            }
        });
    }

    /// A document that left this phone (archived, here or in another tab): off every page.
    fn forget(self, doc_id: &str) {
        let record_id = doc_id.split_once(':').map_or("", |(_, id)| id);
        self.set_records
            .update(|all| all.retain(|r| r.id() != record_id));
    }

    /// Whether a record has a change made here that the store does not have yet.
    pub fn unsaved(self, record_id: &str) -> bool {
        let doc_id = format!("{}:{record_id}", T::KIND.key());
        self.pending().contains(record_id)
            || self.journaled.with_value(|j| j.contains(&doc_id))
            || self.refused.with_value(|r| r.contains(&doc_id))
    }
}
