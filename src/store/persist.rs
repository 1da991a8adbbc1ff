//! The one place state reaches storage: an effect per collection writes it, merged with
//! what is stored (another tab may have written since), and a `storage` event listener
//! brings other tabs' writes in.

use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::collections::{
    COMPOUNDS, COMPOUNDS_SCHEMA, REPORTS, REPORTS_SCHEMA, SETTINGS, SETTINGS_SCHEMA,
};
use super::envelope::{Migration, decode, encode};
use super::local::{is_seen, mark_seen, read_raw, write_raw};
use super::merge::{Record, merge};
use super::migrations;
use super::settings::Settings;
use super::state::{AppState, AppWriter};

pub fn start(state: AppState, writer: AppWriter) {
    Effect::new(move |_| {
        let settings = state.settings.get();
        if writable(state, SETTINGS) {
            // Settings are one record: the newer of ours and the stored one wins.
            let stored: Option<Settings> = stored(SETTINGS, SETTINGS_SCHEMA, migrations::settings);
            if stored
                .as_ref()
                .is_none_or(|s| s.updated_at <= settings.updated_at)
            {
                write_if_changed(writer, SETTINGS, &encode(SETTINGS_SCHEMA, &settings));
            }
        }
    });
    Effect::new(move |_| {
        if writable(state, REPORTS) {
            let joined = state
                .reports
                .with(|ours| sync_collection(writer, REPORTS, REPORTS_SCHEMA, ours));
            if let Some(all) = joined {
                writer.set_reports.set(all);
            }
        }
    });
    Effect::new(move |_| {
        if writable(state, COMPOUNDS) {
            let joined = state
                .local_compounds
                .with(|ours| sync_collection(writer, COMPOUNDS, COMPOUNDS_SCHEMA, ours));
            if let Some(all) = joined {
                writer.set_local_compounds.set(all);
            }
        }
    });
    listen_to_other_tabs(writer);
}

fn writable(state: AppState, key: &'static str) -> bool {
    !state.read_only.with_untracked(|keys| keys.contains(&key))
}

fn stored<T: serde::de::DeserializeOwned>(key: &str, schema: u32, migrate: Migration) -> Option<T> {
    let raw = read_raw(key).ok()??;
    decode(key, &raw, schema, migrate).ok()
}

/// Another tab's collection, read for merging; marked seen so the next write does not
/// decode it again.
fn theirs<T: serde::de::DeserializeOwned>(key: &str, schema: u32) -> Option<Vec<T>> {
    let raw = read_raw(key).ok()??;
    let records = decode(key, &raw, schema, migrations::bare_array).ok()?;
    mark_seen(key, raw);
    Some(records)
}

/// Writes ours, merged with the stored collection when another tab changed it since this
/// tab last saw it (the usual case — only this tab writing — needs no decoding). Returns
/// the merged collection when the other tab had records we lacked, for the state.
fn sync_collection<T>(writer: AppWriter, key: &str, schema: u32, ours: &[T]) -> Option<Vec<T>>
where
    T: Record + Clone + Serialize + serde::de::DeserializeOwned,
{
    let raw = read_raw(key).ok().flatten();
    // Nothing to keep and nothing kept: write nothing (after "erase all", no key returns).
    if ours.is_empty() && raw.is_none() {
        return None;
    }
    let merged = raw
        .as_deref()
        .filter(|text| !is_seen(key, text))
        .and_then(|text| decode::<Vec<T>>(key, text, schema, migrations::bare_array).ok())
        .map(|theirs| merge(ours, &theirs));
    let text = encode(schema, merged.as_deref().unwrap_or(ours));
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
            match event.key().as_deref() {
                Some(REPORTS) => {
                    if let Some(theirs) = theirs(REPORTS, REPORTS_SCHEMA) {
                        writer
                            .set_reports
                            .update(|ours| *ours = merge(ours, &theirs));
                    }
                }
                Some(COMPOUNDS) => {
                    if let Some(theirs) = theirs(COMPOUNDS, COMPOUNDS_SCHEMA) {
                        writer
                            .set_local_compounds
                            .update(|ours| *ours = merge(ours, &theirs));
                    }
                }
                Some(SETTINGS) => {
                    if let Some(theirs) =
                        stored::<Settings>(SETTINGS, SETTINGS_SCHEMA, migrations::settings)
                    {
                        writer.set_settings.update(|ours| {
                            if theirs.updated_at > ours.updated_at {
                                *ours = theirs;
                            }
                        });
                    }
                }
                _ => {}
            }
        });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_storage.forget();
}
