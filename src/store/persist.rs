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
use super::local::{read_raw, write_raw};
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
        let ours = state.reports.get();
        if writable(state, REPORTS) {
            sync_collection(writer, REPORTS, REPORTS_SCHEMA, &ours, writer.set_reports);
        }
    });
    Effect::new(move |_| {
        let ours = state.local_compounds.get();
        if writable(state, COMPOUNDS) {
            sync_collection(
                writer,
                COMPOUNDS,
                COMPOUNDS_SCHEMA,
                &ours,
                writer.set_local_compounds,
            );
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

/// Writes ours merged with the stored collection; if the stored side had records we did
/// not, they join our state too (the effect then finds nothing to write).
fn sync_collection<T>(
    writer: AppWriter,
    key: &str,
    schema: u32,
    ours: &[T],
    set: WriteSignal<Vec<T>>,
) where
    T: Record + Clone + Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
{
    // Nothing to keep and nothing kept: write nothing (after "erase all", no key returns).
    if ours.is_empty() && matches!(read_raw(key), Ok(None)) {
        return;
    }
    let theirs: Vec<T> = stored(key, schema, migrations::bare_array).unwrap_or_default();
    let merged = merge(ours, &theirs);
    write_if_changed(writer, key, &encode(schema, &merged));
    if merged.len() != ours.len() {
        set.set(merged);
    }
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
                    if let Some(theirs) =
                        stored::<Vec<_>>(REPORTS, REPORTS_SCHEMA, migrations::bare_array)
                    {
                        writer
                            .set_reports
                            .update(|ours| *ours = merge(ours, &theirs));
                    }
                }
                Some(COMPOUNDS) => {
                    if let Some(theirs) =
                        stored::<Vec<_>>(COMPOUNDS, COMPOUNDS_SCHEMA, migrations::bare_array)
                    {
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
