//! Other tabs' writes (and documents a sync stored): the ids announced are read again from
//! the store.

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
            for json in trees.into_iter().flatten() {
                if let Ok(tree) = serde_json::from_str::<DocTree>(&json) {
                    self.apply(&tree);
                }
            }
        });
    }
}
