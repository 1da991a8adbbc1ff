//! Loads the published data (the whole district's `/data/district.json`, or for the card
//! entry first its one compound's file: `Program::published_data`), which the service
//! worker precaches so that it loads offline too.

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

/// Reads the first of `urls` that loads and decodes; then, with `live` (the card entry's
/// live roster, `Program::live_roster`), that compound's roster on the server, drawn
/// instead of the published one when it is newer. Offline, without a server or with a
/// document that does not read as a compound, the published data stays, and nothing is
/// said.
pub fn load_dataset(writer: AppWriter, urls: Vec<String>, live: Option<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut parsed = None;
        for url in &urls {
            parsed = fetch_text(url).await.and_then(|text| {
                decode::<Dataset>("dataset", &text, DATASET_SCHEMA, migrations::none).ok()
            });
            if parsed.is_some() {
                break;
            }
        }
        writer.set_dataset.set(match &parsed {
            Some(d) => DatasetState::Ready(Shared(Arc::new(d.clone()))),
            None => DatasetState::Failed,
        });
        let (Some(mut dataset), Some(live)) = (parsed, live) else {
            return;
        };
        let Some(roster) = fetch_text(&live)
            .await
            .and_then(|t| from_str::<Compound>(&t))
        else {
            return;
        };
        if let Some(c) = dataset.compounds.iter_mut().find(|c| c.id == roster.id)
            && !roster.deleted
            && roster.updated_at > c.updated_at
        {
            *c = roster;
            writer
                .set_dataset
                .set(DatasetState::Ready(Shared(Arc::new(dataset))));
        }
    });
}
