//! Pushing: the documents written on this phone since the agreed checkpoint (the local
//! update sequence), the server asked which revisions it lacks (`_revs_diff`), those sent
//! with their history (`_bulk_docs`, `new_edits: false`) — a report's photos with it, once
//! — then the checkpoint.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::BATCH;
use super::checkpoints::Checkpoints;
use crate::format::documents::stored_doc_of;
use crate::format::replication::attachments::{PhotoData, outgoing, to_send, with_stubs};
use crate::format::replication::checkpoint::{Direction, replication_id};
use crate::format::replication::databases::{Replication, unsent_edits};
use crate::format::replication::plan::{bulk_docs_body, revs_diff_body};
use crate::format::replication::problem::{SyncProblem, refused_docs};
use crate::format::revision::{DocTree, split_rev};
use crate::platform::couch::Couch;
use crate::platform::{doc_store, photos};

/// A `_bulk_docs` request's size at most (bytes of JSON): a batch of reports with photos
/// goes in several, under the district's body limit (`deploy/nginx.conf`: 64 MB) and
/// within a cheap phone's memory.
const REQUEST_BYTES: usize = 8 * 1024 * 1024;

/// Why the server would not take one document by itself (413 for a request of one).
pub const TOO_LARGE: &str = "too large for the server · 太大，服务器不收";

/// This phone's update sequence as a checkpoint records it: a whole number, since the
/// server's copy comes back through JavaScript (`12.0` would return as `12` and no longer
/// match this phone's copy, and every pass would start over).
fn local_seq(seq: f64) -> Value {
    Value::from(seq as u64)
}

/// What a push did: revisions the server took, and what it refused with its reason.
type Sent = (usize, Vec<(String, String)>);

/// The revisions of `trees` the server lacks, sent; how many it took and what it refused.
async fn send(couch: &Couch, rep: &Replication, trees: &[DocTree]) -> Result<Sent, SyncProblem> {
    let diff = couch
        .send("POST", &rep.db, "_revs_diff", &revs_diff_body(trees))
        .await?;
    let body = bulk_docs_body(trees, &diff);
    let docs = body["docs"].as_array().cloned().unwrap_or_default();
    if docs.is_empty() {
        return Ok((0, vec![]));
    }
    if !rep.merges {
        // Not this account's to write (a resident's edit of a roster they follow): the
        // server's door would refuse the whole request; the phone says what its rules
        // would, for each edit, and sends nothing.
        return Ok((0, unsent_edits(&body)));
    }
    let (mut taken, mut refused) = (0, vec![]);
    for chunk in by_size(docs, REQUEST_BYTES) {
        let (t, r) = send_docs(couch, &rep.db, chunk).await?;
        taken += t;
        refused.extend(r);
    }
    Ok((taken, refused))
}

/// Sends wire documents, their photos with them where the server lacks them; a request
/// the server finds too large (413) goes again in halves.
async fn send_docs(couch: &Couch, db: &str, docs: Vec<Value>) -> Result<Sent, SyncProblem> {
    let mut pending = vec![docs];
    let (mut taken, mut refused) = (0, vec![]);
    while let Some(docs) = pending.pop() {
        // The stubs a document keeps are the server's own: the revision they came with is
        // in the document's history there.
        match post_with_photos(couch, db, &docs, true).await {
            Err(SyncProblem::Server { status: 412 }) => {
                // `missing_stub`: the server no longer holds the revision the stubs came
                // with (compacted, or another branch). The photos go again, in full.
                let (t, r) = post_with_photos(couch, db, &docs, false).await?;
                taken += t;
                refused.extend(r);
            }
            Err(SyncProblem::Server { status: 413 }) if docs.len() > 1 => {
                let mut docs = docs;
                let second = docs.split_off(docs.len() / 2);
                pending.push(second);
                pending.push(docs);
            }
            Err(SyncProblem::Server { status: 413 }) => {
                refused.extend(docs.iter().map(|d| (id_of(d), TOO_LARGE.to_string())));
            }
            Err(problem) => return Err(problem),
            Ok((t, r)) => {
                taken += t;
                refused.extend(r);
            }
        }
    }
    Ok((taken, refused))
}

fn id_of(doc: &Value) -> String {
    doc.get("_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// One `_bulk_docs` request; afterwards the phone's copies get stubs for the photos that
/// went with it, so they are sent once.
async fn post_with_photos(
    couch: &Couch,
    db: &str,
    docs: &[Value],
    stubs_held: bool,
) -> Result<Sent, SyncProblem> {
    let mut out = Vec::with_capacity(docs.len());
    let mut sent_photos: Vec<SentPhotos> = vec![];
    for doc in docs {
        let mut doc = doc.clone();
        let id = id_of(&doc);
        let mut data = HashMap::new();
        for key in to_send(&doc, stubs_held) {
            if let Ok(Some(url)) = photos::get(&key).await
                && let Some(photo) = PhotoData::from_data_url(&url)
            {
                data.insert(key, photo);
            }
        }
        outgoing(&mut doc, &data);
        let rev = doc["_rev"].as_str().unwrap_or_default().to_string();
        let inline: Vec<(String, PhotoData)> = data
            .into_iter()
            .filter(|(k, _)| doc["_attachments"][k].get("data").is_some())
            .collect();
        if !inline.is_empty() {
            sent_photos.push((id, rev, inline));
        }
        out.push(doc);
    }
    let body = serde_json::json!({ "docs": out, "new_edits": false });
    let answer = couch.send("POST", db, "_bulk_docs", &body).await?;
    let refused = refused_docs(&answer);
    let no: HashSet<&str> = refused.iter().map(|(id, _)| id.as_str()).collect();
    sent_photos.retain(|(id, _, _)| !no.contains(id.as_str()));
    if !sent_photos.is_empty() {
        // Losing this write costs only a second sending of the photos: never a failure.
        let _ = keep_stubs(&sent_photos).await;
    }
    Ok((docs.len() - refused.len().min(docs.len()), refused))
}

/// A document, the revision that went, and the photos that went with it.
type SentPhotos = (String, String, Vec<(String, PhotoData)>);

/// The stored revisions that went with photos get the server's stubs for them.
async fn keep_stubs(sent: &[SentPhotos]) -> Result<(), crate::format::error::StoreError> {
    let mut ids: Vec<String> = vec![];
    for (id, _, _) in sent {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    let mut change = |id: &str, stored: Option<&str>| {
        let Some(mut tree) = stored.and_then(|j| serde_json::from_str::<DocTree>(j).ok()) else {
            return Ok(None);
        };
        let mut changed = false;
        for (_, rev, photos) in sent.iter().filter(|(d, _, _)| d == id) {
            let Some(leaf) = tree.leaves.iter_mut().find(|l| &l.rev == rev) else {
                continue;
            };
            let revpos = split_rev(rev).map_or(1, |(n, _)| n);
            let body = leaf
                .body
                .as_ref()
                .and_then(|b| serde_json::from_str::<Value>(b.json()).ok());
            if let Some(new) = body.and_then(|b| with_stubs(&b, photos, revpos)) {
                leaf.body = crate::format::revision::Body::of(&new);
                changed = true;
            }
        }
        Ok(changed.then(|| stored_doc_of(tree)).flatten())
    };
    doc_store::update(&ids, &mut change).await.map(drop)
}

/// Wire documents in requests of at most `limit` bytes of JSON each (a document larger
/// than that goes alone).
fn by_size(docs: Vec<Value>, limit: usize) -> Vec<Vec<Value>> {
    let mut out: Vec<Vec<Value>> = vec![];
    let mut size = 0;
    for doc in docs {
        let len = doc.to_string().len() + photo_bytes(&doc);
        if out.is_empty() || (size + len > limit && !out.last().is_some_and(Vec::is_empty)) {
            out.push(vec![]);
            size = 0;
        }
        size += len;
        if let Some(last) = out.last_mut() {
            last.push(doc);
        }
    }
    out
}

/// A report's photos, counted before their data is read: about 400 KB each as base64.
fn photo_bytes(doc: &Value) -> usize {
    to_send(doc, true).len() * 400 * 1024
}

/// Returns how many revisions went and what the server refused. `came_from_there`: the
/// revisions each document had on the server when this pass pulled (a document whose
/// every leaf the server gave is not offered back).
pub async fn push(
    couch: &Couch,
    rep: &Replication,
    device: &str,
    came_from_there: &HashMap<String, Vec<String>>,
) -> Result<Sent, SyncProblem> {
    let id = replication_id(device, &couch.db_url(&rep.db), Direction::Push);
    let mut checkpoints = Checkpoints::read(couch, &rep.db, &id, rep.merges).await?;
    let mut since = checkpoints.since().as_f64().unwrap_or(0.0);
    let (mut pushed, mut refused) = (0, vec![]);
    let mut recorded = since;
    loop {
        let rows = doc_store::changes_since(since, BATCH)
            .await
            .map_err(|_| SyncProblem::PhoneStorage)?;
        let Some(last) = rows.last().map(|r| r.seq) else {
            break;
        };
        let trees: Vec<DocTree> = rows
            .iter()
            .filter(|r| rep.sends(&r.kind, &r.compound))
            .filter_map(|r| serde_json::from_str::<DocTree>(&r.tree).ok())
            .filter(|t| rep.sends_tree(t))
            .filter(|t| {
                let there = came_from_there.get(&t.id);
                !t.leaves
                    .iter()
                    .all(|l| there.is_some_and(|revs| revs.contains(&l.rev)))
            })
            .collect();
        since = last;
        if !trees.is_empty() {
            let (sent, no) = send(couch, rep, &trees).await?;
            pushed += sent;
            refused.extend(no);
            // What was sent is checkpointed at once; batches of documents this database
            // does not take only move the checkpoint at the end.
            checkpoints.record(couch, local_seq(since)).await?;
            recorded = since;
        }
        if rows.len() < BATCH as usize {
            break;
        }
    }
    if recorded != since {
        checkpoints.record(couch, local_seq(since)).await?;
    }
    Ok((pushed, refused))
}
