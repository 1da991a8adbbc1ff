//! Pulling: `_changes?style=all_docs` since the agreed checkpoint, the revisions this phone
//! lacks by `_bulk_get?revs=true`, inserted with their history (as `new_edits: false`
//! does), then the checkpoint — batch by batch.

use std::collections::HashMap;

use serde_json::Value;

use super::checkpoints::Checkpoints;
use super::photos_in::take_photos;
use super::{BATCH, since_param};
use crate::format::documents::{StoredDoc, stored_doc_of};
use crate::format::replication::checkpoint::{Direction, replication_id};
use crate::format::replication::databases::Replication;
use crate::format::replication::plan::{
    bulk_get_body, bulk_get_docs, change_rows, missing, open_revs_docs, open_revs_list, take_in,
};
use crate::format::replication::problem::SyncProblem;
use crate::format::replication::wire::from_wire;
use crate::format::revision::{DocTree, Leaf};
use crate::platform::couch::Couch;
use crate::platform::doc_store;

/// What a pull did: how many revisions came in, the sequence caught up to, and each
/// document's revisions on the server as its feed gave them (what need not go back).
pub struct Pulled {
    pub count: usize,
    pub since: Value,
    pub there: HashMap<String, Vec<String>>,
}

pub async fn pull(
    couch: &Couch,
    rep: &Replication,
    device: &str,
    taken_in: &dyn Fn(Vec<String>),
) -> Result<Pulled, SyncProblem> {
    let id = replication_id(device, &couch.db_url(&rep.db), Direction::Pull);
    let mut checkpoints = Checkpoints::read(couch, &rep.db, &id, rep.merges).await?;
    let mut since = checkpoints.since();
    let mut pulled = 0;
    let mut there: HashMap<String, Vec<String>> = HashMap::new();
    let mut photos_asked = false;
    // Reports archived here stay off the phone, however the feed comes round again.
    let archived = super::archived::notes().await;
    let hidden = super::archived::hidden(&archived);
    loop {
        let path = format!(
            "_changes?style=all_docs&limit={BATCH}&since={}",
            since_param(&since)
        );
        let feed = couch.get(&rep.db, &path).await?;
        let (rows, last) = change_rows(&feed);
        let count = rows.len();
        let offered: Vec<(String, Vec<String>)> = rows
            .into_iter()
            .filter(|r| rep.keeps(&r.id) && !hidden.contains(&r.id))
            .map(|r| (r.id, r.revs))
            .collect();
        for (id, revs) in &offered {
            there.insert(id.clone(), revs.clone());
        }
        let stored = store_batch(couch, rep, &offered).await?;
        pulled += stored.len();
        if !stored.is_empty() {
            taken_in(stored.iter().map(|d| d.id.clone()).collect());
            // The documents first, so a steward reads the report while its photos come.
            take_photos(couch, &rep.db, &stored).await?;
            photos_asked = true;
        }
        let Some(last) = last.filter(|l| *l != since) else {
            break;
        };
        checkpoints.record(couch, last.clone()).await?;
        since = last;
        if count < BATCH as usize {
            break;
        }
    }
    // Archived reports asked back, with their photos.
    let back = super::archived::bring_back(couch, rep, archived).await;
    if !back.is_empty() {
        pulled += back.len();
        taken_in(back.iter().map(|d| d.id.clone()).collect());
        take_photos(couch, &rep.db, &back).await?;
        photos_asked = true;
    }
    if !photos_asked {
        // Photos that did not come on an earlier pass.
        take_photos(couch, &rep.db, &[]).await?;
    }
    Ok(Pulled {
        count: pulled,
        since,
        there,
    })
}

/// Fetches and stores what this phone lacks of the offered revisions; the rows stored.
pub(super) async fn store_batch(
    couch: &Couch,
    rep: &Replication,
    offered: &[(String, Vec<String>)],
) -> Result<Vec<StoredDoc>, SyncProblem> {
    if offered.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<String> = offered.iter().map(|(id, _)| id.clone()).collect();
    let stored = doc_store::read_many(&ids)
        .await
        .map_err(|_| SyncProblem::PhoneStorage)?;
    let trees: HashMap<&str, DocTree> = ids
        .iter()
        .zip(stored)
        .filter_map(|(id, json)| Some((id.as_str(), serde_json::from_str(&json?).ok()?)))
        .collect();
    let lacking = missing(offered, |id| trees.get(id).cloned());
    if lacking.is_empty() {
        return Ok(vec![]);
    }
    let mut leaves: HashMap<String, Vec<Leaf>> = HashMap::new();
    for doc in fetch_revisions(couch, &rep.db, &lacking).await? {
        // A revision this phone cannot read is not skipped: the batch is asked again.
        let named = doc.get("_id").and_then(Value::as_str).map(String::from);
        let (id, leaf) = from_wire(doc).map_err(|_| SyncProblem::Incomplete {
            doc: named.unwrap_or_default(),
        })?;
        leaves.entry(id).or_default().push(leaf);
    }
    let ids: Vec<String> = leaves.keys().cloned().collect();
    let mut change = |id: &str, stored: Option<&str>| {
        let tree = stored.and_then(|j| serde_json::from_str::<DocTree>(j).ok());
        let new = leaves.remove(id).unwrap_or_default();
        Ok(take_in(id, tree, new, rep.merges).and_then(stored_doc_of))
    };
    doc_store::update(&ids, &mut change)
        .await
        .map_err(|_| SyncProblem::PhoneStorage)
}

/// The lacking revisions with their history: by `_bulk_get`, or one document at a time by
/// `open_revs` where the server has no `_bulk_get` (CouchDB before 2.0 and some other
/// servers answer 400, 404, 405 or 501).
async fn fetch_revisions(
    couch: &Couch,
    db: &str,
    lacking: &[(String, Vec<String>)],
) -> Result<Vec<Value>, SyncProblem> {
    match couch
        .send(
            "POST",
            db,
            "_bulk_get?revs=true&latest=true",
            &bulk_get_body(lacking),
        )
        .await
    {
        // `latest`: a revision replaced since it was offered comes as its newest leaf.
        Ok(answer) => bulk_get_docs(&answer).map_err(|doc| SyncProblem::Incomplete { doc }),
        Err(
            SyncProblem::NoDatabase { .. }
            | SyncProblem::Server {
                status: 400 | 405 | 501,
            },
        ) => {
            let mut docs = vec![];
            for (id, revs) in lacking {
                let path = format!(
                    "{}?revs=true&latest=true&open_revs={}",
                    js_sys::encode_uri_component(id),
                    js_sys::encode_uri_component(&open_revs_list(revs))
                );
                docs.extend(open_revs_docs(&couch.get(db, &path).await?));
            }
            Ok(docs)
        }
        Err(problem) => Err(problem),
    }
}
