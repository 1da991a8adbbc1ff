//! A step of starting a document set (`DocSet::start`): the first store's collections (one
//! localStorage value each, schema 0 or 1) moved into the document store. Each record becomes its first revision, derived from its content,
//! so a run cut short (the page closed, a write refused) is simply run again on the next
//! start and writes nothing twice. The old value is removed only after every record has
//! been read back from the new store; until then it stays where it was.

use std::collections::HashMap;

use super::Kept;
use crate::format::collections::Collection;
use crate::format::documents::{StoredDoc, first_revision};
use crate::format::error::StoreError;
use crate::format::json::ViaSerde;
use crate::format::revision::DocTree;
use crate::platform::doc_store;
use crate::platform::local_storage::{load, read_raw, remove_raw};

/// Migrates one collection. Returns the old records when the new store could not take
/// them (to show them anyway), and the problem to report.
pub async fn migrate<T: Kept>(collection: Collection) -> (Vec<T>, Option<StoreError>) {
    if !matches!(read_raw(collection.key), Ok(Some(_))) {
        return (vec![], None);
    }
    let loaded = load::<ViaSerde<Vec<T>>>(collection);
    match loaded.problem {
        // Copied aside already; the damaged original need not be read again.
        Some(p @ StoreError::Corrupt { .. }) if p.raw_copy().is_some() => {
            let _ = remove_raw(collection.key);
            return (vec![], Some(p));
        }
        // A newer app's data, or a refusal: left exactly as it is.
        Some(p) => return (vec![], Some(p)),
        None => {}
    }
    let records = loaded.value.0;
    let trees: HashMap<String, DocTree> = records
        .iter()
        .map(|r| (r.doc_id(), first_revision(r)))
        .collect();
    if let Err(problem) = store_all::<T>(&trees).await {
        return (records, Some(problem));
    }
    match verify::<T>(&trees).await {
        Ok(true) => {
            let _ = remove_raw(collection.key);
            (vec![], None)
        }
        Ok(false) => (vec![], None),
        Err(problem) => (records, Some(problem)),
    }
}

/// Writes each record's first revision where the store does not know it yet.
async fn store_all<T: Kept>(trees: &HashMap<String, DocTree>) -> Result<(), StoreError> {
    let ids: Vec<String> = trees.keys().cloned().collect();
    let mut change = |id: &str, stored: Option<&str>| {
        let Some(ours) = trees.get(id) else {
            return Ok(None);
        };
        let Some(json) = stored else {
            return Ok(Some(StoredDoc::of::<T>(ours.clone())));
        };
        // Known already (an earlier run), or a damaged document left alone.
        let Ok(mut tree) = serde_json::from_str::<DocTree>(json) else {
            return Ok(None);
        };
        let leaf = ours.leaves[0].clone();
        if tree.knows(&leaf.rev) {
            return Ok(None);
        }
        // The same id with other content: both kept, shown as a conflict.
        tree.insert(leaf);
        Ok(Some(StoredDoc::of::<T>(tree)))
    };
    doc_store::update(&ids, &mut change).await.map(|_| ())
}

/// Whether every record's first revision can be read back from the store.
async fn verify<T: Kept>(trees: &HashMap<String, DocTree>) -> Result<bool, StoreError> {
    let rows = doc_store::read_kind(T::KIND.key()).await?;
    let found = rows
        .iter()
        .filter(|(id, json)| {
            trees.get(id).is_some_and(|ours| {
                serde_json::from_str::<DocTree>(json)
                    .is_ok_and(|tree| tree.knows(&ours.leaves[0].rev))
            })
        })
        .count();
    Ok(found == trees.len())
}
