//! Report photos in IndexedDB (localStorage is far too small), through web-sys. Each
//! photo is a JPEG data URL under its own key; the report keeps the keys. Every failure
//! comes back as a message for the UI, never a panic.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use super::idb::{self, IdbFailure};
use crate::domain::photo::{MAX_SIDE, scaled_size};

const DB: &str = "cs-photos";
const STORE: &str = "photos";

/// Why a photo could not be kept (the browser's own words, for the notice).
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoError(pub String);

fn error(e: impl Into<JsValue>) -> PhotoError {
    PhotoError(IdbFailure::from_js(&e.into()).message)
}

impl From<IdbFailure> for PhotoError {
    fn from(f: IdbFailure) -> Self {
        PhotoError(f.message)
    }
}

async fn open() -> Result<IdbDatabase, PhotoError> {
    let upgrade = |db: &IdbDatabase, _: &IdbRequest| {
        let _ = db.create_object_store(STORE);
    };
    Ok(idb::open(DB, 1, upgrade, || {}).await?)
}

async fn with_store<F>(mode: IdbTransactionMode, op: F) -> Result<JsValue, PhotoError>
where
    F: FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
{
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(error)?;
    let store = tx.object_store(STORE).map_err(error)?;
    let result = idb::done(&op(&store).map_err(error)?).await;
    db.close();
    Ok(result?)
}

pub async fn put(key: &str, data_url: &str) -> Result<(), PhotoError> {
    with_store(IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&data_url.into(), &key.into())
    })
    .await
    .map(|_| ())
}

pub async fn get(key: &str) -> Result<Option<String>, PhotoError> {
    with_store(IdbTransactionMode::Readonly, |s| s.get(&key.into()))
        .await
        .map(|v| v.as_string())
}

type Listener = (u32, Rc<dyn Fn()>);

thread_local! {
    /// Who is told when photos arrive from the server (thumbnails waiting for them).
    static ARRIVAL_LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
    static NEXT_LISTENER: Cell<u32> = const { Cell::new(0) };
}

/// Calls `heard` whenever photos arrive from the server, until `forget_arrivals` with the
/// id returned.
pub fn on_arrivals(heard: impl Fn() + 'static) -> u32 {
    let id = NEXT_LISTENER.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    ARRIVAL_LISTENERS.with(|l| l.borrow_mut().push((id, Rc::new(heard))));
    id
}

pub fn forget_arrivals(id: u32) {
    ARRIVAL_LISTENERS.with(|l| l.borrow_mut().retain(|(i, _)| *i != id));
}

/// Tells the listeners that photos arrived.
pub fn arrived() {
    let listeners: Vec<_> =
        ARRIVAL_LISTENERS.with(|l| l.borrow().iter().map(|(_, f)| f.clone()).collect());
    for heard in listeners {
        heard();
    }
}

/// The mark of a photo the server holds and this phone is still to fetch (kept beside the
/// photos, so erasing them erases the marks).
const WANTED: &str = "wanted:";

/// Marks a photo as on its way (`note`: where to fetch it, for the replicator).
pub async fn mark_wanted(key: &str, note: &str) -> Result<(), PhotoError> {
    put(&format!("{WANTED}{key}"), note).await
}

pub async fn unmark_wanted(key: &str) -> Result<(), PhotoError> {
    delete(&format!("{WANTED}{key}")).await
}

/// Whether a photo this phone lacks is on its way from the server ("still downloading"),
/// rather than never sent by the phone that took it.
pub async fn is_wanted(key: &str) -> bool {
    has(&format!("{WANTED}{key}")).await.unwrap_or(false)
}

/// The notes of every photo on its way.
pub async fn wanted_notes() -> Result<Vec<String>, PhotoError> {
    let range = web_sys::IdbKeyRange::bound(&WANTED.into(), &"wanted;".into()).map_err(error)?;
    let all = with_store(IdbTransactionMode::Readonly, |s| s.get_all_with_key(&range)).await?;
    Ok(js_sys::Array::from(&all)
        .iter()
        .filter_map(|v| v.as_string())
        .collect())
}

/// Whether a photo is kept here, without reading its data.
pub async fn has(key: &str) -> Result<bool, PhotoError> {
    with_store(IdbTransactionMode::Readonly, |s| {
        s.count_with_key(&key.into())
    })
    .await
    .map(|n| n.as_f64().unwrap_or(0.0) > 0.0)
}

pub async fn delete(key: &str) -> Result<(), PhotoError> {
    with_store(IdbTransactionMode::Readwrite, |s| s.delete(&key.into()))
        .await
        .map(|_| ())
}

/// Deletes the whole photo database ("erase all my data").
pub fn delete_all() {
    if let Some(Ok(Some(factory))) = web_sys::window().map(|w| w.indexed_db()) {
        let _ = factory.delete_database(DB);
    }
}

/// Scales a picked or taken picture down (longest side 1280 px) and encodes it as JPEG.
pub async fn shrink(file: &web_sys::File) -> Result<String, PhotoError> {
    let window = web_sys::window().ok_or_else(|| PhotoError("no window".into()))?;
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(file).map_err(error)?)
            .await
            .map_err(error)?
            .dyn_into()
            .map_err(error)?;
    let (w, h) = scaled_size(bitmap.width(), bitmap.height(), MAX_SIDE);
    let document = window
        .document()
        .ok_or_else(|| PhotoError("no document".into()))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(error)?
        .dyn_into()
        .map_err(error)?;
    canvas.set_width(w);
    canvas.set_height(h);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(error)?
        .ok_or_else(|| PhotoError("no canvas".into()))?
        .dyn_into()
        .map_err(error)?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(w), f64::from(h))
        .map_err(error)?;
    bitmap.close();
    canvas
        .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(0.8))
        .map_err(error)
}

/// The files a person chose in a file input (the target of `event`), taken: the input is
/// cleared, so choosing the same picture again is a new choice.
pub fn take_chosen_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return vec![];
    };
    let files = input
        .files()
        .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}
