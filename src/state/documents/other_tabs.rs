//! Other tabs' writes: the ids they announce are read again from the store.

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
        // A bulk change (an import elsewhere): read the kind again rather than each one.
        if ours.len() > 50 {
            return spawn_local(self.load());
        }
        spawn_local(async move {
            for id in ours {
                if let Ok(Some(json)) = doc_store::read(&id).await
                    && let Ok(tree) = serde_json::from_str::<DocTree>(&json)
                {
                    self.apply(&tree);
                }
            }
        });
    }
}
