//! Loads the published data (the whole district's `/data/district.json`, or for the card
//! entry first its one compound's file: `Program::published_data`), which the service
//! worker precaches so that it loads offline too.

use std::sync::Arc;

use leptos::prelude::*;

use super::{AppWriter, DatasetState, Shared};
use crate::domain::dataset::Dataset;
use crate::format::collections::DATASET_SCHEMA;
use crate::format::envelope::decode;
use crate::format::migrations;
use crate::platform::fetch::fetch_text;

/// Reads the first of `urls` that loads and decodes.
pub fn load_dataset(writer: AppWriter, urls: Vec<String>) {
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
        writer.set_dataset.set(match parsed {
            Some(d) => DatasetState::Ready(Shared(Arc::new(d))),
            None => DatasetState::Failed,
        });
    });
}
