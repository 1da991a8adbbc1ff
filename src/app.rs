//! The root component: state, routes, and the frame around them.

use leptos::prelude::*;

use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::handoff::HandoffPage;
use crate::pages::poster::PosterPage;
use crate::pages::report_detail::ReportDetailPage;
use crate::pages::report_new::ReportNewPage;
use crate::pages::reports::ReportsPage;
use crate::pages::settings::SettingsPage;
use crate::state::dataset::load_dataset;
use crate::state::location::{provide_location, use_location};
use crate::state::own_reports::claim_own_reports;
use crate::state::records::provide_records;
use crate::state::sync::{my_compound, provide_sync};
use crate::state::{AppState, AppWriter, DatasetState, StartRecords, persist, provide_app_state};

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
    provide_context(crate::platform::pwa::start(program.worker()));
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
            crate::platform::shell::remove_static_shell();
        }
    });
    // The document follows the settings: language for screen readers and fonts, and the
    // elder-mode class that enlarges everything.
    Effect::new(move |_| {
        let settings = state.settings.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", settings.lang.tag());
            let _ = root
                .class_list()
                .toggle_with_force("elder", settings.elder_mode);
        }
    });
}

/// The resident app: every route of the contract but the steward console's. A first visit
/// to the directory or a card gets the smaller browse entry (`browse.rs`) instead.
#[component]
pub fn App() -> impl IntoView {
    start_app(Program::Resident, provide_records);
    let (sync, _) = provide_sync(my_compound());
    claim_own_reports(sync);
    let location = use_location();
    view! { <AppFrame>{move || page(location.route())}</AppFrame> }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Poster { compound } => view! { <PosterPage compound/> }.into_any(),
        Route::ReportNew => view! { <ReportNewPage/> }.into_any(),
        Route::Reports => view! { <ReportsPage/> }.into_any(),
        Route::Report { id } => view! { <ReportDetailPage id/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
        Route::Handoff => view! { <HandoffPage/> }.into_any(),
        // The directory, battle maps and cards, as the browse entry shows them.
        browse => crate::browse::page(browse),
    }
}
