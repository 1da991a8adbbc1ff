//! The settings (and steward mode) in localStorage: an effect writes each unless another
//! tab's stored copy is newer, and a `storage` event listener brings other tabs' changes
//! in. Records are documents instead (`documents`).

use leptos::prelude::*;

use super::{AppState, AppWriter};
use crate::format::collections::{Collection, SETTINGS};
use crate::format::json::{FromJson, ToJson};
use crate::format::merge::Stamped;
use crate::platform::local_storage::{read_raw, stored, write_raw};

pub fn start(state: AppState, writer: AppWriter) {
    Effect::new(move |_| {
        state
            .settings
            .with(|s| write_newest(writable(state, SETTINGS), writer, SETTINGS, s))
    });
    listen_to_other_tabs(writer);
}

/// Writes a one-record collection unless the stored copy is newer (another tab's). A
/// record still at its default is not written where none is stored: "forgot PIN" and
/// "erase all" leave no key behind.
pub(super) fn write_newest<T>(writable: bool, writer: AppWriter, collection: Collection, ours: &T)
where
    T: Stamped + ToJson + FromJson + Default + PartialEq,
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
fn newer<T: Stamped + FromJson>(collection: Collection, ours: &T) -> Option<T> {
    stored::<T>(collection).filter(|theirs| theirs.is_newer_than(ours))
}

fn writable(state: AppState, collection: Collection) -> bool {
    !state
        .read_only
        .with_untracked(|keys| keys.contains(&collection.key))
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

/// Another tab changed the settings: take theirs if newer.
fn listen_to_other_tabs(writer: AppWriter) {
    on_other_tab_write(move |key| {
        if key == SETTINGS.key {
            writer.set_settings.update(|ours| {
                if let Some(theirs) = newer(SETTINGS, ours) {
                    *ours = theirs;
                }
            });
        }
    });
}

/// Calls `handle` with the key of every storage change another tab makes.
pub(super) use crate::platform::window_events::on_storage_write as on_other_tab_write;
