//! Loads the published district dataset (`/data/district.json`), which the service
//! worker precaches so that it loads offline too.

use std::sync::Arc;

use leptos::prelude::*;

use super::{AppWriter, DatasetState, Shared};
use crate::domain::dataset::Dataset;
use crate::format::collections::DATASET_SCHEMA;
use crate::format::envelope::decode;
use crate::format::migrations;
use crate::platform::fetch::fetch_text;

pub const DATASET_URL: &str = "/data/district.json";

pub fn load_dataset(writer: AppWriter) {
    wasm_bindgen_futures::spawn_local(async move {
        let parsed = fetch_text(DATASET_URL).await.and_then(|text| {
            decode::<Dataset>("dataset", &text, DATASET_SCHEMA, migrations::none).ok()
        });
        writer.set_dataset.set(match parsed {
            Some(d) => DatasetState::Ready(Shared(Arc::new(d))),
            None => DatasetState::Failed,
        });
    });
}
