//! The HTTP half of CouchDB replication (protocol v3) over the document store: one pass
//! pulls a database's changes into the store and pushes the store's changes to it, in
//! batches, writing a checkpoint on both sides after each stored batch so a pass cut
//! short resumes where both sides agree. What to ask and send is the pure half's
//! (`format::replication`); this only carries it.

mod archived;
mod checkpoints;
mod photos_in;
mod pull;
mod push;
mod wait;

pub use push::TOO_LARGE;
pub use wait::{forget_wake, wait_for_change, wake};

use serde_json::Value;

use super::couch::Couch;
use super::doc_store;
use crate::format::documents::{DocKind, UNKNOWN_KIND, stored_doc_of};
use crate::format::replication::checkpoint::{Direction, replication_id};
use crate::format::replication::databases::Replication;
use crate::format::replication::problem::SyncProblem;
use crate::format::revision::DocTree;

/// Documents per batch: small enough for a cheap phone to store between paints.
pub const BATCH: u32 = 100;

/// What one pass over one database did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Passed {
    /// Revisions taken in from the server.
    pub pulled: usize,
    /// Revisions the server took from this phone.
    pub pushed: usize,
    /// Documents the server refused, with its reason.
    pub refused: Vec<(String, String)>,
    /// The server's sequence this phone has caught up to (for the long poll).
    pub since: Value,
}

/// Pulls then pushes one database. `taken_in` hears the ids of each stored batch, so the
/// pages show them as they arrive.
pub async fn pass(
    couch: &Couch,
    rep: &Replication,
    device: &str,
    taken_in: &dyn Fn(Vec<String>),
) -> Result<Passed, SyncProblem> {
    let pulled = pull::pull(couch, rep, device, taken_in).await?;
    let (pushed, refused) = if rep.push {
        push::push(couch, rep, device, &pulled.there).await?
    } else {
        (0, vec![])
    };
    Ok(Passed {
        pulled: pulled.count,
        pushed,
        refused,
        since: pulled.since,
    })
}

/// Documents kept under `UNKNOWN_KIND` whose kind this version knows (it was updated since
/// they came) are indexed under it; their ids, for the pages to show them.
pub async fn adopt_known_kinds() -> Vec<String> {
    let Ok(rows) = doc_store::read_kind(UNKNOWN_KIND).await else {
        return vec![];
    };
    let ids: Vec<String> = rows
        .iter()
        .filter(|(id, _)| {
            id.split_once(':')
                .is_some_and(|(k, _)| DocKind::from_key(k).is_some())
        })
        .map(|(id, _)| id.clone())
        .collect();
    if ids.is_empty() {
        return ids;
    }
    let mut change = |_: &str, stored: Option<&str>| {
        Ok(stored
            .and_then(|j| serde_json::from_str::<DocTree>(j).ok())
            .and_then(stored_doc_of))
    };
    doc_store::update(&ids, &mut change)
        .await
        .map(|rows| rows.into_iter().map(|r| r.id).collect())
        .unwrap_or_default()
}

/// Forgets where this phone's pushes to `rep` stopped, so the next pass offers every change
/// again (`_revs_diff` makes that cheap): what the server refused before is judged anew.
pub async fn offer_again(couch: &Couch, rep: &Replication, device: &str) {
    let id = replication_id(device, &couch.db_url(&rep.db), Direction::Push);
    let _ = doc_store::meta_put(&format!("_local/{id}"), "").await;
}

/// A fresh id for this run of a replication (checkpoints name the session that wrote
/// them).
fn session_id() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 4_294_967_296.0) as u64
    )
}

/// A sequence as `_changes?since=` takes it: a string as it came, a number as digits.
fn since_param(seq: &Value) -> String {
    let text = match seq {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    String::from(js_sys::encode_uri_component(&text))
}
