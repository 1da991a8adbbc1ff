//! Pushing: the documents written on this phone since the agreed checkpoint (the local
//! update sequence), the server asked which revisions it lacks (`_revs_diff`), those sent
//! with their history (`_bulk_docs`, `new_edits: false`), then the checkpoint.

use serde_json::Value;

use super::BATCH;
use super::checkpoints::Checkpoints;
use crate::format::replication::checkpoint::{Direction, replication_id};
use crate::format::replication::databases::Replication;
use crate::format::replication::plan::{bulk_docs_body, revs_diff_body};
use crate::format::replication::problem::{SyncProblem, refused_docs};
use crate::format::revision::DocTree;
use crate::platform::couch::Couch;
use crate::platform::doc_store;

/// This phone's update sequence as a checkpoint records it: a whole number, since the
/// server's copy comes back through JavaScript (`12.0` would return as `12` and no longer
/// match this phone's copy, and every pass would start over).
fn local_seq(seq: f64) -> Value {
    Value::from(seq as u64)
}

/// The revisions of `trees` the server lacks, sent; how many it took and what it refused.
async fn send(
    couch: &Couch,
    rep: &Replication,
    trees: &[DocTree],
) -> Result<(usize, Vec<(String, String)>), SyncProblem> {
    let diff = couch
        .send("POST", &rep.db, "_revs_diff", &revs_diff_body(trees))
        .await?;
    let body = bulk_docs_body(trees, &diff);
    let sending = body["docs"].as_array().map_or(0, Vec::len);
    if sending == 0 {
        return Ok((0, vec![]));
    }
    let answer = couch.send("POST", &rep.db, "_bulk_docs", &body).await?;
    let refused = refused_docs(&answer);
    Ok((sending - refused.len().min(sending), refused))
}

/// Returns how many revisions went and what the server refused.
pub async fn push(
    couch: &Couch,
    rep: &Replication,
    device: &str,
) -> Result<(usize, Vec<(String, String)>), SyncProblem> {
    let id = replication_id(device, &couch.db_url(&rep.db), Direction::Push);
    let mut checkpoints = Checkpoints::read(couch, &rep.db, &id).await?;
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
            .filter_map(|r| serde_json::from_str(&r.tree).ok())
            .filter(|t| rep.sends_tree(t))
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
