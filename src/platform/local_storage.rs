//! localStorage through web-sys. Every call returns a `Result`; nothing here panics or
//! throws, even when storage is disabled (gloo-storage's `raw()` throws in that case,
//! which is why the store talks to web-sys directly).

use wasm_bindgen::{JsCast, JsValue};

use crate::format::collections::{Collection, backup_key};
use crate::format::error::StoreError;
use crate::format::json::FromJson;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    let storage = window
        .local_storage()
        .map_err(|_| StoreError::Unavailable)?
        .ok_or(StoreError::Unavailable)?;
    // Some browsers hand out a storage object that refuses every write (Safari private
    // mode of old); probe once so the app can say so up front.
    storage
        .set_item("cs.probe", "1")
        .and_then(|()| storage.remove_item("cs.probe"))
        .map_err(|_| StoreError::Unavailable)?;
    Ok(storage)
}

pub fn read_raw(key: &str) -> Result<Option<String>, StoreError> {
    storage()?.get_item(key).map_err(|e| classify(key, &e))
}

pub fn write_raw(key: &str, value: &str) -> Result<(), StoreError> {
    storage()?
        .set_item(key, value)
        .map_err(|e| classify(key, &e))
}

/// Every stored key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Ok(storage) = storage() else {
        return vec![];
    };
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

pub fn remove_raw(key: &str) -> Result<(), StoreError> {
    storage()?.remove_item(key).map_err(|e| classify(key, &e))
}

fn classify(key: &str, error: &JsValue) -> StoreError {
    let name = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreError::QuotaExceeded {
            key: key.to_string(),
        }
    } else {
        StoreError::Other {
            key: key.to_string(),
            detail: name,
        }
    }
}

/// What loading a collection gave: the value to use, and a problem to show if any.
pub struct Loaded<T> {
    pub value: T,
    pub problem: Option<StoreError>,
}

/// Reads and migrates a collection. A missing key gives the default. A corrupt value is
/// copied aside under a backup key first, then the default is used; an unknown (newer)
/// schema is left untouched.
pub fn load<T: FromJson + Default>(collection: Collection) -> Loaded<T> {
    let key = collection.key;
    let raw = match read_raw(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                value: T::default(),
                problem: None,
            };
        }
        Err(e) => {
            return Loaded {
                value: T::default(),
                problem: Some(e),
            };
        }
    };
    match collection.decode(&raw) {
        Ok(value) => Loaded {
            value,
            problem: None,
        },
        Err(StoreError::Corrupt { key, .. }) => {
            let aside = backup_key(&key, crate::platform::clock::now());
            let saved = write_raw(&aside, &raw).is_ok();
            Loaded {
                value: T::default(),
                problem: Some(StoreError::Corrupt {
                    key,
                    backup_key: saved.then_some(aside),
                }),
            }
        }
        Err(other) => Loaded {
            value: T::default(),
            problem: Some(other),
        },
    }
}

/// The stored value of a collection, decoded, if there is a readable one.
pub fn stored<T: FromJson>(collection: Collection) -> Option<T> {
    let raw = read_raw(collection.key).ok()??;
    collection.decode(&raw).ok()
}

/// Offers a stored value, byte for byte, as a file (a damaged value's copy, to send to
/// whoever can repair it).
pub fn download_raw_copy(key: &str) {
    if let Ok(Some(raw)) = read_raw(key) {
        super::download::download(&format!("{key}.txt"), "text/plain", &raw);
    }
}
