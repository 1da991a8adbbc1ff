//! How every program starts (the browse entry, the card, the report entry, the resident
//! app, the steward console, the dashboard): which program it is, the state read from
//! storage and persisted, the PWA state, the published data, and the page following the
//! settings. Each entry's root component calls one of these first.

use leptos::prelude::*;

use super::dataset::load_dataset;
use super::location::{provide_location, use_location};
use super::{AppState, AppWriter, DatasetState, StartRecords, persist, provide_app_state};
use crate::format::entry_points::Program;
use crate::platform::pwa;
use crate::platform::shell::remove_static_shell;

/// What every entry point (browse, the resident app, the steward console) starts with:
/// which program this is (for links into the others), the state read from storage and
/// persisted, the PWA state, the published data loading, the document following the
/// settings, and the static shell giving way once there is data.
pub fn start_app(program: Program, records: StartRecords) {
    let started = start_state(program, records);
    start_data(program, started);
}

/// The first half of `start_app`: the program, where the person is, the state read from
/// storage and persisted, and the PWA state — what the frame and the pages read.
pub fn start_state(program: Program, records: StartRecords) -> (AppState, AppWriter) {
    provide_context(program);
    provide_location(program);
    let (state, writer) = provide_app_state(records);
    persist::start(state, writer);
    provide_context(pwa::start(program.worker()));
    (state, writer)
}

/// The second half: the published data loading, the document following the settings, and
/// the static shell giving way once there is data (a program that draws its page in
/// stages calls this after the last, so the shell never gives way to an unfinished page).
pub fn start_data(program: Program, (state, writer): (AppState, AppWriter)) {
    load_dataset(
        writer,
        program.published_data(&untrack(|| use_location().route())),
    );
    follow_data(state);
}

/// The static shell giving way once there is data, and the document following the
/// settings (`start_data` without the loading, for the card entry, which loads its own).
pub fn follow_data(state: AppState) {
    Effect::new(move |_| {
        if state.records_ready.get() && state.dataset.with(|d| *d != DatasetState::Loading) {
            remove_static_shell();
        }
    });
    // The document follows the settings: language for screen readers and fonts, and the
    // elder-mode class that enlarges everything.
    Effect::new(move |_| {
        let settings = state.settings.get();
        crate::platform::shell::follow_settings(settings.lang.tag(), settings.elder_mode);
    });
}
