//! "Changes waiting" on the 同步 panel: the documents this phone's store changed since the
//! last sync pass that completed, counted from the store (so the count is right after a
//! reload and in every tab), and the mark a completed pass moves.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::sync::SyncStatus;
use crate::platform::doc_store;

/// Where the store's update sequence stood after the last pass that completed.
const SYNCED_KEY: &str = "sync.synced";

/// Counts the documents changed since the last pass that completed (this tab's writes,
/// another tab's): read from the store, so the count survives a reload and a tab that did
/// not make the changes.
pub fn count_waiting(set_status: WriteSignal<SyncStatus>) {
    spawn_local(async move {
        let mark = doc_store::meta_get(SYNCED_KEY)
            .await
            .ok()
            .flatten()
            .and_then(|t| t.parse::<u64>().ok())
            .map_or(0.0, |seq| seq as f64);
        if let Ok(n) = doc_store::count_since(mark).await {
            set_status.update(|s| s.pending = n as usize);
        }
    });
}

/// After a pass that completed: everything stored so far has been offered to the server
/// (what arrived included). A write made during the pass woke the loop, and the next pass
/// sends it and moves the mark past it.
pub async fn mark_synced(set_status: WriteSignal<SyncStatus>) {
    if let Ok(seq) = doc_store::current_seq().await {
        // A whole number, written as one: printing a float would cost the app ~10 KB.
        let _ = doc_store::meta_put(SYNCED_KEY, &(seq as u64).to_string()).await;
    }
    count_waiting(set_status);
}

/// The documents written on this phone since the last sync pass that completed: what the
/// server may not have yet (every document, if no pass ever completed here).
pub async fn written_since_sync()
-> Result<std::collections::HashSet<String>, crate::format::error::StoreError> {
    let mark = doc_store::meta_get(SYNCED_KEY)
        .await?
        .and_then(|t| t.parse::<u64>().ok())
        .map_or(0.0, |seq| seq as f64);
    let rows = doc_store::changes_since(mark, u32::MAX).await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}
