//! The card entry's live check (issue #29): once the published data is drawn, the card
//! reads its compound's public roster on the district's server (`Program::live_roster`:
//! one small request, no sign-in) and draws it instead when it is newer — the card's
//! freshness line then gives its date. Offline, without a server, or with an answer that
//! does not read as a compound, the published data stays and nothing is said. Only the
//! card entry runs it (the QR path: a first visit there may get a published file the
//! publishing job has not rewritten yet); the other programs' code does not carry it.

use std::sync::Arc;

use leptos::prelude::*;

use super::{AppWriter, DatasetState, Shared};
use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::format::collections::DATASET_SCHEMA;
use crate::format::envelope::decode;
use crate::format::json::from_str;
use crate::format::migrations;
use crate::platform::fetch::fetch_text;

/// `load_dataset` (the first of `urls` that loads and decodes), then `live`: a newer
/// roster of a published compound takes that compound's place, and the card redraws.
pub fn load_card_data(writer: AppWriter, urls: Vec<String>, mut live: Option<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut urls = urls.into_iter();
        let mut ready = false;
        // One request at a time in one loop (the fetch's code once in the program): the
        // published files until one reads, then the live roster.
        while let Some(url) = if ready { live.take() } else { urls.next() } {
            let text = fetch_text(&url).await.unwrap_or_default();
            if ready {
                let Some(roster) = from_str::<Compound>(&text) else {
                    return;
                };
                // In place: the signal holds the dataset's only handle by now (a copy of
                // the whole dataset would cost the card's program its code).
                writer.set_dataset.update(|state| {
                    if let DatasetState::Ready(Shared(d)) = state
                        && let Some(d) = Arc::get_mut(d)
                        && let Some(c) = d.compounds.iter_mut().find(|c| {
                            c.id == roster.id && c.updated_at < roster.updated_at && !roster.deleted
                        })
                    {
                        *c = roster;
                    }
                });
            } else if let Ok(d) =
                decode::<Dataset>("dataset", &text, DATASET_SCHEMA, migrations::none)
            {
                ready = true;
                writer
                    .set_dataset
                    .set(DatasetState::Ready(Shared(Arc::new(d))));
            }
        }
        if !ready {
            writer.set_dataset.set(DatasetState::Failed);
        }
    });
}
