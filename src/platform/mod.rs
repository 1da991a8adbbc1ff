//! The browser, behind plain Rust functions: localStorage, IndexedDB photos, downloads,
//! the clock, erasing everything, and the service worker. Every failure comes back as a
//! value, never a panic. Nothing above this layer touches web-sys storage directly.

pub mod broadcast;
pub mod clock;
pub mod couch;
pub mod crypto;
pub mod dialog;
pub mod doc_store;
pub mod download;
pub mod erase;
pub mod fetch;
pub mod handoff_link;
pub mod history;
pub mod idb;
pub mod local_storage;
pub mod photos;
pub mod print;
pub mod pwa;
pub mod replicator;
pub mod share;
pub mod shell;
pub mod tab_lock;
pub mod window_events;
