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
use crate::platform::clock::sleep;
use crate::platform::fetch::fetch_text;

/// Waits before each further attempt (ms): a fetch that fails once — a service worker
/// being restarted by the browser while offline, a network dropping for a moment — would
/// otherwise leave the page without any roster until the next reload.
const RETRIES_MS: [i32; 2] = [800, 2500];

/// Reads the first of `urls` that loads and decodes, trying the list again after each of
/// `RETRIES_MS` before saying it failed.
pub fn load_dataset(writer: AppWriter, urls: Vec<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut parsed = None;
        for wait in std::iter::once(0).chain(RETRIES_MS) {
            if wait > 0 {
                sleep(wait).await;
            }
            for url in &urls {
                parsed = fetch_text(url).await.and_then(|text| {
                    decode::<Dataset>("dataset", &text, DATASET_SCHEMA, migrations::none).ok()
                });
                if parsed.is_some() {
                    break;
                }
            }
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
