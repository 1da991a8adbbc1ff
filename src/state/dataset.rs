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
use crate::platform::clock::after;
use crate::platform::fetch::fetch_text;

/// Waits before each further attempt (ms): a fetch that fails once — a service worker
/// being restarted by the browser while offline, a network dropping for a moment — would
/// otherwise leave the page without any roster until the next reload.
const RETRIES_MS: [i32; 2] = [800, 2500];

/// Reads the first of `urls` that loads and decodes, trying the list again after each of
/// `RETRIES_MS` before saying it failed.
pub fn load_dataset(writer: AppWriter, urls: Vec<String>) {
    load(writer, urls, 0);
}

fn load(writer: AppWriter, urls: Vec<String>, attempt: usize) {
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
        match (parsed, RETRIES_MS.get(attempt)) {
            (Some(d), _) => writer
                .set_dataset
                .set(DatasetState::Ready(Shared(Arc::new(d)))),
            (None, Some(&wait)) => after(wait, move || load(writer, urls, attempt + 1)),
            (None, None) => writer.set_dataset.set(DatasetState::Failed),
        }
    });
}
