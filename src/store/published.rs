//! Fetches the published district dataset (`/data/district.json`), which the service
//! worker precaches so that it loads offline too.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::envelope::decode;
use super::state::{AppWriter, DatasetState, Shared};
use crate::domain::dataset::Dataset;

pub const DATASET_URL: &str = "/data/district.json";
pub const DATASET_SCHEMA: u32 = 1;

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

fn no_migrations(_: u32, _: serde_json::Value) -> Option<serde_json::Value> {
    None
}

pub fn load_dataset(writer: AppWriter) {
    wasm_bindgen_futures::spawn_local(async move {
        let parsed = fetch_text(DATASET_URL).await.and_then(|text| {
            decode::<Dataset>("dataset", &text, DATASET_SCHEMA, no_migrations).ok()
        });
        writer.set_dataset.set(match parsed {
            Some(d) => DatasetState::Ready(Shared(Arc::new(d))),
            None => DatasetState::Failed,
        });
    });
}
