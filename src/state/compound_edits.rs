//! The browse entry's view of this phone's compound edits (a steward's, made in the
//! console on the same phone): the winners in the document store, with changes still in
//! the write-ahead journal or in the first store on top, read again when another tab
//! writes one. Read-only on purpose: saving, migrating and conflicts belong to the resident
//! app and the console (`records`), so the directory and the cards do without that code.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::documents::report;
use crate::domain::compound::Compound;
use crate::format::collections::COMPOUNDS;
use crate::format::documents::{Decoded, DocKind, JOURNAL_PREFIX, Unsaved};
use crate::format::error::StoreError;
use crate::format::merge::upsert;
use crate::platform::local_storage::{keys_with_prefix, read_raw, stored};
use crate::platform::{broadcast, doc_store};

/// Starts reading the edits (see `StartRecords`): the edits, and whether they are read.
pub fn read_compound_edits(
    problems: WriteSignal<Vec<StoreError>>,
) -> (ReadSignal<Vec<Compound>>, Signal<bool>) {
    let (edits, set_edits) = signal(Vec::new());
    let (ready, set_ready) = signal(false);
    let read = move || {
        spawn_local(async move {
            set_edits.set(read_all(problems).await);
            set_ready.set(true);
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
    // next start): shown where the store has nothing newer.
    for old in stored::<Vec<Compound>>(COMPOUNDS).unwrap_or_default() {
        if !edits.iter().any(|c| c.id == old.id) {
            edits.push(old);
        }
    }
    // A change whose page closed before the store had it: the next start of the resident
    // app or console saves it; until then it is what the steward last saw.
    let journal = format!("{JOURNAL_PREFIX}{}:", DocKind::Compound.key());
    for key in keys_with_prefix(&journal) {
        let unsaved = read_raw(&key).ok().flatten();
        if let Some(u) = unsaved.and_then(|j| serde_json::from_str::<Unsaved<Compound>>(&j).ok()) {
            upsert(&mut edits, u.body);
        }
    }
    edits
}
