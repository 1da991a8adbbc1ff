//! Archived reports and replication. A pull never takes back a report that left this
//! phone (the server keeps it, and a feed read again from the start — a checkpoint lost,
//! the account's roles changed — would otherwise bring every one back); a report asked
//! back is fetched by itself from the database that holds it, at the revision that left
//! or the newest after it. Leaving was no change to push, so the server never hears of it.
//! A report brought back leaves the notes (`format::archive`'s plain lines).

use std::collections::HashSet;

use crate::domain::archive::ArchivedReport;
use crate::format::archive::{META_KEY, doc_id, read, write};
use crate::format::documents::StoredDoc;
use crate::format::replication::databases::Replication;
use crate::platform::couch::Couch;
use crate::platform::doc_store;

/// The notes of the reports that left this phone.
pub async fn notes() -> Vec<ArchivedReport> {
    read(
        doc_store::meta_get(META_KEY)
            .await
            .ok()
            .flatten()
            .as_deref(),
    )
}

/// The document ids a pull passes over: archived and not asked back.
pub fn hidden(notes: &[ArchivedReport]) -> HashSet<String> {
    notes.iter().filter(|n| !n.wanted).map(doc_id).collect()
}

/// Fetches and stores the reports asked back that `rep`'s database holds, then drops
/// their lines; the rows stored. One the server cannot give now (the network failed, or
/// it is gone from the server) stays asked for, and the pass goes on.
pub async fn bring_back(
    couch: &Couch,
    rep: &Replication,
    notes: Vec<ArchivedReport>,
) -> Vec<StoredDoc> {
    let wanted: Vec<(String, Vec<String>)> = notes
        .iter()
        .filter(|n| n.wanted && n.server_db.as_deref() == Some(rep.db.as_str()))
        .map(|n| (doc_id(n), vec![n.rev.clone()]))
        .collect();
    if wanted.is_empty() {
        return vec![];
    }
    let stored = super::pull::store_batch(couch, rep, &wanted)
        .await
        .unwrap_or_default();
    // Whatever is on the phone now is back (stored here, or on an earlier pass whose
    // notes could not be written).
    let ids: Vec<String> = wanted.into_iter().map(|(id, _)| id).collect();
    let Ok(present) = doc_store::read_many(&ids).await else {
        return stored;
    };
    let back: HashSet<&String> = ids
        .iter()
        .zip(&present)
        .filter(|(_, tree)| tree.is_some())
        .map(|(id, _)| id)
        .collect();
    if !back.is_empty() {
        let left: Vec<ArchivedReport> = notes
            .into_iter()
            .filter(|n| !back.contains(&doc_id(n)))
            .collect();
        let _ = doc_store::meta_put(META_KEY, &write(&left)).await;
    }
    stored
}
