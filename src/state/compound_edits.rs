//! The browse entry's view of this phone's compound edits (a steward's, made in the
//! console, or a followed compound's, brought by sync): the copy the resident app and the
//! console keep of the document store's winners (`COMPOUNDS_SHOWN`, written by
//! `records::keep_compounds_shown`), with the first store's edits where a phone has not
//! moved them yet; read again when another tab writes either. Read-only on purpose, and
//! without the document store: its code (IndexedDB, revision trees, the journal) cost
//! the first visit about 10 KB of brotli, for a copy that is a few kilobytes of JSON.

use leptos::prelude::*;

use super::persist::on_other_tab_write;
use crate::domain::compound::Compound;
use crate::format::collections::{COMPOUNDS, COMPOUNDS_SHOWN};
use crate::format::error::StoreError;
use crate::platform::local_storage::stored;

/// Starts reading the edits (see `StartRecords`): the edits, and whether they are read
/// (at once: localStorage answers synchronously).
pub fn read_compound_edits(
    _problems: WriteSignal<Vec<StoreError>>,
) -> (ReadSignal<Vec<Compound>>, Signal<bool>) {
    let (edits, set_edits) = signal(read_all());
    on_other_tab_write(move |key| {
        if key == COMPOUNDS_SHOWN.key || key == COMPOUNDS.key {
            set_edits.set(read_all());
        }
    });
    (edits, Signal::derive(|| true))
}

fn read_all() -> Vec<Compound> {
    let mut edits: Vec<Compound> = stored(COMPOUNDS_SHOWN).unwrap_or_default();
    // Not moved into the documents yet (the resident app or console moves them on its
    // next start): shown where the copy has nothing.
    for old in stored::<Vec<Compound>>(COMPOUNDS).unwrap_or_default() {
        if !edits.iter().any(|c| c.id == old.id) {
            edits.push(old);
        }
    }
    edits
}
