//! Persistence. The pure half (envelopes, migrations, merging, backups) is tested
//! natively; the browser half (`local`, `state`) exists only in the wasm build.

pub mod backup;
pub mod collections;
pub mod csv;
pub mod envelope;
pub mod error;
pub mod merge;
pub mod migrations;
pub mod roster;
pub mod settings;

#[cfg(target_arch = "wasm32")]
pub mod local;
#[cfg(target_arch = "wasm32")]
pub mod persist;
#[cfg(target_arch = "wasm32")]
pub mod photos;
#[cfg(target_arch = "wasm32")]
pub mod published;
#[cfg(target_arch = "wasm32")]
pub mod state;
