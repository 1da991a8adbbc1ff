//! The one place state reaches storage: an effect per collection writes it, merged with
//! what is stored (another tab may have written since), and a `storage` event listener
//! brings other tabs' writes in. Every collection is handled through its `Collection`
//! description, so its migrations run on every path.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::{AppState, AppWriter};
use crate::format::collections::{COMPOUNDS, Collection, REPORTS, SETTINGS};
use crate::format::merge::{Record, Stamped, merge};
use crate::platform::local_storage::{is_seen, mark_seen, read_raw, stored, write_raw};

pub fn start(state: AppState, writer: AppWriter) {
    Effect::new(move |_| {
        state
            .settings
            .with(|s| write_newest(writable(state, SETTINGS), writer, SETTINGS, s))
    });
    Effect::new(move |_| {
        if writable(state, REPORTS) {
            let joined = state
                .reports
                .with(|ours| sync_collection(writer, REPORTS, ours));
            if let Some(all) = joined {
                writer.set_reports.set(all);
            }
        }
    });
    Effect::new(move |_| {
        if writable(state, COMPOUNDS) {
            let joined = state
                .local_compounds
                .with(|ours| sync_collection(writer, COMPOUNDS, ours));
            if let Some(all) = joined {
                writer.set_local_compounds.set(all);
            }
        }
    });
    listen_to_other_tabs(writer);
}

/// Writes a one-record collection unless the stored copy is newer (another tab's). A
/// record still at its default is not written where none is stored: "forgot PIN" and
/// "erase all" leave no key behind.
pub(super) fn write_newest<T>(writable: bool, writer: AppWriter, collection: Collection, ours: &T)
where
    T: Stamped + Serialize + DeserializeOwned + Default + PartialEq,
{
    if !writable {
        return;
    }
    match stored::<T>(collection) {
        Some(theirs) if theirs.is_newer_than(ours) => {}
        None if *ours == T::default() && read_raw(collection.key).ok().flatten().is_none() => {}
        _ => write_if_changed(writer, collection.key, &collection.encode(ours)),
    }
}

/// Another tab's copy of a one-record collection, if it is newer than ours.
fn newer<T: Stamped + DeserializeOwned>(collection: Collection, ours: &T) -> Option<T> {
    stored::<T>(collection).filter(|theirs| theirs.is_newer_than(ours))
}

fn writable(state: AppState, collection: Collection) -> bool {
    !state
        .read_only
        .with_untracked(|keys| keys.contains(&collection.key))
}

/// Another tab's collection, read for merging; marked seen so the next write does not
/// decode it again.
pub(super) fn theirs<T: DeserializeOwned>(collection: Collection) -> Option<Vec<T>> {
    let raw = read_raw(collection.key).ok()??;
    let records = collection.decode(&raw).ok()?;
    mark_seen(collection.key, raw);
    Some(records)
}

/// Writes ours, merged with the stored collection when another tab changed it since this
/// tab last saw it (the usual case — only this tab writing — needs no decoding). Returns
/// the merged collection when the other tab had records we lacked, for the state.
pub(super) fn sync_collection<T>(
    writer: AppWriter,
    collection: Collection,
    ours: &[T],
) -> Option<Vec<T>>
where
    T: Record + Clone + Serialize + DeserializeOwned,
{
    let key = collection.key;
    let raw = read_raw(key).ok().flatten();
    // Nothing to keep and nothing kept: write nothing (after "erase all", no key returns).
    if ours.is_empty() && raw.is_none() {
        return None;
    }
    let merged = raw
        .as_deref()
        .filter(|text| !is_seen(key, text))
        .and_then(|text| collection.decode::<Vec<T>>(text).ok())
        .map(|theirs| merge(ours, &theirs));
    let text = collection.encode(merged.as_deref().unwrap_or(ours));
    if raw.as_deref() == Some(text.as_str()) {
        mark_seen(key, text);
    } else {
        match write_raw(key, &text) {
            Ok(()) => mark_seen(key, text),
            // The new data stays in memory (and in a backup export); earlier data is intact.
            Err(problem) => writer.report_problem(problem),
        }
    }
    merged.filter(|m| m.len() != ours.len())
}

fn write_if_changed(writer: AppWriter, key: &str, text: &str) {
    if read_raw(key).ok().flatten().as_deref() == Some(text) {
        return;
    }
    if let Err(problem) = write_raw(key, text) {
        // The new data stays in memory (and in a backup export); earlier data is intact.
        writer.report_problem(problem);
    }
}

/// Another tab wrote: merge its records into ours.
fn listen_to_other_tabs(writer: AppWriter) {
    on_other_tab_write(move |key| {
        if key == REPORTS.key {
            if let Some(theirs) = theirs(REPORTS) {
                writer
                    .set_reports
                    .update(|ours| *ours = merge(ours, &theirs));
            }
        } else if key == COMPOUNDS.key {
            if let Some(theirs) = theirs(COMPOUNDS) {
                writer
                    .set_local_compounds
                    .update(|ours| *ours = merge(ours, &theirs));
            }
        } else if key == SETTINGS.key {
            writer.set_settings.update(|ours| {
                if let Some(theirs) = newer(SETTINGS, ours) {
                    *ours = theirs;
                }
            });
        }
    });
}

/// Calls `handle` with the key of every storage change another tab makes.
pub(super) fn on_other_tab_write(handle: impl Fn(&str) + 'static) {
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if let Some(key) = event.key() {
                handle(&key);
            }
        });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_storage.forget();
}
