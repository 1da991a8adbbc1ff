//! Photos coming in. A report's stubs name the photos the server holds; each one this
//! phone lacks is fetched by itself (its bytes, not base64 inside a batch of documents),
//! kept in the photo store, and the pages told. One that does not come now (offline, not
//! on the server yet) stays marked in the photo store and is asked for on the next pass;
//! the report's page reads the same mark to say "still downloading".

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::format::documents::StoredDoc;
use crate::format::replication::attachments::{PhotoData, photo_keys, stub_names};
use crate::format::replication::problem::SyncProblem;
use crate::platform::couch::Couch;
use crate::platform::{broadcast, photos};

/// Where a photo on its way is fetched from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Wanted {
    db: String,
    doc: String,
    key: String,
    content_type: String,
}

/// Marks the photos of `stored` (documents just taken in from `db`) that this phone lacks,
/// then fetches every photo on its way from `db`.
pub async fn take_photos(couch: &Couch, db: &str, stored: &[StoredDoc]) -> Result<(), SyncProblem> {
    let storage = |_| SyncProblem::PhoneStorage;
    for doc in stored.iter().filter(|d| d.kind == "report") {
        for leaf in doc.tree.leaves.iter().filter(|l| !l.deleted) {
            let Some(body) = leaf
                .body
                .as_ref()
                .and_then(|b| serde_json::from_str::<Value>(b.json()).ok())
            else {
                continue;
            };
            let listed = photo_keys(&body);
            for key in stub_names(&body).into_iter().filter(|k| listed.contains(k)) {
                if photos::has(&key).await.map_err(storage)? || photos::is_wanted(&key).await {
                    continue;
                }
                let content_type = body["_attachments"][&key]["content_type"]
                    .as_str()
                    .unwrap_or("image/jpeg")
                    .to_string();
                let note = Wanted {
                    db: db.to_string(),
                    doc: doc.id.clone(),
                    key: key.clone(),
                    content_type,
                };
                let note = serde_json::to_string(&note).unwrap_or_default();
                photos::mark_wanted(&key, &note).await.map_err(storage)?;
            }
        }
    }
    fetch_wanted(couch, db).await
}

/// Fetches the photos on their way from `db`; each one that comes is kept and unmarked.
async fn fetch_wanted(couch: &Couch, db: &str) -> Result<(), SyncProblem> {
    let notes = photos::wanted_notes()
        .await
        .map_err(|_| SyncProblem::PhoneStorage)?;
    let mut arrived: Vec<String> = vec![];
    let mut outcome = Ok(());
    for w in notes
        .iter()
        .filter_map(|n| serde_json::from_str::<Wanted>(n).ok())
        .filter(|w| w.db == db)
    {
        let path = format!(
            "{}/{}",
            js_sys::encode_uri_component(&w.doc),
            js_sys::encode_uri_component(&w.key)
        );
        match couch.get_bytes(db, &path).await {
            Ok(bytes) => {
                let photo = PhotoData {
                    content_type: w.content_type.clone(),
                    base64: STANDARD.encode(bytes),
                };
                let kept = photos::put(&w.key, &photo.data_url()).await.is_ok()
                    && photos::unmark_wanted(&w.key).await.is_ok();
                if !kept {
                    outcome = Err(SyncProblem::PhoneStorage);
                    break;
                }
                if !arrived.contains(&w.doc) {
                    arrived.push(w.doc);
                }
            }
            // The network dropped it, or it is not there yet: the report is stored and
            // shown; its photos wait for the next pass (a photo never fails a pass).
            Err(SyncProblem::Offline) => break,
            Err(_) => {}
        }
    }
    if !arrived.is_empty() {
        photos::arrived();
        broadcast::announce_arrived(&arrived);
    }
    outcome
}
