//! Photos coming in. A report's stubs name the photos the server holds; each one this
//! phone lacks is fetched by itself (its bytes, not base64 inside a batch of documents),
//! kept in the photo store, and the pages told. One that does not come now (offline, not
//! on the server yet) stays marked in the photo store and is asked for on the next pass;
//! the report's page reads the same mark to say "still downloading".

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

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

/// How many photos are fetched at once (a few: a phone's connection is shared with the
/// page, and each photo is a request of its own).
const AT_ONCE: usize = 4;

/// What fetching one photo came to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fetched {
    Kept,
    /// The network dropped it: the rest wait for the next pass.
    Offline,
    /// Not there (yet): asked again next time.
    Later,
    /// This phone's store would not keep it.
    NotKept,
}

async fn fetch_one(couch: &Couch, db: &str, w: &Wanted) -> Fetched {
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
            if kept {
                Fetched::Kept
            } else {
                Fetched::NotKept
            }
        }
        Err(SyncProblem::Offline) => Fetched::Offline,
        Err(_) => Fetched::Later,
    }
}

/// Fetches the photos on their way from `db`, a few at a time; each one that comes is kept
/// and unmarked. A photo never fails a pass: the report is stored and shown, and a photo
/// that does not come waits for the next pass (only this phone's full store stops it).
async fn fetch_wanted(couch: &Couch, db: &str) -> Result<(), SyncProblem> {
    let notes = photos::wanted_notes()
        .await
        .map_err(|_| SyncProblem::PhoneStorage)?;
    let wanted: Vec<Wanted> = notes
        .iter()
        .filter_map(|n| serde_json::from_str::<Wanted>(n).ok())
        .filter(|w| w.db == db)
        .collect();
    let mut arrived: Vec<String> = vec![];
    let mut outcome = Ok(());
    for group in wanted.chunks(AT_ONCE) {
        let fetching = js_sys::Array::new();
        for w in group {
            let (couch, db, w) = (couch.clone(), db.to_string(), w.clone());
            fetching.push(&future_to_promise(async move {
                Ok(JsValue::from(fetch_one(&couch, &db, &w).await as u8))
            }));
        }
        let results = JsFuture::from(js_sys::Promise::all(&fetching))
            .await
            .map(|r| js_sys::Array::from(&r).to_vec())
            .unwrap_or_default();
        let code = |f: Fetched| JsValue::from(f as u8);
        for (w, result) in group.iter().zip(&results) {
            if *result == code(Fetched::Kept) && !arrived.contains(&w.doc) {
                arrived.push(w.doc.clone());
            }
        }
        if results.contains(&code(Fetched::NotKept)) {
            outcome = Err(SyncProblem::PhoneStorage);
            break;
        }
        if results.contains(&code(Fetched::Offline)) {
            break;
        }
    }
    if !arrived.is_empty() {
        photos::arrived();
        broadcast::announce_arrived(&arrived);
    }
    outcome
}
