//! The document store: one IndexedDB row per document (`_id`, index fields, the revision
//! tree as JSON) and a local update sequence. Every write reads the stored tree, applies
//! the change and writes it back in one transaction, so two tabs never overwrite each
//! other's revisions. Failures come back as `StoreError`s for a plain message.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    IdbDatabase, IdbIndex, IdbKeyRange, IdbObjectStore, IdbObjectStoreParameters, IdbRequest,
    IdbTransactionMode,
};

use super::idb::{self, IdbFailure};
use crate::format::documents::StoredDoc;
use crate::format::error::StoreError;

pub const DB: &str = "cs-docs";
const VERSION: u32 = 1;
const DOCS: &str = "docs";
const META: &str = "meta";
const SEQ: &str = "seq";
/// The index fields of a row; `seq` orders "changes since".
const INDEXES: [&str; 4] = ["kind", "compound", "status", "seq"];

/// Hears of trouble no call returns.
type TroubleHandler = Box<dyn Fn(StoreError)>;

thread_local! {
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static ON_TROUBLE: RefCell<Option<TroubleHandler>> = const { RefCell::new(None) };
}

/// Who hears of trouble that no call returns: the store blocked or taken over.
pub fn on_trouble(handler: impl Fn(StoreError) + 'static) {
    ON_TROUBLE.with(|h| *h.borrow_mut() = Some(Box::new(handler)));
}

fn trouble(e: StoreError) {
    ON_TROUBLE.with(|h| {
        if let Some(h) = h.borrow().as_ref() {
            h(e);
        }
    });
}

/// The browser's failure as a store error about `key`.
fn classify(key: &str, f: IdbFailure) -> StoreError {
    let key = key.to_string();
    match f.name.as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded { key },
        // Aborted, or ended before all its writes were made: cut off either way.
        "AbortError" | "TransactionInactiveError" => StoreError::Interrupted { key },
        "VersionError" => StoreError::UnknownSchema { key, found: 0 },
        "UnavailableError" | "SecurityError" => StoreError::RecordsUnavailable,
        "InvalidStateError" => StoreError::Replaced,
        _ => StoreError::Other {
            key,
            detail: f.message,
        },
    }
}

fn js_failure(key: &str) -> impl Fn(JsValue) -> StoreError + '_ {
    move |e| classify(key, IdbFailure::from_js(&e))
}

fn create_stores(db: &IdbDatabase, _: &IdbRequest) {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("_id"));
    if let Ok(docs) = db.create_object_store_with_optional_parameters(DOCS, &params) {
        for index in INDEXES {
            let _ = docs.create_index_with_str(index, index);
        }
    }
    let _ = db.create_object_store(META);
}

/// The open database, opened once per page; a newer version elsewhere closes it.
async fn db() -> Result<IdbDatabase, StoreError> {
    if let Some(db) = OPEN.with(|o| o.borrow().clone()) {
        return Ok(db);
    }
    let db = idb::open(DB, VERSION, create_stores, || trouble(StoreError::Blocked))
        .await
        .map_err(|f| classify(DB, f))?;
    let closing = db.clone();
    let on_version_change = Closure::<dyn Fn()>::new(move || {
        closing.close();
        OPEN.with(|o| o.borrow_mut().take());
        trouble(StoreError::Replaced);
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    OPEN.with(|o| *o.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn row_of(doc: &StoredDoc, seq: f64) -> Object {
    let row = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&row, &JsValue::from_str(k), &v);
    };
    set("_id", doc.id.as_str().into());
    set("kind", doc.kind.into());
    set("compound", doc.compound.as_str().into());
    set("status", doc.status.into());
    set("seq", seq.into());
    let tree = serde_json::to_string(&doc.tree).unwrap_or_default();
    set("tree", tree.into());
    row
}

fn field(row: &JsValue, name: &str) -> Option<String> {
    Reflect::get(row, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// One of the documents' indexes, in a read-only transaction of its own.
fn docs_index(db: &IdbDatabase, name: &str) -> Result<IdbIndex, StoreError> {
    let fail = js_failure(DB);
    let tx = db.transaction_with_str(DOCS).map_err(&fail)?;
    tx.object_store(DOCS)
        .map_err(&fail)?
        .index(name)
        .map_err(&fail)
}

/// The rows of the `index` the query selects (a key, or a key range), at most `limit`.
async fn index_rows(index: &str, query: &JsValue, limit: Option<u32>) -> Result<Array, StoreError> {
    let fail = js_failure(DB);
    let index = docs_index(&db().await?, index)?;
    let request = match limit {
        Some(n) => index.get_all_with_key_and_limit(query, n),
        None => index.get_all_with_key(query),
    };
    let rows = idb::done(&request.map_err(&fail)?)
        .await
        .map_err(|f| classify(DB, f))?;
    Ok(Array::from(&rows))
}

/// Every document of a kind, read through the `kind` index: (id, tree JSON).
pub async fn read_kind(kind: &str) -> Result<Vec<(String, String)>, StoreError> {
    let rows = index_rows("kind", &kind.into(), None).await?;
    // The benchmark tells the wait for IndexedDB (off the main thread) from the work after.
    super::clock::mark(&format!("cs:{kind}:rows-arrived"));
    Ok(rows
        .iter()
        .filter_map(|row| Some((field(&row, "_id")?, field(&row, "tree").unwrap_or_default())))
        .collect())
}

/// What `store` keeps under `key` (undefined if nothing), read in a transaction of its own.
async fn get_one(store: &str, key: &str) -> Result<JsValue, StoreError> {
    let db = db().await?;
    let fail = js_failure(key);
    let tx = db.transaction_with_str(store).map_err(&fail)?;
    let request = tx.object_store(store).map_err(&fail)?.get(&key.into());
    idb::done(&request.map_err(&fail)?)
        .await
        .map_err(|f| classify(key, f))
}

/// The change a write makes to one stored tree: `None` leaves the document as it is.
pub type Change<'a> = dyn FnMut(&str, Option<&str>) -> Result<Option<StoredDoc>, StoreError> + 'a;

/// Reads the documents `ids`, lets `change` decide each one's new row, and writes the
/// changed rows with fresh update sequence numbers — all in one transaction, so it is
/// all or nothing and no other tab's revision is overwritten. Returns the rows written.
pub async fn update(ids: &[String], change: &mut Change<'_>) -> Result<Vec<StoredDoc>, StoreError> {
    let key = ids.first().map_or(DB, String::as_str);
    let fail = js_failure(key);
    let db = db().await?;
    let stores = Array::of2(&DOCS.into(), &META.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(&fail)?;
    let docs = tx.object_store(DOCS).map_err(&fail)?;
    let meta = tx.object_store(META).map_err(&fail)?;
    // Every read is queued before the first is awaited: one round trip, not one per id.
    let seq_request = meta.get(&SEQ.into()).map_err(&fail)?;
    let reads: Vec<IdbRequest> = ids
        .iter()
        .map(|id| docs.get(&id.as_str().into()))
        .collect::<Result<_, _>>()
        .map_err(&fail)?;
    let result = apply(&docs, &meta, &seq_request, ids, &reads, change).await;
    if result.is_err() {
        let _ = tx.abort();
    }
    let written = result?;
    idb::committed(&tx).await.map_err(|f| classify(key, f))?;
    Ok(written)
}

/// `update`, and in the same transaction values kept beside the documents (`meta_put`):
/// all or nothing. (A function of its own so the programs that never write one do not
/// carry it.)
pub async fn update_noting(
    ids: &[String],
    change: &mut Change<'_>,
    notes: &[(&str, &str)],
) -> Result<Vec<StoredDoc>, StoreError> {
    let fail = js_failure(META);
    let db = db().await?;
    let stores = Array::of2(&DOCS.into(), &META.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(&fail)?;
    let docs = tx.object_store(DOCS).map_err(&fail)?;
    let meta = tx.object_store(META).map_err(&fail)?;
    let seq_request = meta.get(&SEQ.into()).map_err(&fail)?;
    let reads: Vec<IdbRequest> = ids
        .iter()
        .map(|id| docs.get(&id.as_str().into()))
        .collect::<Result<_, _>>()
        .map_err(&fail)?;
    let mut result = apply(&docs, &meta, &seq_request, ids, &reads, change).await;
    for (key, value) in notes {
        if result.is_ok()
            && let Err(e) = meta.put_with_key(&(*value).into(), &(*key).into())
        {
            result = Err(fail(e));
        }
    }
    if result.is_err() {
        let _ = tx.abort();
    }
    let written = result?;
    idb::committed(&tx).await.map_err(|f| classify(META, f))?;
    Ok(written)
}

async fn apply(
    docs: &IdbObjectStore,
    meta: &IdbObjectStore,
    seq_request: &IdbRequest,
    ids: &[String],
    reads: &[IdbRequest],
    change: &mut Change<'_>,
) -> Result<Vec<StoredDoc>, StoreError> {
    let key = ids.first().map_or(DB, String::as_str);
    let mut seq = idb::done(seq_request)
        .await
        .map_err(|f| classify(key, f))?
        .as_f64()
        .unwrap_or(0.0);
    let mut written = vec![];
    for (id, read) in ids.iter().zip(reads) {
        let row = idb::done(read).await.map_err(|f| classify(id, f))?;
        let stored = field(&row, "tree");
        if let Some(doc) = change(id, stored.as_deref())? {
            seq += 1.0;
            docs.put(&row_of(&doc, seq)).map_err(js_failure(id))?;
            written.push(doc);
        }
    }
    if !written.is_empty() {
        meta.put_with_key(&seq.into(), &SEQ.into())
            .map_err(js_failure(key))?;
    }
    Ok(written)
}

/// Removes documents from this phone (archived: the server and a backup file keep them)
/// and writes values kept beside them, in one transaction: all or nothing. A removal is no
/// change to push (no update sequence is given), so the server keeps them.
pub async fn remove_noting(ids: &[String], notes: &[(&str, &str)]) -> Result<(), StoreError> {
    let fail = js_failure(META);
    let db = db().await?;
    let stores = Array::of2(&DOCS.into(), &META.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(&fail)?;
    let docs = tx.object_store(DOCS).map_err(&fail)?;
    for id in ids {
        docs.delete(&id.as_str().into()).map_err(js_failure(id))?;
    }
    let meta = tx.object_store(META).map_err(&fail)?;
    for (key, value) in notes {
        meta.put_with_key(&(*value).into(), &(*key).into())
            .map_err(&fail)?;
    }
    idb::committed(&tx).await.map_err(|f| classify(META, f))
}

/// Several documents' tree JSON in one transaction, in the order asked.
pub async fn read_many(ids: &[String]) -> Result<Vec<Option<String>>, StoreError> {
    let db = db().await?;
    let fail = js_failure(DB);
    let tx = db.transaction_with_str(DOCS).map_err(&fail)?;
    let store = tx.object_store(DOCS).map_err(&fail)?;
    let reads: Vec<IdbRequest> = ids
        .iter()
        .map(|id| store.get(&id.as_str().into()))
        .collect::<Result<_, _>>()
        .map_err(&fail)?;
    let mut out = Vec::with_capacity(reads.len());
    for read in &reads {
        let row = idb::done(read).await.map_err(|f| classify(DB, f))?;
        out.push(field(&row, "tree"));
    }
    Ok(out)
}

/// A document changed here after some point: what replication pushes.
pub struct ChangedRow {
    pub id: String,
    pub kind: String,
    pub compound: String,
    pub seq: f64,
    pub tree: String,
}

/// Up to `limit` documents written after local sequence `since`, oldest change first.
pub async fn changes_since(since: f64, limit: u32) -> Result<Vec<ChangedRow>, StoreError> {
    let after = IdbKeyRange::lower_bound_with_open(&since.into(), true).map_err(js_failure(DB))?;
    let rows = index_rows("seq", &after, Some(limit)).await?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let seq = Reflect::get(&row, &"seq".into()).ok()?.as_f64()?;
            Some(ChangedRow {
                id: field(&row, "_id")?,
                kind: field(&row, "kind").unwrap_or_default(),
                compound: field(&row, "compound").unwrap_or_default(),
                seq,
                tree: field(&row, "tree").unwrap_or_default(),
            })
        })
        .collect())
}

/// The last update sequence given to a write (0: nothing written yet).
pub async fn current_seq() -> Result<f64, StoreError> {
    Ok(get_one(META, SEQ).await?.as_f64().unwrap_or(0.0))
}

/// How many documents were written after local sequence `since`.
pub async fn count_since(since: f64) -> Result<u32, StoreError> {
    let fail = js_failure(DB);
    let after = IdbKeyRange::lower_bound_with_open(&since.into(), true).map_err(&fail)?;
    let index = docs_index(&db().await?, SEQ)?;
    let count = idb::done(&index.count_with_key(&after).map_err(&fail)?)
        .await
        .map_err(|f| classify(DB, f))?;
    Ok(count.as_f64().unwrap_or(0.0) as u32)
}

/// A small value kept beside the documents (replication checkpoints), as text.
pub async fn meta_get(key: &str) -> Result<Option<String>, StoreError> {
    Ok(get_one(META, key).await?.as_string())
}

pub async fn meta_put(key: &str, value: &str) -> Result<(), StoreError> {
    let db = db().await?;
    let fail = js_failure(key);
    let tx = db
        .transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite)
        .map_err(&fail)?;
    let store = tx.object_store(META).map_err(&fail)?;
    store
        .put_with_key(&value.into(), &key.into())
        .map_err(&fail)?;
    idb::committed(&tx).await.map_err(|f| classify(key, f))
}

/// Deletes the whole document database ("erase all my data").
pub fn delete_all() {
    if let Some(db) = OPEN.with(|o| o.borrow_mut().take()) {
        db.close();
    }
    if let Ok(factory) = idb::factory() {
        let _ = factory.delete_database(DB);
    }
}
