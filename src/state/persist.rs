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
use crate::format::merge::{Record, merge};
use crate::format::settings::Settings;
use crate::platform::local_storage::{is_seen, mark_seen, read_raw, stored, write_raw};

pub fn start(state: AppState, writer: AppWriter) {
    Effect::new(move |_| {
        let settings = state.settings.get();
        if writable(state, SETTINGS) {
            let stored: Option<Settings> = stored(SETTINGS);
            if stored.is_none_or(|s| !s.is_newer_than(&settings)) {
                write_if_changed(writer, SETTINGS.key, &SETTINGS.encode(&settings));
            }
        }
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

fn writable(state: AppState, collection: Collection) -> bool {
    !state
        .read_only
        .with_untracked(|keys| keys.contains(&collection.key))
}

/// Another tab's collection, read for merging; marked seen so the next write does not
/// decode it again.
fn theirs<T: DeserializeOwned>(collection: Collection) -> Option<Vec<T>> {
    let raw = read_raw(collection.key).ok()??;
    let records = collection.decode(&raw).ok()?;
    mark_seen(collection.key, raw);
    Some(records)
}

/// Writes ours, merged with the stored collection when another tab changed it since this
/// tab last saw it (the usual case — only this tab writing — needs no decoding). Returns
/// the merged collection when the other tab had records we lacked, for the state.
fn sync_collection<T>(writer: AppWriter, collection: Collection, ours: &[T]) -> Option<Vec<T>>
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
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            let key = event.key();
            if key.as_deref() == Some(REPORTS.key) {
                if let Some(theirs) = theirs(REPORTS) {
                    writer
                        .set_reports
                        .update(|ours| *ours = merge(ours, &theirs));
                }
            } else if key.as_deref() == Some(COMPOUNDS.key) {
                if let Some(theirs) = theirs(COMPOUNDS) {
                    writer
                        .set_local_compounds
                        .update(|ours| *ours = merge(ours, &theirs));
                }
            } else if key.as_deref() == Some(SETTINGS.key)
                && let Some(theirs) = stored::<Settings>(SETTINGS)
            {
                writer.set_settings.update(|ours| {
                    if theirs.is_newer_than(ours) {
                        *ours = theirs;
                    }
                });
            }
        });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_storage.forget();
}
