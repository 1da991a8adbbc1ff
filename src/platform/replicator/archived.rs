//! Archived reports and replication. A pull never takes back a report that left this
//! phone (the server keeps it, and a feed read again from the start — a checkpoint lost,
//! the account's roles changed — would otherwise bring every one back); a report asked
//! back is fetched by itself from the database that holds it, at the revision that left
//! or the newest after it. Leaving was no change to push, so the server never hears of it.
//! Only the plain lines of `format::archive` are read here (no JSON), and only they are
//! changed: the console drops the note of a report whose line is gone.

use std::collections::HashSet;

use crate::format::archive::{OFF_KEY, Off, read_off, write_off};
use crate::format::documents::StoredDoc;
use crate::format::replication::databases::Replication;
use crate::platform::couch::Couch;
use crate::platform::doc_store;

/// What replication knows of the reports that left this phone.
pub async fn lines() -> Vec<Off> {
    read_off(doc_store::meta_get(OFF_KEY).await.ok().flatten().as_deref())
}

/// The document ids a pull passes over: archived and not asked back.
pub fn hidden(lines: &[Off]) -> HashSet<String> {
    lines
        .iter()
        .filter(|o| !o.wanted)
        .map(|o| o.doc_id.clone())
        .collect()
}

/// Fetches and stores the reports asked back that `rep`'s database holds, then drops
/// their lines; the rows stored. One the server cannot give now (the network failed, or
/// it is gone from the server) stays asked for, and the pass goes on.
pub async fn bring_back(couch: &Couch, rep: &Replication, lines: Vec<Off>) -> Vec<StoredDoc> {
    let wanted: Vec<(String, Vec<String>)> = lines
        .iter()
        .filter(|o| o.wanted && o.db.as_deref() == Some(rep.db.as_str()))
        .map(|o| (o.doc_id.clone(), vec![o.rev.clone()]))
        .collect();
    if wanted.is_empty() {
        return vec![];
    }
    let stored = super::pull::store_batch(couch, rep, &wanted)
        .await
        .unwrap_or_default();
    // Whatever is on the phone now is back (stored here, or on an earlier pass whose
    // line could not be written).
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
        let left: Vec<Off> = lines
            .into_iter()
            .filter(|o| !back.contains(&o.doc_id))
            .collect();
        let _ = doc_store::meta_put(OFF_KEY, &write_off(&left)).await;
    }
    stored
}
