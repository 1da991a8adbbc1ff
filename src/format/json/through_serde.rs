//! Stored values only the resident app and the console read (the first store's records,
//! moved into documents once; steward mode) go through their serde derives: their
//! envelopes and migrations are the same `Json` as everyone's, and their data becomes
//! text for serde. Generic code is instantiated only where it is used, so the browse and
//! card entries pay nothing for it.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{FromJson, Json, ToJson, parse};
use crate::format::steward_mode::StewardMode;

/// A serde type read through JSON text.
#[derive(Default)]
pub struct ViaSerde<T>(pub T);

impl<T: DeserializeOwned> FromJson for ViaSerde<T> {
    fn from_json(json: &Json) -> Option<ViaSerde<T>> {
        serde_json::from_str(&json.to_string()).ok().map(ViaSerde)
    }
}

impl<T: Serialize> ToJson for ViaSerde<T> {
    fn to_json(&self) -> Json {
        // Our own plain data types always serialise (no maps with non-string keys).
        serde_json::to_string(&self.0)
            .ok()
            .and_then(|text| parse(&text).ok())
            .unwrap_or(Json::Null)
    }
}

impl FromJson for StewardMode {
    fn from_json(json: &Json) -> Option<StewardMode> {
        ViaSerde::from_json(json).map(|v| v.0)
    }
}

impl ToJson for StewardMode {
    fn to_json(&self) -> Json {
        ViaSerde(self).to_json()
    }
}
