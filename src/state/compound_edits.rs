//! The browse entry's view of this phone's compound edits (a steward's, made in the
//! console on the same phone): the winners in the document store, with changes still in
//! the write-ahead journal or in the first store on top, read again when another tab
//! writes one. Read-only on purpose: saving, migrating and conflicts belong to the resident
//! app and the console (`records`), so the directory and the cards do without that code.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::documents::{journal_entries, report};
use crate::domain::compound::Compound;
use crate::format::collections::COMPOUNDS;
use crate::format::documents::{Decoded, DocKind};
use crate::format::error::StoreError;
use crate::format::merge::upsert;
use crate::platform::local_storage::stored;
use crate::platform::{broadcast, doc_store};

/// Starts reading the edits (see `StartRecords`): the edits, and whether they are read.
pub fn read_compound_edits(
    problems: WriteSignal<Vec<StoreError>>,
) -> (ReadSignal<Vec<Compound>>, Signal<bool>) {
    let (edits, set_edits) = signal(Vec::new());
    let (ready, set_ready) = signal(false);
    // Reads can overlap (two broadcasts in a row): only the latest one started is shown.
    let latest = Rc::new(Cell::new(0u32));
    let read = move || {
        let latest = Rc::clone(&latest);
        let this = latest.get() + 1;
        latest.set(this);
        spawn_local(async move {
            let found = read_all(problems).await;
            if latest.get() == this {
                set_edits.set(found);
                set_ready.set(true);
            }
        })
    };
    read();
    let prefix = format!("{}:", DocKind::Compound.key());
    broadcast::listen(move |ids| {
        if ids.iter().any(|id| id.starts_with(&prefix)) {
            read();
        }
    });
    (edits, ready.into())
}

async fn read_all(problems: WriteSignal<Vec<StoreError>>) -> Vec<Compound> {
    let mut decoded = Decoded::<Compound>::default();
    match doc_store::read_kind(DocKind::Compound.key()).await {
        Ok(rows) => rows.iter().for_each(|(id, json)| decoded.add(id, json)),
        Err(problem) => report(problems, problem),
    }
    for id in decoded.corrupt {
        report(problems, StoreError::CorruptRecord { id });
    }
    let mut edits = decoded.records;
    // Not moved into the documents yet (the resident app or console moves them on its
    // next start): shown where the store has nothing.
    for old in stored::<Vec<Compound>>(COMPOUNDS).unwrap_or_default() {
        if !edits.iter().any(|c| c.id == old.id) {
            edits.push(old);
        }
    }
    // A change whose page closed before the store had it: the next start of the resident
    // app or console saves it; until then it is what the steward last saw.
    for (_, unsaved) in journal_entries::<Compound>(DocKind::Compound) {
        if let Some(u) = unsaved {
            upsert(&mut edits, u.body);
        }
    }
    edits
}
